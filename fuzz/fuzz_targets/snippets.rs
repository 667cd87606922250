//! Snippet rendering on any report and any parameters: the first line of the input is
//! `key=value;key=value…` for `Params::set` (errors are fine), the rest is the input.
//! No panic, the planted private key in no snippet, and no control or bidi character
//! written raw into a body (every value is quoted by its place).
#![no_main]

use certchain_core::{analyze, snippets};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if common::holds_canary(data) {
        return;
    }
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let (first, rest) = data.split_at(split);
    let mut params = snippets::Params::default();
    for pair in String::from_utf8_lossy(first).split(';') {
        if let Some((key, value)) = pair.split_once('=') {
            let _ = params.set(key, value);
        }
    }
    let report = analyze(&common::sources(rest), &common::options());
    for snippet in snippets::render(&report, &params) {
        common::assert_no_canary(snippet.target, &snippet.body);
        let raw = snippet.body.chars().find(|&c| c != '\n' && certchain_core::escape::is_hidden(c));
        assert!(raw.is_none(), "{}: {raw:?} written raw", snippet.target);
        for note in &snippet.notes {
            common::assert_no_canary(snippet.target, &format!("{note:?}"));
        }
    }
});
