//! Pathological inputs end in a report whose findings name the bound that was reached
//! (core/src/bounds.rs), and what is within the bounds is still analysed.

use certchain_core::report::Report;
use certchain_core::{analyze, Code, Options, Source};
use certchain_tests::pki::{Chain, Issued, Spec};
use certchain_tests::{codes, options};
use rcgen::CustomExtension;

const HOST: &str = "gitlab.example.com";

fn finding_text(report: &Report, code: Code) -> String {
    let found = report.findings.iter().find(|f| f.code == code);
    found
        .map(|f| f.message.en.clone())
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(report)))
}

fn run(text: &str, options: &Options) -> Report {
    analyze(&[Source::text(text)], options)
}

/// 50 CAs named alike, each signed by the next one's key: every CA is a candidate issuer of
/// every other (n² signature checks), and they link in a ring.
fn ring_of_cas(count: usize) -> Vec<Issued> {
    let keys: Vec<Issued> = (0..count).map(|_| Spec::root("Mesh CA").issue(None)).collect();
    (0..count).map(|i| reissued_by(&keys[i], &keys[(i + 1) % count])).collect()
}

fn reissued_by(subject: &Issued, issuer: &Issued) -> Issued {
    let spec = Spec { key_pem: Some(subject.key.serialize_pem()), ..Spec::root("Mesh CA") };
    spec.issue(Some(issuer))
}

#[test]
fn fifty_cas_that_all_cross_sign_each_other_stop_at_the_search_bounds() {
    let ring = ring_of_cas(50);
    let leaf = Spec::leaf(HOST).issue(Some(&ring[0]));
    let mut text = leaf.pem();
    text.extend(ring.iter().map(Issued::pem));
    let report = run(&text, &options(Some(HOST)));
    let message = finding_text(&report, Code::PathSearchTruncated);
    // 256 checks plus two per certificate (chain::Limits::max_signatures).
    assert!(message.contains("after 358 signature checks"), "{message}");
    assert_eq!(report.chain.first(), Some(&0), "the leaf still leads the best path");
    assert_eq!(report.certificates.len(), 51);
}

#[test]
fn ten_thousand_copies_of_one_certificate_are_one_certificate_and_its_copies() {
    let chain = Chain::new(HOST);
    let text = chain.leaf.pem().repeat(10_000);
    let report = run(&text, &options(Some(HOST)));
    assert_eq!(report.certificates.len(), 10_000);
    assert_eq!(report.chain, vec![0]);
    let duplicates = report.findings.iter().filter(|f| f.code == Code::DuplicateCertificate);
    assert_eq!(duplicates.map(|f| f.certificates.len()).sum::<usize>(), 10_000, "all copies named");
    assert!(!codes(&report).contains(&Code::TooManyCertificates), "10,000 is within the bound");
}

#[test]
fn certificates_past_the_count_bound_are_counted_not_read() {
    let chain = Chain::new(HOST);
    let mut options = options(Some(HOST));
    options.bounds.max_certificates = 100;
    let report = run(&chain.leaf.pem().repeat(150), &options);
    assert_eq!(report.certificates.len(), 100);
    let message = finding_text(&report, Code::TooManyCertificates);
    assert!(
        message.contains("more than 100 certificates") && message.contains("50 more"),
        "{message}"
    );
}

#[test]
fn input_past_the_size_bound_is_read_up_to_the_bound_at_a_line_end() {
    let chain = Chain::new(HOST);
    let head = chain.pems().concat();
    let text = format!("{head}{}", "filler line of a long log\n".repeat(1_000));
    let mut options = options(Some(HOST));
    options.bounds.max_input_bytes = head.len() + 100;
    let report = run(&text, &options);
    assert_eq!(report.chain, vec![0, 1, 2], "the chain within the bound is analysed");
    let message = finding_text(&report, Code::InputTooLarge);
    assert!(message.contains(&format!("({} bytes)", text.len())), "{message}");
    assert!(!codes(&report).contains(&Code::MalformedPem), "the cut falls between lines");
}

#[test]
fn a_certificate_blown_up_past_the_size_bound_is_not_read() {
    let chain = Chain::new(HOST);
    let mut spec = Spec::leaf("huge.example.com").issue(Some(&chain.intermediate)).params;
    let filler =
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 99999, 2], vec![0x05; 70_000]);
    spec.custom_extensions.push(filler);
    let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let issuer = rcgen::Issuer::from_params(&chain.intermediate.params, &chain.intermediate.key);
    let huge = spec.signed_by(&key, &issuer).unwrap_or_else(|e| panic!("{e}"));
    let text = [huge.pem(), chain.leaf.pem(), chain.intermediate.pem()].concat();
    let report = run(&text, &options(Some(HOST)));
    assert_eq!(report.certificates.len(), 2, "the other certificates are read");
    let message = finding_text(&report, Code::CertificateTooLarge);
    assert!(message.starts_with("1 certificate(s) larger than 65536 bytes"), "{message}");
}

#[test]
fn more_paths_than_the_report_lists_are_said_to_be_cut() {
    let chain = Chain::new(HOST);
    let leaves: Vec<String> = (0..70)
        .map(|i| Spec::leaf(&format!("host{i}.example.com")).issue(Some(&chain.intermediate)).pem())
        .collect();
    let text = [leaves.concat(), chain.intermediate.pem(), chain.root.pem()].concat();
    let report = run(&text, &options(None));
    assert_eq!(report.paths.len(), 64);
    let message = finding_text(&report, Code::PathsNotAllListed);
    assert!(message.starts_with("70 paths were found; the report lists the best 64"), "{message}");
}

#[test]
fn asn1_nested_deeper_than_the_bound_is_a_clear_problem() {
    let mut indefinite: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 100_000).flatten().collect();
    indefinite.extend(std::iter::repeat_n(0u8, 200_000));
    let mut definite = Vec::new();
    for _ in 0..10_000 {
        definite = wrap_in_sequence(&definite);
    }
    for bytes in [indefinite, definite] {
        let report = analyze(&[Source { name: None, bytes }], &options(None));
        assert!(
            codes(&report).contains(&Code::UnparsableBlock)
                || codes(&report).contains(&Code::NoCertificates),
            "{:?}",
            codes(&report)
        );
        assert!(report.certificates.is_empty());
    }
}

fn wrap_in_sequence(inner: &[u8]) -> Vec<u8> {
    let len = inner.len();
    let mut out = vec![0x30];
    match len {
        0..=0x7f => out.push(len as u8),
        0x80..=0xff => out.extend([0x81, len as u8]),
        0x100..=0xffff => out.extend([0x82, (len >> 8) as u8, len as u8]),
        _ => out.extend([0x83, (len >> 16) as u8, (len >> 8) as u8, len as u8]),
    }
    out.extend_from_slice(inner);
    out
}
