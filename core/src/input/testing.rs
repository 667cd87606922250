//! Helpers for the tests of this module: fixtures, PEM building and key-leak checks.
#![allow(clippy::panic)]

use base64::Engine as _;

use super::{extract, Extracted, Source};

/// Bytes of a file of `tests/fixtures/inputs/` (made by its `make.sh`).
macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../tests/fixtures/inputs/", $name)).as_slice()
    };
}
pub(super) use fixture;

/// The fixture chain's DER, for comparisons.
pub(super) const LEAF_DER: &[u8] = fixture!("leaf.der");
pub(super) const INTERMEDIATE_DER: &[u8] = fixture!("intermediate.der");
pub(super) const ROOT_DER: &[u8] = fixture!("root.der");

/// Extracts one unnamed source.
pub(super) fn extract_bytes(bytes: &[u8]) -> Extracted {
    extract(&[Source { name: None, bytes: bytes.to_vec() }])
}

/// Extracts one pasted text.
pub(super) fn extract_text(text: &str) -> Extracted {
    extract(&[Source::text(text)])
}

/// PEM armor around `der`, 64 columns, LF.
pub(super) fn pem(label: &str, der: &[u8]) -> String {
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// The text of the first PEM block labelled `label` in `text`, armor lines included.
pub(super) fn pem_block(text: &[u8], label: &str) -> String {
    let text = String::from_utf8_lossy(text);
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let lines = text.lines().skip_while(|line| !line.contains(&begin));
    let mut block: Vec<&str> = lines.take_while(|line| !line.contains(&end)).collect();
    block.push(&end);
    block.join("\n")
}

/// The DER of every block.
pub(super) fn ders(out: &Extracted) -> Vec<&[u8]> {
    out.blocks.iter().map(|block| block.der.as_slice()).collect()
}

/// (line, label) of every block.
pub(super) fn places(out: &Extracted) -> Vec<(usize, Option<&str>)> {
    out.blocks.iter().map(|block| (block.origin.line, block.origin.label.as_deref())).collect()
}

/// Asserts each block is exactly one certificate that x509-parser reads.
pub(super) fn assert_certificates_parse(out: &Extracted) {
    for block in &out.blocks {
        match x509_parser::parse_x509_certificate(&block.der) {
            Ok((rest, _)) => assert!(rest.is_empty(), "trailing bytes after {:?}", block.origin),
            Err(error) => panic!("block {:?} does not parse: {error}", block.origin),
        }
    }
}

/// Asserts that nothing in `out` carries the PEM key `key_pem`: no line of its base64 in
/// any text or label, and its decoded body inside no block. (Pieces of 48 bytes cannot be
/// checked: the public modulus is both in the key and in the leaf certificate.)
pub(super) fn assert_no_key_material(out: &Extracted, key_pem: &str) {
    let everything = format!("{out:?}");
    let body_lines: Vec<&str> = key_pem
        .lines()
        .map(str::trim)
        .filter(|line| line.len() >= 16 && !line.contains("-----") && !line.contains(':'))
        .collect();
    assert!(body_lines.len() >= 2, "the key given to the check has no body");
    for line in &body_lines {
        assert!(!everything.contains(line), "a key line leaked: {line}");
    }
    let engine = base64::engine::general_purpose::STANDARD;
    if let Ok(key) = engine.decode(body_lines.concat()) {
        for block in &out.blocks {
            let leaked = block.der.windows(key.len()).any(|window| window == key.as_slice());
            assert!(!leaked, "the key is inside block {:?}", block.origin);
        }
    }
}

#[test]
#[should_panic(expected = "a key line leaked")]
fn the_leak_check_catches_a_key_line_in_a_note() {
    let key = pem_block(fixture!("leaf.key"), "PRIVATE KEY");
    let mut out = Extracted::default();
    let line = key.lines().nth(5).unwrap_or_default().to_owned();
    out.notes.push(crate::catalogue::Text::verbatim(format!("found {line}")));
    assert_no_key_material(&out, &key);
}

/// A DER TLV with a short-form length (test inputs stay under 128 bytes).
pub(super) fn tlv(id: u8, parts: &[&[u8]]) -> Vec<u8> {
    let contents = parts.concat();
    let mut out = vec![id, contents.len() as u8];
    out.extend(contents);
    out
}

/// A primitive DER TLV.
pub(super) fn prim(id: u8, contents: &[u8]) -> Vec<u8> {
    tlv(id, &[contents])
}
