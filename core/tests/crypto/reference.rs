//! The reference: certchain's previous verification code, on RustCrypto, plus P-521
//! through the p521 crate (which certchain did not check before).

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::Digest;

/// RustCrypto's answer to the same question as `signature::verify`.
pub fn verify(key: &Spki, alg: &SigAlg, message: &[u8], sig: &[u8]) -> bool {
    match (alg, key) {
        (SigAlg::RsaPkcs1(hash), Spki::Rsa { n, e }) => rsa(n, e, |k| {
            let hashed = digest(*hash, message);
            k.verify(pkcs1_scheme(*hash), &hashed, sig).is_ok()
        }),
        (SigAlg::RsaPss { hash, salt_len }, Spki::Rsa { n, e }) => rsa(n, e, |k| {
            let hashed = digest(*hash, message);
            k.verify(pss_scheme(*hash, *salt_len), &hashed, sig).is_ok()
        }),
        (SigAlg::Ecdsa(hash), Spki::Ec { curve, point }) => {
            ecdsa(curve, point, &digest(*hash, message), sig)
        }
        (SigAlg::Ed25519, Spki::Ed25519(key)) => ed25519(key, message, sig),
        _ => panic!("the reference covers RSA, ECDSA and Ed25519 only"),
    }
}

/// Hash(message), for the hashes the tests use.
pub fn digest(hash: Hash, message: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Md5 => md5::Md5::digest(message).to_vec(),
        Hash::Sha1 => sha1::Sha1::digest(message).to_vec(),
        Hash::Sha224 => sha2::Sha224::digest(message).to_vec(),
        Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        Hash::Md2 => panic!("MD2"),
    }
}

fn rsa(n: &[u8], e: &[u8], check: impl Fn(&RsaPublicKey) -> bool) -> bool {
    let key = RsaPublicKey::new_with_max_size(
        BigUint::from_bytes_be(n),
        BigUint::from_bytes_be(e),
        16384,
    );
    key.is_ok_and(|k| check(&k))
}

/// The PKCS#1 v1.5 scheme for a hash.
pub fn pkcs1_scheme(hash: Hash) -> Pkcs1v15Sign {
    match hash {
        Hash::Md5 => Pkcs1v15Sign::new::<md5::Md5>(),
        Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        Hash::Md2 => panic!("MD2"),
    }
}

/// The PSS scheme for a hash (MGF1 with the same hash) and salt length.
pub fn pss_scheme(hash: Hash, salt: usize) -> Pss {
    match hash {
        Hash::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt),
        Hash::Sha224 => Pss::new_with_salt::<sha2::Sha224>(salt),
        Hash::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt),
        Hash::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt),
        Hash::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt),
        Hash::Md2 | Hash::Md5 => panic!("PSS with MD hash"),
    }
}

/// FIPS 186-4 §6.4: a digest shorter than the group order is used as an integer as is;
/// left-padding with zeros keeps that integer and satisfies the library's minimum length.
pub fn left_pad(bytes: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0; len.saturating_sub(bytes.len())];
    out.extend_from_slice(bytes);
    out
}

fn ecdsa(curve: &str, point: &[u8], hashed: &[u8], sig: &[u8]) -> bool {
    match curve {
        "P-256" => {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point);
            let sig = p256::ecdsa::Signature::from_der(sig);
            matches!((key, sig), (Ok(k), Ok(s)) if k.verify_prehash(&left_pad(hashed, 32), &s).is_ok())
        }
        "P-384" => {
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point);
            let sig = p384::ecdsa::Signature::from_der(sig);
            matches!((key, sig), (Ok(k), Ok(s)) if k.verify_prehash(&left_pad(hashed, 48), &s).is_ok())
        }
        "P-521" => {
            let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(point);
            let sig = p521::ecdsa::Signature::from_der(sig);
            matches!((key, sig), (Ok(k), Ok(s)) if k.verify_prehash(&left_pad(hashed, 66), &s).is_ok())
        }
        other => panic!("no reference for {other}"),
    }
}

fn ed25519(key: &[u8], message: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = <[u8; 32]>::try_from(key) else { return false };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else { return false };
    let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else { return false };
    key.verify_strict(message, &sig).is_ok()
}
