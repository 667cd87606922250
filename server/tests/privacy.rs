//! A private key in the input never comes back out, whatever its form and whatever the
//! surface: the report (and its bundles), the snippets, the CLI's text, JSON and `--out`
//! files, and the API's answers. It is reported by its type instead. (The service's logs are
//! covered by serve.rs, which feeds a key to the real process; the web app's URL fragment is
//! `input::without_private_keys`, checked here for every form and in the browser tests.)
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use certchain::serve::{app, Config};
use certchain_core::snippets::{self, Params};
use certchain_core::{analyze, input, Code, Options, Source, UnixTime};
use http_body_util::BodyExt;
use tower::ServiceExt;

const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/inputs");
const BIN: &str = env!("CARGO_BIN_EXE_certchain");
const URL: &str = "https://gitlab.example.com:8443/";

/// Every key form, as a fixture, and the type certchain must name it by.
const KEYS: [(&str, &str); 7] = [
    ("leaf.key", "PKCS#8"),
    ("leaf-encrypted-pkcs8.key", "encrypted PKCS#8"),
    ("leaf-rsa-pkcs1.key", "RSA (PKCS#1)"),
    ("leaf-rsa-encrypted.key", "encrypted RSA (PKCS#1)"),
    ("ec-sec1.key", "EC (SEC1)"),
    ("paste-with-openssh-key.txt", "OpenSSH"),
    ("pkcs12-with-key.txt", "PKCS#8"),
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{INPUTS}/{name}")).unwrap()
}

/// The chain with the key pasted between the leaf and the rest.
fn input_with(key_fixture: &str) -> String {
    let chain = fixture("fullchain.pem");
    let split = chain.find("-----END CERTIFICATE-----\n").unwrap() + 26;
    format!("{}{}{}", &chain[..split], fixture(key_fixture), &chain[split..])
}

/// The key material: every base64 or header line inside the fixture's key blocks.
fn secrets(key_fixture: &str) -> Vec<String> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in fixture(key_fixture).lines().map(str::trim) {
        if line.starts_with("-----BEGIN") && line.contains("PRIVATE KEY") {
            inside = true;
        } else if line.starts_with("-----END") {
            inside = false;
        } else if inside && line.len() >= 16 {
            out.push(line.to_string());
        }
    }
    assert!(!out.is_empty(), "{key_fixture} holds no key lines");
    out
}

fn assert_clean(surface: &str, key_fixture: &str, output: &str) {
    for line in secrets(key_fixture) {
        assert!(!output.contains(&line), "{surface} echoes a line of {key_fixture}: {line:.20}…");
    }
}

#[test]
fn the_report_its_bundles_and_the_snippets_hold_no_key_and_name_its_type() {
    for (name, kind) in KEYS {
        let options = Options {
            now: UnixTime(1_795_305_600),
            host: Some(URL.to_string()),
            trust: vec![Source::text(&fixture("root.pem"))],
            ..Options::default()
        };
        let report = analyze(&[Source::text(&input_with(name))], &options);
        let kinds: Vec<&str> = report.input.private_keys.iter().map(|k| k.kind.as_str()).collect();
        assert_eq!(kinds, [kind], "{name}");
        assert!(report.findings.iter().any(|f| f.code == Code::PrivateKeyInBundle), "{name}");
        assert!(report.bundles.fullchain.is_some(), "{name}: the chain is still analysed");
        assert_clean("the report", name, &serde_json::to_string(&report).unwrap());
        for snippet in snippets::render(&report, &Params::default()) {
            assert_clean(snippet.target, name, &format!("{} {:?}", snippet.body, snippet.notes));
        }
        assert_clean("the permalink text", name, &input::without_private_keys(&input_with(name)));
    }
}

fn run_cli(args: &[&str], file: &Path) -> String {
    let out = Command::new(BIN).args(args).arg(file).output().unwrap();
    // 0: a valid chain, 1: findings to fix (this private chain is not trusted); 2 is misuse.
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "certchain {args:?}: {code:?} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn files_under(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            all += &files_under(&path);
        } else {
            all += &std::fs::read_to_string(&path).unwrap_or_default();
        }
    }
    all
}

#[test]
fn the_cli_prints_and_writes_no_key() {
    let dir = std::env::temp_dir().join(format!("certchain-privacy-{}", std::process::id()));
    for (name, kind) in KEYS {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("input.txt");
        std::fs::write(&file, input_with(name)).unwrap();
        let out = dir.join("out");
        let out_arg = out.to_str().unwrap();
        let text = run_cli(&["analyze", "--host", URL, "--out", out_arg], &file);
        assert!(text.contains(kind), "{name}: the text names the key's type");
        let json = run_cli(&["analyze", "--host", URL, "--format", "json"], &file);
        let snippets = run_cli(&["snippets", "--host", URL, "--out", out_arg], &file);
        let snippets_json = run_cli(&["snippets", "--host", URL, "--format", "json"], &file);
        for (surface, output) in [
            ("analyze text", text),
            ("analyze json", json),
            ("snippets text", snippets),
            ("snippets json", snippets_json),
            ("--out files", files_under(&out)),
        ] {
            assert_clean(surface, name, &output);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

async fn answer(request: Request<Body>) -> (StatusCode, String) {
    let response = app(&Config::default()).oneshot(request).await.unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn the_api_answers_hold_no_key() {
    for (name, kind) in KEYS {
        let input = input_with(name);
        let raw = Request::post(format!("/api/v1/analyze?host={URL}"))
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from(input.clone()))
            .unwrap();
        let (status, report) = answer(raw).await;
        assert_eq!(status, StatusCode::OK, "{name}: {report}");
        assert!(report.contains(&format!("\"kind\":\"{kind}\"")), "{name}: {report:.300}");
        assert_clean("POST analyze", name, &report);
        let body = serde_json::json!({ "input": input, "host": URL }).to_string();
        let json = Request::post("/api/v1/snippets")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        let (status, snippets) = answer(json).await;
        assert_eq!(status, StatusCode::OK, "{name}: {snippets}");
        assert_clean("POST snippets", name, &snippets);
    }
}
