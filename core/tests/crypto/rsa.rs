//! RSA PKCS#1 v1.5 and PSS: own verification against the rsa crate, with keys generated
//! once (1024 bits, and 1025 bits where EM is one octet shorter than the modulus).

use std::sync::LazyLock;

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use proptest::prelude::*;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;

use super::common::{agree, flip};
use super::reference::{digest, pkcs1_scheme, pss_scheme};

/// Two keys, made once (key generation is the slow part): 1024 and 1025 bits.
static KEYS: LazyLock<[RsaPrivateKey; 2]> = LazyLock::new(|| {
    let mut rng = ChaCha8Rng::seed_from_u64(8017);
    [1024, 1025].map(|bits| RsaPrivateKey::new(&mut rng, bits).unwrap())
});

const HASHES: [Hash; 6] =
    [Hash::Md5, Hash::Sha1, Hash::Sha224, Hash::Sha256, Hash::Sha384, Hash::Sha512];

/// The ways a signature, message or key is spoiled (0 leaves it valid).
const MUTATIONS: usize = 10;

fn spki(key: &RsaPrivateKey) -> Spki {
    Spki::Rsa { n: key.n().to_bytes_be(), e: key.e().to_bytes_be() }
}

/// Sign (PSS when `salt` is given), spoil as `mutation` says, compare; the verdict.
fn check(
    which: usize,
    hash: Hash,
    salt: Option<usize>,
    message: &[u8],
    mutation: usize,
    bit: usize,
) -> bool {
    let key = &KEYS[which % 2];
    let hashed = digest(hash, message);
    let mut rng = ChaCha8Rng::seed_from_u64(bit as u64);
    let mut sig = match salt {
        Some(salt) => key.sign_with_rng(&mut rng, pss_scheme(hash, salt), &hashed).unwrap(),
        None => key.sign(pkcs1_scheme(hash), &hashed).unwrap(),
    };
    let mut alg = match salt {
        Some(salt_len) => SigAlg::RsaPss { hash, salt_len },
        None => SigAlg::RsaPkcs1(hash),
    };
    let (mut public, mut message) = (spki(key), message.to_vec());
    let n = key.n().to_bytes_be();
    match mutation {
        0 => {}
        1 => message = flip(&message, bit),
        2 => sig = flip(&sig, bit),
        3 => sig = n.clone(), // s = n, not below n
        4 => {
            alg = match alg {
                SigAlg::RsaPss { hash, salt_len } => {
                    SigAlg::RsaPss { hash, salt_len: salt_len + 1 }
                }
                _ => SigAlg::RsaPkcs1(if hash == Hash::Sha256 { Hash::Sha1 } else { Hash::Sha256 }),
            }
        }
        5 => sig.insert(0, 0),
        6 => sig = sig[1..].to_vec(),
        7 => public = Spki::Rsa { n: n.clone(), e: vec![3] },
        8 => public = spki(&KEYS[(which + 1) % 2]),
        9 => sig = vec![0; n.len() - 1].into_iter().chain([1]).collect(),
        _ => unreachable!(),
    }
    agree(&public, &alg, &message, &sig)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pkcs1_agrees_with_the_rsa_crate(
        which in 0..2usize, hash in 0..6usize,
        message in prop::collection::vec(any::<u8>(), 0..100),
        mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        let valid = check(which, HASHES[hash], None, &message, mutation, bit);
        prop_assert!(mutation != 0 || valid);
    }

    #[test]
    fn pss_agrees_with_the_rsa_crate(
        which in 0..2usize, hash in 1..6usize, salt in 0..=40usize,
        message in prop::collection::vec(any::<u8>(), 0..100),
        mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        let valid = check(which, HASHES[hash], Some(salt), &message, mutation, bit);
        prop_assert!(mutation != 0 || valid);
    }
}

#[test]
fn every_mutation_with_every_hash() {
    for which in 0..2 {
        for mutation in 0..MUTATIONS {
            for (i, &hash) in HASHES.iter().enumerate() {
                let pkcs1 = check(which, hash, None, b"certchain", mutation, 11 * i + mutation);
                assert_eq!(pkcs1, mutation == 0, "PKCS#1 {hash:?} mutation {mutation}");
                if hash != Hash::Md5 {
                    let pss = check(which, hash, Some(20), b"certchain", mutation, i);
                    assert_eq!(pss, mutation == 0, "PSS {hash:?} mutation {mutation}");
                }
            }
        }
    }
}

/// The largest salt that fits (emLen = hLen + sLen + 2, RFC 8017 §9.1.2 step 3) and one more.
#[test]
fn largest_salt_fits_and_one_more_does_not() {
    for which in 0..2 {
        let em_len = 128;
        let salt = em_len - 64 - 2;
        assert!(check(which, Hash::Sha512, Some(salt), b"edge", 0, 0));
        let key = &KEYS[which];
        let alg = SigAlg::RsaPss { hash: Hash::Sha512, salt_len: salt + 1 };
        let hashed = digest(Hash::Sha512, b"edge");
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let sig = key.sign_with_rng(&mut rng, pss_scheme(Hash::Sha512, salt), &hashed).unwrap();
        assert!(!agree(&spki(key), &alg, b"edge", &sig));
    }
}
