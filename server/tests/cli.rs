//! `certchain analyze` end to end: the real binary on the real fixtures of
//! tests/fixtures/inputs (made with OpenSSL by their make.sh), always evaluated at
//! 2026-11-22T00:00:00Z. Exit codes, stdin, output formats, colours, languages, `--out`, and
//! that a private key in the input is never echoed.
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256};

const BIN: &str = env!("CARGO_BIN_EXE_certchain");
const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/inputs");
const NOW: &str = "2026-11-22T00:00:00Z";
const HOST: &str = "gitlab.example.com";

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// `certchain ARGS` run in the fixture folder, with `stdin` piped in (or an empty stdin), and
/// no environment that changes the output.
fn certchain(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(INPUTS)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in ["CERTCHAIN_HOST", "CERTCHAIN_LANG", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{BIN}: {e}"));
    if let Some(bytes) = stdin {
        // The binary reads all of stdin before it writes: no deadlock on small inputs.
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or_else(|| panic!("{args:?} was killed")),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{args:?} panicked:\n{}", run.stderr);
    run
}

/// `certchain analyze ARGS --now NOW`.
fn analyze(args: &[&str]) -> Run {
    analyze_stdin(args, None)
}

/// `certchain analyze ARGS --now NOW` with `stdin`.
fn analyze_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--now", NOW]);
    certchain(&all, stdin)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{INPUTS}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a DER fixture, computed here (not by certchain).
fn der_sha256(name: &str) -> String {
    sha256_hex(&fixture(name))
}

/// The SHA-256 of each `CERTIFICATE` block of a PEM text, in order.
fn pem_sha256s(pem: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut body: Option<String> = None;
    for line in pem.lines().map(str::trim) {
        if line == "-----BEGIN CERTIFICATE-----" {
            body = Some(String::new());
        } else if line == "-----END CERTIFICATE-----" {
            let b64 = body.take().expect("END without BEGIN");
            let der = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
            hashes.push(sha256_hex(&der));
        } else if let Some(b) = body.as_mut() {
            b.push_str(line);
        }
    }
    assert!(body.is_none(), "BEGIN without END in\n{pem}");
    hashes
}

/// The `sha256` of every certificate of a JSON report, in input order.
fn report_sha256s(report: &Value) -> Vec<String> {
    report["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["sha256"].as_str().unwrap().to_string())
        .collect()
}

fn chain(report: &Value) -> Vec<u64> {
    report["chain"].as_array().unwrap().iter().map(|i| i.as_u64().unwrap()).collect()
}

fn has_error_finding(report: &Value) -> bool {
    report["findings"].as_array().unwrap().iter().any(|f| f["severity"] == "error")
}

/// A fresh directory under the system temp dir, removed when dropped (also on failure).
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("certchain-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Self(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn str(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn read(&self, name: &str) -> String {
        let path = self.0.join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ---- exit codes ----

#[test]
fn private_chain_trusted_with_its_root_exits_0() {
    let run =
        analyze(&["fullchain.pem", "--trust", "root.pem", "--host", HOST, "--color", "never"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with('✔'), "{}", run.stdout);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn private_chain_without_its_root_exits_1() {
    let run = analyze(&["fullchain.pem", "--host", HOST, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(has_error_finding(&run.json()));
}

#[test]
fn error_findings_exit_1() {
    let run = analyze(&["s_client-leaf-only.txt", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert!(has_error_finding(&report), "{}", report["findings"]);
    assert_eq!(report["valid"], false);
}

/// The exit code follows the findings: 0 exactly when no finding is an error.
#[test]
fn exit_code_is_1_exactly_when_a_finding_is_an_error() {
    let cases: &[&[&str]] = &[
        &["fullchain.pem", "--trust", "root.pem"],
        &["fullchain.pem"],
        &["chain.p7b", "--trust", "root.pem"],
        &["s_client-showcerts.txt"],
        &["s_client-leaf-only.txt"],
        &["root.der", "leaf.der", "intermediate.der"],
        &["leaf.der", "--trust", "root.pem"],
    ];
    for args in cases {
        let args: Vec<&str> =
            args.iter().copied().chain(["--host", HOST, "--format", "json"]).collect();
        let run = analyze(&args);
        let expected = if has_error_finding(&run.json()) { 1 } else { 0 };
        assert_eq!(run.code, expected, "{args:?}: {}", run.json()["findings"]);
    }
}

/// The file is named as given (not capitalised), stdin as "standard input".
#[test]
fn no_certificate_names_the_file_as_given_and_stdin_in_words() {
    let run = analyze(&["make.sh", "--color", "never"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("No certificate found in make.sh ("), "{}", run.stdout);
    let run = analyze_stdin(&["-", "--color", "never"], Some(b""));
    assert!(run.stdout.contains("There is nothing in standard input."), "{}", run.stdout);
    let run = analyze_stdin(&["-", "--lang", "ja"], Some(b""));
    assert!(run.stderr.contains("使える入力がありません: 入力に証明書が"), "{}", run.stderr);
}

#[test]
fn prose_without_a_certificate_exits_2() {
    let prose = b"Hi, the runner says x509: certificate signed by unknown authority. Any idea?\n";
    let run = analyze_stdin(&["-"], Some(prose));
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("unusable input"), "{}", run.stderr);
}

/// A GitLab Runner log (seed 000, the runner's documentation, verbatim) with a token in a
/// clone URL.
const RUNNER_LOG: &str = "Couldn't execute POST against https://hostname.tld/api/v4/jobs/request:\n\
     Post https://hostname.tld/api/v4/jobs/request: x509: certificate signed by unknown authority\n\
     fatal: unable to access 'https://gitlab-ci-token:glcbt-TOKEN42@hostname.tld/g/p.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none\n";

#[test]
fn a_runner_log_alone_is_explained_and_still_exits_2() {
    let run = analyze_stdin(&["-", "--color", "never"], Some(RUNNER_LOG.as_bytes()));
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("Error messages (2)"), "{}", run.stdout);
    assert!(run.stdout.contains("x509_unknown_authority  line 2"), "{}", run.stdout);
    assert!(run.stdout.contains("gnutls_verification_failed  line 3"), "{}", run.stdout);
    assert!(run.stdout.contains("openssl s_client -showcerts -connect hostname.tld:443"));
    assert!(run.stdout.contains("snippets: runner-certs-dir, runner-config-toml"));
    assert!(run.stdout.contains("gitlab-ci-token:***@hostname.tld"), "{}", run.stdout);
    assert!(!run.stdout.contains("TOKEN42"));
    let json = analyze_stdin(&["-", "--format", "json"], Some(RUNNER_LOG.as_bytes())).json();
    let codes: Vec<&str> = json["error_messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["x509_unknown_authority", "gnutls_verification_failed"]);
}

#[test]
fn a_runner_log_with_the_chain_names_the_private_root_in_japanese() {
    let log = std::env::temp_dir().join(format!("certchain-runner-{}.log", std::process::id()));
    std::fs::write(&log, RUNNER_LOG).unwrap();
    let log_path = log.to_str().unwrap();
    let run = analyze(&[log_path, "fullchain.pem", "root.pem", "--lang", "ja", "--color", "never"]);
    std::fs::remove_file(&log).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("エラーメッセージ (2)"), "{}", run.stdout);
    assert!(run.stdout.contains("入力 1 の 2 行目"), "{}", run.stdout);
    assert!(
        run.stdout.contains("プライベート CA #2 \"Example Private Root CA\""),
        "{}",
        run.stdout
    );
}

#[test]
fn x509_text_noout_dump_exits_2_with_an_empty_report() {
    let run = analyze(&["x509-text-noout.txt", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["kind"], "empty");
    assert_eq!(report["certificates"].as_array().unwrap().len(), 0);
    assert!(run.stderr.contains("unusable input"), "{}", run.stderr);
}

#[test]
fn missing_file_exits_2_and_names_the_file() {
    let run = analyze(&["fullchain.pem", "does-not-exist.pem"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does-not-exist.pem"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn missing_trust_file_exits_2_and_names_the_file() {
    let run = analyze(&["fullchain.pem", "--trust", "no-such-root.pem"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-root.pem"), "{}", run.stderr);
}

#[test]
fn bad_now_is_a_usage_error() {
    let run = certchain(&["analyze", "fullchain.pem", "--now", "yesterday"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--now"), "{}", run.stderr);
    assert!(run.stderr.contains("yesterday"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// A host that is not one is refused, not dropped (which would turn the host check off).
#[test]
fn bad_host_is_a_usage_error() {
    for (host, why) in [
        ("gitlab example.com", "is not a host name"),
        ("https://gitlab.example.com:8443:9/", "is not a host name"),
        ("gitlab.example.com:99999", "from 1 to 65535"),
    ] {
        let run = analyze(&["fullchain.pem", "--host", host]);
        assert_eq!(run.code, 2, "{host}");
        assert!(run.stderr.contains("--host") && run.stderr.contains(why), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    // An empty host (CERTCHAIN_HOST= in a CI template) is no host, not an error.
    let run = analyze(&["fullchain.pem", "--host", "", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.json().get("host").is_none_or(|h| h.is_null()), "{}", run.stdout);
}

// ---- input ----

#[test]
fn dash_and_no_arguments_both_read_stdin() {
    let expected = report_sha256s(&analyze(&["fullchain.pem", "--format", "json"]).json());
    assert_eq!(expected.len(), 2);
    let pem = fixture("fullchain.pem");
    for args in [&["-", "--format", "json"][..], &["--format", "json"][..]] {
        let run = analyze_stdin(args, Some(&pem));
        let report = run.json();
        assert_eq!(report_sha256s(&report), expected, "{args:?}");
        assert_eq!(report["input"]["sources"], 1, "{args:?}");
        assert_eq!(report["certificates"][0]["subject"], "CN=gitlab.example.com", "{args:?}");
    }
}

#[test]
fn several_files_are_read_as_one_input() {
    let names = ["leaf.der", "intermediate.der", "root.der"];
    let run = analyze(&[names[0], names[1], names[2], "--host", HOST, "--format", "json"]);
    let report = run.json();
    assert_eq!(report["input"]["sources"], 3);
    let expected: Vec<String> = names.iter().map(|n| der_sha256(n)).collect();
    assert_eq!(report_sha256s(&report), expected);
    assert_eq!(chain(&report), vec![0, 1, 2]);
}

#[test]
fn files_in_the_wrong_order_are_put_in_chain_order() {
    let run = analyze(&["root.der", "leaf.der", "intermediate.der", "--format", "json"]);
    let report = run.json();
    assert_eq!(report_sha256s(&report).len(), 3);
    assert_eq!(chain(&report), vec![1, 2, 0]);
}

// ---- JSON ----

#[test]
fn json_report_has_the_documented_fields() {
    let run =
        analyze(&["fullchain.pem", "--trust", "root.pem", "--host", HOST, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert!(report["valid"].is_boolean());
    assert!(report["kind"].is_string());
    assert_eq!(report["kind"], "server_chain");
    for field in ["certificates", "chain", "paths", "findings"] {
        assert!(report[field].is_array(), "{field}: {}", report[field]);
    }
    for field in ["trust", "bundles", "input"] {
        assert!(report[field].is_object(), "{field}: {}", report[field]);
    }
    assert_eq!(report["valid"], true);
    assert_eq!(report["host"], HOST);
    assert_eq!(report["now"], NOW);
}

/// `certificates[i].sha256` is the SHA-256 of the DER, whatever form the certificate came in.
#[test]
fn certificate_sha256_is_the_sha256_of_the_der() {
    let expected = vec![der_sha256("leaf.der"), der_sha256("intermediate.der")];
    for input in ["fullchain.pem", "glued.pem", "s_client-showcerts.txt", "pkcs12-nokeys.txt"] {
        let report = analyze(&[input, "--format", "json"]).json();
        assert_eq!(report_sha256s(&report), expected, "{input}");
    }
    let report = analyze(&["chain.p7b", "--format", "json"]).json();
    let mut three = expected.clone();
    three.push(der_sha256("root.der"));
    assert_eq!(report_sha256s(&report), three, "chain.p7b");
}

// ---- text, colours, languages ----

#[test]
fn color_never_writes_no_escape() {
    let run = analyze(&["s_client-leaf-only.txt", "--color", "never"]);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
    assert!(run.stdout.contains("missing_intermediate") || run.stdout.contains("Findings"));
}

#[test]
fn color_auto_writes_no_escape_into_a_pipe() {
    let run = analyze(&["s_client-leaf-only.txt"]);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
}

#[test]
fn color_always_writes_ansi_escapes() {
    let run = analyze(&["s_client-leaf-only.txt", "--color", "always"]);
    assert!(run.stdout.contains("\x1b["), "{:?}", run.stdout);
}

#[test]
fn json_is_never_coloured() {
    let run = analyze(&["s_client-leaf-only.txt", "--format", "json", "--color", "always"]);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
    run.json();
}

fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| c > '\u{3000}')
}

#[test]
fn lang_ja_writes_japanese() {
    let args = ["s_client-leaf-only.txt", "--color", "never"];
    let en = analyze(&args);
    assert!(!is_japanese(&en.stdout), "{}", en.stdout);
    let ja = analyze(&[args[0], args[1], args[2], "--lang", "ja"]);
    assert!(is_japanese(&ja.stdout), "{}", ja.stdout);
    assert_eq!(ja.code, en.code);
}

/// An expired certificate's line says when it expired, not a negative number of days left.
#[test]
fn an_expired_certificate_is_listed_as_expired() {
    let late = "2099-01-01T00:00:00Z";
    let run = certchain(&["analyze", "fullchain.pem", "--now", late, "--color", "never"], None);
    assert!(run.stdout.contains(" expired 20"), "{}", run.stdout);
    assert!(!run.stdout.contains("(-"), "{}", run.stdout);
    let ja = certchain(&["analyze", "fullchain.pem", "--now", late, "--lang", "ja"], None);
    assert!(ja.stdout.contains(" に期限切れ"), "{}", ja.stdout);
}

// ---- --out ----

/// Wrong order in, root included: the files are rebuilt in chain order from the right
/// certificates.
#[test]
fn out_writes_the_recommended_files() {
    let dir = TempDir::new("out");
    let run =
        analyze(&["root.der", "leaf.der", "intermediate.der", "--host", HOST, "--out", dir.str()]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let (leaf, intermediate, root) =
        (der_sha256("leaf.der"), der_sha256("intermediate.der"), der_sha256("root.der"));

    let fullchain = pem_sha256s(&dir.read("fullchain.pem"));
    assert_eq!(fullchain, vec![leaf.clone(), intermediate.clone()], "leaf, then intermediate");

    let ca_bundle = pem_sha256s(&dir.read("ca-bundle.pem"));
    assert!(!ca_bundle.contains(&leaf), "the CA bundle has the leaf");
    assert!(ca_bundle.contains(&intermediate) && ca_bundle.contains(&root), "{ca_bundle:?}");

    let runner = pem_sha256s(&dir.read("gitlab.example.com.crt"));
    assert!(!runner.contains(&leaf), "the runner file has the leaf");
    assert!(runner.contains(&root), "the runner file lacks the private root");

    for name in ["fullchain.pem", "ca-bundle.pem", "gitlab.example.com.crt"] {
        assert!(run.stderr.contains(name), "stderr does not say it wrote {name}: {}", run.stderr);
    }
}

/// A trust store is handed back without its expired roots (four at NOW in Debian's
/// bundle of 144), and the text lists the first 50 of its certificates, not all 140.
#[test]
fn out_writes_a_trust_store_without_its_expired_roots() {
    let dir = TempDir::new("out-store");
    let run = analyze(&["../bench/debian-ca-certificates.crt", "--out", dir.str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let store = dir.read("ca-bundle.pem");
    assert_eq!(store.matches("-----BEGIN CERTIFICATE-----").count(), 140);
    let baltimore = "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ";
    assert!(!store.contains(baltimore), "the expired Baltimore root was kept");
    assert!(run.stdout.contains(", … (90 more))"), "{}", run.stdout);
}

/// The chain without its root, trusted with `--trust`: the runner file still never holds the
/// leaf, and the full chain never holds a root.
#[test]
fn out_with_a_trusted_root_keeps_the_leaf_out_of_the_ca_files() {
    let dir = TempDir::new("out-trusted");
    let run =
        analyze(&["fullchain.pem", "--trust", "root.pem", "--host", HOST, "--out", dir.str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The files list counts the root that came from --trust (it has no input index).
    assert!(run.stdout.contains("ca-bundle.pem (#1, the --trust CA)"), "{}", run.stdout);
    let (leaf, intermediate, root) =
        (der_sha256("leaf.der"), der_sha256("intermediate.der"), der_sha256("root.der"));
    assert_eq!(pem_sha256s(&dir.read("fullchain.pem")), vec![leaf.clone(), intermediate]);
    let runner = pem_sha256s(&dir.read("gitlab.example.com.crt"));
    assert!(!runner.is_empty());
    assert!(!runner.contains(&leaf), "the runner file has the leaf");
    assert!(!pem_sha256s(&dir.read("fullchain.pem")).contains(&root));
}

/// The files certchain writes are what OpenSSL itself accepts: `openssl verify` with the
/// runner file as CA file and the full chain as untrusted intermediates verifies the leaf.
#[test]
fn out_files_verify_with_openssl() {
    let dir = TempDir::new("out-openssl");
    let run = analyze(&[
        "s_client-showcerts.txt",
        "--trust",
        "root.pem",
        "--host",
        HOST,
        "--out",
        dir.str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ca = format!("{}/gitlab.example.com.crt", dir.str());
    let chain = format!("{}/fullchain.pem", dir.str());
    let leaf = format!("{INPUTS}/leaf.pem");
    let out = Command::new("openssl")
        .args([
            "verify",
            "-x509_strict",
            "-purpose",
            "sslserver",
            "-CAfile",
            &ca,
            "-untrusted",
            &chain,
            &leaf,
        ])
        .output()
        .unwrap_or_else(|e| panic!("openssl (installed by cargo xtask setup): {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains(": OK"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn host_given_as_a_url_is_accepted() {
    let dir = TempDir::new("host-url");
    let url = "https://gitlab.example.com:8443/path";
    let run = analyze(&[
        "fullchain.pem",
        "--trust",
        "root.pem",
        "--host",
        url,
        "--format",
        "json",
        "--out",
        dir.str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["host"], HOST);
    assert_eq!(report["bundles"]["runner_crt"]["filename"], "gitlab.example.com.crt");
    assert!(dir.path().join("gitlab.example.com.crt").is_file());
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().all(|f| !f.contains("8443")), "{files:?}");
}

// ---- private keys ----

/// The base64 lines of a PEM private key (armor lines left out).
fn key_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("-----BEGIN") && line.contains("PRIVATE KEY") {
            inside = true;
        } else if line.starts_with("-----END") {
            inside = false;
        } else if inside && !line.is_empty() {
            lines.push(line.to_string());
        }
    }
    lines
}

/// Pieces of the base64 of the key as a YAML value (`tls.key: LS0t...`), past its header.
fn yaml_key_pieces(text: &str, key: &str) -> Vec<String> {
    let value = text
        .lines()
        .find_map(|l| l.trim().strip_prefix(key))
        .unwrap_or_else(|| panic!("no {key}"))
        .trim()
        .to_string();
    let chars: Vec<char> = value.chars().collect();
    chars.chunks(64).skip(1).filter(|c| c.len() >= 16).map(|c| c.iter().collect()).collect()
}

/// Every secret that must never come out of certchain.
fn secrets() -> Vec<String> {
    let leaf_key = String::from_utf8(fixture("leaf.key")).unwrap();
    let mut secrets = key_lines(&leaf_key);
    assert!(secrets.len() > 20, "leaf.key has {} lines", secrets.len());
    let openssh = String::from_utf8(fixture("paste-with-openssh-key.txt")).unwrap();
    secrets.extend(key_lines(&openssh));
    let secret = String::from_utf8(fixture("secret.yaml")).unwrap();
    secrets.extend(yaml_key_pieces(&secret, "tls.key:"));
    let kubeconfig = String::from_utf8(fixture("kubeconfig.yaml")).unwrap();
    secrets.extend(yaml_key_pieces(&kubeconfig, "client-key-data:"));
    secrets
}

fn assert_no_secret(what: &str, output: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(!output.contains(secret.as_str()), "{what} echoes key material {secret:?}");
    }
    assert!(!output.contains("PRIVATE KEY-----"), "{what} echoes a key's armor");
}

#[test]
fn a_private_key_in_the_input_is_never_echoed() {
    let secrets = secrets();
    let inputs = [
        "bundle-with-key.pem",
        "pkcs12-with-key.txt",
        "secret.yaml",
        "kubeconfig.yaml",
        "paste-with-openssh-key.txt",
    ];
    let variants: &[&[&str]] = &[
        &["--format", "json"],
        &["--format", "text", "--color", "never"],
        &["--format", "text", "--color", "always", "--lang", "ja"],
    ];
    for input in inputs {
        let raw = String::from_utf8(fixture(input)).unwrap();
        assert!(secrets.iter().any(|s| raw.contains(s.as_str())), "{input} holds no known key");
        for variant in variants {
            let mut args = vec![input, "--host", HOST];
            args.extend_from_slice(variant);
            let run = analyze(&args);
            assert_ne!(run.code, 2, "{args:?}: {}", run.stderr);
            assert_no_secret(&format!("stdout of {args:?}"), &run.stdout, &secrets);
            assert_no_secret(&format!("stderr of {args:?}"), &run.stderr, &secrets);
        }
        let run = analyze_stdin(&["-", "--format", "json"], Some(&fixture(input)));
        assert_no_secret(&format!("stdout of {input} on stdin"), &run.stdout, &secrets);
    }
}

#[test]
fn a_private_key_in_the_input_never_reaches_the_written_files() {
    let secrets = secrets();
    for input in ["bundle-with-key.pem", "pkcs12-with-key.txt", "secret.yaml"] {
        let dir = TempDir::new(&format!("key-{input}"));
        let run = analyze(&[input, "--host", HOST, "--out", dir.str()]);
        assert_ne!(run.code, 2, "{input}: {}", run.stderr);
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert_no_secret(&format!("{input} -> {}", path.display()), &text, &secrets);
        }
    }
}

/// `certchain snippets ARGS` at the fixed time.
fn snippets(args: &[&str]) -> Run {
    let mut full = vec!["snippets", "--now", NOW];
    full.extend_from_slice(args);
    certchain(&full, None)
}

#[test]
fn snippets_lists_the_runner_and_server_configuration_for_a_private_ca() {
    let run = snippets(&[
        "fullchain.pem",
        "--trust",
        "root.pem",
        "--host",
        "https://gitlab.example.com:8443/",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list = run.json();
    let targets: Vec<&str> =
        list.as_array().unwrap().iter().map(|s| s["target"].as_str().unwrap()).collect();
    let offered = [
        "runner-certs-dir",
        "runner-config-toml",
        "runner-register",
        "runner-download-ca",
        "runner-verify",
        "runner-docker-volumes",
        "runner-docker-pre-build",
        "ci-curl-ca-file",
        "ci-git-ssl-no-verify",
        "gitlab-omnibus",
        "gitlab-trusted-certs",
        "nginx",
        "apache",
        "haproxy",
        "traefik",
        "trust-store",
        "trust-store-java",
        "git-sslcainfo",
        "curl-cacert",
        "docker-certs-d",
        "ca-env-vars",
    ];
    assert_eq!(targets, offered);
    for snippet in list.as_array().unwrap() {
        for key in ["title", "filename", "language", "body", "notes", "dangerous"] {
            assert!(!snippet[key].is_null(), "{key} missing in {snippet}");
        }
        assert!(snippet["title"]["ja"].as_str().is_some_and(is_japanese));
    }
    assert!(list[1]["body"]
        .as_str()
        .unwrap()
        .contains("url = \"https://gitlab.example.com:8443/\""));
}

#[test]
fn snippets_target_and_param_select_and_shape_the_output() {
    let dir = TempDir::new("snippets-out");
    let run = snippets(&[
        "fullchain.pem",
        "--trust",
        "root.pem",
        "--host",
        HOST,
        "--target",
        "runner-config-toml",
        "--param",
        "executor=kubernetes",
        "--param",
        "runner_as_root=no",
        "--out",
        dir.str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("[runner-config-toml]"), "{}", run.stdout);
    assert!(!run.stdout.contains("[nginx]"), "{}", run.stdout);
    let written =
        std::fs::read_to_string(dir.path().join("runner-config-toml/config.toml")).unwrap();
    assert!(written.contains("executor = \"kubernetes\""), "{written}");
    assert!(written.contains(
        "tls-ca-file = \"/home/gitlab-runner/.gitlab-runner/certs/gitlab.example.com.crt\""
    ));
}

#[test]
fn snippets_mark_the_dangerous_ones_in_text_and_json() {
    let args = [
        "fullchain.pem",
        "--trust",
        "root.pem",
        "--param",
        "executor=kubernetes",
        "--param",
        "dind=yes",
        "--param",
        "cluster=mke",
        "--target",
        "mke-cluster-admin",
        "--target",
        "mke-service-account-privileges",
    ];
    let run = snippets(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("── ⚠ INSECURE, last resort: MKE: bind cluster-admin to the runner"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("── MKE: grant privileged"), "{}", run.stdout);
    assert!(run.stdout.starts_with("═══ Kubernetes and MKE ═══\n"), "{}", run.stdout);
    let run = snippets(&[&args[..], &["--format", "json"]].concat());
    let list = run.json();
    let flags: Vec<bool> =
        list.as_array().unwrap().iter().map(|s| s["dangerous"].as_bool().unwrap()).collect();
    assert_eq!(flags, [true, false]);
}

#[test]
fn snippets_for_a_pasted_mke_error_alone_are_the_ways_past_it() {
    let log = "ERROR: Job failed (system failure): prepare environment: setting up build pod: pods \"runner-xphxzza-project-1154-concurrent-0\" is forbidden: non-admin user \"gitlab-runner:gitlab-runner-gitlab-runner\" [service account \"gitlab-runner:default\"]. The configured privileged attributes access for non-admin users (\"[]\")(\"[]\") and for service accounts (\"[]\")(\"[]\") lack required permissions to use attributes [privileged] for resource . Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information\n";
    let run = certchain(&["snippets", "-", "--format", "json"], Some(log.as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let targets: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["target"].as_str().unwrap().to_string())
        .collect();
    assert!(targets.contains(&"mke-service-account-privileges".to_string()), "{targets:?}");
    assert!(targets.contains(&"mke-psp".to_string()), "{targets:?}");
    let run = certchain(&["snippets", "-"], Some(b"just some text\n"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no certificate and no known error message"), "{}", run.stderr);
}

#[test]
fn snippets_say_what_is_wrong_with_a_bad_param_or_target() {
    let run = snippets(&["fullchain.pem", "--param", "os=beos"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("os must be one of debian, alpine, rhel, windows, macos"),
        "{}",
        run.stderr
    );
    let run = snippets(&["fullchain.pem", "--param", "namespace=CI Runners"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("namespace must be a Kubernetes name"), "{}", run.stderr);
    let run = snippets(&["leaf.pem", "--target", "runner-config-toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("\"runner-config-toml\" is not offered for this input (offered: "),
        "{}",
        run.stderr
    );
    let run = snippets(&["fullchain.pem", "--target", "nope"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown target \"nope\"; the targets are runner-certs-dir"));
}

#[test]
fn a_big_bundle_lists_fifty_certificates_in_the_text_and_counts_the_rest() {
    let leaf = std::fs::read_to_string(format!("{INPUTS}/leaf.pem")).unwrap();
    let run = certchain(&["analyze", "-"], Some(leaf.repeat(60).as_bytes()));
    let order = run.stdout.lines().find(|l| l.contains("input order:")).unwrap();
    assert!(order.contains("#49 … (10 more)"), "{order}");
    assert!(!order.contains("#50"), "{order}");
    assert!(run.stdout.contains("… 9 more"), "the other certificates are counted too");
}
