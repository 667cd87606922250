//! Every finding code, triggered by a chain generated for it.

use certchain_core::report::{InputKind, Report, Severity};
use certchain_core::Code;
use certchain_tests::pki::{Chain, Spec};
use certchain_tests::{analyze_pems, analyze_text, codes, NOW};
use rcgen::{CustomExtension, ExtendedKeyUsagePurpose, KeyUsagePurpose};

const HOST: &str = "gitlab.example.com";
const DAY: i64 = 86_400;

fn finding(report: &Report, code: Code) -> &certchain_core::report::Finding {
    report
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(report)))
}

fn has(report: &Report, code: Code) -> bool {
    codes(report).contains(&code)
}

#[test]
fn private_chain_in_order_is_complete_but_untrusted() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&c.pems(), Some(HOST));
    assert_eq!(r.kind, InputKind::ServerChain);
    assert_eq!(r.chain, vec![0, 1, 2]);
    assert_eq!(finding(&r, Code::UntrustedRoot).severity, Severity::Error);
    assert_eq!(finding(&r, Code::RootIncluded).severity, Severity::Info);
    assert!(!has(&r, Code::WrongOrder));
    assert!(!r.valid);
    assert!(r.trust.clients_need_ca_file);
}

#[test]
fn every_finding_has_english_and_japanese_text() {
    let c = Chain::new(HOST);
    let r =
        analyze_pems(&[c.intermediate.pem(), c.leaf.pem(), c.leaf.pem()], Some("other.example"));
    assert!(r.findings.len() >= 3);
    for f in &r.findings {
        for text in [&f.message.en, &f.message.ja, &f.fix.en, &f.fix.ja] {
            assert!(!text.trim().is_empty(), "{} has an empty text", f.code);
        }
        assert!(f.message.ja.chars().any(|ch| ch > '\u{3000}'), "{} has no Japanese", f.code);
    }
}

#[test]
fn wrong_order_with_leaf_not_first_is_an_error() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&[c.intermediate.pem(), c.root.pem(), c.leaf.pem()], Some(HOST));
    let f = finding(&r, Code::WrongOrder);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(r.chain, vec![2, 0, 1]);
    assert!(f.message.en.contains("#2 → #0 → #1"), "{}", f.message.en);
}

#[test]
fn wrong_order_after_the_leaf_is_a_warning() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&[c.leaf.pem(), c.root.pem(), c.intermediate.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::WrongOrder).severity, Severity::Warning);
    assert_eq!(r.chain, vec![0, 2, 1]);
}

#[test]
fn missing_intermediate_names_the_issuer_and_its_key_id() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&[c.leaf.pem(), c.root.pem()], Some(HOST));
    let f = finding(&r, Code::MissingIntermediate);
    assert_eq!(f.certificates, vec![0]);
    assert!(f.message.en.contains("Test Intermediate CA"), "{}", f.message.en);
    let aki = r.certificates[0].aki.clone().unwrap_or_default();
    assert!(!aki.is_empty() && f.message.en.contains(&aki));
    assert!(has(&r, Code::UnrelatedCertificate));
}

#[test]
fn duplicate_certificate_lists_every_copy() {
    let c = Chain::new(HOST);
    let pems = [c.leaf.pem(), c.intermediate.pem(), c.intermediate.pem(), c.root.pem()];
    let r = analyze_pems(&pems, Some(HOST));
    assert_eq!(finding(&r, Code::DuplicateCertificate).certificates, vec![1, 2]);
    assert_eq!(r.chain, vec![0, 1, 3]);
    assert_eq!(r.certificates[2].duplicate_of, Some(1));
}

#[test]
fn unrelated_certificate_is_pointed_at() {
    let c = Chain::new(HOST);
    let stray = Spec::root("Somebody Else's Root").issue(None);
    let mut pems = c.pems();
    pems.push(stray.pem());
    let r = analyze_pems(&pems, Some(HOST));
    assert_eq!(finding(&r, Code::UnrelatedCertificate).certificates, vec![3]);
}

