//! Host names: reading what users type (`https://gitlab.example.com:8443/`, `[::1]:443`,
//! `gitlab.example.com`) and matching it against a certificate (RFC 6125 §6.4).

use std::net::IpAddr;

use crate::report::Sans;

/// A host and optional port, as typed by a user.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// Host name (lowercase, no trailing dot) or IP address text.
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

    /// [`Target::parse`] with the reason when it fails: no host, a port that is not a number
    /// from 1 to 65535, or a host that is neither an IP address nor a name of labels of
    /// letters, digits, `-` and `_` (RFC 1123 §2.1, `_` tolerated as internal names use it).
    pub fn read(input: &str) -> Result<Target, String> {
        let (host, port) = authority(input)?;
        let port = match port {
            None => None,
            Some(text) => match text.parse::<u16>() {
                Ok(p) if p > 0 => Some(p),
                _ => return Err(format!("the port {text:?} is not a number from 1 to 65535")),
            },
        };
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() {
            return Err(format!("{:?} has no host name", input.trim()));
        }
        if host.parse::<IpAddr>().is_err() && !is_host_name(&host) {
            return Err(format!("{host:?} is not a host name or an IP address"));
        }
        Ok(Target { host, port })
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
    split_port(s).map(|(host, _)| host).unwrap_or(s).trim_end_matches('.').to_ascii_lowercase()
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

/// The host and the port text of `https://user@host:port/path`, `host:port`, `[v6]:port`.
fn authority(input: &str) -> Result<(&str, Option<&str>), String> {
    split_port(authority_text(input))
}

/// `user@host:port` of a URL stripped of its scheme, userinfo, path, query and fragment.
fn authority_text(input: &str) -> &str {
    let s = input.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['/', '?', '#']).next().unwrap_or_default();
    s.rsplit_once('@').map_or(s, |(_, host)| host)
}

/// Labels of 1 to 63 letters, digits, `-` and `_`, not starting or ending with `-`, 253
/// characters at most (RFC 1123 §2.1).
fn is_host_name(host: &str) -> bool {
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    host.len() <= 253 && host.split('.').all(label_ok)
}

/// The host and the port text, if any; text after `]` must be a port.
fn split_port(s: &str) -> Result<(&str, Option<&str>), String> {
    if let Some(rest) = s.strip_prefix('[') {
        let (host, after) = rest.split_once(']').unwrap_or((rest, ""));
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(format!("{after:?} after [{host}] is not a port")),
            },
        };
    }
    Ok(match s.rsplit_once(':') {
        // Exactly one colon: host:port. More: an IPv6 address without brackets.
        Some((host, port)) if !host.contains(':') => (host, Some(port)),
        _ => (s, None),
    })
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
