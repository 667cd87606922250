//! What recommend hands back: each certificate's summary and role, and the files.

use serde::Serialize;

use crate::catalogue::Text;
use crate::cert::extensions::{Aia, BasicConstraints, Sans};
use crate::cert::key::KeyInfo;
use crate::chain::PathEnd;
use crate::input::Origin;

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