#[test]
fn a_trust_store_is_not_a_pile_of_unrelated_certificates() {
    let roots: Vec<String> =
        (0..5).map(|i| Spec::root(&format!("Root {i}")).issue(None).pem()).collect();
    let r = analyze_pems(&roots, None);
    assert_eq!(r.kind, InputKind::TrustStore);
    assert!(!has(&r, Code::UnrelatedCertificate), "{:?}", codes(&r));
}

#[test]
fn a_trust_store_names_its_out_of_date_roots_as_information_only() {
    let root = |cn: &str, not_before: i64, not_after: i64| {
        let mut spec = Spec::root(cn);
        (spec.not_before, spec.not_after) = (not_before, not_after);
        spec.issue(None).pem()
    };
    let store = [
        root("Current Root", NOW - 400 * DAY, NOW + 400 * DAY),
        root("Expired Root", NOW - 400 * DAY, NOW - 3 * DAY),
        root("Ending Root", NOW - 400 * DAY, NOW + 10 * DAY),
        root("Future Root", NOW + 2 * DAY, NOW + 400 * DAY),
    ];
    let r = analyze_pems(&store, None);
    assert_eq!(r.kind, InputKind::TrustStore);
    let seen: Vec<(Code, Severity, Vec<usize>)> =
        r.findings.iter().map(|f| (f.code, f.severity, f.certificates.clone())).collect();
    assert_eq!(
        seen,
        [
            (Code::Expired, Severity::Info, vec![1]),
            (Code::NotYetValid, Severity::Info, vec![3]),
            (Code::ExpiresSoon, Severity::Info, vec![2]),
        ]
    );
    let expired = finding(&r, Code::Expired);
    assert!(expired.message.en.contains("\"Expired Root\" in this trust store expired"));
    assert!(expired.message.en.contains("3 days ago"), "{}", expired.message.en);
    assert!(expired.fix.en.contains("ca-certificates"), "{}", expired.fix.en);
    assert!(finding(&r, Code::ExpiresSoon).message.en.contains("in 10 days"));
    assert!(r.trust.explanation.en.starts_with("A trust store holds no server chain"));
    let summary = "A trust store (CA bundle) of 4 certificates, 4 of them roots. 1 of them has expired: the ca-bundle.pem below leaves it out.";
    assert_eq!(r.summary.en, summary);
}

/// The store handed back drops the expired root and the second copy, keeps the one not yet
/// valid, and keeps the input's order.
#[test]
fn a_trust_store_is_handed_back_without_its_expired_roots_and_copies() {
    let root = |cn: &str, not_after: i64| {
        let mut spec = Spec::root(cn);
        (spec.not_before, spec.not_after) = (NOW - 400 * DAY, not_after);
        spec.issue(None).pem()
    };
    let (current, expired) = (root("Current Root", NOW + 400 * DAY), root("Old Root", NOW - DAY));
    let other = root("Other Root", NOW + 10 * DAY);
    let r = analyze_pems(&[current.clone(), expired, other.clone(), current.clone()], None);
    assert_eq!(r.kind, InputKind::TrustStore);
    let store = r.bundles.ca_bundle.clone().unwrap_or_else(|| panic!("no store handed back"));
    assert_eq!(store.certificates, [0, 2]);
    assert_eq!(store.pem, format!("{current}{other}"));
    assert!(
        store.description.en.contains("without its 2 expired or repeated"),
        "{}",
        store.description.en
    );
    assert!(r.bundles.fullchain.is_none() && r.bundles.runner_crt.is_none());
}

#[test]
fn expired_leaf() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.not_after = NOW - 3 * DAY;
    let leaf = spec.issue(Some(&root));
    let r = analyze_pems(&[leaf.pem(), root.pem()], Some(HOST));
    let f = finding(&r, Code::Expired);
    assert_eq!((f.severity, f.certificates.clone()), (Severity::Error, vec![0]));
    assert!(f.message.en.contains("3 days ago"), "{}", f.message.en);
}

