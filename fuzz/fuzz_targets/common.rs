//! What the targets share: the fixed options of an analysis, and the canary private key
//! that must never come back out (issue: "never a private key echoed back").
// Each target includes this file and uses part of it.
#![allow(dead_code)]

use certchain_core::{Options, Source, UnixTime};

/// A private key planted in every input: its body line must appear in no output.
pub const CANARY_BODY: &str = "Q0VSVENIQUlOLUZVWlotQ0FOQVJZLVBSSVZBVEUtS0VZLU1BVEVSSUFM";

/// The fuzzer's input already holds the canary text. libFuzzer learns it from the
/// comparisons in [`assert_no_canary`] and pastes it in as plain text, which certchain keeps
/// like any other text: such inputs say nothing about key handling and are skipped (the
/// first crash of the `extract` target was this, see tests/fixtures/fuzz/).
pub fn holds_canary(data: &[u8]) -> bool {
    data.windows(CANARY_BODY.len()).any(|w| w == CANARY_BODY.as_bytes())
}

/// The input the fuzzer made, with the canary key inserted at a line start in its middle.
pub fn with_canary(data: &[u8]) -> Vec<u8> {
    let middle = data.len() / 2;
    let key = format!("\n-----BEGIN PRIVATE KEY-----\n{CANARY_BODY}\n-----END PRIVATE KEY-----\n");
    [&data[..middle], key.as_bytes(), &data[middle..]].concat()
}

/// 2026-01-01, a host, the public roots: the options every analysis target uses.
pub fn options() -> Options {
    Options {
        now: UnixTime(1_767_225_600),
        host: Some("gitlab.example.com".to_string()),
        ..Options::default()
    }
}

/// One source from the fuzzer's bytes, with the canary planted.
pub fn sources(data: &[u8]) -> Vec<Source> {
    vec![Source { name: Some("fuzz.pem".to_string()), bytes: with_canary(data) }]
}

/// Panics (a crash libFuzzer keeps) when `output` holds the canary key.
pub fn assert_no_canary(what: &str, output: &str) {
    assert!(!output.contains(CANARY_BODY), "the planted private key came back out in {what}");
}

/// The answer stays within its bounds: at most `PER_CODE` findings of a code and severity
/// (plus the one that counts the rest), and a JSON size that follows the input's, not the
/// number of things wrong with it.
pub fn assert_bounded(report: &certchain_core::Report, json_len: usize, input_len: usize) {
    let mut runs: Vec<(certchain_core::Code, certchain_core::report::Severity, usize)> = Vec::new();
    for f in &report.findings {
        match runs.iter_mut().find(|(code, severity, _)| *code == f.code && *severity == f.severity)
        {
            Some(run) => run.2 += 1,
            None => runs.push((f.code, f.severity, 1)),
        }
    }
    for (code, _, count) in runs {
        assert!(count <= certchain_core::diagnose::PER_CODE + 1, "{count} {code} findings");
    }
    let bound = 256 * 1024 + 16 * input_len;
    assert!(json_len <= bound, "a {json_len}-byte report for {input_len} bytes of input");
}
