//! SSRF guards of the service: what `certchain serve` may connect to when a client asks it
//! to fetch a chain (or an AIA issuer), and what `certchain fetch --aia` may download from.
//!
//! Fetching is off unless `--allow-fetch` names hosts or networks. The host name is
//! resolved once, every address it resolves to is checked, and the connection goes to the
//! checked addresses ([`Admitted`]): no second resolution, so no DNS rebinding between the
//! check and the connection. Addresses of the special-purpose ranges (RFC 6890 and the IANA
//! IPv4 and IPv6 Special-Purpose Address Registries), and IPv6 addresses that carry such an
//! IPv4 address, are refused unless a network pattern contains them: a name pattern never
//! unlocks them. Ports are limited to a list. The CLI runs on the user's own machine:
//! [`Guard::open`] checks nothing, and [`Guard::public`] (its AIA downloads) refuses the
//! special-purpose ranges only.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::net::TcpStream;

use super::pattern::Pattern;
use super::target::Host;
use super::FetchError;

/// Longest wait for a name to resolve.
pub const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);
/// Longest wait for a TCP connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Ports the service fetches from unless `--fetch-ports` says otherwise: HTTPS, its usual
/// alternative, LDAPS, IMAPS, POP3S and SMTPS.
pub const DEFAULT_PORTS: [u16; 6] = [443, 8443, 636, 993, 995, 465];

/// What may be connected to.
#[derive(Debug, Clone)]
pub struct Guard {
    /// `None`: no checks (the CLI).
    policy: Option<Policy>,
}

#[derive(Debug, Clone)]
enum Policy {
    /// The service: these patterns, these ports.
    Listed { allow: Vec<Pattern>, ports: Vec<u16> },
    /// The CLI's AIA downloads: any name and port, no special-purpose address.
    Public,
}

/// An address class that is never fetched from unless a network pattern contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Class {
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// 0.0.0.0, ::.
    Unspecified,
    /// 0.0.0.0/8 besides 0.0.0.0.
    ThisNetwork,
    /// 10/8, 172.16/12, 192.168/16, fc00::/7.
    Private,
    /// 100.64.0.0/10.
    SharedCgnat,
    /// 169.254.169.254, fd00:ec2::254.
    CloudMetadata,
    /// 169.254.0.0/16, fe80::/10.
    LinkLocal,
    /// 224.0.0.0/4, ff00::/8.
    Multicast,
    /// 255.255.255.255.
    Broadcast,
    /// 240.0.0.0/4.
    Reserved,
    /// 192.0.0.0/24 (DS-Lite, NAT64 discovery, PCP and TURN anycast…).
    ProtocolAssignments,
    /// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20.
    Documentation,
    /// 198.18.0.0/15, 2001:2::/48.
    Benchmarking,
    /// 192.88.99.0/24.
    Relay6to4,
    /// fec0::/10.
    SiteLocal,
    /// 64:ff9b:1::/48.
    Nat64LocalUse,
    /// 100::/64.
    DiscardOnly,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Loopback => "a loopback address (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3)",
            Class::Unspecified => "the unspecified address (RFC 1122 §3.2.1.3, RFC 4291 §2.5.2)",
            Class::ThisNetwork => "a \"this network\" address (RFC 1122 §3.2.1.3)",
            Class::Private => "a private address (RFC 1918, RFC 4193)",
            Class::SharedCgnat => "a shared (carrier-grade NAT) address (RFC 6598)",
            Class::CloudMetadata => "a cloud metadata service address",
            Class::LinkLocal => "a link-local address (RFC 3927, RFC 4291 §2.5.6)",
            Class::Multicast => "a multicast address (RFC 5771, RFC 4291 §2.7)",
            Class::Broadcast => "the broadcast address (RFC 919)",
            Class::Reserved => "a reserved address (RFC 1112 §4)",
            Class::ProtocolAssignments => {
                "an IETF protocol assignment address (RFC 6890 §2.2.2, 192.0.0.0/24)"
            }
            Class::Documentation => "a documentation address (RFC 5737, RFC 3849, RFC 9637)",
            Class::Benchmarking => "a benchmarking address (RFC 2544, RFC 5180)",
            Class::Relay6to4 => "a deprecated 6to4 relay anycast address (RFC 7526)",
            Class::SiteLocal => "a site-local address (RFC 3879)",
            Class::Nat64LocalUse => "a local-use NAT64 address (RFC 8215)",
            Class::DiscardOnly => "a discard-only address (RFC 6666)",
        })
    }
}