#[test]
fn not_yet_valid_leaf() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.not_before = NOW + 2 * DAY;
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::NotYetValid).severity, Severity::Error);
}

#[test]
fn expires_soon_within_30_days() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.not_after = NOW + 10 * DAY;
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::ExpiresSoon).severity, Severity::Warning);
    spec.not_after = NOW + 40 * DAY;
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert!(!has(&r, Code::ExpiresSoon));
}

#[test]
fn hostname_mismatch_and_wildcards() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf("*.example.com");
    spec.sans = vec!["*.example.com".into(), "10.1.2.3".into()];
    let leaf = spec.issue(Some(&root));
    let check = |host: &str| {
        has(&analyze_pems(&[leaf.pem(), root.pem()], Some(host)), Code::HostnameMismatch)
    };
    assert!(!check("gitlab.example.com"));
    assert!(!check("https://GitLab.example.com:8443/x"));
    assert!(check("example.com"));
    assert!(check("a.b.example.com"));
    assert!(!check("10.1.2.3"));
    assert!(check("10.1.2.4"));
    // The fix names the SAN type the host needs (RFC 5280 §4.2.1.6), not both.
    let fix = |host: &str| {
        finding(&analyze_pems(&[leaf.pem(), root.pem()], Some(host)), Code::HostnameMismatch)
            .fix
            .en
            .clone()
    };
    assert!(fix("10.1.2.4").contains("subjectAltName IP:10.1.2.4."), "{}", fix("10.1.2.4"));
    assert!(
        fix("example.com").contains("subjectAltName DNS:example.com."),
        "{}",
        fix("example.com")
    );
}

#[test]
fn cn_without_san() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.sans.clear();
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::CnWithoutSan).severity, Severity::Error);
}

#[test]
fn intermediate_without_basic_constraints_or_with_ca_false() {
    for explicit in [false, true] {
        let root = Spec::root("Root").issue(None);
        let mut spec = Spec::intermediate("Not A CA");
        spec.ca = None;
        spec.explicit_not_ca = explicit;
        let inter = spec.issue(Some(&root));
        let leaf = Spec::leaf(HOST).issue(Some(&inter));
        let r = analyze_pems(&[leaf.pem(), inter.pem(), root.pem()], Some(HOST));
        assert_eq!(finding(&r, Code::IntermediateNotCa).certificates, vec![1]);
        assert_eq!(r.chain, vec![0, 1, 2], "the chain is still shown");
    }
}

#[test]
fn pathlen_exceeded() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::intermediate("Upper CA pathlen 0");
    spec.ca = Some(Some(0));
    let upper = spec.issue(Some(&root));
    let lower = Spec::intermediate("Lower CA").issue(Some(&upper));
    let leaf = Spec::leaf(HOST).issue(Some(&lower));
    let r = analyze_pems(&[leaf.pem(), lower.pem(), upper.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::PathlenExceeded).certificates, vec![2]);
}

#[test]
fn key_usage_without_cert_sign() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::intermediate("Signing without keyCertSign");
    spec.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let inter = spec.issue(Some(&root));
    let leaf = Spec::leaf(HOST).issue(Some(&inter));
    let r = analyze_pems(&[leaf.pem(), inter.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::KeyUsageNoCertSign).certificates, vec![1]);
}

#[test]
fn leaf_is_ca() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.ca = Some(None);
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::LeafIsCa).severity, Severity::Warning);
    assert_eq!(r.certificates[0].role, certchain_core::report::Role::Leaf);
}

