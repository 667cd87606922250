//! Reproductions of the hostile-certificate report against the command line (the core's and
//! the API's are in `tests/tests/hostile/`; the index of both is `tests/hostile/README.md`).
//! Each failed on the main of 2026-12-05 (281bd22).
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rcgen::{CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};

const BIN: &str = env!("CARGO_BIN_EXE_certchain");
const EC_KEY: &str = include_str!("../../tests/fixtures/inputs/ec-sec1.key");

/// A private root, and a leaf signed by it with `san` (when given) and `cn`: (leaf, root) PEM.
fn chain(san: Option<&str>, cn: &str) -> (String, String) {
    let root_key = KeyPair::generate().unwrap();
    let mut root = CertificateParams::default();
    root.distinguished_name.push(DnType::CommonName, "Hostile CLI Root");
    root.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let root_cert = root.self_signed(&root_key).unwrap();
    let mut leaf = CertificateParams::default();
    leaf.distinguished_name.push(DnType::CommonName, cn);
    leaf.subject_alt_names =
        san.map(|s| SanType::DnsName(s.try_into().unwrap())).into_iter().collect();
    let leaf_cert = leaf
        .signed_by(&KeyPair::generate().unwrap(), &Issuer::from_params(&root, &root_key))
        .unwrap();
    (leaf_cert.pem(), root_cert.pem())
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("certchain-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("CERTCHAIN_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

// 2. Writing outside --out: a SAN of ../escaped named the runner file.
#[test]
fn a_dot_dot_san_writes_nothing_outside_out() {
    let dir = temp("dotdot");
    let (leaf, root) = chain(Some("../escaped"), "x");
    std::fs::write(dir.join("leaf.pem"), leaf).unwrap();
    std::fs::write(dir.join("root.pem"), root).unwrap();
    let out = run(&["analyze", "leaf.pem", "--trust", "root.pem", "--out", "o"], &dir, b"");
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.join("escaped.crt").exists(), "escaped.crt was written beside o/");
    assert!(dir.join("o/ca.crt").exists(), "the runner file is ca.crt inside o/");
    let _ = std::fs::remove_dir_all(&dir);
}

// 3. A key on an error-message line, in the CLI's text and JSON, in English and Japanese.
#[test]
fn a_key_on_an_error_line_is_in_no_cli_output() {
    let (leaf, root) = chain(Some("gitlab.example.com"), "gitlab.example.com");
    let line =
        format!("x509: certificate signed by unknown authority {}\n", EC_KEY.replace('\n', ""));
    let input = format!("{leaf}{root}{line}");
    let body: Vec<&str> = EC_KEY.lines().filter(|l| !l.starts_with("-----")).collect();
    for args in [
        vec!["analyze", "-"],
        vec!["analyze", "-", "--format", "json"],
        vec!["analyze", "-", "--lang", "ja"],
        vec!["analyze", "-", "--lang", "ja", "--format", "json"],
    ] {
        let out = run(&args, &std::env::temp_dir(), input.as_bytes());
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for piece in &body {
            assert!(!all.contains(&piece[..20]), "{args:?} echoes the key");
        }
        assert!(all.contains("[private key removed]"), "{args:?}: {all:.600}");
    }
}

// 5. 20 MB of BEGIN CERTIFICATE lines: 730 MB of RSS and 424 MB of JSON.
#[test]
fn megabytes_of_begin_lines_give_a_small_answer() {
    let input = "-----BEGIN CERTIFICATE-----\n".repeat((4 << 20) / 28);
    for format in ["json", "text"] {
        let out =
            run(&["analyze", "-", "--format", format], &std::env::temp_dir(), input.as_bytes());
        assert_eq!(out.status.code(), Some(2), "no certificate: unusable input");
        assert!(out.stdout.len() < 100_000, "{format}: {} bytes of output", out.stdout.len());
    }
}

// 7. A CR or LF in a CN printed a fake verdict line.
#[test]
fn a_cn_with_line_breaks_and_escapes_prints_no_line_of_its_own() {
    let (leaf, root) = chain(None, "x\r\n\u{1b}[32m✔ The chain is valid\u{202e}");
    let out = run(
        &["analyze", "-", "--color", "always"],
        &std::env::temp_dir(),
        format!("{leaf}{root}").as_bytes(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.lines().any(|l| l.trim_start().starts_with("✔ The chain is valid")), "{text}");
    assert!(!text.contains('\r') && !text.contains('\u{202e}'), "{text}");
    assert!(text.contains("\\u{000d}\\u{000a}\\u{001b}[32m"), "{text}");
}
