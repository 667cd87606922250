//! Ed25519: RFC 8032's known answers, every spoiled signature, and the strict rules
//! (non-canonical S, small-order keys) that certchain keeps from ed25519-dalek's
//! `verify_strict`.

use certchain_core::cert::algorithm::SigAlg;
use certchain_core::cert::key::Spki;

use super::common::{flip, hex, valid};

/// RFC 8032 §7.1: (SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE).
const RFC8032: [(&str, &str, &str, &str); 3] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
];

#[test]
fn rfc8032_test_vectors_1_to_3_and_every_flipped_bit() {
    for (_, public, message, signature) in RFC8032 {
        let (key, message, signature) = (hex(public), hex(message), hex(signature));
        let spki = Spki::Ed25519(key.clone());
        assert!(valid(&spki, &SigAlg::Ed25519, &message, &signature), "{public}");
        assert!(!valid(&spki, &SigAlg::Ed25519, &[&message[..], b"!"].concat(), &signature));
        for bit in 0..512 {
            let spoiled = flip(&signature, bit);
            assert!(!valid(&spki, &SigAlg::Ed25519, &message, &spoiled), "signature bit {bit}");
        }
        for bit in 0..256 {
            let other = Spki::Ed25519(flip(&key, bit));
            assert!(!valid(&other, &SigAlg::Ed25519, &message, &signature), "key bit {bit}");
        }
        if !message.is_empty() {
            let spoiled = flip(&message, 0);
            assert!(!valid(&spki, &SigAlg::Ed25519, &spoiled, &signature), "message bit");
        }
    }
}

#[test]
fn wrong_lengths_are_invalid() {
    let (_, public, message, signature) = RFC8032[1];
    let (key, message, signature) = (hex(public), hex(message), hex(signature));
    let spki = Spki::Ed25519(key.clone());
    assert!(!valid(&spki, &SigAlg::Ed25519, &message, &signature[..63]));
    assert!(!valid(&spki, &SigAlg::Ed25519, &message, &[&signature[..], &[0]].concat()));
    assert!(!valid(&Spki::Ed25519(key[..31].to_vec()), &SigAlg::Ed25519, &message, &signature));
}

/// S + L verifies the same equation; RFC 8032 §5.1.7 step 1 refuses S ≥ L.
#[test]
fn a_non_canonical_s_is_invalid() {
    let (_, public, message, signature) = RFC8032[0];
    let (key, message, mut signature) = (hex(public), hex(message), hex(signature));
    // L, little-endian.
    let l = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    let mut carry = 0u16;
    for (s, l) in signature[32..].iter_mut().zip(&l) {
        let sum = u16::from(*s) + u16::from(*l) + carry;
        *s = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    assert!(!valid(&Spki::Ed25519(key), &SigAlg::Ed25519, &message, &signature));
}

/// A of order 8 with R = identity and S = 0 satisfies the cofactorless equation whenever
/// 8 divides k: only the small-order rule refuses it, for every message.
#[test]
fn a_small_order_key_is_invalid() {
    let a = hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let sig = [identity, [0; 32]].concat();
    for i in 0u32..64 {
        assert!(!valid(&Spki::Ed25519(a.clone()), &SigAlg::Ed25519, &i.to_be_bytes(), &sig));
    }
}