/// The forbidden class of `ip`, if any. IPv6 forms that carry an IPv4 address are judged by
/// that address (see [`embedded_v4`]).
pub fn forbidden_class(ip: IpAddr) -> Option<Class> {
    match ip {
        IpAddr::V4(ip) => v4_class(ip),
        IpAddr::V6(ip) => v6_class(ip),
    }
}

/// IPv4 ranges refused, first match first (the metadata address before link-local). From
/// the IANA IPv4 Special-Purpose Address Registry (RFC 6890 §2.2.2) every range that is not
/// globally reachable, with multicast (RFC 5771) added; the registry's globally reachable
/// entries (192.31.196.0/24 AS112-v4, 192.52.193.0/24 AMT, 192.175.48.0/24 AS112) stay open.
const V4_RANGES: [(Ipv4Addr, u8, Class); 18] = [
    (Ipv4Addr::new(0, 0, 0, 0), 32, Class::Unspecified), // RFC 1122 §3.2.1.3
    (Ipv4Addr::new(0, 0, 0, 0), 8, Class::ThisNetwork),  // RFC 791 §3.2
    (Ipv4Addr::new(10, 0, 0, 0), 8, Class::Private),     // RFC 1918
    (Ipv4Addr::new(100, 64, 0, 0), 10, Class::SharedCgnat), // RFC 6598
    (Ipv4Addr::new(127, 0, 0, 0), 8, Class::Loopback),   // RFC 1122 §3.2.1.3
    // AWS, GCP, Azure, OpenStack: the instance metadata service.
    (Ipv4Addr::new(169, 254, 169, 254), 32, Class::CloudMetadata),
    (Ipv4Addr::new(169, 254, 0, 0), 16, Class::LinkLocal), // RFC 3927
    (Ipv4Addr::new(172, 16, 0, 0), 12, Class::Private),    // RFC 1918
    (Ipv4Addr::new(192, 0, 0, 0), 24, Class::ProtocolAssignments), // RFC 6890 §2.2.2
    (Ipv4Addr::new(192, 0, 2, 0), 24, Class::Documentation), // RFC 5737 (TEST-NET-1)
    (Ipv4Addr::new(192, 88, 99, 0), 24, Class::Relay6to4), // RFC 7526
    (Ipv4Addr::new(192, 168, 0, 0), 16, Class::Private),   // RFC 1918
    (Ipv4Addr::new(198, 18, 0, 0), 15, Class::Benchmarking), // RFC 2544 §C.2.2
    (Ipv4Addr::new(198, 51, 100, 0), 24, Class::Documentation), // RFC 5737 (TEST-NET-2)
    (Ipv4Addr::new(203, 0, 113, 0), 24, Class::Documentation), // RFC 5737 (TEST-NET-3)
    (Ipv4Addr::new(224, 0, 0, 0), 4, Class::Multicast),    // RFC 5771
    (Ipv4Addr::new(255, 255, 255, 255), 32, Class::Broadcast), // RFC 919 §7, RFC 8190
    (Ipv4Addr::new(240, 0, 0, 0), 4, Class::Reserved),     // RFC 1112 §4
];

/// AWS's IPv6 instance metadata endpoint.
const METADATA_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254);