#[test]
fn eku_without_server_auth_on_leaf_and_on_intermediate() {
    let root = Spec::root("Root").issue(None);
    let mut spec = Spec::leaf(HOST);
    spec.ekus = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let r = analyze_pems(&[spec.issue(Some(&root)).pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::EkuNoServerAuth).certificates, vec![0]);

    let mut ispec = Spec::intermediate("Email-only CA");
    ispec.ekus = vec![ExtendedKeyUsagePurpose::EmailProtection];
    let inter = ispec.issue(Some(&root));
    let leaf = Spec::leaf(HOST).issue(Some(&inter));
    let r = analyze_pems(&[leaf.pem(), inter.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::EkuNoServerAuth).certificates, vec![1]);
}

#[test]
fn self_signed_leaf_is_its_own_runner_ca_file() {
    let mut spec = Spec::leaf(HOST);
    spec.ca = Some(None); // what `openssl req -x509` makes
    let leaf = spec.issue(None);
    let r = analyze_pems(&[leaf.pem()], Some(HOST));
    assert_eq!(r.kind, InputKind::ServerChain);
    assert_eq!(finding(&r, Code::SelfSignedLeaf).severity, Severity::Error);
    let runner = r.bundles.runner_crt.clone().unwrap_or_else(|| panic!("no runner file"));
    assert_eq!(runner.filename, "gitlab.example.com.crt");
    assert_eq!(runner.certificates, vec![0]);
}

#[test]
fn bad_signature_when_the_named_issuer_has_another_key() {
    let root = Spec::root("Root").issue(None);
    let inter = Spec::intermediate("Issuing CA").issue(Some(&root));
    let leaf = Spec::leaf(HOST).issue(Some(&inter));
    let impostor = Spec::intermediate("Issuing CA").issue(Some(&root));
    let r = analyze_pems(&[leaf.pem(), impostor.pem(), root.pem()], Some(HOST));
    let f = finding(&r, Code::BadSignature);
    assert_eq!(f.certificates, vec![0, 1]);
    assert!(!has(&r, Code::MissingIntermediate));
}

#[test]
fn private_key_in_bundle_is_reported_and_never_echoed() {
    let c = Chain::new(HOST);
    let key = c.leaf.key.serialize_pem();
    let text = format!("{}{}{}", c.leaf.pem(), key, c.intermediate.pem());
    let r = analyze_text(&text, Some(HOST));
    assert_eq!(finding(&r, Code::PrivateKeyInBundle).severity, Severity::Warning);
    let json = serde_json::to_string(&r).unwrap_or_default();
    for line in key.lines().filter(|l| !l.starts_with("-----")) {
        assert!(!json.contains(line), "a key line leaked into the report");
    }
    assert_eq!(r.certificates.len(), 2);
}

#[test]
fn malformed_pem_keeps_the_rest() {
    let c = Chain::new(HOST);
    let leaf = c.leaf.pem();
    let truncated: String = leaf.lines().take(4).map(|l| format!("{l}\n")).collect();
    let text = format!("{truncated}{}", c.intermediate.pem());
    let r = analyze_text(&text, Some(HOST));
    let f = finding(&r, Code::MalformedPem);
    assert!(f.message.en.contains("line 1"), "{}", f.message.en);
    assert_eq!(r.certificates.len(), 1);
}

#[test]
fn unparsable_block_says_where() {
    let c = Chain::new(HOST);
    let garbage = "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n";
    let text = format!("{}{garbage}", c.leaf.pem());
    let r = analyze_text(&text, Some(HOST));
    let line = c.leaf.pem().lines().count() + 1;
    let f = finding(&r, Code::UnparsableBlock);
    assert!(f.message.en.contains(&format!("line {line}")), "{}", f.message.en);
    assert_eq!(r.certificates.len(), 1);
}

