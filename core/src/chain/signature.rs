//! Signature verification of one link: did this key sign these bytes?
//!
//! RFC 5280 §6.1.3 (a)(1): the signature of each certificate is verified with the working
//! public key, i.e. the issuer's subject public key. This module only maps certchain's
//! algorithm identifiers ([`SigAlg`], [`Spki`]) to the RustCrypto crates that do the
//! arithmetic, and keeps certchain's own bounds in front of them.
//!
//! Why these crates: a chain checker is trusted exactly as far as its signature check is, so
//! the arithmetic is not certchain's own but the RustCrypto project's, pure Rust (no C
//! compiler, the same code natively and in `wasm32-unknown-unknown`), widely used and
//! maintained in the open:
//! - `rsa` (RFC 8017): RSASSA-PKCS1-v1_5 and RSASSA-PSS verification. Its advisory
//!   RUSTSEC-2023-0071 (Marvin, a timing side channel) concerns private-key operations;
//!   certchain only verifies, with public keys and public signatures.
//! - `p256`, `p384`, `p521` with `ecdsa` (FIPS 186-4 §6.4, SEC 1 §4.1.4).
//! - `ed25519-dalek` on `curve25519-dalek` (RFC 8032 §5.1.7), with `verify_strict`.
//! - `md-5`, `sha1`, `sha2`: the digests the signatures are computed over.
//!
//! Natively, RSA and ECDSA signatures are first offered to `ring` ([`super::fast_path`]
//! says why and why the verdicts stay `rsa`'s).
//!
//! All are built with `default-features = false` and no random number generator is ever
//! passed to them: verification needs none.

use ed25519_dalek::{Signature as Ed25519Signature, VerifyingKey as Ed25519Key};

use super::fast_path;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::Digest;

use crate::cert::algorithm::{Hash, SigAlg};
use crate::cert::key::Spki;

/// Largest RSA modulus accepted, in bits: larger keys are rare and slow to check.
pub const MAX_RSA_BITS: usize = 16384;

/// Largest public exponent computed with, in bytes (64 bits). RFC 8017 §3.1 only asks for
/// an odd e ≥ 3; real keys use 65537, and Go's crypto/rsa refuses e > 2^31 − 1. RSAVP1
/// costs one modular squaring per bit of e, so a crafted 480,000-bit exponent would take
/// minutes for one signature: such a key is reported, never handed to the `rsa` crate.
pub const MAX_EXPONENT_BYTES: usize = 8;

/// Whether `e` is an exponent certchain computes with: odd, at least 3, at most 64 bits.
pub fn exponent_in_bounds(e: &[u8]) -> bool {
    let e = trim(e);
    let odd = e.last().is_some_and(|low| low & 1 == 1);
    let at_least_3 = e.len() > 1 || e.first().is_some_and(|&b| b >= 3);
    odd && at_least_3 && e.len() <= MAX_EXPONENT_BYTES
}

/// The outcome of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature verifies with the key.
    Valid,
    /// The signature does not verify with the key (or the key does not fit the algorithm).
    Invalid,
    /// certchain cannot check this algorithm (DSA, Ed448, secp256k1, MD2...): the link is
    /// kept, and reported as unchecked.
    Unsupported(Unsupported),
    /// Not checked: the analysis ran out of its signature budget (see `Limits`).
    Skipped,
}

/// What certchain does not check a signature with (a finding says it: `unchecked_signature`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsupported {
    /// A signature algorithm certchain does not know, by OID.
    SignatureAlgorithm(String),
    /// A key algorithm certchain does not know, by OID.
    KeyAlgorithm(String),
    /// An RSA modulus over [`MAX_RSA_BITS`].
    RsaModulus,
    /// An RSA public exponent that is even, below 3 or over 64 bits ([`exponent_in_bounds`]).
    RsaExponent,
    /// The MD2 hash.
    Md2,
    /// RSA-PSS over an MD hash (MD2, MD5).
    PssWithMd,
    /// ECDSA on a curve other than P-256, P-384 and P-521, by name.
    EcdsaCurve(String),
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
        (SigAlg::Ed25519, Spki::Ed25519(key)) => outcome(ed25519(key, message, signature)),
        (SigAlg::Other(oid), _) => {
            Verdict::Unsupported(Unsupported::SignatureAlgorithm(oid.clone()))
        }
        (_, Spki::Other(oid)) => Verdict::Unsupported(Unsupported::KeyAlgorithm(oid.clone())),
        _ => Verdict::Invalid,
    }
}

/// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.2).
fn rsa_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    if let Some(why) = rsa_key_out_of_bounds(n, e) {
        return Verdict::Unsupported(why);
    }
    // Before hashing: ring hashes the message itself, and takes only hashes certchain has.
    if fast_path::accepts_pkcs1(n, e, hash, message, sig) {
        return Verdict::Valid;
    }
    let (Some(hashed), Some(scheme)) = (digest(hash, message), pkcs1_scheme(hash)) else {
        return Verdict::Unsupported(Unsupported::Md2);
    };
    let Some(key) = rsa_key(n, e, sig) else { return Verdict::Invalid };
    if key.verify(scheme.clone(), &hashed, sig).is_ok() {
        return Verdict::Valid;
    }
    // §9.2 note 2: the digest AlgorithmIdentifier's NULL parameters may be absent.
    outcome(key.verify(without_null(&scheme), &hashed, sig).is_ok())
}

/// RSASSA-PSS (RFC 8017 §8.1.2) with MGF1 over the same hash and the certificate's salt
/// length (RFC 4055 §3.1).
fn rsa_pss(n: &[u8], e: &[u8], hash: Hash, salt: usize, message: &[u8], sig: &[u8]) -> Verdict {
    if let Some(why) = rsa_key_out_of_bounds(n, e) {
        return Verdict::Unsupported(why);
    }
    if fast_path::accepts_pss(n, e, hash, salt, message, sig) {
        return Verdict::Valid;
    }
    let (Some(hashed), Some(scheme)) = (digest(hash, message), pss_scheme(hash, salt)) else {
        return Verdict::Unsupported(Unsupported::PssWithMd);
    };
    // §9.1.2 step 3 (emLen < hLen + sLen + 2) for any salt, before the crate adds lengths.
    if salt > n.len() {
        return Verdict::Invalid;
    }
    let Some(key) = rsa_key(n, e, sig) else { return Verdict::Invalid };
    outcome(key.verify(scheme, &hashed, sig).is_ok())
}

/// Why an RSA key is not computed with: a modulus over [`MAX_RSA_BITS`], or an exponent
/// that is even, below 3 or over 64 bits ([`exponent_in_bounds`]).
fn rsa_key_out_of_bounds(n: &[u8], e: &[u8]) -> Option<Unsupported> {
    if n.len() * 8 > MAX_RSA_BITS {
        return Some(Unsupported::RsaModulus);
    }
    (!exponent_in_bounds(e)).then_some(Unsupported::RsaExponent)
}

/// The public key, once certchain's own checks hold: the exponent is in bounds (checked
/// before), the modulus is odd, and the signature is exactly as long as the modulus and
/// below it (RFC 8017 §8.1.2 step 1, §8.2.2 step 1, RSAVP1 §5.2.2 step 1; the crate checks
/// s < n for PKCS#1 v1.5 only). `new_unchecked`: the crate's own key check would also
/// refuse exponents over 2^33 − 1, which certchain's bound (64 bits) has always accepted.
fn rsa_key(n: &[u8], e: &[u8], sig: &[u8]) -> Option<RsaPublicKey> {
    let n = trim(n);
    let odd = n.last().is_some_and(|low| low & 1 == 1);
    if !odd || n.len() < 2 || sig.len() != n.len() || sig >= n {
        return None;
    }
    Some(RsaPublicKey::new_unchecked(BigUint::from_bytes_be(n), BigUint::from_bytes_be(e)))
}

/// The EMSA-PKCS1-v1_5 DigestInfo prefix of a hash (RFC 8017 §9.2 note 1).
fn pkcs1_scheme(hash: Hash) -> Option<Pkcs1v15Sign> {
    Some(match hash {
        Hash::Md5 => Pkcs1v15Sign::new::<md5::Md5>(),
        Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        Hash::Md2 => return None,
    })
}

/// The same DigestInfo with the NULL parameters left out: drop `05 00` and shrink the two
/// enclosing SEQUENCE lengths by 2 (every prefix here is short-form DER).
fn without_null(scheme: &Pkcs1v15Sign) -> Pkcs1v15Sign {
    let p = &scheme.prefix;
    let prefix = match p.len().checked_sub(4) {
        Some(end) if p.len() > 6 && p[end..end + 2] == [0x05, 0x00] => {
            let head = [p[0], p[1].saturating_sub(2), p[2], p[3].saturating_sub(2)];
            [&head[..], &p[4..end], &p[end + 2..]].concat()
        }
        _ => p.to_vec(),
    };
    Pkcs1v15Sign { hash_len: scheme.hash_len, prefix: prefix.into_boxed_slice() }
}

