//! ECDSA on P-256, P-384 and P-521: RFC 6979's known answers, then signatures made with the
//! curve crates' signers and spoiled in every way, each with the verdict it must get.

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use certchain_core::chain::signature::{verify, Unsupported, Verdict};
use sha2::Digest;

use super::common::{add_be, der_signature, flip, hex, sub_be, valid};

/// One RFC 6979 case: curve, Ux, Uy, hash, message, r, s.
struct EcVector {
    curve: &'static str,
    ux: &'static str,
    uy: &'static str,
    hash: Hash,
    message: &'static [u8],
    r: &'static str,
    s: &'static str,
}

const P256_UX: &str = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
const P256_UY: &str = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
const P384_UX: &str = "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64\
                       DEF8F0EA9055866064A254515480BC13";
const P384_UY: &str = "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1\
                       288B231C3AE0D4FE7344FD2533264720";
const P521_UX: &str = "01894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD3\
                       71123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4";
const P521_UY: &str = "00493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A2\
                       8A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5";

const RFC6979: [EcVector; 6] = [
    // §A.2.5, P-256, SHA-256, "sample".
    EcVector {
        curve: "P-256",
        ux: P256_UX,
        uy: P256_UY,
        hash: Hash::Sha256,
        message: b"sample",
        r: "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        s: "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
    },
    // §A.2.5, P-256, SHA-384 (longer than n: truncated), "test".
    EcVector {
        curve: "P-256",
        ux: P256_UX,
        uy: P256_UY,
        hash: Hash::Sha384,
        message: b"test",
        r: "83910E8B48BB0C74244EBDF7F07A1C5413D61472BD941EF3920E623FBCCEBEB6",
        s: "8DDBEC54CF8CD5874883841D712142A56A8D0F218F5003CB0296B6B509619F2C",
    },
    // §A.2.6, P-384, SHA-384, "sample".
    EcVector {
        curve: "P-384",
        ux: P384_UX,
        uy: P384_UY,
        hash: Hash::Sha384,
        message: b"sample",
        r: "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C\
            81A648152E44ACF96E36DD1E80FABE46",
        s: "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F\
            A329C145786E679E7B82C71A38628AC8",
    },
    // §A.2.6, P-384, SHA-1 (shorter than n), "sample".
    EcVector {
        curve: "P-384",
        ux: P384_UX,
        uy: P384_UY,
        hash: Hash::Sha1,
        message: b"sample",
        r: "EC748D839243D6FBEF4FC5C4859A7DFFD7F3ABDDF72014540C16D73309834FA3\
            7B9BA002899F6FDA3A4A9386790D4EB2",
        s: "A3BCFA947BEEF4732BF247AC17F71676CB31A847B9FF0CBC9C9ED4C1A5B3FACF\
            26F49CA031D4857570CCB5CA4424A443",
    },
    // §A.2.7, P-521, SHA-512, "sample".
    EcVector {
        curve: "P-521",
        ux: P521_UX,
        uy: P521_UY,
        hash: Hash::Sha512,
        message: b"sample",
        r: "00C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F1\
            74E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA",
        s: "00617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF2\
            82623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A",
    },
    // §A.2.7, P-521, SHA-256, "test".
    EcVector {
        curve: "P-521",
        ux: P521_UX,
        uy: P521_UY,
        hash: Hash::Sha256,
        message: b"test",
        r: "000E871C4A14F993C6C7369501900C4BC1E9C7B0B4BA44E04868B30B41D807104\
            2EB28C4C250411D0CE08CD197E4188EA4876F279F90B3D8D74A3C76E6F1E4656AA8",
        s: "00CD52DBAA33B063C3A6CD8058A1FB0A46A4754B034FCC644766CA14DA8CA5CA9\
            FDE00E88C1AD60CCBA759025299079D7A427EC3CC5B619BFBC828E7769BCD694E86",
    },
];