#[test]
fn cross_signed_intermediate_gives_two_paths() {
    let old_root = Spec::root("Old Root").issue(None);
    let new_root = Spec::root("New Root").issue(None);
    let spec = Spec::intermediate("Cross CA");
    let under_new = spec.issue(Some(&new_root));
    let mut same_key = spec.clone();
    same_key.key_pem = Some(under_new.key.serialize_pem());
    same_key.not_after -= DAY; // a different certificate for the same CA
    let under_old = same_key.issue(Some(&old_root));
    let leaf = Spec::leaf(HOST).issue(Some(&under_new));
    let pems = [leaf.pem(), under_new.pem(), under_old.pem(), new_root.pem(), old_root.pem()];
    let r = analyze_pems(&pems, Some(HOST));
    assert_eq!(finding(&r, Code::CrossSigned).severity, Severity::Info);
    assert_eq!(r.paths.len(), 2, "{:?}", r.paths);
    assert!(!has(&r, Code::UnrelatedCertificate), "{:?}", codes(&r));
}

#[test]
fn multiple_leaves() {
    let c = Chain::new(HOST);
    let other = Spec::leaf("other.example.com").issue(Some(&c.intermediate));
    let r =
        analyze_pems(&[c.leaf.pem(), other.pem(), c.intermediate.pem()], Some("other.example.com"));
    assert_eq!(finding(&r, Code::MultipleLeaves).certificates, vec![0, 1]);
    assert_eq!(r.chain[0], 1, "the leaf matching --host is chosen");
}

#[test]
fn no_certificates() {
    let r = analyze_text("hello, this is not a certificate\n", None);
    assert_eq!(r.kind, InputKind::Empty);
    assert_eq!(codes(&r), vec![Code::NoCertificates]);
    assert!(!r.valid);
}

#[test]
fn unknown_critical_extension() {
    let root = Spec::root("Root").issue(None);
    let leaf = Spec::leaf(HOST);
    let mut params_leaf = leaf.issue(Some(&root));
    let mut ext =
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 99999, 1], vec![0x05, 0x00]);
    ext.set_criticality(true);
    params_leaf.params.custom_extensions.push(ext);
    let cert = params_leaf
        .params
        .signed_by(&params_leaf.key, &rcgen::Issuer::from_params(&root.params, &root.key))
        .unwrap_or_else(|e| panic!("{e}"));
    let r = analyze_pems(&[cert.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::UnknownCriticalExtension).certificates, vec![0]);
}

#[test]
fn path_search_truncated_is_reported() {
    let c = Chain::new(HOST);
    let sources: Vec<_> = c.pems().iter().map(|p| certchain_core::Source::text(p)).collect();
    let mut options = certchain_tests::options(Some(HOST));
    options.limits.max_steps = 1;
    let r = certchain_core::analyze(&sources, &options);
    assert!(has(&r, Code::PathSearchTruncated), "{:?}", codes(&r));
}

#[test]
fn user_trust_anchor_makes_the_private_chain_valid() {
    let c = Chain::new(HOST);
    let sources: Vec<_> = [c.leaf.pem(), c.intermediate.pem()]
        .iter()
        .map(|p| certchain_core::Source::text(p))
        .collect();
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&c.root.pem())];
    let r = certchain_core::analyze(&sources, &options);
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(r.paths[0].end, certchain_core::report::PathEnd::UserAnchor);
    assert!(r.findings.iter().all(|f| f.severity != Severity::Error));
}

#[test]
fn a_trusted_root_sent_first_is_still_out_of_order_and_included() {
    let c = Chain::new(HOST);
    // One file, root first, as a hurried `cat` makes it; the same root given as the anchor.
    let sent = [c.root.pem(), c.leaf.pem(), c.intermediate.pem()].concat();
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&c.root.pem())];
    let r = certchain_core::analyze(&[certchain_core::Source::text(&sent)], &options);
    assert!(r.valid, "{:?}", codes(&r));
    let order = finding(&r, Code::WrongOrder);
    assert_eq!(order.severity, Severity::Error, "the leaf is not first");
    assert_eq!(order.certificates, vec![1, 2, 0]);
    assert_eq!(finding(&r, Code::RootIncluded).certificates, vec![0]);
}

