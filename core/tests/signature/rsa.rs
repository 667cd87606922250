//! RSA PKCS#1 v1.5 and PSS: signatures made with the rsa crate's signer on keys made once
//! (1024 bits, and 1025 bits, where EM is one octet shorter than the modulus), spoiled in
//! every way; certchain's bounds on keys; and a 16,384-bit key made by OpenSSL.

use std::sync::LazyLock;

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use certchain_core::chain::signature::{verify, Unsupported, Verdict, MAX_RSA_BITS};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, Pss, RsaPrivateKey};
use sha2::Digest;

use super::common::{add_be, flip, hex, valid};

/// Two keys, made once (key generation is the slow part): 1024 and 1025 bits.
static KEYS: LazyLock<[RsaPrivateKey; 2]> = LazyLock::new(|| {
    let mut rng = ChaCha8Rng::seed_from_u64(8017);
    [1024, 1025].map(|bits| RsaPrivateKey::new(&mut rng, bits).unwrap())
});

const HASHES: [Hash; 6] =
    [Hash::Md5, Hash::Sha1, Hash::Sha224, Hash::Sha256, Hash::Sha384, Hash::Sha512];

fn digest(hash: Hash, message: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Md5 => md5::Md5::digest(message).to_vec(),
        Hash::Sha1 => sha1::Sha1::digest(message).to_vec(),
        Hash::Sha224 => sha2::Sha224::digest(message).to_vec(),
        Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
        Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
        Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        Hash::Md2 => unreachable!(),
    }
}

fn pkcs1_scheme(hash: Hash) -> Pkcs1v15Sign {
    match hash {
        Hash::Md5 => Pkcs1v15Sign::new::<md5::Md5>(),
        Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        Hash::Md2 => unreachable!(),
    }
}

fn pss_scheme(hash: Hash, salt: usize) -> Pss {
    match hash {
        Hash::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt),
        Hash::Sha224 => Pss::new_with_salt::<sha2::Sha224>(salt),
        Hash::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt),
        Hash::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt),
        Hash::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt),
        Hash::Md2 | Hash::Md5 => unreachable!(),
    }
}

fn spki(key: &RsaPrivateKey) -> Spki {
    Spki::Rsa { n: key.n().to_bytes_be(), e: key.e().to_bytes_be() }
}

/// The mutations, what each does, and whether the signature stays valid.
const MUTATIONS: [(&str, bool); 11] = [
    ("untouched", true),
    ("flipped bit in the message", false),
    ("flipped bit in the signature", false),
    ("flipped bit in the modulus", false),
    ("signature = n", false),
    ("signature + n (the same value mod n)", false),
    ("leading zero octet added to the signature", false),
    ("first octet of the signature dropped", false),
    ("exponent 3 instead of 65537", false),
    ("the other key", false),
    ("the wrong hash, or PSS salt one longer", false),
];

/// Sign (PSS when `salt` is given), spoil as `MUTATIONS[m]` says; the verdict.
fn check(which: usize, hash: Hash, salt: Option<usize>, m: usize) -> bool {
    let key = &KEYS[which];
    let message = b"tbsCertificate".to_vec();
    let hashed = digest(hash, &message);
    let mut rng = ChaCha8Rng::seed_from_u64(m as u64);
    let mut sig = match salt {
        Some(salt) => key.sign_with_rng(&mut rng, pss_scheme(hash, salt), &hashed).unwrap(),
        None => key.sign(pkcs1_scheme(hash), &hashed).unwrap(),
    };
    let mut alg = match salt {
        Some(salt_len) => SigAlg::RsaPss { hash, salt_len },
        None => SigAlg::RsaPkcs1(hash),
    };
    let (mut public, mut message) = (spki(key), message);
    let (n, e) = (key.n().to_bytes_be(), key.e().to_bytes_be());
    match m {
        0 => {}
        1 => message = flip(&message, 9),
        2 => sig = flip(&sig, 8 * sig.len() - 20),
        3 => public = Spki::Rsa { n: flip(&n, 8 * n.len() - 12), e },
        4 => sig = n.clone(),
        // For the 1025-bit key, s + n still fits in the modulus' length: only s < n refuses it.
        5 => sig = add_be(&sig, &n).into_iter().skip_while(|&b| b == 0).collect(),
        6 => sig.insert(0, 0),
        7 => sig = sig[1..].to_vec(),
        8 => public = Spki::Rsa { n: n.clone(), e: vec![3] },
        9 => public = spki(&KEYS[1 - which]),
        10 => {
            alg = match alg {
                SigAlg::RsaPss { hash, salt_len } => {
                    SigAlg::RsaPss { hash, salt_len: salt_len + 1 }
                }
                _ => SigAlg::RsaPkcs1(if hash == Hash::Sha256 { Hash::Sha1 } else { Hash::Sha256 }),
            }
        }
        _ => unreachable!(),
    }
    valid(&public, &alg, &message, &sig)
}