#[test]
fn rfc6979_signatures_verify_on_p256_p384_p521() {
    for v in &RFC6979 {
        let point = [&[0x04][..], &hex(v.ux), &hex(v.uy)].concat();
        let key = Spki::Ec { curve: v.curve.into(), point: point.clone() };
        let alg = SigAlg::Ecdsa(v.hash);
        let sig = der_signature(&hex(v.r), &hex(v.s));
        let what = format!("{} {:?}", v.curve, v.hash);
        assert!(valid(&key, &alg, v.message, &sig), "{what}");
        assert!(!valid(&key, &alg, b"other", &sig), "{what}: other message");
        assert!(!valid(&key, &alg, &flip(v.message, 3), &sig), "{what}: flipped message");
        let swapped = der_signature(&hex(v.s), &hex(v.r));
        assert!(!valid(&key, &alg, v.message, &swapped), "{what}: r and s swapped");
        let wrong_hash =
            SigAlg::Ecdsa(if v.hash == Hash::Sha256 { Hash::Sha1 } else { Hash::Sha256 });
        assert!(!valid(&key, &wrong_hash, v.message, &sig), "{what}: wrong hash");
        let flipped_y =
            Spki::Ec { curve: v.curve.into(), point: flip(&point, point.len() * 8 - 1) };
        assert!(!valid(&flipped_y, &alg, v.message, &sig), "{what}: key off the curve");
    }
}

/// A key and a signature made by a curve crate's signer.
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
    sign: fn(&[u8], &[u8]) -> Signed,
}

