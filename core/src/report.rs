//! The Report: the one JSON contract shared by the CLI, the API, the web app and the tests.
//!
//! Field names are stable; new fields may be added, existing ones are never renamed.

use serde::Serialize;

pub use crate::catalogue::Text;
pub use crate::cert::extensions::{Aia, BasicConstraints, Sans};
pub use crate::cert::key::KeyInfo;
pub use crate::chain::InputKind;
use crate::code::Code;
pub use crate::code::Severity;
use crate::input::{Origin, SClientInfo};

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

/// A known TLS error message found in the input, explained.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorMessage {
    /// Stable snake_case code (see README, "Error messages").
    pub code: &'static str,
    /// Index of the source (file) it was in, from 0.
    pub source: usize,
    /// Line in that source, from 1.
    pub line: usize,
    /// The line as pasted: trimmed, shortened, credentials in URLs masked.
    pub excerpt: String,
    /// What the message means.
    pub meaning: Text,
    /// Which certificate or setting is at fault, from this report when it can tell.
    pub cause: Text,
    /// How to fix it.
    pub fix: Text,
    /// Ids of the snippets that fix it (see `snippets::render`).
    pub snippets: Vec<&'static str>,
    /// Indices into `certificates` it is about.
    pub certificates: Vec<usize>,
}

/// One thing certchain noticed, with its fix.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable snake_case code (see README, "Finding codes").
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// Indices into `certificates` this finding is about.
    pub certificates: Vec<usize>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
}

/// The role a certificate plays in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The end-entity (server) certificate of the best path.
    Leaf,
    /// A CA between the leaf and the root.
    Intermediate,
    /// A self-signed CA.
    Root,
    /// Another end-entity certificate (see `multiple_leaves`).
    OtherLeaf,
    /// A CA certificate that is on no path of the leaf.
    Unrelated,
    /// A CA certificate in a CA bundle or trust store.
    Ca,
    /// A second copy of an earlier certificate.
    Duplicate,
}

/// The readable summary of one certificate.
#[derive(Debug, Clone, Serialize)]
pub struct Certificate {
    /// Position in the input, from 0.
    pub index: usize,
    /// Lowercase hex SHA-256 of the DER.
    pub sha256: String,
    /// Lowercase hex SHA-1 of the DER (what many tools still show).
    pub sha1: String,
    /// Subject distinguished name.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// The subject's common name, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    /// Serial number, colon-separated hex.
    pub serial: String,
    /// Validity period.
    pub validity: Validity,
    /// Subject alternative names.
    pub sans: Sans,
    /// The public key.
    pub key: KeyInfo,
    /// Signature algorithm, e.g. `sha256WithRSAEncryption`.
    pub signature_algorithm: String,
    /// Subject key identifier, hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ski: Option<String>,
    /// Authority key identifier (keyIdentifier), hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aki: Option<String>,
    /// Basic constraints, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basic_constraints: Option<BasicConstraints>,
    /// Key usage bits by name, when the extension is present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_usage: Option<Vec<String>>,
    /// Extended key usage purposes by name, when the extension is present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_key_usage: Option<Vec<String>>,
    /// Authority information access.
    pub aia: Aia,
    /// Issuer and subject are the same name and the certificate's signature verifies with its own key.
    pub self_signed: bool,
    /// Role in this input.
    pub role: Role,
    /// For a duplicate: the index of the first copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// Where it was in the input.
    pub source: Origin,
    /// The URL it was downloaded from, when certchain fetched it (AIA caIssuers, RFC 5280
    /// §4.2.2.1) instead of reading it in the input. Core never fetches: the caller that did
    /// sets this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched_from: Option<String>,
    /// The certificate as PEM.
    pub pem: String,
}

/// notBefore / notAfter, as RFC 3339 and as Unix seconds.
#[derive(Debug, Clone, Serialize)]
pub struct Validity {
    /// Start (RFC 3339).
    pub not_before: String,
    /// End (RFC 3339).
    pub not_after: String,
    /// Start, Unix seconds.
    pub not_before_unix: i64,
    /// End, Unix seconds.
    pub not_after_unix: i64,
    /// Whole days from `now` to the end (negative when expired).
    pub days_left: i64,
}

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

/// Where the best path ends, in words a user can act on.
#[derive(Debug, Clone, Serialize)]
pub struct Trust {
    /// How the best path ends (absent when there is no path).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PathEnd>,
    /// The anchor's or root's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Whether clients need a CA file for this chain (private CA or user anchor).
    pub clients_need_ca_file: bool,
    /// What that means.
    pub explanation: Text,
}

/// A file to hand back.
#[derive(Debug, Clone, Serialize)]
pub struct Bundle {
    /// Suggested file name.
    pub filename: String,
    /// Indices of the certificates in it, in order.
    pub certificates: Vec<usize>,
    /// The PEM text.
    pub pem: String,
    /// What it is for.
    pub description: Text,
}

/// The recommended files.
#[derive(Debug, Clone, Serialize)]
pub struct Bundles {
    /// Leaf + intermediates, in order, without the root: what a server sends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fullchain: Option<Bundle>,
    /// Intermediates + root: what a client trusts for a private CA.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_bundle: Option<Bundle>,
    /// GitLab Runner `<host>.crt`: CA certificates only, PEM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_crt: Option<Bundle>,
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