#[test]
fn every_spoiled_pkcs1_and_pss_signature_with_every_hash() {
    for which in 0..2 {
        for (m, (what, stays_valid)) in MUTATIONS.iter().enumerate() {
            for hash in HASHES {
                let pkcs1 = check(which, hash, None, m);
                assert_eq!(pkcs1, *stays_valid, "key {which}: PKCS#1 {hash:?}: {what}");
                if hash != Hash::Md5 {
                    for salt in [0, 20, 32] {
                        let pss = check(which, hash, Some(salt), m);
                        assert_eq!(
                            pss, *stays_valid,
                            "key {which}: PSS {hash:?} salt {salt}: {what}"
                        );
                    }
                }
            }
        }
    }
}

/// The largest salt that fits (emLen = hLen + sLen + 2, RFC 8017 §9.1.2 step 3), one more,
/// and a salt length no key could hold.
#[test]
fn largest_salt_fits_and_one_more_does_not() {
    for key in KEYS.iter() {
        let salt = 128 - 64 - 2;
        let hashed = digest(Hash::Sha512, b"edge");
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let sig = key.sign_with_rng(&mut rng, pss_scheme(Hash::Sha512, salt), &hashed).unwrap();
        for (salt_len, expected) in [(salt, true), (salt + 1, false), (u32::MAX as usize, false)] {
            let alg = SigAlg::RsaPss { hash: Hash::Sha512, salt_len };
            assert_eq!(valid(&spki(key), &alg, b"edge", &sig), expected, "salt {salt_len}");
        }
    }
}

/// RFC 8017 §9.2 note 2: a DigestInfo without the NULL parameters is accepted too.
#[test]
fn a_digest_info_without_null_parameters_verifies() {
    let key = &KEYS[0];
    for hash in HASHES {
        let with_null = pkcs1_scheme(hash);
        let p = &with_null.prefix;
        let end = p.len() - 4;
        assert_eq!(p[end..end + 2], [0x05, 0x00], "{hash:?}");
        let prefix = [&[p[0], p[1] - 2, p[2], p[3] - 2][..], &p[4..end], &p[end + 2..]].concat();
        let scheme = Pkcs1v15Sign { hash_len: with_null.hash_len, prefix: prefix.into() };
        let hashed = digest(hash, b"m");
        let sig = key.sign(scheme, &hashed).unwrap();
        assert!(valid(&spki(key), &SigAlg::RsaPkcs1(hash), b"m", &sig), "{hash:?}");
        assert!(!valid(&spki(key), &SigAlg::RsaPkcs1(hash), b"n", &sig), "{hash:?}");
    }
}

