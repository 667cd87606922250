//! Fixture-driven tests of the text forms (`tests/fixtures/inputs/`, made by `make.sh`
//! with openssl): PEM variants, dumps, s_client transcripts, Kubernetes YAML, keys.
#![allow(clippy::unwrap_used)]

use super::testing::{
    assert_certificates_parse, assert_no_key_material, ders, extract_bytes, fixture, pem_block,
    places, INTERMEDIATE_DER, LEAF_DER, ROOT_DER,
};
use super::{x509_text, Extracted, Format, SentCertificate};

/// 1-based numbers of the lines of `bytes` holding `needle`.
fn lines_with(bytes: &[u8], needle: &str) -> Vec<usize> {
    let text = String::from_utf8_lossy(bytes);
    let lines = text.lines().enumerate();
    lines.filter(|(_, line)| line.contains(needle)).map(|(index, _)| index + 1).collect()
}

/// Asserts a clean two-block leaf + intermediate result in `format`, at the BEGIN lines.
fn assert_leaf_and_intermediate(out: &Extracted, bytes: &[u8], format: Format) {
    assert_eq!(out.formats, vec![format]);
    assert!(ders(out) == [LEAF_DER, INTERMEDIATE_DER], "wrong blocks: {:?}", places(out));
    let begins = lines_with(bytes, "-----BEGIN CERTIFICATE-----");
    let lines: Vec<usize> = out.blocks.iter().map(|block| block.origin.line).collect();
    assert_eq!(lines, begins);
    assert!(out.blocks.iter().all(|block| block.origin.format == format && block.origin.file == 0));
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_certificates_parse(out);
}

#[test]
fn fullchain_pem() {
    let bytes = fixture!("fullchain.pem");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pem);
    let second = lines_with(bytes, "-----BEGIN")[1];
    assert_eq!(places(&out), vec![(1, Some("CERTIFICATE")), (second, Some("CERTIFICATE"))]);
    assert!(out.notes.is_empty() && out.private_keys.is_empty() && out.s_client.is_none());
}

#[test]
fn crlf_and_indented_bundle() {
    let bytes = fixture!("bundle-crlf-indented.pem");
    assert!(bytes.windows(2).any(|pair| pair == b"\r\n") && bytes.starts_with(b"    -----"));
    assert_leaf_and_intermediate(&extract_bytes(bytes), bytes, Format::Pem);
}

#[test]
fn end_and_begin_glued_on_one_line() {
    let bytes = fixture!("glued.pem");
    let glued = lines_with(bytes, "-----END CERTIFICATE----------BEGIN CERTIFICATE-----");
    assert_eq!(glued.len(), 1);
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pem);
    assert_eq!(out.blocks[1].origin.line, glued[0]);
}

#[test]
fn prose_around_and_between_blocks() {
    let bytes = fixture!("with-text.pem");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pem);
    assert_eq!(out.blocks[0].origin.line, 3);
}

#[test]
fn utf8_bom_and_utf16_with_bom() {
    let text = String::from_utf8(fixture!("fullchain.pem").to_vec()).unwrap();
    let second = lines_with(text.as_bytes(), "-----BEGIN")[1];
    let mut utf8 = b"\xef\xbb\xbf".to_vec();
    utf8.extend(text.as_bytes());
    let utf16: Vec<u8> = "\u{feff}"
        .chars()
        .chain(text.replace('\n', "\r\n").chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for bytes in [utf8, utf16] {
        let out = extract_bytes(&bytes);
        assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER]);
        assert_eq!(places(&out), vec![(1, Some("CERTIFICATE")), (second, Some("CERTIFICATE"))]);
    }
}

#[test]
fn x509_text_dump_with_pem() {
    let bytes = fixture!("x509-text.txt");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::X509Text]);
    assert!(ders(&out) == [LEAF_DER]);
    assert_eq!(out.blocks[0].origin.line, lines_with(bytes, "-----BEGIN")[0]);
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

