//! Properties: the chain does not depend on the order of the input, on duplicates, or on
//! unrelated certificates.

use std::sync::OnceLock;

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