/// IPv6 ranges refused, first match first, from the IANA IPv6 Special-Purpose Address
/// Registry (RFC 6890 §2.2.3) with multicast (RFC 4291 §2.7) and site-local (RFC 3879)
/// added. The forms that carry an IPv4 address are judged by it before this table.
const V6_RANGES: [(Ipv6Addr, u8, Class); 12] = [
    (Ipv6Addr::LOCALHOST, 128, Class::Loopback), // RFC 4291 §2.5.3
    (Ipv6Addr::UNSPECIFIED, 128, Class::Unspecified), // RFC 4291 §2.5.2
    (METADATA_V6, 128, Class::CloudMetadata),
    (Ipv6Addr::new(0x64, 0xff9b, 1, 0, 0, 0, 0, 0), 48, Class::Nat64LocalUse), // RFC 8215
    (Ipv6Addr::new(0x100, 0, 0, 0, 0, 0, 0, 0), 64, Class::DiscardOnly),       // RFC 6666
    (Ipv6Addr::new(0x2001, 2, 0, 0, 0, 0, 0, 0), 48, Class::Benchmarking),     // RFC 5180
    (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32, Class::Documentation), // RFC 3849
    (Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20, Class::Documentation),    // RFC 9637
    (Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0), 7, Class::Private),           // RFC 4193
    (Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), 10, Class::LinkLocal),        // RFC 4291 §2.5.6
    (Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0), 10, Class::SiteLocal),        // RFC 3879
    (Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0), 8, Class::Multicast),         // RFC 4291 §2.7
];

fn v4_class(ip: Ipv4Addr) -> Option<Class> {
    let bits = u32::from(ip);
    V4_RANGES.iter().find_map(|&(base, len, class)| {
        let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
        (bits & mask == u32::from(base) & mask).then_some(class)
    })
}

fn v6_class(ip: Ipv6Addr) -> Option<Class> {
    if let Some(class) = embedded_v4(ip).into_iter().find_map(v4_class) {
        return Some(class);
    }
    let bits = u128::from(ip);
    V6_RANGES.iter().find_map(|&(base, len, class)| {
        let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
        (bits & mask == u128::from(base) & mask).then_some(class)
    })
}

/// The IPv4 addresses an IPv6 address carries, by the form it has:
/// - IPv4-mapped `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2);
/// - SIIT's IPv4-translated `::ffff:0:a.b.c.d` (RFC 2765 §2.1, RFC 7915);
/// - IPv4-compatible `::a.b.c.d` (RFC 4291 §2.5.5.1, deprecated; `::` and `::1` excepted);
/// - NAT64's well-known prefix `64:ff9b::a.b.c.d` (RFC 6052 §2.1);
/// - 6to4 `2002:AABB:CCDD::/48`, the IPv4 address in bits 16–47 (RFC 3056 §2);
/// - Teredo `2001:0:SSSS:SSSS:…:CCCC:CCCC`, the server's address in bits 32–63 and the
///   client's, inverted, in bits 96–127 (RFC 4380 §4).
fn embedded_v4(ip: Ipv6Addr) -> Vec<Ipv4Addr> {
    let bits = u128::from(ip);
    let low = Ipv4Addr::from(bits as u32);
    let s = ip.segments();
    match s {
        [0, 0, 0, 0, 0, 0xffff, ..] | [0, 0, 0, 0, 0xffff, 0, ..] => vec![low],
        [0, 0, 0, 0, 0, 0, 0, 0 | 1] => Vec::new(),
        [0, 0, 0, 0, 0, 0, ..] => vec![low],
        [0x64, 0xff9b, 0, 0, 0, 0, ..] => vec![low],
        [0x2002, ..] => vec![Ipv4Addr::from((bits >> 80) as u32)],
        [0x2001, 0, ..] => {
            vec![Ipv4Addr::from((bits >> 64) as u32), Ipv4Addr::from(!(bits as u32))]
        }
        _ => Vec::new(),
    }
}

impl Guard {
    /// No checks, any port: the CLI, on the user's own machine.
    pub fn open() -> Self {
        Guard { policy: None }
    }

    /// The service's guard: these patterns and ports (no pattern: fetching is off).
    pub fn new(allow: Vec<Pattern>, ports: Vec<u16>) -> Self {
        Guard { policy: Some(Policy::Listed { allow, ports }) }
    }

