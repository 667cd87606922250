//! Host names: reading what users type (`https://gitlab.example.com:8443/`, `[::1]:443`,
//! `gitlab.example.com`) and matching it against a certificate (RFC 6125 §6.4).
//!
//! This is the one reader of hosts: the CLI's `--host`, the API's `host`, the web app's host
//! field and the server's fetch targets all go through [`Authority::read`] (the fetch adds
//! only what is its own: the port by default, no user name, `https://` only).

use std::fmt;
use std::net::IpAddr;

use crate::cert::extensions::Sans;

/// A host: a DNS name (lowercase, no trailing dot) or an IP address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Host {
    /// A DNS name.
    Name(String),
    /// An IP address given literally.
    Ip(IpAddr),
}

impl Host {
    /// Reads a host alone: an IP address (IPv6 with or without brackets) or a name of labels
    /// of letters, digits, `-` and `_` (RFC 1123 §2.1, `_` tolerated as internal names use
    /// it), lowercased, without its trailing dot.
    pub fn parse(text: &str) -> Result<Host, String> {
        let bare = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(text);
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok(Host::Ip(ip));
        }
        let name = text.strip_suffix('.').unwrap_or(text);
        if let Ok(ip) = name.parse::<IpAddr>() {
            return Ok(Host::Ip(ip));
        }
        let name = name.to_ascii_lowercase();
        check_name(&name)?;
        Ok(Host::Name(name))
    }

    /// The name, or the address without brackets: as a certificate's subjectAltName and a
    /// TLS client's server name write it.
    pub fn bare(&self) -> String {
        match self {
            Host::Name(name) => name.clone(),
            Host::Ip(ip) => ip.to_string(),
        }
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

/// Labels of 1 to 63 letters, digits, `-` and `_`, not starting or ending with `-`, 253
/// characters at most (RFC 1123 §2.1).
fn check_name(name: &str) -> Result<(), String> {
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if name.len() <= 253 && name.split('.').all(label_ok) {
        return Ok(());
    }
    let why = if !name.is_ascii() {
        ": write an internationalised name in its xn-- form"
    } else if name.len() > 253 {
        ": longer than 253 characters"
    } else {
        ""
    };
    Err(format!("{name:?} is not a host name or an IP address{why}"))
}

/// What a user typed, in parts (RFC 3986 §3): `scheme://user@host:port/path?query#fragment`
/// or any part of it around the host. The path, query and fragment are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority<'a> {
    /// The scheme before `://`, as typed.
    pub scheme: Option<&'a str>,
    /// The user (and password) before `@`, as typed.
    pub userinfo: Option<&'a str>,
    /// The host.
    pub host: Host,
    /// The port, when given.
    pub port: Option<u16>,
}

impl<'a> Authority<'a> {
    /// Reads `https://user@host:port/path`, `host:port`, `[v6]:port`, `host`, a bare IPv6
    /// address, or a bare IP. The reason when it fails: no host, a port that is not a number
    /// from 1 to 65535, an unclosed `[`, or a host that is neither an IP address nor a name
    /// ([`Host::parse`]).
    pub fn read(input: &'a str) -> Result<Authority<'a>, String> {
        let text = input.trim();
        let (scheme, rest) = match text.split_once("://") {
            Some((scheme, rest)) => (Some(scheme), rest),
            None => (None, text),
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let (userinfo, host_port) = match authority.rsplit_once('@') {
            Some((user, host_port)) => (Some(user), host_port),
            None => (None, authority),
        };
        let (host, port) = split_port(host_port)?;
        let port = port.map(read_port).transpose()?;
        if matches!(host, "" | "[]") {
            return Err(format!("{text:?} has no host name"));
        }
        Ok(Authority { scheme, userinfo, host: Host::parse(host)?, port })
    }
}

/// A host and optional port, as typed by a user.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// Host name (lowercase, no trailing dot) or IP address text (IPv6 without brackets).
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
}

impl Target {
    /// Read `https://host:port/path`, `host:port`, `[v6]:port`, `host` or a bare IP.
    /// `None` when what is left is not a host name or an IP address (see [`Target::read`]).
    pub fn parse(input: &str) -> Option<Target> {
        Target::read(input).ok()
    }

