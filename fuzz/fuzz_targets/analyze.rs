//! The whole pipeline (`analyze`) on any input: no panic, no hang, a report that
//! serialises within its bounds (findings per code, answer size), and the planted private
//! key nowhere in it.
#![no_main]

use certchain_core::analyze;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if common::holds_canary(data) {
        return;
    }
    let report = analyze(&common::sources(data), &common::options());
    let json = serde_json::to_string(&report).expect("a report always serialises");
    common::assert_no_canary("the report", &json);
    common::assert_bounded(&report, json.len(), data.len());
    // In text input the key starts a line of its own, so it must be reported by kind.
    if std::str::from_utf8(data).is_ok_and(|text| !text.contains('\0')) {
        assert!(!report.input.private_keys.is_empty(), "the planted private key was not reported");
    }
});
