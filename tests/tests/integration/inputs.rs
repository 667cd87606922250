//! Every input form, end to end: the real files in tests/fixtures/inputs (made by its
//! make.sh with OpenSSL) and the OpenSSL-made crypto fixtures.

use certchain_core::report::{InputKind, PathEnd, Report, Severity};
use certchain_core::{analyze, Code, Options, Source, UnixTime};
use certchain_tests::{codes, NOW};

const HOST: &str = "gitlab.example.com";
const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/inputs");
const CRYPTO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/crypto");
/// The crypto fixtures are valid from the day they were made (2026-11-22) for 1200 days.
const CRYPTO_NOW: i64 = 1_798_761_600; // 2027-01-01

fn source(dir: &str, name: &str) -> Source {
    let path = format!("{dir}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: Some(name.into()), bytes }
}

fn run(names: &[&str], trust: &[&str]) -> Report {
    let sources: Vec<Source> = names.iter().map(|n| source(INPUTS, n)).collect();
    let trust = trust.iter().map(|n| source(INPUTS, n)).collect();
    analyze(
        &sources,
        &Options { now: UnixTime(NOW), host: Some(HOST.into()), trust, ..Options::default() },
    )
}

fn leaf_sha256() -> String {
    run(&["leaf.der"], &[]).certificates[0].sha256.clone()
}

/// Every form of the private chain gives the same certificates and, trusted, a valid report.
#[test]
fn every_form_of_the_chain_reads_the_same() {
    let leaf = leaf_sha256();
    let cases: &[(&[&str], usize)] = &[
        (&["fullchain.pem"], 2),
        (&["bundle-crlf-indented.pem"], 2),
        (&["glued.pem"], 2),
        (&["with-text.pem"], 2),
        (&["x509-text.txt"], 1),
        (&["chain.p7b"], 3),
        (&["chain.p7b.pem"], 3),
        (&["chain-ber-indefinite.p7b"], 2),
        (&["leaf.der", "intermediate.der", "root.der"], 3),
        (&["leaf.b64"], 1),
        (&["secret.yaml"], 3),
        (&["pkcs12-nokeys.txt"], 2),
        (&["s_client-showcerts.txt"], 2),
        (&["s_client-verified.txt"], 1),
    ];
    for (names, count) in cases {
        let r = run(names, &["root.pem"]);
        assert_eq!(r.certificates.len(), *count, "{names:?}: {:?}", codes(&r));
        assert_eq!(r.certificates[r.chain[0]].sha256, leaf, "{names:?}");
        if *count >= 2 {
            assert!(r.valid, "{names:?}: {:?}", codes(&r));
        }
    }
}

#[test]
fn three_der_files_make_one_chain() {
    let r = run(&["root.der", "leaf.der", "intermediate.der"], &[]);
    assert_eq!(r.chain, vec![1, 2, 0]);
    assert_eq!(r.input.sources, 3);
    assert!(!codes(&r).contains(&Code::WrongOrder), "the order of separate files is not an error");
}

#[test]
fn regression_secret_with_root_in_ca_crt_is_not_out_of_order() {
    let r = run(&["secret.yaml"], &[]);
    let c = codes(&r);
    assert!(!c.contains(&Code::WrongOrder) && !c.contains(&Code::RootIncluded), "{c:?}");
    assert_eq!(r.chain.len(), 3);
}

#[test]
fn trusted_root_from_trust_file_completes_the_ca_files() {
    let r = run(&["fullchain.pem"], &["root.pem"]);
    assert!(r.valid, "{:?}", codes(&r));
    let root_pem = String::from_utf8(source(INPUTS, "root.pem").bytes).unwrap_or_default();
    let root_body: String = root_pem.lines().filter(|l| !l.starts_with("-----")).collect();
    for bundle in [&r.bundles.ca_bundle, &r.bundles.runner_crt] {
        let pem: String = bundle
            .as_ref()
            .map(|b| b.pem.lines().filter(|l| !l.starts_with("-----")).collect())
            .unwrap_or_default();
        assert!(pem.contains(&root_body), "the --trust root belongs in the CA files");
    }
}

#[test]
fn s_client_without_showcerts_says_how_many_were_sent() {
    let r = run(&["s_client-leaf-only.txt"], &[]);
    let f = r.findings.iter().find(|f| f.code == Code::SClientLeafOnly);
    let f = f.unwrap_or_else(|| panic!("{:?}", codes(&r)));
    assert!(f.message.en.contains("the server sent 2"), "{}", f.message.en);
    let info = r.input.s_client.clone().unwrap_or_default();
    assert_eq!(info.sent.len(), 2);
    assert!(!info.showcerts);
    assert_eq!(info.verify_code, Some(20));
}

/// The capture, not the server, is what lacks the intermediate: the capture is the error,
/// the missing issuer only a warning, and OpenSSL's error 20 asks for `-showcerts`.
#[test]
fn s_client_without_showcerts_blames_the_capture_not_the_server() {
    let r = run(&["s_client-leaf-only.txt"], &[]);
    let severity = |code: Code| r.findings.iter().find(|f| f.code == code).map(|f| f.severity);
    assert_eq!(severity(Code::SClientLeafOnly), Some(Severity::Error), "{:?}", codes(&r));
    assert_eq!(severity(Code::MissingIntermediate), Some(Severity::Warning), "{:?}", codes(&r));
    assert_eq!(codes(&r)[0], Code::SClientLeafOnly);
    let explained = r.error_messages.first().unwrap_or_else(|| panic!("no error message"));
    assert!(explained.cause.en.contains("captured without -showcerts"), "{}", explained.cause.en);
    assert!(!explained.cause.en.contains("does not send"), "{}", explained.cause.en);
}

#[test]
fn s_client_with_showcerts_private_root_not_sent() {
    let r = run(&["s_client-showcerts.txt"], &[]);
    assert_eq!(r.chain, vec![0, 1]);
    assert_eq!(
        codes(&r),
        vec![Code::MissingRoot],
        "the server chain is right; the clients need the root"
    );
    assert_eq!(r.paths[0].end, PathEnd::MissingIssuer);
    assert!(r.paths[0].anchor.contains("Example Private Root CA"));
    let runner = r.bundles.runner_crt.clone().unwrap_or_else(|| panic!("no runner file"));
    assert_eq!(runner.filename, "gitlab.example.com.crt");
    assert_eq!(runner.certificates, vec![1], "CA certificates only, never the leaf");
}

#[test]
fn keys_in_pkcs12_dump_and_secrets_are_stripped() {
    for name in
        ["pkcs12-with-key.txt", "bundle-with-key.pem", "secret.yaml", "paste-with-openssh-key.txt"]
    {
        let r = run(&[name], &[]);
        assert!(codes(&r).contains(&Code::PrivateKeyInBundle), "{name}: {:?}", codes(&r));
        assert!(!r.input.private_keys.is_empty());
        let json = serde_json::to_string(&r).unwrap_or_default();
        assert!(!json.contains("PRIVATE KEY-----"), "{name}: key armor in the report");
    }
}

#[test]
fn x509_text_noout_explains_itself() {
    let r = run(&["x509-text-noout.txt"], &[]);
    assert_eq!(r.kind, InputKind::Empty);
    let f = &r.findings[0];
    assert_eq!(f.code, Code::NoCertificates);
    assert!(f.message.en.contains("-noout"), "{}", f.message.en);
}

#[test]
fn debian_trust_store_is_a_trust_store() {
    let r = analyze(
        &[source(
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bench"),
            "debian-ca-certificates.crt",
        )],
        &Options { now: UnixTime(NOW), ..Options::default() },
    );
    assert_eq!(r.kind, InputKind::TrustStore);
    assert_eq!(r.certificates.len(), 144);
    assert!(!codes(&r).contains(&Code::UnrelatedCertificate));
    assert!(r.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", codes(&r));
}

fn crypto(leaf: &str, root: &str) -> Report {
    let sources = vec![source(CRYPTO, &format!("{leaf}.example.com.pem"))];
    let trust = vec![source(CRYPTO, &format!("{root}.pem"))];
    let host = Some(format!("{leaf}.example.com"));
    analyze(&sources, &Options { now: UnixTime(CRYPTO_NOW), host, trust, ..Options::default() })
}

#[test]
fn every_supported_signature_algorithm_verifies() {
    for (leaf, root) in [
        ("pss", "rsa-root"),
        ("sha512", "rsa-root"),
        ("p384", "p384-root"),
        ("p256-under-p384", "p384-root"),
        ("ed25519", "ed25519-root"),
        ("p521", "p521-root"),
    ] {
        let r = crypto(leaf, root);
        assert!(r.valid, "{leaf}: {:?}", codes(&r));
        assert_eq!(r.paths[0].end, PathEnd::UserAnchor, "{leaf}");
    }
}

#[test]
fn weak_signatures_and_keys() {
    for (leaf, root, code) in [
        ("sha1", "rsa-root", Code::WeakSignature),
        ("md5", "rsa-root", Code::WeakSignature),
        ("ecdsa-sha1", "p384-root", Code::WeakSignature),
        ("rsa1024", "rsa-root", Code::WeakKey),
    ] {
        let r = crypto(leaf, root);
        assert_eq!(r.paths[0].end, PathEnd::UserAnchor, "{leaf}: the signature still verifies");
        assert_eq!(codes(&r), vec![code], "{leaf}");
        assert!(!r.valid);
    }
}

#[test]
fn unsupported_algorithms_are_said_not_hidden() {
    // P-521 moved to every_supported_signature_algorithm_verifies: certchain checks it now.
    let r = crypto("dsa", "dsa-root");
    assert!(codes(&r).contains(&Code::UncheckedSignature), "dsa: {:?}", codes(&r));
}

/// A real public chain (x509-limbo's online::cloudflare.com: leaf and intermediate, as the
/// site sends them) ends at a Mozilla root that certchain knows without any --trust file.
#[test]
fn real_public_chain_ends_at_a_known_public_root() {
    let limbo = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/limbo/limbo.json");
    let suite: serde_json::Value =
        serde_json::from_slice(&std::fs::read(limbo).unwrap_or_default()).unwrap_or_default();
    let case = suite["testcases"]
        .as_array()
        .and_then(|cases| cases.iter().find(|c| c["id"] == "online::cloudflare.com"));
    let case = case.unwrap_or_else(|| panic!("online::cloudflare.com is in limbo.json"));
    let mut pem = case["peer_certificate"].as_str().unwrap_or_default().to_string();
    for inter in case["untrusted_intermediates"].as_array().into_iter().flatten() {
        pem.push_str(inter.as_str().unwrap_or_default());
    }
    let when = 1_773_360_000; // 2026-03-13: inside the leaf's validity
    let options =
        Options { now: UnixTime(when), host: Some("cloudflare.com".into()), ..Options::default() };
    let r = analyze(&[Source::text(&pem)], &options);
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(r.paths[0].end, PathEnd::PublicRoot);
    assert!(r.paths[0].anchor.contains("GTS Root"), "{}", r.paths[0].anchor);
    assert!(!r.trust.clients_need_ca_file);
    assert!(r.bundles.runner_crt.is_none(), "a public chain needs no runner CA file");
}

/// A chain quoted in an e-mail reply (`> `, and `> > ` one level deeper) reads as the chain.
#[test]
fn a_chain_quoted_in_an_e_mail_reply_is_read() {
    let read = |name: &str| String::from_utf8(source(INPUTS, name).bytes).unwrap_or_default();
    let quote =
        |text: &str, mark: &str| text.lines().map(|l| format!("{mark}{l}\n")).collect::<String>();
    let mail = format!(
        "On Monday, admin wrote:\n{}> > and the CA:\n{}Thanks\n",
        quote(&read("leaf.pem"), "> "),
        quote(&read("intermediate.pem"), "> > ")
    );
    let r = analyze(&[Source::text(&mail)], &Options { now: UnixTime(NOW), ..Options::default() });
    assert_eq!(r.chain, [0, 1], "{:?}", codes(&r));
    assert!(!codes(&r).contains(&Code::MalformedPem), "{:?}", codes(&r));
}

/// A broken block is named once: its label and line, not "block at line 2: block at line 2".
#[test]
fn a_broken_block_names_its_place_once() {
    let r = analyze(
        &[Source::text("-----BEGIN CERTIFICATE-----\nMIIB!\n-----END CERTIFICATE-----\n")],
        &Options { now: UnixTime(NOW), ..Options::default() },
    );
    let f = r.findings.iter().find(|f| f.code == Code::MalformedPem);
    let message = f.map(|f| f.message.en.clone()).unwrap_or_default();
    assert_eq!(
        message,
        "Broken PEM: CERTIFICATE block at line 1: line 2 has '!', which is not a base64 character."
    );
}

/// A CSR alone: named as a CSR, and no claim that "the other blocks" were analysed.
#[test]
fn a_csr_alone_is_named_without_other_blocks() {
    let r = run(&["leaf.csr"], &[]);
    let f = r.findings.iter().find(|f| f.code == Code::UnparsableBlock);
    let message = f.map(|f| f.message.en.clone()).unwrap_or_default();
    assert!(message.contains("certificate signing request"), "{message}");
    assert!(!message.contains("other blocks"), "{message}");
    let with_leaf = run(&["leaf.csr", "leaf.pem"], &[]);
    let f = with_leaf.findings.iter().find(|f| f.code == Code::UnparsableBlock);
    assert!(f.is_some_and(|f| f.message.en.ends_with("The other blocks were analysed.")));
}