#[test]
fn missing_root_of_a_private_ca_is_not_blamed_on_the_server() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&[c.leaf.pem(), c.intermediate.pem()], Some(HOST));
    let f = finding(&r, Code::MissingRoot);
    assert_eq!(f.certificates, vec![1]);
    assert!(f.message.en.contains("Test Root CA"), "{}", f.message.en);
    assert!(!has(&r, Code::MissingIntermediate));
}

#[test]
fn name_constraint_violation() {
    let root = Spec::root("Root").issue(None);
    let nc = rcgen::NameConstraints {
        permitted_subtrees: vec![rcgen::GeneralSubtree::DnsName("corp.example".into())],
        excluded_subtrees: vec![],
    };
    let inter = {
        let issued = Spec::intermediate("Constrained CA").issue(Some(&root));
        let mut params = issued.params.clone();
        params.name_constraints = Some(nc);
        let cert = params
            .signed_by(&issued.key, &rcgen::Issuer::from_params(&root.params, &root.key))
            .unwrap_or_else(|e| panic!("{e}"));
        certchain_tests::pki::Issued { params, key: issued.key, cert }
    };
    let inside = Spec::leaf("gitlab.corp.example").issue(Some(&inter));
    let outside = Spec::leaf(HOST).issue(Some(&inter));
    let ok = analyze_pems(&[inside.pem(), inter.pem(), root.pem()], Some("gitlab.corp.example"));
    assert!(!has(&ok, Code::NameConstraintViolation), "{:?}", codes(&ok));
    let bad = analyze_pems(&[outside.pem(), inter.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&bad, Code::NameConstraintViolation).certificates, vec![0]);
}

#[test]
fn anchor_invalid_when_the_trusted_root_expired() {
    let mut spec = Spec::root("Old Root");
    spec.not_after = NOW - DAY;
    let root = spec.issue(None);
    let leaf = Spec::leaf(HOST).issue(Some(&root));
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&root.pem())];
    let r = certchain_core::analyze(&[certchain_core::Source::text(&leaf.pem())], &options);
    assert_eq!(finding(&r, Code::AnchorInvalid).severity, Severity::Error);
    assert!(!r.valid);
}

#[test]
fn duplicate_extension() {
    let root = Spec::root("Root").issue(None);
    let issued = Spec::leaf(HOST).issue(Some(&root));
    let mut params = issued.params.clone();
    // A second basicConstraints (2.5.29.19): SEQUENCE {} = CA:FALSE.
    params
        .custom_extensions
        .push(CustomExtension::from_oid_content(&[2, 5, 29, 19], vec![0x30, 0x00]));
    let cert = params
        .signed_by(&issued.key, &rcgen::Issuer::from_params(&root.params, &root.key))
        .unwrap_or_else(|e| panic!("{e}"));
    let r = analyze_pems(&[cert.pem(), root.pem()], Some(HOST));
    assert_eq!(finding(&r, Code::DuplicateExtension).certificates, vec![0]);
}

/// The table of finding codes (`docs/findings.md`) lists every code, once, in report order.
#[test]
fn every_code_is_documented_in_report_order() {
    let page = include_str!("../../../docs/findings.md");
    let section = page.strip_prefix("# Finding codes\n").unwrap_or_default();
    let table = section.split("\n#").next().unwrap_or_default();
    let documented: Vec<&str> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|row| row.split('`').next())
        .collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(documented, codes, "docs/findings.md, \"Finding codes\"");
}

#[test]
fn regression_missing_root_does_not_depend_on_input_order() {
    let c = Chain::new(HOST);
    let r = analyze_pems(&[c.intermediate.pem(), c.leaf.pem()], Some(HOST));
    assert!(has(&r, Code::MissingRoot), "{:?}", codes(&r));
    assert!(!has(&r, Code::MissingIntermediate));
}

