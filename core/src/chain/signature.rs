//! Signature verification of one link: did this key sign these bytes?
//!
//! certchain's own code (`crypto/`), pure Rust, so it runs the same natively and in WASM.
//! RFC 5280 §6.1.3 (a)(1): the signature of each certificate is verified with the
//! working public key, i.e. the issuer's subject public key.

use super::crypto::{digest::digest, ecdsa, ed25519, rsa};
use crate::cert::algorithm::{Hash, SigAlg};
use crate::cert::key::Spki;

/// The outcome of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature verifies with the key.
    Valid,
    /// The signature does not verify with the key (or the key does not fit the algorithm).
    Invalid,
    /// certchain cannot check this algorithm (DSA, Ed448, secp256k1, MD2...): the link is
    /// kept, and reported as unchecked.
    Unsupported(String),
    /// Not checked: the analysis ran out of its signature budget (see `Limits`).
    Skipped,
}

/// Verify `signature` over `message` with `key`, using `alg`.
pub fn verify(key: &Spki, alg: &SigAlg, message: &[u8], signature: &[u8]) -> Verdict {
    match (alg, key) {
        (SigAlg::RsaPkcs1(hash), Spki::Rsa { n, e }) => rsa_pkcs1(n, e, *hash, message, signature),
        (SigAlg::RsaPss { hash, salt_len }, Spki::Rsa { n, e }) => {
            rsa_pss(n, e, *hash, *salt_len, message, signature)
        }
        (SigAlg::Ecdsa(hash), Spki::Ec { curve, point }) => {
            ecdsa(curve, point, *hash, message, signature)
        }
        (SigAlg::Ed25519, Spki::Ed25519(key)) => outcome(ed25519::verify(key, message, signature)),
        (SigAlg::Other(oid), _) => Verdict::Unsupported(format!("signature algorithm {oid}")),
        (_, Spki::Other(oid)) => Verdict::Unsupported(format!("key algorithm {oid}")),
        _ => Verdict::Invalid,
    }
}

/// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.2).
fn rsa_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    if let Some(why) = rsa_key_out_of_bounds(n, e) {
        return Verdict::Unsupported(why);
    }
    match rsa::verify_pkcs1(n, e, hash, message, sig) {
        Some(ok) => outcome(ok),
        None => Verdict::Unsupported("MD2".into()),
    }
}

/// RSASSA-PSS (RFC 8017 §8.1.2, parameters per RFC 4055 §3.1).
fn rsa_pss(n: &[u8], e: &[u8], hash: Hash, salt: usize, message: &[u8], sig: &[u8]) -> Verdict {
    if let Some(why) = rsa_key_out_of_bounds(n, e) {
        return Verdict::Unsupported(why);
    }
    match rsa::verify_pss(n, e, hash, salt, message, sig) {
        Some(ok) => outcome(ok),
        None => Verdict::Unsupported("RSA-PSS with MD hash".into()),
    }
}

/// Why an RSA key is not computed with: a modulus over [`rsa::MAX_RSA_BITS`], or an exponent
/// that is even, below 3 or over 64 bits ([`rsa::exponent_in_bounds`]).
fn rsa_key_out_of_bounds(n: &[u8], e: &[u8]) -> Option<String> {
    if n.len() * 8 > rsa::MAX_RSA_BITS {
        return Some(format!("an RSA modulus over {} bits", rsa::MAX_RSA_BITS));
    }
    (!rsa::exponent_in_bounds(e))
        .then(|| "an RSA public exponent that is even, below 3 or over 64 bits".to_string())
}

/// ECDSA (RFC 5758 §3.2; the signature is DER `Ecdsa-Sig-Value`, RFC 3279 §2.2.3).
fn ecdsa(curve: &str, point: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    let Some(hashed) = digest(hash, message) else {
        return Verdict::Unsupported("MD2".into());
    };
    match ecdsa::verify(curve, point, &hashed, sig) {
        Some(ok) => outcome(ok),
        None => Verdict::Unsupported(format!("ECDSA on {curve}")),
    }
}

fn outcome(ok: bool) -> Verdict {
    if ok {
        Verdict::Valid
    } else {
        Verdict::Invalid
    }
}
