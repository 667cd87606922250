//! Certificates: parse one DER block into an owned summary that chain building and diagnosis use.
//!
//! Parsing fails with `Err` (the caller turns it into an `unparsable_block` finding);
//! anything questionable *inside* a certificate that parses is left for `diagnose`.

pub mod algorithm;
pub mod constraints;
pub mod extensions;
pub mod key;
pub mod name;

use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::input::{Block, Origin};
use algorithm::SigAlg;
use extensions::Extensions;
use key::Spki;

/// An owned, parsed certificate.
#[derive(Debug, Clone)]
pub struct Cert {
    /// Position in the input.
    pub index: usize,
    /// The DER encoding.
    pub der: Vec<u8>,
    /// [`Cert::pem`], written once: a certificate appears in several of the report's files.
    pem: std::sync::OnceLock<String>,
    /// SHA-256 of the DER, lowercase hex.
    pub sha256: String,
    /// Subject, for display.
    pub subject: String,
    /// Issuer, for display.
    pub issuer: String,
    /// Subject comparison key (RFC 5280 §7.1).
    pub subject_key: name::NameKey,
    /// Issuer comparison key (RFC 5280 §7.1).
    pub issuer_key: name::NameKey,
    /// Last CN of the subject.
    pub common_name: Option<String>,
    /// Serial number, colon-separated hex.
    pub serial: String,
    /// notBefore, Unix seconds.
    pub not_before: i64,
    /// notAfter, Unix seconds.
    pub not_after: i64,
    /// The public key, for verifying what this certificate signed.
    pub spki: Spki,
    /// The SubjectPublicKeyInfo DER, for comparing keys.
    pub spki_der: Vec<u8>,
    /// Key summary.
    pub key: crate::cert::key::KeyInfo,
    /// The algorithm this certificate is signed with.
    pub sig_alg: SigAlg,
    /// Where the signed bytes (TBSCertificate DER) are in `der`.
    pub tbs: std::ops::Range<usize>,
    /// The signature value.
    pub signature: Vec<u8>,
    /// Extensions that matter.
    pub ext: Extensions,
    /// Where it came from.
    pub origin: Origin,
}

impl Cert {
    /// Subject and issuer names compare equal (RFC 5280 §6.1: "self-issued").
    pub fn self_issued(&self) -> bool {
        self.subject_key == self.issuer_key
    }

    /// basicConstraints cA is TRUE (RFC 5280 §4.2.1.9).
    pub fn is_ca(&self) -> bool {
        self.ext.basic_constraints.is_some_and(|bc| bc.ca)
    }

    /// The signed bytes: the TBSCertificate (RFC 5280 §4.1.1.1).
    pub fn tbs(&self) -> &[u8] {
        self.der.get(self.tbs.clone()).unwrap_or_default()
    }

    /// The certificate as PEM (RFC 7468 §5.1), 64 columns.
    pub fn pem(&self) -> &str {
        self.pem.get_or_init(|| to_pem(&self.der))
    }
}

/// Parse one block. `Err` carries a short reason for the `unparsable_block` finding.
pub fn parse(block: Block, index: usize) -> Result<Cert, String> {
    let (_, x509) = X509Certificate::from_der(&block.der).map_err(|e| e.to_string())?;
    let tbs = &x509.tbs_certificate;
    let (spki, key) = key::read(tbs.public_key());
    let tbs_range = range_within(&block.der, tbs.as_ref());
    let cert = Cert {
        index,
        der: Vec::new(),
        pem: std::sync::OnceLock::new(),
        sha256: crate::hex(&Sha256::digest(&block.der)),
        subject: name::display(tbs.subject()),
        issuer: name::display(tbs.issuer()),
        subject_key: name::key(tbs.subject()),
        issuer_key: name::key(tbs.issuer()),
        common_name: name::common_name(tbs.subject()),
        serial: serial_text(tbs.raw_serial()),
        not_before: tbs.validity().not_before.timestamp(),
        not_after: tbs.validity().not_after.timestamp(),
        spki,
        spki_der: tbs.public_key().raw.to_vec(),
        key,
        sig_alg: SigAlg::from_identifier(&x509.signature_algorithm),
        tbs: tbs_range,
        signature: x509.signature_value.data.to_vec(),
        ext: extensions::read(&x509),
        origin: block.origin,
    };
    Ok(Cert { der: block.der, ..cert })
}

/// The position of `part` inside `whole` (x509-parser hands out sub-slices of its input).
fn range_within(whole: &[u8], part: &[u8]) -> std::ops::Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    let end = start + part.len();
    if end <= whole.len() {
        start..end
    } else {
        0..0
    }
}

/// SHA-1 of the DER, lowercase hex (shown by many tools).
pub fn sha1_hex(der: &[u8]) -> String {
    crate::hex(&Sha1::digest(der))
}

fn serial_text(raw: &[u8]) -> String {
    let hex: Vec<String> = raw.iter().map(|b| format!("{b:02x}")).collect();
    hex.join(":")
}

/// PEM-encode a certificate's DER (RFC 7468 §5.1): 64-column base64 lines, LF, written by
/// the `pem` crate. Every PEM certchain writes (the report's bundles, the CLI's `--out`)
/// comes from here.
pub fn to_pem(der: &[u8]) -> String {
    let config = pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF);
    pem::encode_config(&pem::Pem::new("CERTIFICATE", der), config)
}

/// RFC 3339 text of a Unix time (UTC).
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| unix.to_string())
}