    /// Any name and port, but no special-purpose address: the CLI's AIA downloads, whose
    /// URLs come from the remote certificate, not from the user.
    pub fn public() -> Self {
        Guard { policy: Some(Policy::Public) }
    }

    /// The same guard, allowing `port` too (AIA's plain HTTP on port 80).
    pub fn with_port(&self, port: u16) -> Self {
        let mut guard = self.clone();
        if let Some(Policy::Listed { ports, .. }) = &mut guard.policy {
            ports.push(port);
        }
        guard
    }

    /// Whether anything may be fetched: open, public, or with at least one pattern.
    pub fn is_enabled(&self) -> bool {
        match &self.policy {
            Some(Policy::Listed { allow, .. }) => !allow.is_empty(),
            _ => true,
        }
    }

    /// Resolves `host` once and checks the port and every address.
    pub async fn admit(&self, host: &Host, port: u16) -> Result<Admitted, FetchError> {
        let Some(policy) = &self.policy else {
            return Ok(Admitted { addrs: resolve(host, port).await? });
        };
        policy.check_before_resolving(host, port)?;
        let addrs = resolve(host, port).await?;
        for addr in &addrs {
            policy.check_address(host, addr.ip())?;
        }
        Ok(Admitted { addrs })
    }
}

impl Policy {
    fn check_before_resolving(&self, host: &Host, port: u16) -> Result<(), FetchError> {
        let Policy::Listed { allow, ports } = self else { return Ok(()) };
        if allow.is_empty() {
            return Err(FetchError::Disabled);
        }
        if !ports.contains(&port) {
            let ports: Vec<String> = ports.iter().map(u16::to_string).collect();
            return Err(FetchError::Forbidden(format!(
                "port {port} is not a port this server fetches from ({}); see --fetch-ports",
                ports.join(", ")
            )));
        }
        // A name no pattern can let through is not even resolved. (An address is checked,
        // with the specific rule that refuses it, by `check_address`.)
        let by_name = allow.iter().any(|p| p.matches_name(host));
        let by_network = allow.iter().any(|p| matches!(p, Pattern::Network(_)));
        if matches!(host, Host::Name(_)) && !by_name && !by_network {
            return Err(not_allowed(host));
        }
        Ok(())
    }

    /// An address in a network pattern passes; otherwise it must be of no forbidden class
    /// and, for the service, reached through a name that a name pattern allows.
    fn check_address(&self, host: &Host, ip: IpAddr) -> Result<(), FetchError> {
        let allow = match self {
            Policy::Listed { allow, .. } => allow.as_slice(),
            Policy::Public => &[],
        };
        if allow.iter().any(|p| p.contains(ip)) {
            return Ok(());
        }
        if let Some(class) = forbidden_class(ip) {
            return Err(self.refusal(host, ip, class));
        }
        match self {
            Policy::Listed { .. } if !allow.iter().any(|p| p.matches_name(host)) => {
                Err(not_allowed(host))
            }
            _ => Ok(()),
        }
    }

    /// Why `ip` is refused, and the option that would allow it.
    fn refusal(&self, host: &Host, ip: IpAddr, class: Class) -> FetchError {
        let through = match host {
            Host::Name(name) => format!("{name} resolves to {ip}: "),
            Host::Ip(_) => String::new(),
        };
        let way_out = match self {
            Policy::Listed { .. } => {
                let canonical = ip.to_canonical();
                let bits = if canonical.is_ipv4() { 32 } else { 128 };
                format!("allow it explicitly with --allow-fetch {canonical}/{bits}")
            }
            Policy::Public => "give --aia-allow-private to download from it".to_string(),
        };
        FetchError::Forbidden(format!("{through}{ip} is {class}; {way_out}"))
    }
}

fn not_allowed(host: &Host) -> FetchError {
    FetchError::Forbidden(format!(
        "{host} is not allowed: it matches no --allow-fetch pattern of this server"
    ))
}

