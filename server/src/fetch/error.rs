//! Why a fetch did not give a chain. The API turns each kind into its own status and code;
//! the message always says what happened and, for a refusal, which rule refused.

use std::fmt;

/// A fetch that did not give a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchError {
    /// The target is not `host[:port]` (or an `https://` URL).
    InvalidTarget(String),
    /// Fetching is off: no `--allow-fetch` pattern.
    Disabled,
    /// A guard refused the host, an address or the port; the message names the rule.
    Forbidden(String),
    /// The remote side failed: name resolution, connection, timeout, not TLS, handshake.
    Failed(String),
    /// The analysis itself failed (a bug, not the input).
    Analysis,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidTarget(why) | Self::Forbidden(why) | Self::Failed(why) => f.write_str(why),
            Self::Disabled => f.write_str(
                "fetching is disabled on this server; start it with --allow-fetch PATTERN \
                 (or CERTCHAIN_ALLOW_FETCH) naming the hosts or networks it may connect to",
            ),
            Self::Analysis => f.write_str("the analysis failed"),
        }
    }
}

impl std::error::Error for FetchError {}
