//! How a path ends, in the terms the report and the explanations use.

use serde::Serialize;

/// Where a path ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathEnd {
    /// At a trust anchor the user supplied (`--trust`).
    UserAnchor,
    /// At a publicly trusted root (Mozilla's set): clients already trust it.
    PublicRoot,
    /// At a self-signed root that no client trusts by default (a private CA).
    PrivateRoot,
    /// The issuer of the last certificate is not in the input.
    MissingIssuer,
}
