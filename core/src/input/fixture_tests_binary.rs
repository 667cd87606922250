//! Fixture-driven tests of the binary and encoded forms (DER, PKCS#7, base64, DER keys)
//! and of inputs that must not break anything (empty, random, deeply nested).
#![allow(clippy::unwrap_used)]

use base64::Engine as _;
use proptest::prelude::*;

use super::testing::{
    assert_certificates_parse, assert_no_key_material, ders, extract_bytes, extract_text, fixture,
    pem, places, INTERMEDIATE_DER, LEAF_DER, ROOT_DER,
};
use super::{extract, Format, ProblemKind, Source};

const ENGINE: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The DER inside the first PEM block of a fixture.
fn pem_body_der(pem_text: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(pem_text);
    let body: String = text.lines().filter(|line| !line.starts_with("-----")).collect();
    ENGINE.decode(body).unwrap()
}

#[test]
fn one_der_certificate() {
    let out = extract_bytes(LEAF_DER);
    assert_eq!(out.formats, vec![Format::Der]);
    assert!(ders(&out) == [LEAF_DER]);
    assert_eq!(places(&out), vec![(0, None)]);
    assert_certificates_parse(&out);
}

#[test]
fn three_der_files_make_one_input_in_source_order() {
    let sources: Vec<Source> = [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]
        .iter()
        .enumerate()
        .map(|(n, der)| Source { name: Some(format!("{n}.der")), bytes: der.to_vec() })
        .collect();
    let out = extract(&sources);
    assert_eq!(out.formats, vec![Format::Der; 3]);
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]);
    let files: Vec<usize> = out.blocks.iter().map(|block| block.origin.file).collect();
    assert_eq!(files, vec![0, 1, 2]);
}

#[test]
fn concatenated_der_certificates_in_one_file() {
    let out = extract_bytes(&[LEAF_DER, INTERMEDIATE_DER, ROOT_DER].concat());
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]);
    assert!(out.problems.is_empty());
}

#[test]
fn pkcs7_der_certs_only() {
    let out = extract_bytes(fixture!("chain.p7b"));
    assert_eq!(out.formats, vec![Format::Pkcs7Der]);
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]);
    assert_eq!(out.blocks[2].origin.label.as_deref(), Some("PKCS#7, certificate 3 of 3"));
    assert!(out.blocks.iter().all(|block| block.origin.format == Format::Pkcs7Der));
    assert_certificates_parse(&out);
}

#[test]
fn pkcs7_pem() {
    let out = extract_bytes(fixture!("chain.p7b.pem"));
    assert_eq!(out.formats, vec![Format::Pkcs7Pem]);
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]);
    assert_eq!(places(&out)[0], (1, Some("PKCS7, certificate 1 of 3")));
}

#[test]
fn pkcs7_ber_with_indefinite_lengths() {
    let bytes = fixture!("chain-ber-indefinite.p7b");
    assert_eq!(bytes.get(..2), Some(&[0x30, 0x80][..]), "the fixture must be BER indefinite");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::Pkcs7Der]);
    let mut found = ders(&out);
    found.sort();
    let mut expected = vec![LEAF_DER, INTERMEDIATE_DER];
    expected.sort();
    assert!(found == expected);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_certificates_parse(&out);
}

#[test]
fn base64_without_armor() {
    let bytes = fixture!("leaf.b64");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::Base64]);
    assert!(ders(&out) == [LEAF_DER]);
    assert_eq!(places(&out), vec![(1, None)]);
}

#[test]
fn base64_paragraphs_and_one_line_encodings() {
    let leaf = String::from_utf8_lossy(fixture!("leaf.b64")).into_owned();
    let two_paragraphs = format!("{leaf}\n\n{}\n", ENGINE.encode(INTERMEDIATE_DER));
    let out = extract_text(&two_paragraphs);
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER]);
    let second_line = leaf.lines().count() + 3;
    assert_eq!(places(&out), vec![(1, None), (second_line, None)]);
    let stacked = format!("{}\n{}\n", ENGINE.encode(LEAF_DER), ENGINE.encode(ROOT_DER));
    assert!(ders(&extract_text(&stacked)) == [LEAF_DER, ROOT_DER]);
}

#[test]
fn der_and_base64_keys_are_noted_never_kept() {
    let cases = [
        (fixture!("leaf.key"), "PKCS#8"),
        (fixture!("leaf-rsa-pkcs1.key"), "RSA (PKCS#1)"),
        (fixture!("ec-sec1.key"), "EC (SEC1)"),
    ];
    for (key_pem, kind) in cases {
        let der = pem_body_der(key_pem);
        for out in [extract_bytes(&der), extract_text(&ENGINE.encode(&der))] {
            assert!(out.blocks.is_empty() && out.problems.is_empty(), "{:?}", out.problems);
            let kinds: Vec<&str> = out.private_keys.iter().map(|key| key.kind.as_str()).collect();
            assert_eq!(kinds, vec![kind]);
            assert_no_key_material(&out, &String::from_utf8_lossy(key_pem));
        }
    }
}

#[test]
fn der_csr_and_crl_are_named() {
    for (pem_text, what) in [(fixture!("leaf.csr"), "(CSR)"), (fixture!("root.crl"), "(CRL)")] {
        let out = extract_bytes(&pem_body_der(pem_text));
        assert!(out.blocks.is_empty());
        assert!(out.problems[0].detail.en.contains(what), "{}", out.problems[0].detail.en);
    }
}