async fn resolve(host: &Host, port: u16) -> Result<Vec<SocketAddr>, FetchError> {
    let name = match host {
        Host::Ip(ip) => return Ok(vec![SocketAddr::new(*ip, port)]),
        Host::Name(name) => name.as_str(),
    };
    let failed = |why: String| FetchError::Failed(format!("cannot resolve {name}: {why}"));
    let found = tokio::time::timeout(RESOLVE_TIMEOUT, tokio::net::lookup_host((name, port)))
        .await
        .map_err(|_| failed(format!("no answer in {} s", RESOLVE_TIMEOUT.as_secs())))?
        .map_err(|e| failed(e.to_string()))?;
    let addrs: Vec<SocketAddr> = found.collect();
    if addrs.is_empty() {
        return Err(failed("it has no address".into()));
    }
    Ok(addrs)
}

/// Addresses that passed the guard: the only ones a fetch connects to.
#[derive(Debug)]
pub struct Admitted {
    addrs: Vec<SocketAddr>,
}

impl Admitted {
    /// Connects to the first address that answers, each within [`CONNECT_TIMEOUT`].
    pub async fn connect(&self) -> Result<TcpStream, FetchError> {
        let mut last = FetchError::Failed("no address to connect to".into());
        for &addr in &self.addrs {
            match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => return Ok(stream),
                Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                    last = FetchError::Failed(format!("{addr} refused the connection"));
                }
                Ok(Err(e)) => last = FetchError::Failed(format!("cannot connect to {addr}: {e}")),
                Err(_) => {
                    last = FetchError::Failed(format!(
                        "connecting to {addr} timed out after {} s",
                        CONNECT_TIMEOUT.as_secs()
                    ));
                }
            }
        }
        Err(last)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn class(text: &str) -> Option<Class> {
        forbidden_class(text.parse().unwrap())
    }

    /// Each range of the registries: its first and last address, and its neighbours.
    #[test]
    fn the_ipv4_special_purpose_ranges_are_refused_and_their_neighbours_are_not() {
        let cases = [
            ("192.0.0.0", Some(Class::ProtocolAssignments)),
            ("192.0.0.170", Some(Class::ProtocolAssignments)),
            ("192.0.0.255", Some(Class::ProtocolAssignments)),
            ("192.0.1.0", None),
            ("191.255.255.255", None),
            ("192.0.2.1", Some(Class::Documentation)),
            ("198.51.100.7", Some(Class::Documentation)),
            ("203.0.113.255", Some(Class::Documentation)),
            ("203.0.114.0", None),
            ("198.18.0.0", Some(Class::Benchmarking)),
            ("198.19.255.255", Some(Class::Benchmarking)),
            ("198.17.255.255", None),
            ("198.20.0.0", None),
            ("192.88.99.1", Some(Class::Relay6to4)),
            ("0.0.0.0", Some(Class::Unspecified)),
            ("0.255.0.1", Some(Class::ThisNetwork)),
            ("100.127.255.255", Some(Class::SharedCgnat)),
            ("169.254.169.254", Some(Class::CloudMetadata)),
            ("169.254.169.253", Some(Class::LinkLocal)),
            ("172.15.255.255", None),
            ("172.31.255.255", Some(Class::Private)),
            ("223.255.255.255", None),
            ("239.0.0.1", Some(Class::Multicast)),
            ("255.255.255.254", Some(Class::Reserved)),
            ("255.255.255.255", Some(Class::Broadcast)),
            // Globally reachable entries of the registry stay open.
            ("192.31.196.1", None),
            ("192.175.48.1", None),
            ("8.8.8.8", None),
        ];
        for (addr, expected) in cases {
            assert_eq!(class(addr), expected, "{addr}");
        }
    }

    #[test]
    fn the_ipv6_special_purpose_ranges_are_refused() {
        let cases = [
            ("::", Some(Class::Unspecified)),
            ("::1", Some(Class::Loopback)),
            ("64:ff9b:1::1", Some(Class::Nat64LocalUse)),
            ("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", Some(Class::Nat64LocalUse)),
            ("64:ff9b:2::1", None),
            ("100::1", Some(Class::DiscardOnly)),
            ("100:0:0:1::1", None),
            ("2001:2::1", Some(Class::Benchmarking)),
            ("2001:db8::1", Some(Class::Documentation)),
            ("3fff:fff::1", Some(Class::Documentation)),
            ("3fff:1000::1", None),
            ("fc00::1", Some(Class::Private)),
            ("fdff::1", Some(Class::Private)),
            ("fe80::1", Some(Class::LinkLocal)),
            ("febf::1", Some(Class::LinkLocal)),
            ("fec0::1", Some(Class::SiteLocal)),
            ("feff::1", Some(Class::SiteLocal)),
            ("ff02::1", Some(Class::Multicast)),
            ("fd00:ec2::254", Some(Class::CloudMetadata)),
            ("2606:4700:4700::1111", None),
        ];
        for (addr, expected) in cases {
            assert_eq!(class(addr), expected, "{addr}");
        }
    }

    /// Every IPv6 form that carries an IPv4 address is judged by that address.
    #[test]
    fn ipv6_forms_carrying_a_forbidden_ipv4_address_are_refused() {
        let cases = [
            // IPv4-mapped (RFC 4291 §2.5.5.2).
            ("::ffff:127.0.0.1", Some(Class::Loopback)),
            ("::ffff:8.8.8.8", None),
            // SIIT IPv4-translated (RFC 2765 §2.1).
            ("::ffff:0:169.254.169.254", Some(Class::CloudMetadata)),
            ("::ffff:0:10.0.0.1", Some(Class::Private)),
            ("::ffff:0:8.8.8.8", None),
            // IPv4-compatible (RFC 4291 §2.5.5.1).
            ("::10.0.0.1", Some(Class::Private)),
            ("::127.0.0.1", Some(Class::Loopback)),
            ("::0.0.0.2", Some(Class::ThisNetwork)),
            ("::8.8.8.8", None),
            // NAT64 well-known prefix (RFC 6052 §2.1).
            ("64:ff9b::127.0.0.1", Some(Class::Loopback)),
            ("64:ff9b::198.18.0.1", Some(Class::Benchmarking)),
            ("64:ff9b::8.8.8.8", None),
            // 6to4 (RFC 3056 §2): 2002:a9fe:a9fe:: carries 169.254.169.254.
            ("2002:a9fe:a9fe::1", Some(Class::CloudMetadata)),
            ("2002:7f00:1::", Some(Class::Loopback)),
            ("2002:c000:0201::1", Some(Class::Documentation)),
            ("2002:808:808::1", None),
            // Teredo (RFC 4380 §4): server 10.0.0.1, or client 127.0.0.1 (inverted).
            ("2001:0:a00:1::808:808", Some(Class::Private)),
            ("2001:0:808:808::80ff:fffe", Some(Class::Loopback)),
            ("2001:0:808:808::f7f7:f7f7", None),
        ];
        for (addr, expected) in cases {
            assert_eq!(class(addr), expected, "{addr}");
        }
    }

    #[tokio::test]
    async fn the_public_guard_refuses_special_addresses_with_its_own_way_out() {
        let guard = Guard::public();
        assert!(guard.is_enabled());
        let refused = guard.admit(&Host::parse("169.254.169.254").unwrap(), 80).await;
        let Err(FetchError::Forbidden(message)) = refused else { panic!("{refused:?}") };
        assert!(message.contains("cloud metadata"), "{message}");
        assert!(message.ends_with("give --aia-allow-private to download from it"), "{message}");
        let refused = guard.admit(&Host::parse("localhost").unwrap(), 8080).await;
        assert!(matches!(refused, Err(FetchError::Forbidden(m)) if m.contains("loopback")));
        // Any port, and a public address needs no pattern.
        assert!(guard.admit(&Host::parse("8.8.8.8").unwrap(), 8080).await.is_ok());
    }
}
