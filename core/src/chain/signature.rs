//! Signature verification of one link: did this key sign these bytes?
//!
//! Pure Rust (RustCrypto), so it runs the same natively and in WASM.
//! RFC 5280 §6.1.3 (a)(1): the signature of each certificate is verified with the
//! working public key, i.e. the issuer's subject public key.

use rsa::{BigUint, Pss, RsaPublicKey};
use sha2::Digest;

use crate::cert::algorithm::{Hash, SigAlg};
use crate::cert::key::Spki;

/// The outcome of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature verifies with the key.
    Valid,
    /// The signature does not verify with the key (or the key does not fit the algorithm).
    Invalid,
    /// certchain cannot check this algorithm (DSA, Ed448, P-521, MD2...): the link is kept,
    /// and reported as unchecked.
    Unsupported(String),
    /// Not checked: the analysis ran out of its signature budget (see `Limits`).
    Skipped,
}

/// Largest RSA modulus accepted, in bits: larger keys are rare and slow to check.
const MAX_RSA_BITS: usize = 16384;

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
        (SigAlg::Ed25519, Spki::Ed25519(key)) => ed25519(key, message, signature),
        (SigAlg::Other(oid), _) => Verdict::Unsupported(format!("signature algorithm {oid}")),
        (_, Spki::Other(oid)) => Verdict::Unsupported(format!("key algorithm {oid}")),
        _ => Verdict::Invalid,
    }
}

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

fn rsa_key(n: &[u8], e: &[u8]) -> Option<RsaPublicKey> {
    let n = BigUint::from_bytes_be(n);
    let e = BigUint::from_bytes_be(e);
    RsaPublicKey::new_with_max_size(n, e, MAX_RSA_BITS).ok()
}

/// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.2): RSAVP1, then compare with EMSA-PKCS1-v1_5 (§9.2).
///
/// The public operation is `modexp::pow_mod` (Montgomery on 64-bit limbs).
fn rsa_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    let (Some(hashed), Some(prefix)) = (digest(hash, message), digest_info_prefix(hash)) else {
        return Verdict::Unsupported("MD2".into());
    };
    if n.len() * 8 > MAX_RSA_BITS {
        return Verdict::Unsupported("RSA key outside supported sizes".into());
    }
    let Some(em) = rsa_public(n, e, sig) else { return Verdict::Invalid };
    outcome(
        em == emsa_pkcs1(em.len(), prefix, &hashed, true)
            || em == emsa_pkcs1(em.len(), prefix, &hashed, false),
    )
}

/// RSAVP1 (RFC 8017 §5.2.2): s^e mod n, as k bytes; `None` when s is not below n.
fn rsa_public(n: &[u8], e: &[u8], sig: &[u8]) -> Option<Vec<u8>> {
    if sig.len() != n.len() {
        return None;
    }
    super::modexp::pow_mod(n, e, sig)
}

/// EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF..FF 00 DigestInfo. `with_null`: the digest
/// AlgorithmIdentifier carries NULL parameters (the norm; note 2 of §9.2 allows omitting them).
fn emsa_pkcs1(k: usize, prefix: &[u8], hashed: &[u8], with_null: bool) -> Vec<u8> {
    let mut t = prefix.to_vec();
    if !with_null {
        // Drop "05 00" and shrink the two enclosing SEQUENCE lengths by 2.
        t = [&[t[0], t[1] - 2, t[2], t[3] - 2], &t[4..t.len() - 4], &t[t.len() - 2..]].concat();
    }
    t.extend_from_slice(hashed);
    let pad = k.saturating_sub(t.len() + 3);
    let mut em = vec![0x00, 0x01];
    em.extend(std::iter::repeat_n(0xff, pad));
    em.push(0x00);
    em.extend(t);
    em
}

/// The DER of DigestInfo up to the digest (RFC 8017 §9.2, note 1).
fn digest_info_prefix(hash: Hash) -> Option<&'static [u8]> {
    Some(match hash {
        Hash::Md5 => &[
            0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05,
            0x05, 0x00, 0x04, 0x10,
        ],
        Hash::Sha1 => &[
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
            0x14,
        ],
        Hash::Sha224 => &[
            0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x04, 0x05, 0x00, 0x04, 0x1c,
        ],
        Hash::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ],
        Hash::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x02, 0x05, 0x00, 0x04, 0x30,
        ],
        Hash::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x03, 0x05, 0x00, 0x04, 0x40,
        ],
        Hash::Md2 => return None,
    })
}

/// RSASSA-PSS (RFC 8017 §8.1.2, parameters per RFC 4055 §3.1).
fn rsa_pss(n: &[u8], e: &[u8], hash: Hash, salt: usize, message: &[u8], sig: &[u8]) -> Verdict {
    let (Some(hashed), Some(key)) = (digest(hash, message), rsa_key(n, e)) else {
        return Verdict::Unsupported("RSA-PSS parameters".into());
    };
    let scheme = match hash {
        Hash::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt),
        Hash::Sha224 => Pss::new_with_salt::<sha2::Sha224>(salt),
        Hash::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt),
        Hash::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt),
        Hash::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt),
        Hash::Md2 | Hash::Md5 => return Verdict::Unsupported("RSA-PSS with MD hash".into()),
    };
    outcome(key.verify(scheme, &hashed, sig).is_ok())
}

/// ECDSA (RFC 5758 §3.2; the signature is DER `Ecdsa-Sig-Value`, RFC 3279 §2.2.3).
fn ecdsa(curve: &str, point: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Verdict {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let Some(digest) = digest(hash, message) else {
        return Verdict::Unsupported("MD2".into());
    };
    // FIPS 186-4 §6.4: a digest shorter than the group order is used as an integer as is;
    // left-padding with zeros keeps that integer and satisfies the library's minimum length.
    let ok = match curve {
        "P-256" => {
            let prehash = left_pad(&digest, 32);
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point);
            let sig = p256::ecdsa::Signature::from_der(sig);
            matches!((key, sig), (Ok(k), Ok(s)) if k.verify_prehash(&prehash, &s).is_ok())
        }
        "P-384" => {
            let prehash = left_pad(&digest, 48);
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point);
            let sig = p384::ecdsa::Signature::from_der(sig);
            matches!((key, sig), (Ok(k), Ok(s)) if k.verify_prehash(&prehash, &s).is_ok())
        }
        other => return Verdict::Unsupported(format!("ECDSA on {other}")),
    };
    outcome(ok)
}

fn left_pad(bytes: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0; len.saturating_sub(bytes.len())];
    out.extend_from_slice(bytes);
    out
}

/// Ed25519 (RFC 8032 §5.1.7, in certificates RFC 8410 §6).
fn ed25519(key: &[u8], message: &[u8], sig: &[u8]) -> Verdict {
    let Ok(key) = <[u8; 32]>::try_from(key) else {
        return Verdict::Invalid;
    };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else {
        return Verdict::Invalid;
    };
    let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else {
        return Verdict::Invalid;
    };
    outcome(key.verify_strict(message, &sig).is_ok())
}

fn outcome(ok: bool) -> Verdict {
    if ok {
        Verdict::Valid
    } else {
        Verdict::Invalid
    }
}
