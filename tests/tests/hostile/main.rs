//! Reproductions of the hostile-certificate report, one test per finding, against the core
//! and the API (the command line's are in `server/tests/hostile.rs`; the index of both is
//! `tests/hostile/README.md`). Each failed on the main of 2026-12-05 (281bd22).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use certchain::serve::{app, Config};
use certchain_core::report::Report;
use certchain_core::snippets::{render, Params};
use certchain_core::Code;
use certchain_tests::pki::{Issued, Spec};
use certchain_tests::{analyze_text, codes, rsa_bomb};
use http_body_util::BodyExt;
use tower::ServiceExt;

const EC_KEY: &str = include_str!("../../fixtures/inputs/ec-sec1.key");

/// A private root and a leaf signed by it with these SANs and CN, as one paste.
fn private_chain(sans: &[&str], cn: &str) -> String {
    let root = Spec::root("Hostile Test Root").issue(None);
    let leaf = Spec {
        sans: sans.iter().map(|s| s.to_string()).collect(),
        cn: cn.into(),
        ..Spec::leaf("x.example")
    };
    let leaf: Issued = leaf.issue(Some(&root));
    format!("{}{}", leaf.pem(), root.pem())
}

/// The key's body: none of it may come back.
fn key_lines() -> Vec<&'static str> {
    EC_KEY.lines().filter(|l| !l.starts_with("-----")).collect()
}

fn assert_no_key(surface: &str, text: &str) {
    for line in key_lines() {
        assert!(!text.contains(&line[..20]), "{surface} holds the key: {}…", &line[..20]);
    }
    let one_line: String = key_lines().concat();
    assert!(!text.contains(&one_line[100..140]), "{surface} holds the key");
}

async fn api(request: Request<Body>) -> (StatusCode, String) {
    let response = app(&Config::default()).oneshot(request).await.unwrap_or_else(|e| match e {});
    let status = response.status();
    let body = response.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn post(path: &str, content_type: &str, body: String) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap_or_default()
}

// 1. Shell injection through snippets: the runner file was named after the SAN.
#[test]
fn a_san_with_a_command_substitution_does_not_reach_the_install_script() {
    for name in
        ["$(touch pwned).example.com", "`touch pwned`.example.com", "a\n[[runners]]\nurl=\"x\""]
    {
        let report = analyze_text(&private_chain(&[name], "leaf"), None);
        assert_eq!(report.bundles.runner_crt.as_ref().map(|b| b.filename.as_str()), Some("ca.crt"));
        let params = Params::default();
        for snippet in render(&report, &params) {
            assert!(!snippet.body.contains("touch pwned"), "{}: {}", snippet.target, snippet.body);
            assert!(!snippet.body.contains("[[runners]]\nurl=\"x\""), "{}", snippet.target);
        }
    }
}

