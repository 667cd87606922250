//! Subject public keys: what they are, how big, and the bytes signature checks need.

use serde::Serialize;
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// An owned public key, ready for signature verification (RFC 5280 §4.1.2.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spki {
    /// RSA modulus and exponent, big-endian (RFC 3279 §2.3.1).
    Rsa {
        /// Modulus n.
        n: Vec<u8>,
        /// Public exponent e.
        e: Vec<u8>,
    },
    /// EC point (SEC 1 encoding) on a named curve (RFC 5480 §2.2).
    Ec {
        /// `P-256`, `P-384`, `P-521` or the curve OID.
        curve: String,
        /// The encoded point.
        point: Vec<u8>,
    },
    /// Ed25519 public key (RFC 8410 §4).
    Ed25519(Vec<u8>),
    /// Any other algorithm, by OID.
    Other(String),
}

/// Read the key of a certificate: the verification form and the summary.
pub fn read(spki: &SubjectPublicKeyInfo<'_>) -> (Spki, KeyInfo) {
    let oid = spki.algorithm.algorithm.to_id_string();
    let bits = spki.subject_public_key.data.as_ref();
    match (oid.as_str(), spki.parsed()) {
        (_, Ok(PublicKey::RSA(rsa))) => {
            let info = info("rsa", rsa.key_size(), None);
            let n = strip_leading_zeros(rsa.modulus).to_vec();
            (Spki::Rsa { n, e: rsa.exponent.to_vec() }, info)
        }
        ("1.2.840.10045.2.1", _) => {
            let curve = curve_name(spki);
            let size = curve_bits(&curve);
            let info = info("ec", size, Some(curve.clone()));
            (Spki::Ec { curve, point: bits.to_vec() }, info)
        }
        ("1.3.101.112", _) => (Spki::Ed25519(bits.to_vec()), info("ed25519", 256, None)),
        ("1.3.101.113", _) => (Spki::Other(oid), info("ed448", 456, None)),
        ("1.2.840.10040.4.1", parsed) => {
            let size = parsed.map(|k| k.key_size()).unwrap_or(0);
            (Spki::Other(oid), info("dsa", size, None))
        }
        _ => (Spki::Other(oid.clone()), info(&oid, 0, None)),
    }
}

fn info(algorithm: &str, bits: usize, curve: Option<String>) -> KeyInfo {
    KeyInfo { algorithm: algorithm.to_string(), bits, curve }
}

fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// ECParameters namedCurve (RFC 5480 §2.1.1.1).
fn curve_name(spki: &SubjectPublicKeyInfo<'_>) -> String {
    let oid = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.as_oid().ok())
        .map(|o| o.to_id_string())
        .unwrap_or_default();
    match oid.as_str() {
        "1.2.840.10045.3.1.7" => "P-256".into(),
        "1.3.132.0.34" => "P-384".into(),
        "1.3.132.0.35" => "P-521".into(),
        "1.3.132.0.10" => "secp256k1".into(),
        "1.2.840.10045.3.1.1" => "P-192".into(),
        "1.3.132.0.33" => "P-224".into(),
        "" => "unknown".into(),
        other => other.to_string(),
    }
}

fn curve_bits(curve: &str) -> usize {
    match curve {
        "P-192" => 192,
        "P-224" => 224,
        "P-256" | "secp256k1" => 256,
        "P-384" => 384,
        "P-521" => 521,
        _ => 0,
    }
}

/// The public key's algorithm and size.
#[derive(Debug, Clone, Serialize)]
pub struct KeyInfo {
    /// `rsa`, `ec`, `ed25519`, `ed448`, `dsa` or the OID.
    pub algorithm: String,
    /// Size in bits (RSA modulus, EC field).
    pub bits: usize,
    /// Named curve for EC keys, e.g. `P-256`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<String>,
}
