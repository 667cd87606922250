//! Algorithms and key sizes (CA/B Baseline Requirements §6.1.5, §7.1.3.2; NIST SP 800-131A).

use super::{finding, is_trusted_top, label, Context};
use crate::cert::Cert;
use crate::chain::Found;
use crate::code::Code;
use crate::report::{Finding, Severity, Text};

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
pub(crate) fn short_of(k: &crate::report::KeyInfo) -> Option<usize> {
    match k.algorithm.as_str() {
        "rsa" | "dsa" if k.bits < MIN_RSA_BITS => Some(MIN_RSA_BITS),
        "ec" if k.bits < MIN_EC_BITS => Some(MIN_EC_BITS),
        _ => None,
    }
}

/// What is wrong with an RSA key's public exponent (RFC 8017 §3.1: odd, at least 3), or
/// that certchain does not compute with it (over 64 bits: see `chain::signature::MAX_EXPONENT_BYTES`).
fn bad_exponent(cert: &Cert) -> Option<String> {
    let crate::cert::key::Spki::Rsa { e, .. } = &cert.spki else { return None };
    if crate::chain::signature::exponent_in_bounds(e) {
        return None;
    }
    let significant = e.iter().skip_while(|&&b| b == 0).count();
    Some(if significant > crate::chain::signature::MAX_EXPONENT_BYTES {
        format!("its public exponent has {} bits (real keys use 65537; certchain does not compute with exponents over 64 bits, and Go refuses them over 31)", significant * 8)
    } else {
        "its public exponent is even or below 3, which RFC 8017 §3.1 forbids".to_string()
    })
}

fn exponent_finding(cert: &Cert, why: &str) -> Finding {
    finding(
        Code::WeakKey,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has an RSA key that cannot be used: {why}.", label(cert)),
            format!("{} の RSA 鍵は使えません: 公開指数が不正です(偶数、3 未満、または 64 ビット超。実際の鍵は 65537 を使います)。", label(cert)),
        ),
        Text::new(
            "Generate a new key with the usual exponent 65537 and reissue the certificate; do not trust a certificate whose key was built like this.",
            "通常の公開指数 65537 で新しい鍵を生成して再発行してください。このように作られた鍵の証明書は信頼しないでください。",
        ),
    )
}

fn weak_signature(cert: &Cert) -> Finding {
    let alg = cert.sig_alg.name();
    finding(
        Code::WeakSignature,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} is signed with {alg}: MD5 and SHA-1 signatures can be forged, and Go 1.18+, browsers and OpenSSL at security level 1+ reject them.", label(cert)),
            format!("{} は {alg} で署名されています。MD5・SHA-1 署名は偽造可能で、Go 1.18 以降・ブラウザ・OpenSSL(セキュリティレベル 1 以上)は拒否します。", label(cert)),
        ),
        Text::new(
            "Reissue the certificate with SHA-256 (or stronger).",
            "SHA-256 以上で再発行してください。",
        ),
    )
}

fn weak_key_finding(cert: &Cert, minimum: usize) -> Finding {
    let (alg, bits) = (cert.key.algorithm.to_ascii_uppercase(), cert.key.bits);
    finding(
        Code::WeakKey,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has a {bits}-bit {alg} key; at least {minimum} bits are required.", label(cert)),
            format!("{} の鍵は {bits} ビットの {alg} です。{minimum} ビット以上が必要です。", label(cert)),
        ),
        Text::new(
            format!("Generate a new key (RSA {MIN_RSA_BITS}+ or ECDSA P-256) and reissue the certificate."),
            format!("新しい鍵(RSA {MIN_RSA_BITS} ビット以上または ECDSA P-256)を生成して再発行してください。"),
        ),
    )
}
