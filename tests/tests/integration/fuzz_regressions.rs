//! Inputs the fuzz targets (fuzz/) found, each named after what it found. The files are in
//! tests/fixtures/fuzz/.

use certchain_core::{analyze, input, Source};
use certchain_tests::options;

/// The harness's planted key (fuzz/fuzz_targets/common.rs).
const CANARY: &str = "Q0VSVENIQUlOLUZVWlotQ0FOQVJZLVBSSVZBVEUtS0VZLU1BVEVSSUFM";

/// `extract`, first crash: libFuzzer learned the canary's text from the harness's own check
/// and pasted it into a broken certificate line, outside any key block. That copy is the
/// user's text and stays; the key block itself is cut and reported. The crash was in the
/// harness, which now skips inputs that already hold the canary.
#[test]
fn fuzz_extract_canary_text_outside_a_key_block_stays_and_the_key_block_goes() {
    let found = include_str!("../../fixtures/fuzz/extract-canary-text-learned-by-the-fuzzer.txt");
    assert_eq!(found.matches(CANARY).count(), 1, "the fixture holds the learned copy");
    let middle = found.len() / 2;
    let key = format!("\n-----BEGIN PRIVATE KEY-----\n{CANARY}\n-----END PRIVATE KEY-----\n");
    let planted = format!("{}{key}{}", &found[..middle], &found[middle..]);

    let redacted = input::without_private_keys(&planted);
    assert_eq!(redacted.matches(CANARY).count(), 1, "only the user's own copy is left");
    assert!(!redacted.contains("BEGIN PRIVATE KEY"));

    let report = analyze(&[Source::text(&planted)], &options(None));
    let kinds: Vec<&str> = report.input.private_keys.iter().map(|k| k.kind.as_str()).collect();
    // The fuzzer's input also carries pieces of the seed keys; the planted one is PKCS#8.
    assert!(kinds.contains(&"PKCS#8"), "{kinds:?}");
    let json = serde_json::to_string(&report).unwrap_or_default();
    assert!(!json.contains(CANARY), "the report quotes no line of the input");
}
