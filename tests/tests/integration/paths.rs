//! Path building: cycles, branching bundles, ranking.

use certchain_core::report::PathEnd;
use certchain_core::Code;
use certchain_tests::pki::{Issued, Spec};
use certchain_tests::{analyze_pems, codes, NOW};

const HOST: &str = "gitlab.example.com";

/// Re-issue the CA of `spec` (same subject, same key) under another issuer.
fn cross(spec: &Spec, key_of: &Issued, issuer: &Issued, tweak: i64) -> Issued {
    let mut s = spec.clone();
    s.key_pem = Some(key_of.key.serialize_pem());
    s.not_after -= tweak;
    s.issue(Some(issuer))
}

#[test]
fn regression_mutual_cross_signing_without_root_terminates() {
    let a_spec = Spec::intermediate("CA A");
    let b_spec = Spec::intermediate("CA B");
    let a_self = a_spec.issue(None);
    let b_self = b_spec.issue(None);
    let a_by_b = cross(&a_spec, &a_self, &b_self, 1);
    let b_by_a = cross(&b_spec, &b_self, &a_self, 1);
    let leaf = Spec::leaf(HOST).issue(Some(&a_by_b));
    let r = analyze_pems(&[leaf.pem(), a_by_b.pem(), b_by_a.pem()], Some(HOST));
    assert_eq!(r.paths[0].end, PathEnd::MissingIssuer);
    assert!(codes(&r).contains(&Code::MissingIntermediate), "{:?}", codes(&r));
    assert!(r.paths.iter().all(|p| p.certificates.len() <= 3));
}

#[test]
fn cycle_with_an_exit_to_a_root_finds_the_exit() {
    let root = Spec::root("Root").issue(None);
    let a_spec = Spec::intermediate("CA A");
    let b_spec = Spec::intermediate("CA B");
    let a_by_root = a_spec.issue(Some(&root));
    let b_by_a = b_spec.issue(Some(&a_by_root));
    let a_by_b = cross(&a_spec, &a_by_root, &b_by_a, 1);
    let leaf = Spec::leaf(HOST).issue(Some(&b_by_a));
    let pems = [leaf.pem(), a_by_b.pem(), b_by_a.pem(), a_by_root.pem(), root.pem()];
    let r = analyze_pems(&pems, Some(HOST));
    assert_eq!(r.chain, vec![0, 2, 3, 4], "{:?}", r.paths);
    assert_eq!(r.paths[0].end, PathEnd::PrivateRoot);
}

/// A 36-certificate bundle: 4 layers of 3 CAs, each CA below layer 1 certified by all three
/// CAs above it (30 CA certificates), a leaf, its root and 4 unrelated roots; every certificate not issued by CA 0 of its layer is expired. Exactly one
/// path (all "0" CAs) is valid among 27.
#[test]
fn branching_bundle_of_36_certificates_finds_the_one_valid_path() {
    let root = Spec::root("Branch Root").issue(None);
    let mut pems = Vec::new();
    let mut above: Vec<Issued> = vec![];
    let mut expected = Vec::new();
    for layer in 1..=4 {
        let mut this_layer = Vec::new();
        for j in 0..3 {
            let spec = Spec::intermediate(&format!("Layer {layer} CA {j}"));
            if layer == 1 {
                let cert = spec.issue(Some(&root));
                pems.push(cert.pem());
                if j == 0 {
                    expected.push(cert.der());
                }
                this_layer.push(cert);
                continue;
            }
            let first = spec.issue(Some(&above[0]));
            for (k, issuer) in above.iter().enumerate().skip(1) {
                let mut s = spec.clone();
                s.key_pem = Some(first.key.serialize_pem());
                s.not_after = NOW - 86_400 * k as i64;
                pems.push(s.issue(Some(issuer)).pem());
            }
            pems.push(first.pem());
            if j == 0 {
                expected.push(first.der());
            }
            this_layer.push(first);
        }
        above = this_layer;
    }
    let leaf = Spec::leaf(HOST).issue(Some(&above[0]));
    pems.insert(0, leaf.pem());
    pems.push(root.pem());
    pems.push(Spec::root("Unrelated Root").issue(None).pem());
    for name in ["Another Unrelated Root", "Third Unrelated Root", "Fourth Unrelated Root"] {
        pems.push(Spec::root(name).issue(None).pem());
    }
    assert_eq!(pems.len(), 36);
    let r = analyze_pems(&pems, Some(HOST));
    assert!(!codes(&r).contains(&Code::PathSearchTruncated), "{:?}", codes(&r));
    assert!(r.paths.len() >= 27, "{} paths", r.paths.len());
    assert_eq!(r.chain.len(), 6);
    let chain_ders: Vec<String> =
        r.chain[1..5].iter().rev().map(|&i| r.certificates[i].pem.clone()).collect();
    let expected_pems: Vec<String> =
        expected.iter().map(|d| certchain_core::cert::to_pem(d)).collect();
    assert_eq!(chain_ders, expected_pems);
    assert_eq!(r.paths[0].errors, vec![Code::UntrustedRoot]);
}

#[test]
fn paths_are_ranked_trusted_then_valid_then_short() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::intermediate("Expired Copy");
    let good = spec.issue(Some(&root));
    spec.key_pem = Some(good.key.serialize_pem());
    spec.not_after = NOW - 86_400;
    let expired = spec.issue(Some(&root));
    let leaf = Spec::leaf(HOST).issue(Some(&good));
    let r = analyze_pems(&[leaf.pem(), expired.pem(), good.pem(), root.pem()], Some(HOST));
    assert_eq!(r.chain, vec![0, 2, 3]);
    assert_eq!(r.paths.len(), 2);
    assert!(r.paths[1].errors.contains(&Code::Expired));
    assert!(!codes(&r).contains(&Code::Expired), "the best path has no expired certificate");
}