#[test]
fn regression_valid_summary_names_each_certificate_once() {
    let c = Chain::new(HOST);
    let sources = [certchain_core::Source::text(&[c.leaf.pem(), c.intermediate.pem()].concat())];
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&c.root.pem())];
    let r = certchain_core::analyze(&sources, &options);
    assert!(r.valid);
    assert_eq!(r.summary.en.matches("Test Root CA").count(), 1, "{}", r.summary.en);
    let ca = certchain_core::analyze(
        &[certchain_core::Source::text(&[c.intermediate.pem(), c.root.pem()].concat())],
        &options,
    );
    assert_eq!(ca.summary.en.matches("Test Root CA").count(), 1, "{}", ca.summary.en);
}

/// Leaf and intermediate sent, the given certificate trusted with `--trust`.
fn sent_with_trust(c: &Chain, trusted: &str) -> certchain_core::Report {
    let sent = [c.leaf.pem(), c.intermediate.pem()].concat();
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(trusted)];
    certchain_core::analyze(&[certchain_core::Source::text(&sent)], &options)
}

/// Trusting the intermediate: the server must still send it, and the CA file is that
/// intermediate once (the input's copy, not the same certificate again from `--trust`).
#[test]
fn a_trusted_intermediate_stays_in_the_server_chain() {
    let c = Chain::new(HOST);
    let r = sent_with_trust(&c, &c.intermediate.pem());
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(r.chain, [0, 1]);
    let fullchain = r.bundles.fullchain.clone().unwrap_or_else(|| panic!("no fullchain"));
    assert_eq!(fullchain.pem, [c.leaf.pem(), c.intermediate.pem()].concat());
    for bundle in [&r.bundles.ca_bundle, &r.bundles.runner_crt] {
        let bundle = bundle.clone().unwrap_or_else(|| panic!("no CA file"));
        assert_eq!(bundle.pem, c.intermediate.pem(), "{}", bundle.filename);
    }
    assert!(!has(&r, Code::UnrelatedCertificate), "{:?}", codes(&r));
}

/// Trusting the leaf itself (the `openssl s_client | openssl x509` runner file): a warning,
/// the intermediate is still the leaf's issuer, and no CA file holds the leaf.
#[test]
fn a_trusted_leaf_is_a_pin_and_never_a_ca_file() {
    let c = Chain::new(HOST);
    let r = sent_with_trust(&c, &c.leaf.pem());
    let pin = finding(&r, Code::TrustedServerCertificate);
    assert_eq!((pin.severity, pin.certificates.clone()), (Severity::Warning, vec![0]));
    assert!(!has(&r, Code::UnrelatedCertificate), "{:?}", codes(&r));
    let fullchain = r.bundles.fullchain.clone().unwrap_or_else(|| panic!("no fullchain"));
    assert_eq!(fullchain.pem, [c.leaf.pem(), c.intermediate.pem()].concat());
    for bundle in [&r.bundles.ca_bundle, &r.bundles.runner_crt] {
        let bundle = bundle.clone().unwrap_or_else(|| panic!("no CA file"));
        assert_eq!(bundle.pem, c.intermediate.pem(), "{}", bundle.filename);
    }
}

/// A trust input with no certificate in it (here a private key) leaves nothing trusted:
/// named as such, with what was found instead.
#[test]
fn a_trust_input_without_a_certificate_is_named() {
    let c = Chain::new(HOST);
    let key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";
    let r = sent_with_trust(&c, key);
    let f = finding(&r, Code::NoTrustedCertificate);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.en.contains("1 private key(s) in the trust files were ignored"),
        "{}",
        f.message.en
    );
    assert!(!f.message.en.contains("MC4CAQAw"), "the key is echoed");
    let with_root = sent_with_trust(&c, &c.root.pem());
    assert!(!has(&with_root, Code::NoTrustedCertificate), "{:?}", codes(&with_root));
}

/// Leaf and intermediate sent, every given PEM trusted.
fn sent_with_trusts(c: &Chain, trusted: &[String]) -> certchain_core::Report {
    sent_with_trust(c, &trusted.concat())
}

