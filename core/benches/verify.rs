//! One signature check per algorithm through `chain::signature::verify` (criterion), with
//! keys and signatures made by the RustCrypto signers. Run with
//! `cargo bench -p certchain-core --bench verify`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark set-up fails loudly
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use certchain_core::chain::signature::{verify, Verdict};
use criterion::{criterion_group, criterion_main, Criterion};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sha2::Digest;

const MESSAGE: &[u8] = b"tbsCertificate: the bytes a certificate signature covers";

fn bench(c: &mut Criterion, name: &str, key: &Spki, alg: &SigAlg, sig: &[u8]) {
    assert_eq!(verify(key, alg, MESSAGE, sig), Verdict::Valid, "{name}");
    c.bench_function(&format!("{name}: certchain"), |b| {
        b.iter(|| verify(black_box(key), alg, black_box(MESSAGE), black_box(sig)))
    });
}

fn rsa(c: &mut Criterion) {
    use rsa::traits::PublicKeyParts;
    let mut rng = ChaCha8Rng::seed_from_u64(2048);
    let private = rsa::RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let public = private.to_public_key();
    let hashed = sha2::Sha256::digest(MESSAGE);
    let key = Spki::Rsa { n: public.n().to_bytes_be(), e: public.e().to_bytes_be() };
    let pkcs1 = private.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hashed).unwrap();
    bench(c, "RSA-2048 PKCS#1 v1.5", &key, &SigAlg::RsaPkcs1(Hash::Sha256), &pkcs1);
    let pss_scheme = || rsa::Pss::new_with_salt::<sha2::Sha256>(32);
    let pss = private.sign_with_rng(&mut rng, pss_scheme(), &hashed).unwrap();
    let alg = SigAlg::RsaPss { hash: Hash::Sha256, salt_len: 32 };
    bench(c, "RSA-2048 PSS", &key, &alg, &pss);
}

macro_rules! ecdsa_bench {
    ($fn:ident, $krate:ident, $curve:literal, $hash:ident, $len:literal) => {
        fn $fn(c: &mut Criterion) {
            use $krate::ecdsa::signature::hazmat::RandomizedPrehashSigner;
            let mut rng = ChaCha8Rng::seed_from_u64($len);
            let secret: Vec<u8> = (1..=$len as u8).collect();
            let signing = $krate::ecdsa::SigningKey::from_slice(&secret).unwrap();
            let mut prehash = vec![0u8; $len];
            let digest = sha2::$hash::digest(MESSAGE);
            prehash[$len - digest.len()..].copy_from_slice(&digest);
            let sig: $krate::ecdsa::Signature =
                signing.sign_prehash_with_rng(&mut rng, &prehash).unwrap();
            let public = $krate::ecdsa::VerifyingKey::from(&signing);
            let point = public.to_encoded_point(false).as_bytes().to_vec();
            let der = sig.to_der().as_bytes().to_vec();
            let key = Spki::Ec { curve: $curve.into(), point };
            bench(c, concat!("ECDSA ", $curve), &key, &SigAlg::Ecdsa(Hash::$hash), &der);
        }
    };
}
ecdsa_bench!(p256, p256, "P-256", Sha256, 32);
ecdsa_bench!(p384, p384, "P-384", Sha384, 48);
ecdsa_bench!(p521, p521, "P-521", Sha512, 66);

fn ed25519(c: &mut Criterion) {
    use ed25519_dalek::Signer;
    let signing = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let sig = signing.sign(MESSAGE);
    let public = signing.verifying_key();
    let key = Spki::Ed25519(public.to_bytes().to_vec());
    bench(c, "Ed25519", &key, &SigAlg::Ed25519, &sig.to_bytes());
}

criterion_group!(benches, rsa, p256, p384, p521, ed25519);
criterion_main!(benches);
