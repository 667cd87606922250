//! Ed25519: own verification against ed25519-dalek's `verify_strict` on random keys and
//! messages, valid and spoiled: non-canonical S, small-order A and R, wrong keys.

use certchain_core::cert::algorithm::SigAlg;
use certchain_core::cert::key::Spki;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use proptest::prelude::*;

use super::common::{add_be, agree, flip, hex};

/// L, the order of the base point (RFC 8032 §5.1), big-endian.
const L: &str = "1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed";

/// The eight points of order dividing 8, canonically encoded, then encodings of some of
/// them that are not canonical (y ≥ p, or x = 0 with the sign bit set).
const SMALL_ORDER: [&str; 12] = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
];

/// The ways a signature, message or key is spoiled (0 leaves it valid).
const MUTATIONS: usize = 9;

fn check(secret: &[u8; 32], message: &[u8], mutation: usize, bit: usize) -> bool {
    let key = SigningKey::from_bytes(secret);
    let mut sig = key.sign(message).to_bytes().to_vec();
    let mut public = key.verifying_key().to_bytes().to_vec();
    let mut message = message.to_vec();
    let small = hex(SMALL_ORDER[bit % SMALL_ORDER.len()]);
    match mutation {
        0 => {}
        1 => message = flip(&message, bit),
        2 => sig = flip(&sig, bit),
        3 => {
            // S + L: the same residue, not canonical (RFC 8032 §5.1.7 step 1).
            let s_be: Vec<u8> = sig[32..].iter().rev().copied().collect();
            let sum = add_be(&s_be, &hex(L));
            sig.truncate(32);
            sig.extend(sum.iter().rev().take(32));
        }
        4 => sig[..32].copy_from_slice(&small),
        5 => public = small,
        6 => {
            public =
                SigningKey::from_bytes(&[secret[0] ^ 1; 32]).verifying_key().to_bytes().to_vec()
        }
        7 => sig.truncate(63),
        8 => {
            // A = R = identity and S = 0 satisfy [S]B = R + [k]A for every message: only
            // the small-order rule refuses it.
            public = hex(SMALL_ORDER[0]);
            sig = [hex(SMALL_ORDER[0]), vec![0; 32]].concat();
        }
        _ => unreachable!(),
    }
    agree(&Spki::Ed25519(public), &SigAlg::Ed25519, &message, &sig)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ed25519_agrees_with_dalek_verify_strict(
        secret in any::<[u8; 32]>(),
        message in prop::collection::vec(any::<u8>(), 0..100),
        mutation in 0..MUTATIONS, bit in any::<usize>(),
    ) {
        let valid = check(&secret, &message, mutation, bit);
        prop_assert!(mutation != 0 || valid);
    }
}

#[test]
fn every_mutation_with_every_small_order_point() {
    for mutation in 0..MUTATIONS {
        for bit in 0..SMALL_ORDER.len() {
            let valid = check(&[7; 32], b"certchain", mutation, bit);
            assert_eq!(valid, mutation == 0, "mutation {mutation}");
        }
    }
}

/// The small-order list is what dalek calls weak (an independent check of the constants).
#[test]
fn small_order_encodings_are_weak_keys_for_dalek() {
    for encoded in &SMALL_ORDER[..8] {
        let bytes: [u8; 32] = hex(encoded).try_into().unwrap();
        let key = VerifyingKey::from_bytes(&bytes).unwrap();
        assert!(key.is_weak(), "{encoded}");
    }
}