/// The PSS scheme of a hash: MGF1 with the same hash, `salt` bytes of salt; `None` for MD2
/// and MD5, which RFC 4055 does not name for PSS.
fn pss_scheme(hash: Hash, salt: usize) -> Option<Pss> {
    Some(match hash {
        Hash::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt),
        Hash::Sha224 => Pss::new_with_salt::<sha2::Sha224>(salt),
        Hash::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt),
        Hash::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt),
        Hash::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt),
        Hash::Md2 | Hash::Md5 => return None,
    })
}

/// SEC 1 §4.1.4 on one curve crate, whose field elements are `$len` bytes. FIPS 186-4 §6.4:
/// a digest shorter than the order is used whole as an integer, so it is left-padded with
/// zeros to the field size (the crate wants at least half of it); a longer one is cut to its
/// leftmost bits by the crate.
macro_rules! ecdsa_on {
    ($krate:ident, $len:literal, $point:expr, $hashed:expr, $sig:expr) => {{
        use $krate::ecdsa::signature::hazmat::PrehashVerifier;
        let prehash = left_pad($hashed, $len);
        let key = $krate::ecdsa::VerifyingKey::from_sec1_bytes($point);
        let sig = $krate::ecdsa::Signature::from_der($sig);
        matches!((key, sig), (Ok(key), Ok(sig)) if key.verify_prehash(&prehash, &sig).is_ok())
    }};
}

/// ECDSA (RFC 5758 §3.2; the signature is DER `Ecdsa-Sig-Value`, RFC 3279 §2.2.3, the key a
/// SEC 1 point, RFC 5480 §2.2). Any of the hashes goes with any curve, as in Go.
fn ecdsa(curve: &str, point: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    if fast_path::accepts_ecdsa(curve, point, hash, message, sig) {
        return Verdict::Valid;
    }
    let Some(hashed) = digest(hash, message) else {
        return Verdict::Unsupported(Unsupported::Md2);
    };
    outcome(match curve {
        "P-256" => ecdsa_on!(p256, 32, point, &hashed, sig),
        "P-384" => ecdsa_on!(p384, 48, point, &hashed, sig),
        "P-521" => ecdsa_on!(p521, 66, point, &hashed, sig),
        _ => return Verdict::Unsupported(Unsupported::EcdsaCurve(curve.to_string())),
    })
}

fn left_pad(bytes: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0; len.saturating_sub(bytes.len())];
    out.extend_from_slice(bytes);
    out
}

/// Ed25519 (RFC 8032 §5.1.7; in certificates RFC 8410 §6) with ed25519-dalek's strict rules:
/// S canonical, A and R not of small order, and the cofactorless equation.
fn ed25519(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let Ok(key) = <[u8; 32]>::try_from(public_key) else { return false };
    let (Ok(key), Ok(sig)) =
        (Ed25519Key::from_bytes(&key), Ed25519Signature::from_slice(signature))
    else {
        return false;
    };
    key.verify_strict(message, &sig).is_ok()
}

/// Hash(message); `None` for MD2, which certchain does not check.
fn digest(hash: Hash, message: &[u8]) -> Option<Vec<u8>> {
    Some(match hash {
        Hash::Md5 => md5::Md5::digest(message).to_vec(),
        Hash::Sha1 => sha1::Sha1::digest(message).to_vec(),
        Hash::Sha224 => sha2::Sha224::digest(message).to_vec(),
        Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        Hash::Md2 => return None,
    })
}

/// The big-endian integer without its leading zero octets.
pub(super) fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

fn outcome(ok: bool) -> Verdict {
    if ok {
        Verdict::Valid
    } else {
        Verdict::Invalid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_in_and_out_of_bounds() {
        for e in [&[3u8][..], &[1, 0, 1], &[0, 0, 1, 0, 1], &[0xff; 8]] {
            assert!(exponent_in_bounds(e), "{e:?}");
        }
        let too_long = [&[1u8][..], &[0; 8]].concat();
        for e in [&[][..], &[0], &[1], &[2], &[1, 0, 0], &[0xff; 9], &too_long[..]] {
            assert!(!exponent_in_bounds(e), "{e:?}");
        }
    }

    #[test]
    fn digest_info_without_null_is_the_null_form_minus_two_octets() {
        let sha256 = pkcs1_scheme(Hash::Sha256).unwrap_or_else(|| unreachable!());
        let expected = [
            0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x04, 0x20,
        ];
        assert_eq!(&*without_null(&sha256).prefix, &expected[..]);
        assert_eq!(without_null(&sha256).hash_len, Some(32));
    }
}