#[test]
fn x509_text_noout_dump_says_it_has_no_bytes() {
    let out = extract_bytes(fixture!("x509-text-noout.txt"));
    assert_eq!(out.formats, vec![Format::X509Text]);
    assert!(out.blocks.is_empty() && out.problems.is_empty());
    assert_eq!(out.notes, vec![x509_text::noout_note()]);
}

#[test]
fn pkcs12_nokeys_dump() {
    let bytes = fixture!("pkcs12-nokeys.txt");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pkcs12Dump);
    assert!(out.private_keys.is_empty());
}

#[test]
fn pkcs12_dump_with_key_notes_the_key_and_drops_it() {
    let bytes = fixture!("pkcs12-with-key.txt");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pkcs12Dump);
    assert_eq!(out.private_keys.len(), 1);
    assert_eq!(out.private_keys[0].kind, "PKCS#8");
    assert_eq!(out.private_keys[0].origin.line, lines_with(bytes, "BEGIN PRIVATE KEY")[0]);
    assert_no_key_material(&out, &pem_block(bytes, "PRIVATE KEY"));
}

#[test]
fn s_client_with_showcerts() {
    let bytes = fixture!("s_client-showcerts.txt");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::SClient);
    let info = out.s_client.as_ref().unwrap();
    let intermediate = "O = Example Corp, CN = Example Private Intermediate CA";
    let expected_leaf = SentCertificate {
        depth: 0,
        subject: "CN = gitlab.example.com".to_owned(),
        issuer: intermediate.to_owned(),
    };
    assert_eq!(info.sent.first(), Some(&expected_leaf));
    assert_eq!(info.sent.len(), 2);
    assert_eq!(info.sent[1].subject, intermediate);
    assert_eq!(info.sent[1].issuer, "O = Example Corp, CN = Example Private Root CA");
    assert!(info.showcerts);
    assert_eq!(info.verify_code, Some(20));
    assert_eq!(info.verify_text.as_deref(), Some("unable to get local issuer certificate"));
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

#[test]
fn s_client_without_showcerts_has_only_the_leaf_and_says_so() {
    let bytes = fixture!("s_client-leaf-only.txt");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::SClient]);
    assert!(ders(&out) == [LEAF_DER]);
    let info = out.s_client.as_ref().unwrap();
    assert_eq!((info.sent.len(), info.showcerts), (2, false));
    assert_eq!(out.notes.len(), 1);
    assert!(out.notes[0].en.contains("-showcerts") && out.notes[0].ja.contains("-showcerts"));
}

#[test]
fn s_client_verified_against_the_root() {
    let out = extract_bytes(fixture!("s_client-verified.txt"));
    let info = out.s_client.as_ref().unwrap();
    assert_eq!((info.verify_code, info.verify_text.as_deref()), (Some(0), Some("ok")));
}

#[test]
fn kubernetes_secret() {
    let bytes = fixture!("secret.yaml");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::K8sSecret]);
    assert!(ders(&out) == [ROOT_DER, LEAF_DER, INTERMEDIATE_DER]);
    let (ca, tls) = (lines_with(bytes, "ca.crt:")[0], lines_with(bytes, "tls.crt:")[0]);
    let expected = vec![(ca, Some("ca.crt")), (tls, Some("tls.crt")), (tls, Some("tls.crt"))];
    assert_eq!(places(&out), expected);
    assert!(out.blocks.iter().all(|block| block.origin.format == Format::K8sSecret));
    assert_eq!(out.private_keys.len(), 1);
    let key = &out.private_keys[0];
    assert_eq!(key.kind, "PKCS#8");
    assert_eq!(
        (key.origin.line, key.origin.label.as_deref()),
        (lines_with(bytes, "tls.key:")[0], Some("tls.key"))
    );
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_certificates_parse(&out);
    assert_no_key_material(&out, &String::from_utf8_lossy(fixture!("leaf.key")));
}