/// Keys certchain never computes with, whatever the signature: reported as unchecked.
#[test]
fn keys_out_of_bounds_are_unsupported_and_never_computed_with() {
    let oversized = [&[0xc5u8][..], &vec![0xff; MAX_RSA_BITS / 8]].concat();
    let long_exponent = [&[1u8][..], &[0; 7], &[1]].concat();
    let cases: [(Vec<u8>, Vec<u8>, Unsupported); 5] = [
        (oversized, vec![1, 0, 1], Unsupported::RsaModulus),
        (KEYS[0].n().to_bytes_be(), vec![1, 0, 0], Unsupported::RsaExponent),
        (KEYS[0].n().to_bytes_be(), vec![1], Unsupported::RsaExponent),
        (KEYS[0].n().to_bytes_be(), long_exponent, Unsupported::RsaExponent),
        (KEYS[0].n().to_bytes_be(), vec![0xff; 60_000], Unsupported::RsaExponent),
    ];
    for (n, e, why) in cases {
        let sig = vec![1; n.len()];
        for alg in
            [SigAlg::RsaPkcs1(Hash::Sha256), SigAlg::RsaPss { hash: Hash::Sha256, salt_len: 32 }]
        {
            match verify(&Spki::Rsa { n: n.clone(), e: e.clone() }, &alg, b"m", &sig) {
                Verdict::Unsupported(reason) => assert_eq!(reason, why),
                other => panic!("{why:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn md2_and_pss_with_md5_are_unsupported() {
    let key = spki(&KEYS[0]);
    let sig = vec![1; 128];
    assert_eq!(
        verify(&key, &SigAlg::RsaPkcs1(Hash::Md2), b"m", &sig),
        Verdict::Unsupported(Unsupported::Md2)
    );
    for hash in [Hash::Md2, Hash::Md5] {
        let alg = SigAlg::RsaPss { hash, salt_len: 20 };
        assert_eq!(verify(&key, &alg, b"m", &sig), Verdict::Unsupported(Unsupported::PssWithMd));
    }
    let other = SigAlg::Other("1.2.840.10040.4.3".into());
    assert_eq!(
        verify(&key, &other, b"m", &sig),
        Verdict::Unsupported(Unsupported::SignatureAlgorithm("1.2.840.10040.4.3".into()))
    );
}

/// An even modulus is no RSA key: invalid, not computed with.
#[test]
fn an_even_modulus_is_invalid() {
    let mut n = KEYS[0].n().to_bytes_be();
    *n.last_mut().unwrap() &= 0xfe;
    let sig = vec![1; n.len()];
    assert_eq!(
        verify(&Spki::Rsa { n, e: vec![1, 0, 1] }, &SigAlg::RsaPkcs1(Hash::Sha256), b"m", &sig),
        Verdict::Invalid
    );
}

/// A 16,384-bit key (the largest certchain checks) made by OpenSSL, with a PKCS#1 v1.5
/// SHA-256 and a PSS SHA-256 salt-32 signature of "certchain" (`tests/fixtures/crypto/make-rsa16384.sh`).
#[test]
fn a_16384_bit_key_made_by_openssl_verifies() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/crypto/rsa16384");
    let read = |name: &str| hex(&std::fs::read_to_string(format!("{dir}/{name}")).unwrap());
    let key = Spki::Rsa { n: read("n.hex"), e: vec![1, 0, 1] };
    assert_eq!(read("n.hex").len() * 8, MAX_RSA_BITS);
    let pkcs1 = read("pkcs1-sha256.hex");
    let pss = read("pss-sha256-32.hex");
    let pss_alg = SigAlg::RsaPss { hash: Hash::Sha256, salt_len: 32 };
    assert!(valid(&key, &SigAlg::RsaPkcs1(Hash::Sha256), b"certchain", &pkcs1));
    assert!(valid(&key, &pss_alg, b"certchain", &pss));
    assert!(!valid(&key, &SigAlg::RsaPkcs1(Hash::Sha256), b"certchain", &flip(&pkcs1, 7)));
    assert!(!valid(&key, &pss_alg, b"certchain!", &pss));
    assert!(!valid(&key, &SigAlg::RsaPkcs1(Hash::Sha384), b"certchain", &pkcs1));
}
