//! `--allow-fetch` patterns: what the service may connect to.
//!
//! - `gitlab.example.com`: exactly this host name;
//! - `*.example.com`: any name under example.com, at any depth (not example.com itself);
//! - `*`: any host name;
//! - `10.1.0.0/16`, `::1/128`, or a bare address (`/32` or `/128`): these addresses.
//!
//! Name patterns match the name asked for; they never unlock an address that `guard`
//! refuses (loopback, private…). Only a network pattern that contains the address does.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use super::target::Host;

/// One `--allow-fetch` pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// Any host name (`*`).
    AnyName,
    /// Exactly this name (lowercase).
    Name(String),
    /// Any name ending with this suffix, which starts with a dot (`*.example.com`).
    Suffix(String),
    /// Every address in this network.
    Network(Network),
}

impl Pattern {
    /// Whether this is a name pattern that matches `host` (IP literals match no name pattern).
    pub fn matches_name(&self, host: &Host) -> bool {
        let Host::Name(name) = host else { return false };
        match self {
            Pattern::AnyName => true,
            Pattern::Name(exact) => name == exact,
            Pattern::Suffix(suffix) => name.ends_with(suffix.as_str()),
            Pattern::Network(_) => false,
        }
    }

    /// Whether this is a network pattern that contains `ip`.
    pub fn contains(&self, ip: IpAddr) -> bool {
        matches!(self, Pattern::Network(net) if net.contains(ip))
    }
}

impl FromStr for Pattern {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text == "*" {
            return Ok(Pattern::AnyName);
        }
        if let Some(suffix) = text.strip_prefix("*.") {
            return match Host::parse(suffix) {
                Ok(Host::Name(name)) => Ok(Pattern::Suffix(format!(".{name}"))),
                _ => Err(format!("{text:?}: expected *.domain, like *.example.com")),
            };
        }
        if text.contains('/') || text.parse::<IpAddr>().is_ok() {
            return text.parse().map(Pattern::Network);
        }
        match Host::parse(text) {
            Ok(Host::Name(name)) => Ok(Pattern::Name(name)),
            _ => Err(format!(
                "{text:?}: expected a host name, *.domain, an address or a network (10.1.0.0/16)"
            )),
        }
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pattern::AnyName => f.write_str("*"),
            Pattern::Name(name) => f.write_str(name),
            Pattern::Suffix(suffix) => write!(f, "*{suffix}"),
            Pattern::Network(net) => write!(f, "{net}"),
        }
    }
}

/// An address range in CIDR notation (RFC 4632 §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    /// The first address (host bits zero).
    base: IpAddr,
    /// Prefix length.
    prefix: u8,
}

impl Network {
    /// Whether `ip` is in this network. An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is
    /// the IPv4 address it carries.
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.contains_exactly(ip) || self.contains_exactly(ip.to_canonical())
    }

    fn contains_exactly(&self, ip: IpAddr) -> bool {
        match (self.base, ip) {
            (IpAddr::V4(base), IpAddr::V4(ip)) => {
                prefix_equal(&base.octets(), &ip.octets(), self.prefix)
            }
            (IpAddr::V6(base), IpAddr::V6(ip)) => {
                prefix_equal(&base.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

/// Whether the first `prefix` bits of `a` and `b` are equal.
fn prefix_equal(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let bits = usize::from(prefix);
    let (whole, rest) = (bits / 8, bits % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        a[whole] & mask == b[whole] & mask
    }
}

impl FromStr for Network {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (addr, prefix) = text.split_once('/').unwrap_or((text, ""));
        let invalid = || format!("{text:?}: expected a network like 10.1.0.0/16 or fd00::/8");
        let base: IpAddr = addr.parse().map_err(|_| invalid())?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = if prefix.is_empty() { max } else { prefix.parse().map_err(|_| invalid())? };
        if prefix > max {
            return Err(format!("{text:?}: the prefix length is at most {max}"));
        }
        let network = Network { base, prefix };
        if network.first() != base {
            return Err(format!("{text:?}: host bits are set; did you mean {}?", network.masked()));
        }
        Ok(network)
    }
}

impl Network {
    /// The base address with the host bits cleared.
    fn first(&self) -> IpAddr {
        self.masked().base
    }

    fn masked(&self) -> Network {
        fn clear<const N: usize>(mut octets: [u8; N], prefix: u8) -> [u8; N] {
            for (i, byte) in octets.iter_mut().enumerate() {
                let kept = usize::from(prefix).saturating_sub(i * 8).min(8);
                *byte &= if kept == 0 { 0 } else { 0xffu8 << (8 - kept) };
            }
            octets
        }
        let base = match self.base {
            IpAddr::V4(ip) => IpAddr::from(clear(ip.octets(), self.prefix)),
            IpAddr::V6(ip) => IpAddr::from(clear(ip.octets(), self.prefix)),
        };
        Network { base, prefix: self.prefix }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.base, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn pattern(text: &str) -> Pattern {
        text.parse().unwrap()
    }

    fn name(text: &str) -> Host {
        Host::parse(text).unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn name_patterns_match_names_only() {
        assert!(pattern("*.example.com").matches_name(&name("a.b.example.com")));
        assert!(pattern("*.Example.com").matches_name(&name("gitlab.example.com")));
        assert!(!pattern("*.example.com").matches_name(&name("example.com")));
        assert!(!pattern("*.example.com").matches_name(&name("badexample.com")));
        assert!(pattern("gitlab.example.com").matches_name(&name("GitLab.example.com.")));
        assert!(!pattern("gitlab.example.com").matches_name(&name("x.gitlab.example.com")));
        assert!(pattern("*").matches_name(&name("anything")));
        assert!(!pattern("*").matches_name(&name("10.0.0.1")));
        assert!(!pattern("10.0.0.0/8").matches_name(&name("ten")));
    }

    #[test]
    fn networks_contain_their_addresses_and_mapped_forms() {
        let net = pattern("10.1.0.0/16");
        assert!(net.contains(ip("10.1.255.7")));
        assert!(!net.contains(ip("10.2.0.1")));
        assert!(net.contains(ip("::ffff:10.1.0.1")));
        assert!(pattern("127.0.0.1").contains(ip("127.0.0.1")));
        assert!(!pattern("127.0.0.1").contains(ip("127.0.0.2")));
        assert!(pattern("::1/128").contains(ip("::1")));
        assert!(pattern("::ffff:127.0.0.1").contains(ip("::ffff:127.0.0.1")));
        assert!(pattern("fd00::/8").contains(ip("fd12::1")));
        assert!(!pattern("fd00::/8").contains(ip("fe80::1")));
        assert!(pattern("172.16.0.0/12").contains(ip("172.31.0.1")));
        assert!(!pattern("172.16.0.0/12").contains(ip("172.32.0.1")));
        assert!(pattern("0.0.0.0/0").contains(ip("8.8.8.8")));
        assert!(!pattern("*").contains(ip("8.8.8.8")));
    }

    #[test]
    fn malformed_patterns_are_refused_with_a_hint() {
        assert!("10.1.0.1/16".parse::<Pattern>().unwrap_err().contains("10.1.0.0/16"));
        assert!("10.0.0.0/33".parse::<Pattern>().unwrap_err().contains("at most 32"));
        assert!("10.0.0.0/x".parse::<Pattern>().is_err());
        assert!("*.".parse::<Pattern>().is_err());
        assert!("a b".parse::<Pattern>().is_err());
        assert_eq!(pattern("*.Example.COM").to_string(), "*.example.com");
    }
}
