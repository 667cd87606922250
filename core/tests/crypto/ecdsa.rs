//! ECDSA on P-256, P-384 and P-521: own verification against p256/p384/p521 on random keys,
//! messages and hashes, for valid signatures and for each way of spoiling one.

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use proptest::prelude::*;

use super::common::{add_be, agree, der_signature, flip, hex, sub_be};
use super::reference::{digest, left_pad};

/// A key and a signature made by RustCrypto.
struct Signed {
    uncompressed: Vec<u8>,
    compressed: Vec<u8>,
    r: Vec<u8>,
    s: Vec<u8>,
}

/// One curve as the tests need it.
struct Curve {
    name: &'static str,
    /// Octets of a scalar or coordinate.
    len: usize,
    /// The group order n (SEC 2).
    n: &'static str,
    sign: fn(&[u8], &[u8]) -> Option<Signed>,
}

macro_rules! signer {
    ($name:ident, $krate:ident) => {
        fn $name(secret: &[u8], prehash: &[u8]) -> Option<Signed> {
            use rand_chacha::rand_core::SeedableRng;
            use $krate::ecdsa::signature::hazmat::RandomizedPrehashSigner;
            let key = $krate::ecdsa::SigningKey::from_slice(secret).ok()?;
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(prehash.len() as u64);
            let sig: $krate::ecdsa::Signature =
                key.sign_prehash_with_rng(&mut rng, prehash).ok()?;
            let (r, s) = sig.split_bytes();
            let public = $krate::ecdsa::VerifyingKey::from(&key);
            Some(Signed {
                uncompressed: public.to_encoded_point(false).as_bytes().to_vec(),
                compressed: public.to_encoded_point(true).as_bytes().to_vec(),
                r: r.to_vec(),
                s: s.to_vec(),
            })
        }
    };
}
signer!(sign_p256, p256);
signer!(sign_p384, p384);
signer!(sign_p521, p521);

const P256: Curve = Curve {
    name: "P-256",
    len: 32,
    n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    sign: sign_p256,
};
const P384: Curve = Curve {
    name: "P-384",
    len: 48,
    n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf\
        581a0db248b0a77aecec196accc52973",
    sign: sign_p384,
};
const P521: Curve = Curve {
    name: "P-521",
    len: 66,
    n: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
        fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    sign: sign_p521,
};

const HASHES: [Hash; 5] = [Hash::Sha1, Hash::Sha224, Hash::Sha256, Hash::Sha384, Hash::Sha512];

/// The ways a signature, message or key is spoiled (0 leaves it valid).
const MUTATIONS: usize = 15;

/// Sign `message` with `secret`, spoil it as `mutation` says, and compare the verdicts.
/// Returns whether the verdict was `Valid`, or `None` when the secret is not a key.
fn check(
    curve: &Curve,
    secret: &[u8],
    message: &[u8],
    hash: Hash,
    mutation: usize,
    bit: usize,
) -> Option<bool> {
    let hashed = digest(hash, message);
    let signed = (curve.sign)(secret, &left_pad(&hashed, curve.len))?;
    let n = hex(curve.n);
    let (mut r, mut s) = (signed.r.clone(), signed.s.clone());
    let mut point = signed.uncompressed.clone();
    let mut message = message.to_vec();
    let mut alg = SigAlg::Ecdsa(hash);
    let mut der = None;
    match mutation {
        0 => {}
        1 => message = flip(&message, bit),
        2 => der = Some(flip(&der_signature(&r, &s), bit)),
        3 => r = vec![0],
        4 => s = vec![0],
        5 => s = n.clone(),
        6 => s = add_be(&s, &n),
        7 => r = add_be(&r, &n),
        8 => s = sub_be(&n, &s), // high S: still valid for ECDSA
        9 => point = signed.compressed.clone(),
        10 => {
            point =
                (curve.sign)(&flip(secret, bit % 64), &left_pad(&hashed, curve.len))?.uncompressed
        }
        11 => point = flip(&point, 8 + bit % (8 * (point.len() - 1))),
        12 => point = vec![0x00],
        13 => der = Some(der_signature(&r, &s)[..(bit % 8) + 1].to_vec()),
        14 => alg = SigAlg::Ecdsa(if hash == Hash::Sha256 { Hash::Sha384 } else { Hash::Sha256 }),
        _ => unreachable!(),
    }
    let der = der.unwrap_or_else(|| der_signature(&r, &s));
    let key = Spki::Ec { curve: curve.name.into(), point };
    Some(agree(&key, &alg, &message, &der))
}

/// `check`, and for the mutations that keep a signature valid, that it is; whether the
/// secret made a key.
fn run(
    curve: &Curve,
    secret: &[u8],
    message: &[u8],
    hash: usize,
    mutation: usize,
    bit: usize,
) -> bool {
    let hash = HASHES[hash % HASHES.len()];
    let verdict = check(curve, secret, message, hash, mutation, bit);
    if matches!(mutation, 0 | 8 | 9) {
        assert!(verdict != Some(false), "{}: mutation {mutation} keeps it valid", curve.name);
    }
    verdict.is_some()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn p256_agrees_with_rustcrypto(
        secret in prop::collection::vec(any::<u8>(), 32),
        message in prop::collection::vec(any::<u8>(), 0..64),
        hash in 0..5usize, mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        run(&P256, &secret, &message, hash, mutation, bit);
    }

    #[test]
    fn p384_agrees_with_rustcrypto(
        secret in prop::collection::vec(any::<u8>(), 48),
        message in prop::collection::vec(any::<u8>(), 0..64),
        hash in 0..5usize, mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        run(&P384, &secret, &message, hash, mutation, bit);
    }

    #[test]
    fn p521_agrees_with_rustcrypto(
        mut secret in prop::collection::vec(any::<u8>(), 66),
        message in prop::collection::vec(any::<u8>(), 0..64),
        hash in 0..5usize, mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        secret[0] &= 0x01; // below 2^521
        run(&P521, &secret, &message, hash, mutation, bit);
    }
}

/// Every mutation once on every curve, so none is left to chance.
#[test]
fn every_mutation_on_every_curve() {
    for curve in [&P256, &P384, &P521] {
        let secret: Vec<u8> = (1..=curve.len as u8).collect();
        for mutation in 0..MUTATIONS {
            for hash in 0..HASHES.len() {
                let checked = run(curve, &secret, b"certchain", hash, mutation, 3 + 7 * mutation);
                assert!(checked, "{} mutation {mutation} hash {hash}", curve.name);
            }
        }
    }
}
