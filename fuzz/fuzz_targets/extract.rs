//! Input extraction (`input::extract`) on any bytes: no panic, no hang, and the planted
//! private key is reported by kind and dropped.
#![no_main]

use certchain_core::input;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if common::holds_canary(data) {
        return;
    }
    let extracted = input::extract(&common::sources(data));
    for block in &extracted.blocks {
        assert!(!block.der.is_empty(), "an empty certificate block was extracted");
    }
    for problem in &extracted.problems {
        common::assert_no_canary("a problem's detail", &problem.detail.en);
        common::assert_no_canary("a problem's detail", &problem.detail.ja);
    }
    for note in &extracted.notes {
        common::assert_no_canary("a note", &note.en);
        common::assert_no_canary("a note", &note.ja);
    }
    let planted = common::with_canary(data);
    if let Some(text) = std::str::from_utf8(&planted).ok().map(input::without_private_keys) {
        common::assert_no_canary("without_private_keys", &text);
    }
});