    /// [`Target::parse`] with the reason when it fails ([`Authority::read`]); any scheme and
    /// user name are dropped.
    pub fn read(input: &str) -> Result<Target, String> {
        let authority = Authority::read(input)?;
        Ok(Target { host: authority.host.bare(), port: authority.port })
    }

    /// The host as an IP address, when it is one.
    pub fn ip(&self) -> Option<IpAddr> {
        self.host.parse().ok()
    }
}

/// The host (lowercase, no trailing dot) of a URI or `host:port`, without any check of its
/// characters: for name constraints, where a host the strict reader refuses must still be
/// compared (RFC 5280 §4.2.1.10), not skipped.
pub fn lenient_host(uri: &str) -> String {
    let s = authority_text(uri);
    let host = split_port(s).map_or(s, |(host, _)| host);
    let host = host.strip_prefix('[').map_or(host, |h| h.strip_suffix(']').unwrap_or(h));
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// A host or URL as given in a form, a flag or an environment variable: `None` when it is
/// empty (`CERTCHAIN_HOST=` in a CI template), else the trimmed text once it reads as a
/// host ([`Target::read`], whose reason is the error).
pub fn given(text: &str) -> Result<Option<&str>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Target::read(text).map(|_| Some(text))
}

/// `host` as written before a port: an IPv6 address in brackets (RFC 3986 §3.2.2).
pub fn bracketed(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

/// `host:port` of a URL stripped of its scheme, userinfo, path, query and fragment.
fn authority_text(input: &str) -> &str {
    let s = input.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['/', '?', '#']).next().unwrap_or_default();
    s.rsplit_once('@').map_or(s, |(_, host)| host)
}

/// The host (an IPv6 address keeps its brackets) and the port text, if any; text after `]`
/// must be a port, and a bare IPv6 address (several colons, no brackets) has none.
fn split_port(s: &str) -> Result<(&str, Option<&str>), String> {
    if s.starts_with('[') {
        let Some(end) = s.find(']') else {
            return Err(format!("{s:?}: an IPv6 address in [ ] lacks its ]"));
        };
        let (host, after) = s.split_at(end + 1);
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(format!("{after:?} after {host} is not a port: expected {host}:port")),
            },
        };
    }
    Ok(match s.rsplit_once(':') {
        // Exactly one colon: host:port. More: an IPv6 address without brackets.
        Some((host, port)) if !host.contains(':') => (host, Some(port)),
        _ => (s, None),
    })
}

/// A port: a decimal number from 1 to 65535.
fn read_port(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(port) if port > 0 && text.bytes().all(|b| b.is_ascii_digit()) => Ok(port),
        _ => Err(format!("the port {text:?} is not a number from 1 to 65535")),
    }
}

/// Does the certificate's SAN list cover `target`? RFC 6125 §6.4: DNS names compare
/// case-insensitively; IP addresses match iPAddress entries only (§6.2.1 / RFC 5280 §4.2.1.6).
pub fn matches(sans: &Sans, target: &Target) -> bool {
    match target.ip() {
        Some(ip) => sans.ip.iter().any(|s| s.parse::<IpAddr>().ok() == Some(ip)),
        None => sans.dns.iter().any(|pattern| dns_matches(pattern, &target.host)),
    }
}

