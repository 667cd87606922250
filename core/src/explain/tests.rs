//! Logs analysed with and without the fixture chains (tests/fixtures/inputs, made by its
//! make.sh): the cause names the certificate at fault, secrets and keys are never echoed,
//! the scan is capped.

use super::{CODES, MAX_MESSAGES};
use crate::report::{ErrorMessage, InputKind, Report};
use crate::{analyze, Code, Options, Source, UnixTime};

const LEAF: &str = include_str!("../../../tests/fixtures/inputs/leaf.pem");
const INTERMEDIATE: &str = include_str!("../../../tests/fixtures/inputs/intermediate.pem");
const ROOT: &str = include_str!("../../../tests/fixtures/inputs/root.pem");
const KEY: &str = include_str!("../../../tests/fixtures/inputs/leaf.key");
const LEAF_DER: &[u8] = include_bytes!("../../../tests/fixtures/inputs/leaf.der");
/// 2026-11-22T00:00:00Z, inside the fixtures' validity (2026-01-01 .. 2036-01-01).
const NOW: i64 = 1_795_305_600;

/// Seed 000 (GitLab Runner docs, "Self-signed certificates"), verbatim.
const RUNNER_LOG: &str = "Couldn't execute POST against https://hostname.tld/api/v4/jobs/request:\n\
     Post https://hostname.tld/api/v4/jobs/request: x509: certificate signed by unknown authority\n";

fn report_at(now: i64, texts: &[&str]) -> Report {
    let sources: Vec<Source> = texts.iter().map(|t| Source::text(t)).collect();
    analyze(&sources, &Options { now: UnixTime(now), ..Options::default() })
}

fn only(report: &Report) -> &ErrorMessage {
    assert_eq!(report.error_messages.len(), 1, "{:#?}", report.error_messages);
    &report.error_messages[0]
}

#[test]
fn a_runner_log_alone_asks_for_the_chain() {
    let report = report_at(NOW, &[RUNNER_LOG]);
    let m = only(&report);
    assert_eq!((m.code, m.source, m.line), ("x509_unknown_authority", 0, 2));
    assert!(m.fix.en.contains(
        "openssl s_client -showcerts -connect hostname.tld:443 -servername hostname.tld"
    ));
    assert_eq!(m.snippets, ["runner-certs-dir", "runner-config-toml"]);
    assert_eq!(report.kind, InputKind::Empty);
    assert!(report.summary.en.contains("1 error message(s) recognised"), "{}", report.summary.en);
    assert!(report.findings.iter().any(|f| f.code == Code::NoCertificates));
}

/// A log that names a port: the command to get the chain uses it.
#[test]
fn a_runner_log_on_another_port_asks_for_the_chain_on_that_port() {
    let log = RUNNER_LOG.replace("hostname.tld", "hostname.tld:8443");
    let report = report_at(NOW, &[&log]);
    let m = only(&report);
    assert!(
        m.fix.en.contains("-connect hostname.tld:8443 -servername hostname.tld "),
        "{}",
        m.fix.en
    );
    assert!(!m.fix.en.contains("use the port of the URL"), "{}", m.fix.en);
}

#[test]
fn a_log_with_a_private_ca_chain_names_the_private_root() {
    let report = report_at(NOW, &[RUNNER_LOG, &format!("{LEAF}{INTERMEDIATE}{ROOT}")]);
    let m = only(&report);
    assert!(m.cause.en.contains("private CA #2 \"Example Private Root CA\""), "{}", m.cause.en);
    assert!(m.cause.ja.contains("Example Private Root CA"));
    assert_eq!(m.certificates, [2]);
    assert_eq!(m.snippets, ["runner-certs-dir", "runner-config-toml"]);
}

#[test]
fn a_log_with_the_leaf_alone_blames_the_missing_intermediate() {
    let report = report_at(NOW, &[&format!("{RUNNER_LOG}{LEAF}")]);
    let m = only(&report);
    assert!(
        m.cause.en.contains("intermediate \"O=Example Corp, CN=Example Private Intermediate CA\""),
        "{}",
        m.cause.en
    );
    assert_eq!(m.certificates, [0]);
    assert!(m.snippets.contains(&"nginx"));
}

#[test]
fn an_expiry_message_names_the_certificate_whose_end_it_quotes() {
    let line = "Get \"https://gitlab.example.com/\": x509: certificate has expired or is not yet valid: current time 2036-02-01T00:00:00Z is after 2036-01-01T00:00:00Z\n";
    let report = report_at(NOW, &[line, &format!("{LEAF}{INTERMEDIATE}")]);
    let m = only(&report);
    assert_eq!(m.code, "x509_expired");
    assert_eq!(m.certificates, [0, 1]);
    assert!(m.cause.en.contains("#0 \"gitlab.example.com\""), "{}", m.cause.en);
}