#[test]
fn kubeconfig() {
    let bytes = fixture!("kubeconfig.yaml");
    let out = extract_bytes(bytes);
    assert_eq!(out.formats, vec![Format::K8sSecret]);
    assert!(ders(&out) == [ROOT_DER, LEAF_DER]);
    let labels: Vec<Option<&str>> = places(&out).into_iter().map(|(_, label)| label).collect();
    assert_eq!(labels, vec![Some("certificate-authority-data"), Some("client-certificate-data")]);
    let key = &out.private_keys[0];
    assert_eq!(
        (key.kind.as_str(), key.origin.label.as_deref()),
        ("PKCS#8", Some("client-key-data"))
    );
    assert_no_key_material(&out, &String::from_utf8_lossy(fixture!("leaf.key")));
}

#[test]
fn bundle_with_key_keeps_the_chain_and_drops_the_key() {
    let bytes = fixture!("bundle-with-key.pem");
    let out = extract_bytes(bytes);
    assert_leaf_and_intermediate(&out, bytes, Format::Pem);
    assert_eq!(out.private_keys.len(), 1);
    assert_eq!(out.private_keys[0].kind, "PKCS#8");
    assert_eq!(out.private_keys[0].origin.line, lines_with(bytes, "BEGIN PRIVATE KEY")[0]);
    assert_no_key_material(&out, &String::from_utf8_lossy(fixture!("leaf.key")));
}

#[test]
fn openssh_key_in_a_paste() {
    let bytes = fixture!("paste-with-openssh-key.txt");
    let out = extract_bytes(bytes);
    assert!(ders(&out) == [LEAF_DER]);
    let key = &out.private_keys[0];
    assert_eq!((key.kind.as_str(), key.origin.line), ("OpenSSH", 2));
    assert_eq!(key.origin.label.as_deref(), Some("OPENSSH PRIVATE KEY"));
    assert_no_key_material(&out, &pem_block(bytes, "OPENSSH PRIVATE KEY"));
}

#[test]
fn pem_keys_of_every_fixture_form() {
    let cases = [
        (fixture!("leaf.key"), "PKCS#8"),
        (fixture!("leaf-rsa-pkcs1.key"), "RSA (PKCS#1)"),
        (fixture!("ec-sec1.key"), "EC (SEC1)"),
    ];
    for (bytes, kind) in cases {
        let out = extract_bytes(bytes);
        assert!(out.blocks.is_empty() && out.problems.is_empty());
        let kinds: Vec<&str> = out.private_keys.iter().map(|key| key.kind.as_str()).collect();
        assert_eq!(kinds, vec![kind]);
        assert_no_key_material(&out, &String::from_utf8_lossy(bytes));
    }
}

#[test]
fn csr_and_crl_are_named_not_taken() {
    for (bytes, label, what) in [
        (
            fixture!("leaf.csr"),
            "CERTIFICATE REQUEST",
            "a certificate signing request (CSR), not a certificate",
        ),
        (
            fixture!("root.crl"),
            "X509 CRL",
            "a certificate revocation list (CRL), not a certificate",
        ),
    ] {
        let out = extract_bytes(bytes);
        assert!(out.blocks.is_empty());
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].detail.en, what);
        assert_eq!(out.problems[0].origin.label.as_deref(), Some(label));
    }
}

#[test]
fn kubernetes_secret_as_json() {
    let yaml = String::from_utf8_lossy(fixture!("secret.yaml")).into_owned();
    let value_of = |key: &str| {
        let line = yaml.lines().find(|line| line.trim_start().starts_with(key)).unwrap();
        line.split_once(": ").unwrap().1.to_owned()
    };
    let json = format!(
        "{{\n  \"data\": {{\n    \"ca.crt\": \"{}\",\n    \"tls.key\": \"{}\"\n  }}\n}}\n",
        value_of("ca.crt:"),
        value_of("tls.key:")
    );
    let out = extract_bytes(json.as_bytes());
    assert_eq!(out.formats, vec![Format::K8sSecret]);
    assert!(ders(&out) == [ROOT_DER]);
    assert_eq!(places(&out), vec![(3, Some("ca.crt"))]);
    let key = &out.private_keys[0];
    assert_eq!((key.origin.line, key.origin.label.as_deref()), (4, Some("tls.key")));
    assert_no_key_material(&out, &String::from_utf8_lossy(fixture!("leaf.key")));
}
