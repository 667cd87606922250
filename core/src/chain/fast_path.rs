//! A native fast path for RSA and ECDSA signatures that verify, in front of the RustCrypto
//! crates.
//!
//! Measured reason (docs/benchmarks.md): `rsa` 0.9 computes with num-bigint-dig, whose
//! Montgomery multiplication took 43% of a 3-certificate analysis and made 10,000 leaves
//! under one RSA CA take 2.0 s against 0.83 s before RustCrypto; `p256` verification
//! dominates the generated-leaves bench the same way. `ring` (BoringSSL's arithmetic,
//! audited, already in the server through rustls) verifies the same signatures several
//! times faster. It is C and assembly, so the browser build keeps RustCrypto alone.
//!
//! ring only ever *accepts* here. A signature it accepts is a valid RSASSA-PKCS1-v1_5,
//! RSASSA-PSS (RFC 8017 §8.2.2, §8.1.2) or ECDSA (FIPS 186-4 §6.4) signature of the message
//! under that key, which RustCrypto would accept too; everything it refuses (a bad
//! signature, a key size, exponent or salt length outside its limits, a DigestInfo without
//! NULL, a compressed point, a curve and hash pair it does not offer) goes on to RustCrypto,
//! whose verdict stands. Verdicts are therefore RustCrypto's, and the known-answer and
//! Wycheproof tests (core/tests/signature.rs) run through both.

#[cfg(not(target_arch = "wasm32"))]
use super::signature::trim;
use crate::cert::algorithm::Hash;

/// Whether ring accepts `sig` as RSASSA-PKCS1-v1_5 with `hash` over `message`.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn accepts_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> bool {
    use ring::signature as rs;
    let params = match hash {
        Hash::Sha1 => &rs::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        Hash::Sha256 => &rs::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        Hash::Sha384 => &rs::RSA_PKCS1_2048_8192_SHA384,
        Hash::Sha512 => &rs::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        Hash::Md2 | Hash::Md5 | Hash::Sha224 => return false,
    };
    rs::RsaPublicKeyComponents { n: trim(n), e: trim(e) }.verify(params, message, sig).is_ok()
}

/// Whether ring accepts `sig` as RSASSA-PSS with `hash`, MGF1 over `hash` and a salt of
/// `salt` bytes over `message` (ring verifies only a salt as long as the hash).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn accepts_pss(
    n: &[u8],
    e: &[u8],
    hash: Hash,
    salt: usize,
    message: &[u8],
    sig: &[u8],
) -> bool {
    use ring::signature as rs;
    let (params, hash_len) = match hash {
        Hash::Sha256 => (&rs::RSA_PSS_2048_8192_SHA256, 32),
        Hash::Sha384 => (&rs::RSA_PSS_2048_8192_SHA384, 48),
        Hash::Sha512 => (&rs::RSA_PSS_2048_8192_SHA512, 64),
        Hash::Md2 | Hash::Md5 | Hash::Sha1 | Hash::Sha224 => return false,
    };
    salt == hash_len
        && rs::RsaPublicKeyComponents { n: trim(n), e: trim(e) }
            .verify(params, message, sig)
            .is_ok()
}

/// Whether ring accepts the DER `sig` as ECDSA with `hash` over `message` on `curve`, with
/// the uncompressed SEC 1 `point` (ring offers P-256 and P-384 with SHA-256 and SHA-384).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn accepts_ecdsa(
    curve: &str,
    point: &[u8],
    hash: Hash,
    message: &[u8],
    sig: &[u8],
) -> bool {
    use ring::signature as rs;
    let algorithm = match (curve, hash) {
        ("P-256", Hash::Sha256) => &rs::ECDSA_P256_SHA256_ASN1,
        ("P-256", Hash::Sha384) => &rs::ECDSA_P256_SHA384_ASN1,
        ("P-384", Hash::Sha256) => &rs::ECDSA_P384_SHA256_ASN1,
        ("P-384", Hash::Sha384) => &rs::ECDSA_P384_SHA384_ASN1,
        _ => return false,
    };
    rs::UnparsedPublicKey::new(algorithm, point).verify(message, sig).is_ok()
}

/// In the browser: nothing is accepted here, RustCrypto judges every signature.
#[cfg(target_arch = "wasm32")]
pub(super) fn accepts_ecdsa(_: &str, _: &[u8], _: Hash, _: &[u8], _: &[u8]) -> bool {
    false
}

/// In the browser: nothing is accepted here, `rsa` judges every signature.
#[cfg(target_arch = "wasm32")]
pub(super) fn accepts_pkcs1(_: &[u8], _: &[u8], _: Hash, _: &[u8], _: &[u8]) -> bool {
    false
}

/// In the browser: nothing is accepted here, `rsa` judges every signature.
#[cfg(target_arch = "wasm32")]
pub(super) fn accepts_pss(_: &[u8], _: &[u8], _: Hash, _: usize, _: &[u8], _: &[u8]) -> bool {
    false
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn leading_zeros_are_trimmed_and_unknown_hashes_refused() {
        assert_eq!(trim(&[0, 0, 1, 0]), &[1, 0]);
        assert!(!accepts_pkcs1(&[0xff; 256], &[1, 0, 1], Hash::Md5, b"m", &[1; 256]));
        assert!(!accepts_pss(&[0xff; 256], &[1, 0, 1], Hash::Sha256, 20, b"m", &[1; 256]));
        assert!(!accepts_pkcs1(&[0xff; 256], &[1, 0, 1], Hash::Sha256, b"m", &[1; 256]));
        assert!(!accepts_ecdsa("P-521", &[4; 133], Hash::Sha512, b"m", &[0x30, 0]));
    }

    /// An OpenSSL-made chain (sha256WithRSAEncryption, 2048-bit keys): ring accepts each
    /// link, and refuses it with one bit of the signature flipped (then `rsa` judges).
    #[test]
    fn real_links_are_accepted_and_a_flipped_bit_is_not() {
        use x509_parser::pem::Pem;
        use x509_parser::public_key::PublicKey;
        let text = include_bytes!("../../../tests/fixtures/bench/s_client-3.txt");
        let pems: Vec<_> = Pem::iter_from_buffer(text).map(|pem| pem.unwrap()).collect();
        let certs: Vec<_> = pems.iter().map(|pem| pem.parse_x509().unwrap()).collect();
        assert_eq!(certs.len(), 3);
        for link in certs.windows(2) {
            let (child, issuer) = (&link[0], &link[1]);
            let Ok(PublicKey::RSA(key)) = issuer.public_key().parsed() else { panic!("not RSA") };
            let (tbs, sig) = (child.tbs_certificate.as_ref(), child.signature_value.data.as_ref());
            assert!(accepts_pkcs1(key.modulus, key.exponent, Hash::Sha256, tbs, sig));
            let mut spoiled = sig.to_vec();
            spoiled[100] ^= 0x01;
            assert!(!accepts_pkcs1(key.modulus, key.exponent, Hash::Sha256, tbs, &spoiled));
            assert!(!accepts_pkcs1(key.modulus, key.exponent, Hash::Sha384, tbs, sig));
        }
    }
}
