//! SSRF guards of the service: what `certchain serve` may connect to when a client asks it
//! to fetch a chain (or an AIA issuer).
//!
//! Fetching is off unless `--allow-fetch` names hosts or networks. The host name is
//! resolved once, every address it resolves to is checked, and the connection goes to the
//! checked addresses ([`Admitted`]): no second resolution, so no DNS rebinding between the
//! check and the connection. Addresses of the special-purpose ranges (RFC 6890) are refused
//! unless a network pattern contains them: a name pattern never unlocks them. Ports are
//! limited to a list. The CLI runs on the user's own machine: [`Guard::open`] checks nothing.

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
struct Policy {
    allow: Vec<Pattern>,
    ports: Vec<u16>,
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
        })
    }
}

/// The forbidden class of `ip`, if any. IPv6 forms that carry an IPv4 address (mapped
/// `::ffff:a.b.c.d`, RFC 4291 §2.5.5.2; compatible `::a.b.c.d`, §2.5.5.1; NAT64
/// `64:ff9b::a.b.c.d`, RFC 6052 §2.1) are judged by that IPv4 address.
pub fn forbidden_class(ip: IpAddr) -> Option<Class> {
    match ip {
        IpAddr::V4(ip) => v4_class(ip),
        IpAddr::V6(ip) => v6_class(ip),
    }
}

fn v4_class(ip: Ipv4Addr) -> Option<Class> {
    let [a, b, ..] = ip.octets();
    Some(match ip {
        _ if ip.is_unspecified() => Class::Unspecified,
        _ if a == 0 => Class::ThisNetwork,
        _ if ip.is_loopback() => Class::Loopback,
        _ if ip.is_private() => Class::Private,
        _ if a == 100 && (64..128).contains(&b) => Class::SharedCgnat,
        _ if ip == Ipv4Addr::new(169, 254, 169, 254) => Class::CloudMetadata,
        _ if ip.is_link_local() => Class::LinkLocal,
        _ if ip.is_multicast() => Class::Multicast,
        _ if ip.is_broadcast() => Class::Broadcast,
        _ if a >= 240 => Class::Reserved,
        _ => return None,
    })
}

/// AWS's IPv6 instance metadata endpoint.
const METADATA_V6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254);

fn v6_class(ip: Ipv6Addr) -> Option<Class> {
    if let Some(v4) = embedded_v4(ip) {
        return v4_class(v4);
    }
    Some(match ip {
        _ if ip.is_loopback() => Class::Loopback,
        _ if ip.is_unspecified() => Class::Unspecified,
        METADATA_V6 => Class::CloudMetadata,
        _ if ip.is_unique_local() => Class::Private,
        _ if ip.is_unicast_link_local() => Class::LinkLocal,
        _ if ip.is_multicast() => Class::Multicast,
        _ => return None,
    })
}

/// The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let [.., a, b, c, d] = ip.octets();
    let low = Ipv4Addr::new(a, b, c, d);
    match s[..6] {
        [0, 0, 0, 0, 0, 0xffff] => Some(low),
        // ::1 and :: are IPv6's own loopback and unspecified addresses, not compatible forms.
        [0, 0, 0, 0, 0, 0] if s[6] != 0 => Some(low),
        [0x64, 0xff9b, 0, 0, 0, 0] => Some(low),
        _ => None,
    }
}

impl Guard {
    /// No checks, any port: the CLI, on the user's own machine.
    pub fn open() -> Self {
        Guard { policy: None }
    }

    /// The service's guard: these patterns and ports (no pattern: fetching is off).
    pub fn new(allow: Vec<Pattern>, ports: Vec<u16>) -> Self {
        Guard { policy: Some(Policy { allow, ports }) }
    }

    /// The same guard, allowing `port` too (AIA's plain HTTP on port 80).
    pub fn with_port(&self, port: u16) -> Self {
        let mut guard = self.clone();
        if let Some(policy) = &mut guard.policy {
            policy.ports.push(port);
        }
        guard
    }

    /// Whether anything may be fetched: open, or with at least one pattern.
    pub fn is_enabled(&self) -> bool {
        self.policy.as_ref().is_none_or(|policy| !policy.allow.is_empty())
    }

    /// Resolves `host` once and checks the port and every address.
    pub async fn admit(&self, host: &Host, port: u16) -> Result<Admitted, FetchError> {
        let Some(policy) = &self.policy else {
            return Ok(Admitted { addrs: resolve(host, port).await? });
        };
        policy.check_before_resolving(host, port)?;
        let addrs = resolve(host, port).await?;
        let by_name = policy.allow.iter().any(|p| p.matches_name(host));
        for addr in &addrs {
            policy.check_address(host, addr.ip(), by_name)?;
        }
        Ok(Admitted { addrs })
    }
}

impl Policy {
    fn check_before_resolving(&self, host: &Host, port: u16) -> Result<(), FetchError> {
        if self.allow.is_empty() {
            return Err(FetchError::Disabled);
        }
        if !self.ports.contains(&port) {
            let ports: Vec<String> = self.ports.iter().map(u16::to_string).collect();
            return Err(FetchError::Forbidden(format!(
                "port {port} is not a port this server fetches from ({}); see --fetch-ports",
                ports.join(", ")
            )));
        }
        // A name no pattern can let through is not even resolved. (An address is checked,
        // with the specific rule that refuses it, by `check_address`.)
        let by_name = self.allow.iter().any(|p| p.matches_name(host));
        let by_network = self.allow.iter().any(|p| matches!(p, Pattern::Network(_)));
        if matches!(host, Host::Name(_)) && !by_name && !by_network {
            return Err(not_allowed(host));
        }
        Ok(())
    }

    /// An address in a network pattern passes; otherwise it must be of no forbidden class
    /// and reached through a name that a name pattern allows.
    fn check_address(&self, host: &Host, ip: IpAddr, by_name: bool) -> Result<(), FetchError> {
        if self.allow.iter().any(|p| p.contains(ip)) {
            return Ok(());
        }
        if let Some(class) = forbidden_class(ip) {
            let canonical = ip.to_canonical();
            let bits = if canonical.is_ipv4() { 32 } else { 128 };
            let through = match host {
                Host::Name(name) => format!("{name} resolves to {ip}: "),
                Host::Ip(_) => String::new(),
            };
            return Err(FetchError::Forbidden(format!(
                "{through}{ip} is {class}; allow it explicitly with --allow-fetch {canonical}/{bits}"
            )));
        }
        if by_name {
            Ok(())
        } else {
            Err(not_allowed(host))
        }
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
