//! What to connect to: `host[:port]`, `[v6]:port`, a bare IPv6 address, or an `https://`
//! URL (its path is dropped). The text is read by certchain-core's one host reader
//! ([`certchain_core::host::Authority`]); what is the fetch's own is here: the port by
//! default, `https://` as the only scheme, and no user name. Whether a host may be fetched
//! is `guard`'s job.

use std::fmt;

use certchain_core::host::Authority;
pub use certchain_core::host::Host;

use super::FetchError;

/// The port of `https://`.
pub const HTTPS_PORT: u16 = 443;

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
        if text.trim().is_empty() {
            return Err(invalid("expected host[:port], like gitlab.example.com:443".into()));
        }
        let authority = Authority::read(text).map_err(invalid)?;
        if authority.scheme.is_some_and(|s| !s.eq_ignore_ascii_case("https")) {
            return Err(invalid("only https:// URLs, or host[:port]".into()));
        }
        if authority.userinfo.is_some() {
            return Err(invalid("no user name or password in a target".into()));
        }
        Ok(Target { host: authority.host, port: authority.port.unwrap_or(default_port) })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.host, self.port)
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
        assert_eq!(parsed("HTTPS://gitlab.example.com"), "gitlab.example.com:443");
        assert_eq!(parsed("10.1.2.3:636"), "10.1.2.3:636");
        assert_eq!(parsed("[::1]:8443"), "[::1]:8443");
        assert_eq!(parsed("[::1]"), "[::1]:443");
        assert_eq!(parsed("fe80::1"), "[fe80::1]:443");
    }

    #[test]
    fn malformed_targets_say_what_is_wrong() {
        assert!(parsed("").contains("expected host[:port]"));
        assert!(parsed("https://").contains("has no host name"));
        assert!(parsed("host:0").contains("not a number from 1 to 65535"));
        assert!(parsed("host:99999").contains("not a number from 1 to 65535"));
        assert!(parsed("bad host").contains("not a host name"));
        assert!(parsed("-x.example.com").contains("not a host name"));
        assert!(parsed("user:pw@host").contains("no user name"));
        assert!(parsed("http://gitlab.example.com").contains("only https://"));
        assert!(parsed("[::1").contains("lacks its ]"));
        assert!(parsed("[::1]x").contains("expected [::1]:port"));
        assert!(parsed("bücher.example").contains("xn--"));
    }
}