macro_rules! signer {
    ($name:ident, $krate:ident) => {
        fn $name(secret: &[u8], prehash: &[u8]) -> Signed {
            use rand_chacha::rand_core::SeedableRng;
            use $krate::ecdsa::signature::hazmat::RandomizedPrehashSigner;
            let key = $krate::ecdsa::SigningKey::from_slice(secret).unwrap();
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(prehash.len() as u64);
            let sig: $krate::ecdsa::Signature =
                key.sign_prehash_with_rng(&mut rng, prehash).unwrap();
            let (r, s) = sig.split_bytes();
            let public = $krate::ecdsa::VerifyingKey::from(&key);
            Signed {
                uncompressed: public.to_encoded_point(false).as_bytes().to_vec(),
                compressed: public.to_encoded_point(true).as_bytes().to_vec(),
                r: r.to_vec(),
                s: s.to_vec(),
            }
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

/// Every hash certchain accepts with ECDSA, MD5 included (Go and OpenSSL check it too).
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

/// What the signer is given: the digest, cut to the order's bytes or left-padded (FIPS
/// 186-4 §6.4 for curves whose order is a whole number of bytes; P-521's 66 bytes hold
/// every digest whole).
fn prehash(curve: &Curve, hashed: &[u8]) -> Vec<u8> {
    let mut out = vec![0; curve.len.saturating_sub(hashed.len())];
    out.extend_from_slice(&hashed[..hashed.len().min(curve.len)]);
    out
}

/// The mutations, what each does, and whether the signature stays valid.
const MUTATIONS: [(&str, bool); 17] = [
    ("untouched", true),
    ("high S (n - s): ECDSA accepts both", true),
    ("compressed point", true),
    ("flipped bit in the message", false),
    ("flipped bit in r", false),
    ("flipped bit in s", false),
    ("flipped bit in the key's x", false),
    ("another key", false),
    ("r = 0", false),
    ("s = 0", false),
    ("s = n", false),
    ("s + n", false),
    ("r + n", false),
    ("point at infinity as the key", false),
    ("DER cut short", false),
    ("DER with a redundant leading zero in r", false),
    ("the wrong hash", false),
];

/// Sign with a fixed secret, spoil as `MUTATIONS[m]` says; the verdict.
fn check(curve: &Curve, hash: Hash, m: usize) -> bool {
    let secret: Vec<u8> = (1..=curve.len as u8).collect();
    let message = b"tbsCertificate".to_vec();
    let hashed = digest(hash, &message);
    let signed = (curve.sign)(&secret, &prehash(curve, &hashed));
    let n = hex(curve.n);
    let (mut r, mut s, mut point) = (signed.r.clone(), signed.s.clone(), signed.uncompressed);
    let (mut message, mut alg, mut der) = (message, SigAlg::Ecdsa(hash), None);
    match m {
        0 => {}
        1 => s = sub_be(&n, &s),
        2 => point = signed.compressed,
        3 => message = flip(&message, 13),
        4 => r = flip(&r, 8 * curve.len - 1),
        5 => s = flip(&s, 8 * curve.len - 9),
        6 => point = flip(&point, 8 * curve.len),
        7 => point = (curve.sign)(&flip(&secret, 0), &prehash(curve, &hashed)).uncompressed,
        8 => r = vec![0],
        9 => s = vec![0],
        10 => s = n.clone(),
        11 => s = add_be(&s, &n),
        12 => r = add_be(&r, &n),
        13 => point = vec![0x00],
        14 => der = Some(der_signature(&r, &s)[..8].to_vec()),
        15 => {
            let good = der_signature(&r, &s);
            let r_len = usize::from(good[if good[1] == 0x81 { 4 } else { 3 }]);
            let start = if good[1] == 0x81 { 3 } else { 2 };
            let mut padded = good[start + 2..start + 2 + r_len].to_vec();
            padded.insert(0, 0);
            let body =
                [&[0x02, padded.len() as u8][..], &padded, &good[start + 2 + r_len..]].concat();
            let len = if body.len() < 0x80 {
                vec![body.len() as u8]
            } else {
                vec![0x81, body.len() as u8]
            };
            der = Some([&[0x30][..], &len, &body].concat());
        }
        16 => alg = SigAlg::Ecdsa(if hash == Hash::Sha256 { Hash::Sha384 } else { Hash::Sha256 }),
        _ => unreachable!(),
    }
    let der = der.unwrap_or_else(|| der_signature(&r, &s));
    valid(&Spki::Ec { curve: curve.name.into(), point }, &alg, &message, &der)
}

#[test]
fn every_spoiled_signature_on_every_curve_with_every_hash() {
    for curve in [&P256, &P384, &P521] {
        for hash in HASHES {
            for (m, (what, stays_valid)) in MUTATIONS.iter().enumerate() {
                assert_eq!(check(curve, hash, m), *stays_valid, "{} {hash:?}: {what}", curve.name);
            }
        }
    }
}

/// A P-256 key labelled P-384 (and the reverse) is not a key of that curve.
#[test]
fn a_key_on_the_wrong_curve_is_invalid() {
    let hashed = digest(Hash::Sha256, b"m");
    for (signer, label) in [(&P256, "P-384"), (&P384, "P-256"), (&P521, "P-256"), (&P256, "P-521")]
    {
        let secret: Vec<u8> = (1..=signer.len as u8).collect();
        let signed = (signer.sign)(&secret, &prehash(signer, &hashed));
        let sig = der_signature(&signed.r, &signed.s);
        let key = Spki::Ec { curve: label.into(), point: signed.uncompressed };
        assert!(
            !valid(&key, &SigAlg::Ecdsa(Hash::Sha256), b"m", &sig),
            "{} as {label}",
            signer.name
        );
    }
}

#[test]
fn other_curves_and_md2_are_unsupported() {
    let alg = SigAlg::Ecdsa(Hash::Sha256);
    for curve in ["secp256k1", "P-192", "P-224", "1.3.36.3.3.2.8.1.1.7"] {
        let key = Spki::Ec { curve: curve.into(), point: vec![4; 65] };
        assert_eq!(
            verify(&key, &alg, b"m", &[0x30, 0]),
            Verdict::Unsupported(Unsupported::EcdsaCurve(curve.into()))
        );
    }
    let key = Spki::Ec { curve: "P-256".into(), point: vec![4; 65] };
    assert_eq!(
        verify(&key, &SigAlg::Ecdsa(Hash::Md2), b"m", &[]),
        Verdict::Unsupported(Unsupported::Md2)
    );
}

/// An ECDSA key with an RSA or Ed25519 algorithm, and the reverse: invalid, not a panic.
#[test]
fn a_key_of_another_algorithm_is_invalid() {
    let ec = Spki::Ec { curve: "P-256".into(), point: vec![4; 65] };
    assert_eq!(verify(&ec, &SigAlg::RsaPkcs1(Hash::Sha256), b"m", &[0; 64]), Verdict::Invalid);
    assert_eq!(verify(&ec, &SigAlg::Ed25519, b"m", &[0; 64]), Verdict::Invalid);
    let ed = Spki::Ed25519(vec![0; 32]);
    assert_eq!(verify(&ed, &SigAlg::Ecdsa(Hash::Sha256), b"m", &[0x30, 0]), Verdict::Invalid);
}
