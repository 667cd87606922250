//! The real-world corpus: every file of the x509/ tree of PyPI's `cryptography-vectors`
//! (pinned in xtask/src/vectors.rs, downloaded by `cargo xtask setup`) through `analyze`.
//! Real, custom and deliberately malformed certificates, PKCS#7, CRLs, CSRs, OCSP and PKCS#12
//! files: each must give a report with certificates or a finding that says why there are
//! none, without a panic, without a hang, and without echoing a private key. The outcome per
//! category is compared with `tests/corpus/cryptography-vectors.md`, so a change in what
//! certchain reads shows in review; `CERTCHAIN_UPDATE_CORPUS=1` rewrites that file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use certchain_core::report::Report;
use certchain_core::{analyze, Code, Options, Source, UnixTime};

const VERSION: &str = "50.0.2";
const SUMMARY: &str = "corpus/cryptography-vectors.md";
/// Far above the milliseconds a file takes: this catches a hang, it does not time anything.
const HANG_BOUND: Duration = Duration::from_secs(20);

fn corpus_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("cryptography-vectors").join(VERSION).join("cryptography_vectors/x509")
}

/// Category of a file: its folder under x509/, two levels for PKITS_data.
fn category(relative: &Path) -> String {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [_file] => "x509/ (top level)".to_string(),
        [first, second, _, ..] if first == "PKITS_data" => format!("{first}/{second}"),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// What one category gave.
#[derive(Default)]
struct Tally {
    files: usize,
    with_certificates: usize,
    certificates: usize,
    /// Files without a certificate, by what their findings say they hold.
    without: BTreeMap<&'static str, usize>,
    problems: Vec<String>,
}

/// The base64 lines of the private-key blocks in a text: none may appear in the report.
fn private_key_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut inside = false;
    let mut lines = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("-----BEGIN") && line.contains("PRIVATE KEY") {
            inside = true;
        } else if line.starts_with("-----END") {
            inside = false;
        } else if inside && line.len() >= 16 && !line.contains(':') {
            lines.push(line.to_string());
        }
    }
    lines
}

fn check_file(path: &Path, relative: &Path, tally: &mut Tally) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let secrets = private_key_lines(&bytes);
    let name = relative.display().to_string();
    let options = Options { now: UnixTime(1_767_225_600), ..Options::default() };
    let source = Source { name: Some(name.clone()), bytes };
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| analyze(&[source], &options)));
    let took = started.elapsed();
    tally.files += 1;
    let report: Report = match outcome {
        Ok(report) => report,
        Err(_) => return tally.problems.push(format!("{name}: panicked")),
    };
    if took > HANG_BOUND {
        tally.problems.push(format!("{name}: took {took:?}"));
    }
    let json = serde_json::to_string(&report).unwrap_or_default();
    if let Some(line) = secrets.iter().find(|l| json.contains(l.as_str())) {
        tally.problems.push(format!("{name}: a private key line is in the report: {line:.12}…"));
    }
    if report.certificates.is_empty() {
        match reason(&report) {
            Some(why) => *tally.without.entry(why).or_default() += 1,
            None => {
                tally.problems.push(format!("{name}: no certificate and no finding saying why"))
            }
        }
    } else {
        tally.with_certificates += 1;
        tally.certificates += report.certificates.len();
    }
}

/// What the findings of a report without certificates say the file is.
fn reason(report: &Report) -> Option<&'static str> {
    const KINDS: [(&str, &str); 5] = [
        ("revocation list (CRL)", "CRL"),
        ("signing request (CSR)", "CSR"),
        ("PKCS#12", "PKCS#12"),
        ("bare public key", "public key"),
        ("neither a DER certificate nor PKCS#7", "other DER"),
    ];
    let said = |code: Code| report.findings.iter().find(|f| f.code == code);
    if let Some(finding) = said(Code::UnparsableBlock) {
        let kind = KINDS.iter().find(|(phrase, _)| finding.message.en.contains(phrase));
        return Some(kind.map_or("unreadable certificate", |(_, kind)| *kind));
    }
    if said(Code::MalformedPem).is_some() {
        return Some("malformed PEM");
    }
    if said(Code::PrivateKeyInBundle).is_some() {
        return Some("private key (reported by type, dropped)");
    }
    let none = said(Code::NoCertificates)?;
    Some(if none.message.en.len() > "No certificate was found in the input.".len() {
        "no certificate (hint given)"
    } else {
        "no certificate"
    })
}