#[test]
fn a_hostname_mismatch_says_which_names_the_leaf_has() {
    let line = "x509: certificate is valid for gitlab.example.com, not gitlab.internal\n";
    let report = report_at(NOW, &[line, LEAF]);
    let m = only(&report);
    assert!(
        m.cause.en.contains("valid for gitlab.example.com, not for \"gitlab.internal\""),
        "{}",
        m.cause.en
    );
    assert!(m.fix.en.contains("subjectAltName DNS:gitlab.internal"));
    let served = report_at(
        NOW,
        &["x509: certificate is valid for other.example.com, not gitlab.example.com\n", LEAF],
    );
    assert!(only(&served).cause.en.contains("the server sent another certificate"));
}

#[test]
fn the_mke_message_names_namespace_and_service_account_in_the_fix() {
    let line = r#"ERROR: Job failed (system failure): prepare environment: setting up build pod: pods "runner-lfnhz3za-project-1154-concurrent-0" is forbidden: non-admin user "gitlab-runner:gitlab-runner-gitlab-runner" [service account "gitlab-runner:default"]. The configured privileged attributes access for non-admin users ("[]")("[]") and for service accounts ("[]")("[]") lack required permissions to use attributes [privileged] for resource . Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information"#;
    let report = report_at(NOW, &[line]);
    let m = only(&report);
    assert_eq!(m.code, "mke_privileged_forbidden");
    assert!(m.fix.en.contains("\"gitlab-runner:gitlab-runner-gitlab-runner\""));
    assert!(m.fix.ja.contains("gitlab-runner:gitlab-runner-gitlab-runner"));
    assert!(m.excerpt.chars().count() <= super::excerpt::MAX_CHARS + 1);
}

#[test]
fn credentials_in_urls_never_reach_the_excerpt() {
    let line = "fatal: unable to access 'https://gitlab-ci-token:glcbt-SECRET123@gitlab.example.com/g/p.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none\n";
    let report = report_at(NOW, &[line]);
    let m = only(&report);
    assert_eq!(m.code, "gnutls_verification_failed");
    assert!(m.excerpt.contains("https://gitlab-ci-token:***@gitlab.example.com/"), "{}", m.excerpt);
    let json = serde_json::to_string(&report).unwrap_or_default();
    assert!(!json.contains("SECRET123"));
    assert!(m.fix.en.contains("/etc/ssl/certs/ca-certificates.crt"));
}

#[test]
fn lines_inside_a_private_key_are_never_excerpts() {
    // A key block whose body holds a message-like line must hide it, and so must a key
    // without its END line.
    let key_with_text = KEY.replacen('\n', "\nx509: certificate signed by unknown authority\n", 1);
    let report = report_at(NOW, &[&format!("{key_with_text}{RUNNER_LOG}")]);
    assert_eq!(only(&report).excerpt, "Post https://hostname.tld/api/v4/jobs/request: x509: certificate signed by unknown authority");
    let open =
        "-----BEGIN PRIVATE KEY-----\nverify error:num=20:unable to get local issuer certificate\n";
    assert!(report_at(NOW, &[open]).error_messages.is_empty());
}

#[test]
fn binary_sources_are_not_scanned() {
    let mut der = LEAF_DER.to_vec();
    der.extend_from_slice(b"\nx509: certificate signed by unknown authority\n");
    let report = analyze(
        &[Source { name: None, bytes: der }],
        &Options { now: UnixTime(NOW), ..Options::default() },
    );
    assert!(report.error_messages.is_empty());
}

#[test]
fn repeats_are_listed_once_and_the_list_is_capped() {
    let mut log = RUNNER_LOG.repeat(3);
    for i in 0..MAX_MESSAGES + 7 {
        log.push_str(&format!(
            "Get https://host{i}.example/: x509: certificate signed by unknown authority\n"
        ));
    }
    let report = report_at(NOW, &[&log]);
    assert_eq!(report.error_messages.len(), MAX_MESSAGES);
    assert!(
        report.input.notes.iter().any(|n| n.contains("2 repeated line(s)")),
        "{:?}",
        report.input.notes
    );
    assert!(
        report.input.notes.iter().any(|n| n.contains("8 more were not listed")),
        "{:?}",
        report.input.notes
    );
}

#[test]
fn every_message_has_a_documented_code_and_both_languages() {
    let log = [
        RUNNER_LOG,
        "ERROR: Failed to parse PEM in /etc/gitlab-runner/certs/gitlab.example.com.crt",
        "x509: certificate relies on legacy Common Name field, use SANs instead",
        "curl: (60) SSL certificate problem: self-signed certificate in certificate chain",
        "verify error:num=21:unable to verify the first certificate",
        "verify error:num=18:self signed certificate",
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed: x",
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1129)",
    ]
    .join("\n");
    for chain in ["", LEAF, &format!("{LEAF}{INTERMEDIATE}{ROOT}")] {
        let report = report_at(NOW, &[&log, chain]);
        assert_eq!(report.error_messages.len(), 8);
        for m in &report.error_messages {
            assert!(CODES.contains(&m.code), "{}", m.code);
            for text in [&m.meaning, &m.cause, &m.fix] {
                assert!(!text.en.is_empty() && !text.ja.is_empty(), "{}: {text:?}", m.code);
            }
        }
    }
}
