//! Properties: the chain does not depend on the order of the input, on duplicates, or on
//! unrelated certificates.

use std::sync::OnceLock;

use certchain_core::Code;
use certchain_tests::pki::{Chain, Spec};
use certchain_tests::{analyze_pems, chain_hashes};
use proptest::prelude::*;

struct Fixture {
    chain: Vec<String>,
    strays: Vec<String>,
    expected: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let c = Chain::new("gitlab.example.com");
        let stray_root = Spec::root("Stray Root").issue(None);
        let stray_inter = Spec::intermediate("Stray Intermediate").issue(Some(&stray_root));
        let chain = c.pems();
        let expected = chain_hashes(&analyze_pems(&chain, Some("gitlab.example.com")));
        Fixture { chain, strays: vec![stray_root.pem(), stray_inter.pem()], expected }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_permutation_with_duplicates_and_strays_gives_the_same_chain(
        order in Just((0..3).collect::<Vec<usize>>()).prop_shuffle(),
        dups in proptest::collection::vec(0..3usize, 0..3),
        strays in proptest::collection::vec(0..2usize, 0..3),
        positions in proptest::collection::vec(any::<prop::sample::Index>(), 6),
    ) {
        let f = fixture();
        prop_assert_eq!(f.expected.len(), 3);
        let mut pems: Vec<String> = order.iter().map(|&i| f.chain[i].clone()).collect();
        let extra = dups.iter().map(|&i| f.chain[i].clone()).chain(strays.iter().map(|&i| f.strays[i].clone()));
        for (n, pem) in extra.enumerate() {
            let at = positions[n % positions.len()].index(pems.len() + 1);
            pems.insert(at, pem);
        }
        let report = analyze_pems(&pems, Some("gitlab.example.com"));
        prop_assert_eq!(chain_hashes(&report), f.expected.clone());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Damaged certificates (flipped, dropped or inserted bytes anywhere in the DER) give a
    /// report, never a panic: every certificate either parses or becomes a finding.
    #[test]
    fn damaged_der_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        which in 0..3usize,
    ) {
        let f = fixture();
        let mut ders: Vec<Vec<u8>> = f.chain.iter().map(|p| der_of(p)).collect();
        let target = &mut ders[which];
        for (at, byte) in &flips {
            let i = at.index(target.len());
            target[i] ^= byte | 1;
        }
        if flips.len() % 3 == 0 {
            let keep = cut.index(target.len());
            target.truncate(keep);
        }
        let sources: Vec<certchain_core::Source> = ders
            .into_iter()
            .map(|bytes| certchain_core::Source { name: None, bytes })
            .collect();
        let report = certchain_core::analyze(&sources, &certchain_tests::options(Some("gitlab.example.com")));
        let unreadable = report.findings.iter().filter(|x| x.code == Code::UnparsableBlock).count();
        prop_assert!(report.certificates.len() + unreadable >= 2, "a damaged block vanished silently");
    }
}

fn der_of(pem: &str) -> Vec<u8> {
    use base64::Engine as _;
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD.decode(body).unwrap_or_default()
}