#[test]
fn pem_labels_that_are_not_certificates_but_hold_one_are_still_read() {
    // A PKCS7 block wrapped in a CERTIFICATE label (some portals do this).
    let p7 = fixture!("chain.p7b");
    let out = extract_text(&pem("CERTIFICATE", p7));
    assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER, ROOT_DER]);
}

#[test]
fn empty_and_whitespace_inputs() {
    for bytes in [&b""[..], b"  \n\t\r\n "] {
        let out = extract_bytes(bytes);
        assert!(out.blocks.is_empty() && out.problems.is_empty() && out.private_keys.is_empty());
        assert_eq!(out.formats, vec![Format::Pem]);
        assert_eq!(out.notes[0].en, "there is nothing in input #1");
        assert_eq!(out.notes[0].ja, "入力 #1 には何もありません");
    }
    assert!(extract(&[]).formats.is_empty());
}

#[test]
fn text_with_nothing_in_it_gets_a_note() {
    let out = extract(&[Source { name: Some("notes.txt".into()), bytes: b"hello there".to_vec() }]);
    assert!(out.blocks.is_empty() && out.problems.is_empty());
    assert!(out.notes[0].en.starts_with("no certificate found in notes.txt"));
}

#[test]
fn random_binary_is_one_problem() {
    let bytes: Vec<u8> =
        (0..500u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 13) as u8 | 0x80).collect();
    let out = extract_bytes(&bytes);
    assert_eq!(out.formats, vec![Format::Der]);
    assert!(out.blocks.is_empty());
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].kind, ProblemKind::UnparsableBlock);
    assert!(out.problems[0].detail.en.starts_with(
        "binary input of 500 bytes is neither a DER certificate nor PKCS#7 (first bytes 0x"
    ));
}

#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow() {
    let indefinite: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 10_000).flatten().collect();
    let mut definite: Vec<u8> = vec![0x05, 0x00];
    for _ in 0..10_000 {
        let len = definite.len();
        let mut wrapped = vec![0x30, 0x83, (len >> 16) as u8, (len >> 8) as u8, len as u8];
        wrapped.append(&mut definite);
        definite = wrapped;
    }
    for bytes in [indefinite, definite] {
        let out = extract_bytes(&bytes);
        assert!(out.blocks.is_empty());
        assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
    }
}

#[test]
fn truncated_der_and_p7b_are_problems() {
    let out = extract_bytes(LEAF_DER.get(..500).unwrap());
    assert!(out.blocks.is_empty());
    assert!(out.problems[0].detail.en.contains("truncated"), "{}", out.problems[0].detail.en);
    let p7 = fixture!("chain.p7b");
    let out = extract_bytes(p7.get(..p7.len() / 2).unwrap());
    assert!(out.blocks.is_empty());
    assert_eq!(out.problems.len(), 1);
}

#[test]
fn many_begins_without_end_are_counted_in_linear_time_and_the_first_kept() {
    let text = "-----BEGIN CERTIFICATE-----\nMIIB\n".repeat(20_000);
    let out = extract_text(&text);
    let kept = crate::bounds::FINDINGS_PER_CODE;
    assert_eq!(out.problems.len(), kept);
    assert_eq!(
        out.problems[kept - 1].detail.en,
        "BEGIN CERTIFICATE at line 99 has no matching END line"
    );
    let not_kept = out.problems_not_kept();
    assert_eq!(not_kept[0].2, 20_000 - kept, "{not_kept:?}");
}

/// Found by `damaged_fixtures_never_panic`: the first certificate's length grown by 8 makes
/// it swallow the next one's header, and the next one's fields read as list elements. Neither
/// the overlong first nor those fields has a certificate's shape: none becomes a block, and
/// the problem counts them.
#[test]
fn a_length_that_swallows_the_next_header_invents_no_certificate() {
    let mut bytes = fixture!("chain-ber-indefinite.p7b").to_vec();
    assert_eq!(bytes.get(83..87), Some(&[0x30, 0x82, 0x03, 0x5c][..]), "fixture changed");
    bytes[86] = 0x64;
    let out = extract_bytes(&bytes);
    assert_eq!(out.blocks.len(), 0, "{:?}", out.problems);
    let problem = out.problems.iter().find(|p| p.detail.en.contains("7 elements that are not"));
    assert!(problem.is_some(), "{:?}", out.problems);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let out = extract_bytes(&bytes);
        prop_assert_eq!(out.formats.len(), 1);
    }

    #[test]
    fn armor_soup_never_panics(pieces in proptest::collection::vec(0usize..9, 0..60)) {
        const PARTS: [&str; 9] = [
            "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----", "\n", "MIIB", "\\n",
            "=", "-", "\u{e9}", "-----BEGIN PKCS7-----",
        ];
        let text: String = pieces.iter().filter_map(|&n| PARTS.get(n).copied()).collect();
        let out = extract_text(&text);
        prop_assert!(out.blocks.iter().all(|block| !block.der.is_empty()));
    }

    #[test]
    fn damaged_fixtures_never_panic(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        for original in [fixture!("chain-ber-indefinite.p7b"), fixture!("s_client-showcerts.txt")] {
            let mut bytes = original.get(..cut.min(original.len())).unwrap().to_vec();
            if let Some(target) = bytes.get_mut(flip) {
                *target = byte;
            }
            let out = extract_bytes(&bytes);
            prop_assert!(out.blocks.len() <= 3);
        }
    }
}
