//! The Report: the one JSON contract shared by the CLI, the API, the web app and the tests.
//!
//! Field names are stable; new fields may be added, existing ones are never renamed.

use serde::Serialize;

pub use crate::catalogue::Text;
pub use crate::cert::extensions::{Aia, BasicConstraints, Sans};
pub use crate::cert::key::KeyInfo;
pub use crate::chain::{InputKind, PathEnd};
use crate::code::Code;
pub use crate::code::Severity;
pub use crate::diagnose::Finding;
pub use crate::explain::ErrorMessage;
use crate::input::{Origin, SClientInfo};
pub use crate::recommend::{Bundle, Bundles, Certificate, Role, Trust, Validity};

/// Everything certchain has to say about one input.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// A path from the leaf to a trust anchor exists with no error finding on it.
    pub valid: bool,
    /// What the input is: a server chain, a CA bundle, a trust store, or nothing usable.
    pub kind: InputKind,
    /// One-sentence verdict.
    pub summary: Text,
    /// The host name the leaf was checked against (from `--host`), without port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The time the report was evaluated at (RFC 3339).
    pub now: String,
    /// Every certificate block in input order, duplicates included.
    pub certificates: Vec<Certificate>,
    /// Indices of the best path, leaf first.
    pub chain: Vec<usize>,
    /// Every path found, best first.
    pub paths: Vec<Path>,
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
    /// Where the best path ends, and what clients need for it.
    pub trust: Trust,
    /// The files to use.
    pub bundles: Bundles,
    /// Error messages recognised in the input (a log pasted with or instead of
    /// certificates), in input order, each explained against this report.
    pub error_messages: Vec<ErrorMessage>,
    /// What the input looked like.
    pub input: InputReport,
}

/// One path from an end-entity (or bottom CA) upward.
#[derive(Debug, Clone, Serialize)]
pub struct Path {
    /// Indices into `certificates`, leaf first.
    pub certificates: Vec<usize>,
    /// How it ends.
    pub end: PathEnd,
    /// Name of the anchor or root it ends at, or of the missing issuer.
    pub anchor: String,
    /// No error finding on this path, and it ends at a trust anchor.
    pub valid: bool,
    /// Codes of the error findings on this path.
    pub errors: Vec<Code>,
}

/// A private key that was found and removed (never its content).
#[derive(Debug, Clone, Serialize)]
pub struct PrivateKeySeen {
    /// Key form.
    pub kind: String,
    /// Where.
    pub source: Origin,
}

/// What the input looked like.
#[derive(Debug, Clone, Serialize)]
pub struct InputReport {
    /// Form of each source, in order.
    pub formats: Vec<crate::input::Format>,
    /// Number of sources (files).
    pub sources: usize,
    /// Number of certificate blocks read.
    pub blocks: usize,
    /// s_client metadata, when the input is an s_client transcript.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s_client: Option<SClientInfo>,
    /// Private keys that were found and stripped.
    pub private_keys: Vec<PrivateKeySeen>,
    /// Remarks about the input.
    pub notes: Vec<String>,
}
