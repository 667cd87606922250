//! What to connect to: `host[:port]`, `[v6]:port`, a bare IPv6 address, or an `https://`
//! URL (its path is dropped). Names are checked for shape here; whether they may be
//! fetched is `guard`'s job.

use std::fmt;
use std::net::IpAddr;

use super::FetchError;

/// The port of `https://`.
pub const HTTPS_PORT: u16 = 443;

/// A host: a DNS name (lowercase, no trailing dot) or an IP address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A DNS name.
    Name(String),
    /// An IP address given literally.
    Ip(IpAddr),
}

impl Host {
    /// Reads a host: an IP address (IPv6 with or without brackets) or a DNS name.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bare = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(text);
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok(Host::Ip(ip));
        }
        let name = text.strip_suffix('.').unwrap_or(text).to_ascii_lowercase();
        check_name(&name)?;
        Ok(Host::Name(name))
    }
}

impl fmt::Display for Host {
    /// A name as is, an IPv4 address as is, an IPv6 address in brackets (as in a URL).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(name) => f.write_str(name),
            Host::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]"),
            Host::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

/// RFC 1123 §2.1 host names: letters, digits and hyphens in labels of 1 to 63 characters,
/// 253 in all. Underscores are tolerated (they occur in internal names).
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 253 {
        return Err(format!("{name:?} is not a host name (1 to 253 characters)"));
    }
    for label in name.split('.') {
        let shape_ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !shape_ok {
            return Err(format!(
                "{name:?} is not a host name (labels of letters, digits and hyphens; \
                 give internationalised names in their xn-- form)"
            ));
        }
    }
    Ok(())
}

/// A host and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The host.
    pub host: Host,
    /// The TCP port.
    pub port: u16,
}

impl Target {
    /// Reads `host`, `host:port`, `[v6]:port`, `v6` or `https://host[:port][/path]`;
    /// the port defaults to `default_port`.
    pub fn parse(text: &str, default_port: u16) -> Result<Self, FetchError> {
        let invalid = |why: String| FetchError::InvalidTarget(format!("target {text:?}: {why}"));
        let rest = text.trim();
        let rest = rest.strip_prefix("https://").unwrap_or(rest);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() {
            return Err(invalid("expected host[:port], like gitlab.example.com:443".into()));
        }
        if authority.contains('@') {
            return Err(invalid("no user name or password in a target".into()));
        }
        let (host, port) = split_port(authority).map_err(invalid)?;
        let host = Host::parse(host).map_err(invalid)?;
        Ok(Target { host, port: port.unwrap_or(default_port) })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.host, self.port)
    }
}

/// `host:port` into its parts; a bare IPv6 address (several colons, no brackets) has no port.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let colon = if authority.starts_with('[') {
        let end = authority.find(']').ok_or("an IPv6 address in [ ] lacks its ]")?;
        match &authority[end + 1..] {
            "" => None,
            rest if rest.starts_with(':') => Some(end + 1),
            _ => return Err("expected :port after ]".into()),
        }
    } else if authority.matches(':').count() == 1 {
        authority.find(':')
    } else {
        None
    };
    let Some(colon) = colon else { return Ok((authority, None)) };
    let port = &authority[colon + 1..];
    match port.parse::<u16>() {
        Ok(port) if port > 0 => Ok((&authority[..colon], Some(port))),
        _ => Err(format!("{port:?} is not a port (1 to 65535)")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn parsed(text: &str) -> String {
        Target::parse(text, HTTPS_PORT).map_or_else(|e| format!("error: {e}"), |t| t.to_string())
    }

    #[test]
    fn targets_take_every_usual_form() {
        assert_eq!(parsed("GitLab.Example.com."), "gitlab.example.com:443");
        assert_eq!(parsed("gitlab.example.com:8443"), "gitlab.example.com:8443");
        assert_eq!(
            parsed("https://gitlab.example.com:8443/users/sign_in"),
            "gitlab.example.com:8443"
        );
        assert_eq!(parsed("10.1.2.3:636"), "10.1.2.3:636");
        assert_eq!(parsed("[::1]:8443"), "[::1]:8443");
        assert_eq!(parsed("[::1]"), "[::1]:443");
        assert_eq!(parsed("fe80::1"), "[fe80::1]:443");
    }

    #[test]
    fn malformed_targets_say_what_is_wrong() {
        assert!(parsed("").contains("expected host[:port]"));
        assert!(parsed("host:0").contains("not a port"));
        assert!(parsed("host:99999").contains("not a port"));
        assert!(parsed("bad host").contains("not a host name"));
        assert!(parsed("-x.example.com").contains("not a host name"));
        assert!(parsed("user:pw@host").contains("no user name"));
        assert!(parsed("[::1").contains("lacks its ]"));
        assert!(parsed("[::1]x").contains("expected :port"));
        assert!(parsed("bücher.example").contains("xn--"));
    }
}