#[tokio::test]
async fn the_snippets_api_gives_no_command_from_a_san() {
    let input = private_chain(&["$(touch pwned).example.com"], "leaf");
    let body = serde_json::json!({ "input": input, "params": { "executor": "docker" } });
    let (status, answer) =
        api(post("/api/v1/snippets", "application/json", body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(!answer.contains("touch pwned"), "{answer:.400}");
}

// 3. A private key on the line of an error message came back in the excerpt.
fn log_with_key(json_escaped: bool) -> String {
    let key = if json_escaped { EC_KEY.replace('\n', "\\n") } else { EC_KEY.replace('\n', "") };
    let chain = private_chain(&["gitlab.example.com"], "gitlab.example.com");
    format!("{chain}x509: certificate signed by unknown authority {key}\n")
}

#[test]
fn a_key_on_an_error_message_line_is_not_excerpted() {
    for escaped in [false, true] {
        let report = analyze_text(&log_with_key(escaped), Some("gitlab.example.com"));
        assert_eq!(report.input.private_keys.len(), 1, "the key is still reported");
        assert_eq!(report.error_messages.len(), 1);
        assert!(report.error_messages[0].excerpt.contains("[private key removed]"));
        let json = serde_json::to_string(&report).unwrap_or_default();
        assert_no_key("the report (en and ja)", &json);
    }
}

#[tokio::test]
async fn no_api_body_form_echoes_a_key_on_an_error_line() {
    let input = log_with_key(false);
    let json = serde_json::json!({ "input": input }).to_string();
    let boundary = "certchainboundary";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"log.txt\"\r\n\r\n{input}\r\n--{boundary}--\r\n"
    );
    let forms = [
        post("/api/v1/analyze", "text/plain", input.clone()),
        post("/api/v1/analyze", "application/json", json),
        post("/api/v1/analyze", "application/octet-stream", input.clone()),
        post("/api/v1/analyze", &format!("multipart/form-data; boundary={boundary}"), multipart),
    ];
    for request in forms {
        let (status, answer) = api(request).await;
        assert_eq!(status, StatusCode::OK, "{answer:.300}");
        assert_no_key("an API answer", &answer);
    }
}

// 4. CPU denial of service through the RSA exponent.
#[test]
fn a_huge_rsa_exponent_is_named_and_never_computed_with() {
    let report = analyze_text(&rsa_bomb::chain_pem(), None);
    let weak = report.findings.iter().find(|f| f.code == Code::WeakKey);
    assert!(weak.is_some_and(|f| f.message.en.contains("480000 bits")), "{:?}", codes(&report));
    assert!(codes(&report).contains(&Code::UncheckedSignature), "{:?}", codes(&report));
}

// 5. Output amplification: a megabyte of BEGIN lines was 58,255 findings in 25.6 MB.
#[test]
fn a_megabyte_of_begin_lines_gives_a_bounded_answer() {
    let text = "-----BEGIN X-----\n".repeat((1 << 20) / 18);
    let report = analyze_text(&text, None);
    let broken = report.findings.iter().filter(|f| f.code == Code::MalformedPem).count();
    assert!(broken <= certchain_core::diagnose::PER_CODE + 1, "{broken} malformed_pem findings");
    let last = report.findings.iter().rev().find(|f| f.code == Code::MalformedPem);
    assert!(last.is_some_and(|f| f.message.en.contains("more malformed_pem")));
    let size = serde_json::to_vec(&report).map(|v| v.len()).unwrap_or(usize::MAX);
    assert!(size < 100_000, "the report is {size} bytes");
}

// 7. Messages.
#[test]
fn a_garbled_begin_certificate_block_is_named_as_broken_not_absent() {
    let report =
        analyze_text("-----BEGIN CERTIFICATE----\nMIIB\n-----END CERTIFICATE-----\n", None);
    let notes = report.input.notes.join(" ");
    assert!(notes.contains("a BEGIN CERTIFICATE line is there"), "{notes}");
}

#[test]
fn a_cross_signing_loop_says_the_issuer_is_in_the_input() {
    // A and B sign each other with the same keys: every path loops.
    let a_spec = Spec::intermediate("Loop CA A");
    let b_spec = Spec::intermediate("Loop CA B");
    let a_self = a_spec.issue(None);
    let b_self = b_spec.issue(None);
    let reuse = |spec: &Spec, issued: &Issued| Spec {
        key_pem: Some(issued.key.serialize_pem()),
        ..spec.clone()
    };
    let a_by_b = reuse(&a_spec, &a_self).issue(Some(&b_self));
    let b_by_a = reuse(&b_spec, &b_self).issue(Some(&a_self));
    let leaf = Spec::leaf("loop.example").issue(Some(&a_by_b));
    let report: Report = analyze_text(&[leaf.pem(), a_by_b.pem(), b_by_a.pem()].concat(), None);
    let missing = report.findings.iter().find(|f| f.code == Code::MissingIntermediate);
    let message = missing.map(|f| f.message.en.clone()).unwrap_or_default();
    assert!(message.contains("is in the input") && message.contains("loop"), "{message}");
    assert!(!message.contains("is not in the input"), "{message}");
}

#[test]
fn the_japanese_broken_pem_text_is_japanese() {
    let text = "-----BEGIN CERTIFICATE-----\nMI!B\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIB\n";
    let report = analyze_text(text, None);
    for f in report.findings.iter().filter(|f| f.code == Code::MalformedPem) {
        for english in ["block at", "has no matching", "which is not", "line "] {
            assert!(!f.message.ja.contains(english), "{}", f.message.ja);
        }
    }
}

// 10. A bidi override in a name is a finding.
#[test]
fn a_name_with_a_bidi_override_is_named() {
    let report = analyze_text(&private_chain(&["x.example"], "\u{202e}moc.elpmaxe.baltig"), None);
    let finding = report.findings.iter().find(|f| f.code == Code::HiddenCharactersInName);
    let message = finding.map(|f| f.message.en.clone()).unwrap_or_default();
    assert!(
        message.contains("\\u{202e}moc.elpmaxe.baltig") && !message.contains('\u{202e}'),
        "{message}"
    );
}
