//! Algorithms and key sizes (CA/B Baseline Requirements §6.1.5, §7.1.3.2; NIST SP 800-131A).

use super::Finding;
use super::{is_trusted_top, Context};
use crate::cert::Cert;
use crate::chain::Found;
use crate::code::Code;
use crate::code::Severity;

/// Smallest acceptable RSA (and DSA) modulus, in bits.
pub const MIN_RSA_BITS: usize = 2048;
/// Smallest acceptable EC field size, in bits.
pub const MIN_EC_BITS: usize = 256;

/// Path rule: signatures (except a root's own) and keys.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, &i) in found.certs.iter().enumerate() {
        let cert = &ctx.graph.certs[i];
        // A root's self-signature protects nothing: clients trust its key directly.
        if !is_trusted_top(ctx, found, pos) && cert.sig_alg.hash().is_some_and(|h| h.is_weak()) {
            out.push(weak_signature(cert));
        }
        if let Some(minimum) = weak_key(cert) {
            out.push(weak_key_finding(cert, minimum));
        }
        if let Some(why) = bad_exponent(cert) {
            out.push(exponent_finding(cert, &why));
        }
    }
    out
}

/// The minimum the key falls short of, if it does.
fn weak_key(cert: &Cert) -> Option<usize> {
    short_of(&cert.key)
}

/// The minimum a key of this kind falls short of, if it does.
pub(crate) fn short_of(k: &crate::cert::key::KeyInfo) -> Option<usize> {
    match k.algorithm.as_str() {
        "rsa" | "dsa" if k.bits < MIN_RSA_BITS => Some(MIN_RSA_BITS),
        "ec" if k.bits < MIN_EC_BITS => Some(MIN_EC_BITS),
        _ => None,
    }
}

/// What is wrong with an RSA key's public exponent (RFC 8017 §3.1: odd, at least 3), or
/// that certchain does not compute with it (over 64 bits: see `chain::signature::MAX_EXPONENT_BYTES`).
enum BadExponent {
    /// Over 64 bits: this many.
    TooLarge { bits: usize },
    /// Even, or below 3.
    Invalid,
}

fn bad_exponent(cert: &Cert) -> Option<BadExponent> {
    let crate::cert::key::Spki::Rsa { e, .. } = &cert.spki else { return None };
    if crate::chain::signature::exponent_in_bounds(e) {
        return None;
    }
    let significant = e.iter().skip_while(|&&b| b == 0).count();
    Some(if significant > crate::chain::signature::MAX_EXPONENT_BYTES {
        BadExponent::TooLarge { bits: significant * 8 }
    } else {
        BadExponent::Invalid
    })
}

fn exponent_finding(cert: &Cert, why: &BadExponent) -> Finding {
    let (exponent, bits) = match *why {
        BadExponent::TooLarge { bits } => ("large", bits),
        BadExponent::Invalid => ("invalid", 0),
    };
    finding_on!(
        (Code::WeakKey, "exponent"),
        Severity::Error,
        cert,
        exponent = exponent,
        bits = bits
    )
}

fn weak_signature(cert: &Cert) -> Finding {
    let alg = cert.sig_alg.name();
    finding_on!(Code::WeakSignature, Severity::Error, cert, alg = alg)
}

fn weak_key_finding(cert: &Cert, minimum: usize) -> Finding {
    finding_on!(
        Code::WeakKey,
        Severity::Error,
        cert,
        bits = cert.key.bits,
        alg = cert.key.algorithm.to_ascii_uppercase(),
        minimum = minimum,
        min_rsa = MIN_RSA_BITS,
    )
}