/// RFC 6125 §6.4.3: a wildcard is only the whole left-most label and matches exactly one
/// label; `*.example.com` does not match `example.com` nor `a.b.example.com`.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(suffix) if !suffix.contains('*') && suffix.contains('.') => {
            host.split_once('.').is_some_and(|(label, rest)| !label.is_empty() && rest == suffix)
        }
        Some(_) => false,
        None => !pattern.contains('*') && pattern == host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Target {
        Target::parse(s).unwrap_or_else(|| Target { host: String::new(), port: None })
    }

    #[test]
    fn parses_urls_and_ports() {
        assert_eq!(
            t("https://GitLab.Example.com:8443/group/x"),
            Target { host: "gitlab.example.com".into(), port: Some(8443) }
        );
        assert_eq!(t("gitlab.example.com").port, None);
        assert_eq!(t("[::1]:8443"), Target { host: "::1".into(), port: Some(8443) });
        assert_eq!(t("::1").host, "::1");
        assert_eq!(t("10.0.0.1:443").host, "10.0.0.1");
        assert_eq!(t("user@host.example:22").host, "host.example");
        assert!(Target::parse("  ").is_none());
        assert_eq!(t("gitlab_ci.corp.internal").host, "gitlab_ci.corp.internal");
    }

    #[test]
    fn what_is_not_a_host_says_why() {
        let why = |s: &str| Target::read(s).err().unwrap_or_default();
        assert!(why("gitlab example.com").contains("is not a host name"), "{}", why("x y"));
        assert!(why("https://gitlab.example.com:8443:9/").contains("is not a host name"));
        assert!(why("*.example.com").contains("is not a host name"));
        assert!(why("-bad.example.com").contains("is not a host name"));
        assert!(why("gitlab.example.com:99999").contains("\"99999\" is not a number"));
        assert!(why("gitlab.example.com:0").contains("from 1 to 65535"));
        assert!(why("gitlab.example.com:https").contains("\"https\""));
        assert!(why("http://").contains("has no host name"));
        assert!(why("[::1]:x").contains("\"x\""));
        assert!(why("[::1]8443").contains("is not a port"));
        assert_eq!(lenient_host("https://Evil.example.com:99999/x"), "evil.example.com");
        assert_eq!(lenient_host("ldap://[::1]:389"), "::1");
    }

    #[test]
    fn brackets_ports_and_names_are_read_strictly() {
        let why = |s: &str| Target::read(s).err().unwrap_or_default();
        assert!(why("[::1").contains("lacks its ]"));
        assert!(why("[gitlab.example.com]:443").contains("is not a host name"));
        assert!(why("gitlab.example.com:+443").contains("\"+443\""));
        assert!(why("bücher.example").contains("xn--"));
        assert!(why(&format!("{}.example", "a.".repeat(130))).contains("longer than 253"));
        assert!(why("[]:443").contains("has no host name"));
        assert_eq!(t("[10.0.0.1]:443").host, "10.0.0.1");
        assert_eq!(t("10.0.0.1.").host, "10.0.0.1");
        assert_eq!(lenient_host("ldap://[::1"), "::1");
    }

    #[test]
    fn authorities_keep_scheme_and_user_for_the_caller() {
        let a = Authority::read(" HTTPS://git@GitLab.example.com.:8443/x?y#z ");
        assert_eq!(
            a,
            Ok(Authority {
                scheme: Some("HTTPS"),
                userinfo: Some("git"),
                host: Host::Name("gitlab.example.com".into()),
                port: Some(8443),
            })
        );
        let v6 = Authority::read("fe80::1").map(|a| a.host);
        assert_eq!(v6.as_ref().map(ToString::to_string), Ok("[fe80::1]".to_string()));
        assert_eq!(v6.map(|h| h.bare()), Ok("fe80::1".to_string()));
        assert_eq!(Host::parse("[::1]").map(|h| h.bare()), Ok("::1".to_string()));
    }

    #[test]
    fn wildcards_follow_rfc6125() {
        assert!(dns_matches("*.example.com", "gitlab.example.com"));
        assert!(dns_matches("*.Example.com.", "GITLAB.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("f*.example.com", "foo.example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(dns_matches("gitlab.example.com", "gitlab.example.com"));
    }

    #[test]
    fn ip_targets_match_ip_sans_only() {
        let sans =
            Sans { dns: vec!["10.0.0.1".into()], ip: vec!["10.0.0.2".into()], ..Sans::default() };
        assert!(!matches(&sans, &t("10.0.0.1")));
        assert!(matches(&sans, &t("10.0.0.2")));
    }
}