/// The runner file holding the leaf and the root: the path to the root wins over the pin,
/// so nothing is reported as pinned and the chain is leaf, intermediate.
#[test]
fn a_pinned_leaf_beside_a_trusted_root_loses_to_the_path_to_the_root() {
    let c = Chain::new(HOST);
    let r = sent_with_trusts(&c, &[c.leaf.pem(), c.root.pem()]);
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(r.chain, [0, 1]);
    assert!(!has(&r, Code::TrustedServerCertificate), "{:?}", codes(&r));
}

/// A trusted intermediate that is not in the input: the server must still send it, so it
/// is appended to the full chain from the --trust file; the CA file says the root is missing.
#[test]
fn a_trusted_intermediate_not_sent_is_added_to_the_server_chain() {
    let c = Chain::new(HOST);
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&c.intermediate.pem())];
    let r = certchain_core::analyze(&[certchain_core::Source::text(&c.leaf.pem())], &options);
    assert!(r.valid, "{:?}", codes(&r));
    let fullchain = r.bundles.fullchain.clone().unwrap_or_else(|| panic!("no fullchain"));
    assert_eq!(fullchain.pem, [c.leaf.pem(), c.intermediate.pem()].concat());
    let ca = r.bundles.ca_bundle.clone().unwrap_or_else(|| panic!("no CA file"));
    assert_eq!(ca.pem, c.intermediate.pem());
    assert!(ca.description.en.contains("The root CA is not in the input"), "{}", ca.description.en);
}

/// The input ends at a cross-signed copy of the trusted root (same name and key, issued by
/// another CA): the CA file still gets the self-signed root from --trust after it.
#[test]
fn a_cross_signed_copy_of_the_trusted_root_does_not_replace_it() {
    let root = Spec::root("Test Root CA").issue(None);
    let other = Spec::root("Other Root CA").issue(None);
    let mut cross = Spec::root("Test Root CA");
    cross.key_pem = Some(root.key.serialize_pem());
    let cross = cross.issue(Some(&other));
    let intermediate = Spec::intermediate("Test Intermediate CA").issue(Some(&root));
    let leaf = Spec::leaf(HOST).issue(Some(&intermediate));
    let sent = [leaf.pem(), intermediate.pem(), cross.pem()].concat();
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&root.pem())];
    let r = certchain_core::analyze(&[certchain_core::Source::text(&sent)], &options);
    assert!(r.valid, "{:?}", codes(&r));
    let ca = r.bundles.ca_bundle.clone().unwrap_or_else(|| panic!("no CA file"));
    assert!(ca.pem.ends_with(&root.pem()), "the self-signed root is not last");
}

/// A self-signed server certificate trusted as itself is its own CA: one path, no pin.
#[test]
fn a_trusted_self_signed_leaf_is_not_a_pin() {
    let mut spec = Spec::leaf(HOST);
    spec.ca = None;
    let leaf = spec.issue(None);
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&leaf.pem())];
    let r = certchain_core::analyze(&[certchain_core::Source::text(&leaf.pem())], &options);
    assert!(!has(&r, Code::TrustedServerCertificate), "{:?}", codes(&r));
    assert_eq!(r.paths.len(), 1, "{:?}", r.paths.iter().map(|p| p.end).collect::<Vec<_>>());
}

/// A leaf issued straight by the trusted root is no pin: with the root sent too, the path
/// that stops at the anchor still wins (the root is shown as the anchor, as in longer chains).
#[test]
fn a_leaf_issued_by_the_trusted_root_is_not_ranked_as_a_pin() {
    let root = Spec::root("Test Root CA").issue(None);
    let leaf = Spec::leaf(HOST).issue(Some(&root));
    let mut options = certchain_tests::options(Some(HOST));
    options.trust = vec![certchain_core::Source::text(&root.pem())];
    let sent = [leaf.pem(), root.pem()].concat();
    let r = certchain_core::analyze(&[certchain_core::Source::text(&sent)], &options);
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(r.chain, [0]);
    assert!(!has(&r, Code::TrustedServerCertificate), "{:?}", codes(&r));
}