fn summary(tallies: &BTreeMap<String, Tally>) -> String {
    let mut out = format!(
        "# cryptography-vectors {VERSION}, x509/: what `analyze` gives per category\n\n\
         Written by `tests/tests/corpus.rs` (`CERTCHAIN_UPDATE_CORPUS=1` to rewrite). Every \
         file gives a report with certificates, or none and findings that say why (counted \
         by what they name the file: a CRL, a CSR, PKCS#12, other DER, an unreadable \
         certificate, malformed PEM, a private key, or no certificate with a hint about the input). No \
         panic, no hang, no private key echoed.\n\n\
         | Category | Files | With certificates | Certificates | Without a certificate: what it is said to be |\n\
         |---|---|---|---|---|\n"
    );
    for (name, t) in tallies {
        let without: Vec<String> =
            t.without.iter().map(|(code, n)| format!("{code} {n}")).collect();
        let without = if without.is_empty() { "—".to_string() } else { without.join(", ") };
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {without} |",
            t.files, t.with_certificates, t.certificates
        );
    }
    let total = |f: fn(&Tally) -> usize| tallies.values().map(f).sum::<usize>();
    let _ = writeln!(
        out,
        "| **all** | {} | {} | {} | {} |",
        total(|t| t.files),
        total(|t| t.with_certificates),
        total(|t| t.certificates),
        total(|t| t.without.values().sum())
    );
    out
}

#[test]
fn every_file_of_the_corpus_gives_a_report_or_a_clear_reason() {
    let root = corpus_root();
    assert!(
        root.is_dir(),
        "{} is missing: `cargo xtask setup` downloads cryptography-vectors {VERSION}",
        root.display()
    );
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for path in &paths {
        let relative = path.strip_prefix(&root).unwrap_or(path);
        check_file(path, relative, tallies.entry(category(relative)).or_default());
    }
    let problems: Vec<&String> = tallies.values().flat_map(|t| &t.problems).collect();
    assert!(problems.is_empty(), "{} file(s) failed:\n{problems:#?}", problems.len());

    let written = summary(&tallies);
    let checked_in = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUMMARY);
    if std::env::var_os("CERTCHAIN_UPDATE_CORPUS").is_some() {
        std::fs::write(&checked_in, &written).unwrap_or_else(|e| panic!("{e}"));
    }
    let expected = std::fs::read_to_string(&checked_in).unwrap_or_default();
    assert_eq!(
        written, expected,
        "the corpus outcome changed: review it, then CERTCHAIN_UPDATE_CORPUS=1 rewrites {SUMMARY}"
    );
}

#[test]
fn categories_follow_the_folders() {
    assert_eq!(category(Path::new("v1_cert.pem")), "x509/ (top level)");
    assert_eq!(category(Path::new("custom/a.pem")), "custom");
    assert_eq!(category(Path::new("PKITS_data/certs/x.crt")), "PKITS_data/certs");
    assert_eq!(category(Path::new("PKITS_data/pkits.ldif")), "PKITS_data");
}

#[test]
fn private_key_lines_are_those_inside_key_blocks() {
    let text = "-----BEGIN CERTIFICATE-----\nMIIBcertificatebody0123\n-----END CERTIFICATE-----\n\
                -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIEsecretsecretsecret\n\
                -----END RSA PRIVATE KEY-----\n";
    assert_eq!(private_key_lines(text.as_bytes()), vec!["MIIEsecretsecretsecret".to_string()]);
}
