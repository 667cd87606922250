//! Conformance: every case of two public X.509 path-validation suites, x509-limbo and
//! BetterTLS (path building), run through `certchain_core::analyze`.
//!
//! A case *agrees* when `report.valid` equals the suite's expected result. Cases that
//! disagree for a known reason are listed in `tests/conformance/<suite>-divergences.txt`,
//! one per line: `<id>\t<category>\t<reason>` (`#` starts a comment). The test fails when
//! - the analyzer panics on any case (each case runs under `catch_unwind`);
//! - a case disagrees and is not listed;
//! - a listed case agrees now (the list must stay honest: remove the line);
//! - the list names an unknown id or one id twice, or does not list an out-of-scope case
//!   under its category (client validation, revocation: decided here, never hidden).
//!
//! The summary is printed and written to `target/conformance-summary.md`. With
//! `CERTCHAIN_CONFORMANCE_DUMP=<dir>`, every case's outcome is also written to
//! `<dir>/<suite>.tsv` (id, expected, certchain, listed category, findings, description),
//! to classify new divergences.
//! Fixtures and their origin: `tests/fixtures/{limbo,bettertls}/SOURCE.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use certchain_core::chain::Limits;
use certchain_core::report::Severity;
use certchain_core::{analyze, Options, Report, Source, UnixTime};
use serde::Deserialize;

/// Evaluation time when a suite gives none: 2026-11-22T00:00:00Z.
const NOW: i64 = certchain_tests::NOW;

/// Category of limbo CLIENT cases: certchain checks TLS server chains only.
const CLIENT: &str = "out-of-scope:client";
/// Category of cases that test revocation (CRLs): certchain does not check revocation.
const REVOCATION: &str = "out-of-scope:revocation";

// ---------------------------------------------------------------------------------------
// Cases

/// One case of a suite, ready to run.
struct Case {
    id: String,
    description: String,
    /// The suite expects the chain to be accepted.
    expected: bool,
    /// Set by this harness (never by the divergence list): the suite's expectation does
    /// not apply to certchain. The case still runs, to prove it does not panic.
    out_of_scope: Option<&'static str>,
    /// The peer certificate first, then the untrusted intermediates, as PEM.
    input: String,
    /// Trust anchors as PEM (they replace the public roots, even when empty).
    trust: String,
    host: Option<String>,
    now: i64,
    limits: Limits,
}

/// What certchain said about a case.
struct Outcome {
    valid: bool,
    /// `code(E|W|I)` of every finding, in report order.
    findings: Vec<String>,
    elapsed: Duration,
}

impl Outcome {
    fn of(report: &Report, elapsed: Duration) -> Self {
        let findings = report
            .findings
            .iter()
            .map(|f| {
                let s = match f.severity {
                    Severity::Error => "E",
                    Severity::Warning => "W",
                    Severity::Info => "I",
                };
                format!("{}({s})", f.code)
            })
            .collect();
        Outcome { valid: report.valid, findings, elapsed }
    }
}

// `..Options::default()`: other fields may be added to `Options`; they keep their defaults.
#[allow(clippy::needless_update)]
fn run(case: &Case) -> Result<Outcome, String> {
    let input = [Source::text(&case.input)];
    let options = Options {
        now: UnixTime(case.now),
        host: case.host.clone(),
        trust: vec![Source::text(&case.trust)],
        limits: case.limits,
        ..Options::default()
    };
    let start = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(|| analyze(&input, &options)));
    let elapsed = start.elapsed();
    match result {
        Ok(report) => Ok(Outcome::of(&report, elapsed)),
        Err(payload) => Err(payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "non-string panic payload".to_string())),
    }
}

fn fixtures(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(suite)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------
// x509-limbo

#[derive(Deserialize)]
struct LimboFile {
    version: u32,
    testcases: Vec<LimboCase>,
}

#[derive(Deserialize)]
struct LimboCase {
    id: String,
    description: String,
    features: Vec<String>,
    validation_kind: String,
    trusted_certs: Vec<String>,
    untrusted_intermediates: Vec<String>,
    peer_certificate: String,
    validation_time: Option<String>,
    expected_result: String,
    expected_peer_name: Option<PeerName>,
    max_chain_depth: Option<usize>,
}

#[derive(Deserialize)]
struct PeerName {
    kind: String,
    value: String,
}

fn limbo_cases() -> Vec<Case> {
    let text = read(&fixtures("limbo").join("limbo.json"));
    let file: LimboFile = serde_json::from_str(&text).expect("limbo.json is valid JSON");
    assert_eq!(file.version, 1, "limbo.json: unexpected schema version");
    assert_eq!(file.testcases.len(), 208, "limbo.json: the fixture has 208 cases");
    file.testcases.into_iter().map(limbo_case).collect()
}

fn limbo_case(c: LimboCase) -> Case {
    let out_of_scope = if c.validation_kind != "SERVER" {
        Some(CLIENT)
    } else if c.features.iter().any(|f| f == "has-crl") {
        Some(REVOCATION)
    } else {
        None
    };
    let mut input = c.peer_certificate;
    for pem in &c.untrusted_intermediates {
        input.push('\n');
        input.push_str(pem);
    }
    Case {
        expected: match c.expected_result.as_str() {
            "SUCCESS" => true,
            "FAILURE" => false,
            other => panic!("{}: unknown expected_result {other}", c.id),
        },
        out_of_scope,
        input,
        trust: c.trusted_certs.join("\n"),
        host: c.expected_peer_name.as_ref().and_then(limbo_host),
        now: c.validation_time.as_deref().map_or(NOW, |t| unix(&c.id, t)),
        limits: limbo_limits(c.max_chain_depth),
        description: format!("[{}] {}", c.features.join(","), c.description),
        id: c.id,
    }
}

/// DNS names as they are; IPv6 in brackets (certchain reads `host:port`); RFC 822 names
/// are not host names, so the leaf is not checked against any.
fn limbo_host(name: &PeerName) -> Option<String> {
    match name.kind.as_str() {
        "DNS" => Some(name.value.clone()),
        "IP" if name.value.contains(':') => Some(format!("[{}]", name.value)),
        "IP" => Some(name.value.clone()),
        _ => None,
    }
}

/// limbo's `max_chain_depth` counts intermediates (0: the leaf is signed by the anchor);
/// `Limits::max_depth` counts the certificates of a path below the anchor, leaf included.
/// Self-issued intermediates do not count, in either (RFC 5280 §6.1.4 (l)).
fn limbo_limits(max_chain_depth: Option<usize>) -> Limits {
    match max_chain_depth {
        Some(d) => Limits { max_depth: d + 1, ..Limits::default() },
        None => Limits::default(),
    }
}

/// RFC 3339 to Unix seconds (fractions are dropped: `UnixTime` has whole seconds).
fn unix(id: &str, text: &str) -> i64 {
    let format = time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(text, &format)
        .unwrap_or_else(|e| panic!("{id}: bad validation_time {text}: {e}"))
        .unix_timestamp()
}

// ---------------------------------------------------------------------------------------
// BetterTLS

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BetterTlsCase {
    hostname: String,
    required_features: Vec<String>,
    expected: String,
    failure_is_warning: bool,
    #[serde(rename = "n_certificates")]
    n_certificates: usize,
}

fn bettertls_cases() -> Vec<Case> {
    let root = fixtures("bettertls");
    let trust = read(&root.join("trusted.pem"));
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("bettertls fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("testcase.json").is_file())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 81, "bettertls: the fixture has 81 cases");
    dirs.iter().map(|dir| bettertls_case(dir, &trust)).collect()
}

fn bettertls_case(dir: &Path, trust: &str) -> Case {
    let id = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tc: BetterTlsCase = serde_json::from_str(&read(&dir.join("testcase.json")))
        .unwrap_or_else(|e| panic!("{id}/testcase.json: {e}"));
    let features =
        if tc.required_features.is_empty() { "-".into() } else { tc.required_features.join(",") };
    Case {
        description: format!(
            "{} with {} certificates; features {features}{}",
            tc.expected,
            tc.n_certificates,
            if tc.failure_is_warning { "; failureIsWarning" } else { "" }
        ),
        expected: match tc.expected.as_str() {
            "ACCEPT" => true,
            "REJECT" => false,
            other => panic!("{id}: unknown expected {other}"),
        },
        out_of_scope: None,
        input: read(&dir.join("bundle.pem")),
        trust: trust.to_string(),
        host: Some(tc.hostname),
        now: NOW,
        limits: Limits::default(),
        id,
    }
}

// ---------------------------------------------------------------------------------------
// Known divergences

struct Known {
    category: String,
    reason: String,
}

fn divergence_file(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("conformance")
        .join(format!("{suite}-divergences.txt"))
}

/// The list, and the problems of the list itself (malformed lines, duplicates).
fn read_known(path: &Path) -> (BTreeMap<String, Known>, Vec<String>) {
    let mut known = BTreeMap::new();
    let mut problems = Vec::new();
    for (n, line) in read(path).lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(category), Some(reason)) = (parts.next(), parts.next(), parts.next())
        else {
            problems.push(format!("line {}: not `<id>\\t<category>\\t<reason>`: {line}", n + 1));
            continue;
        };
        let entry = Known { category: category.trim().into(), reason: reason.trim().into() };
        if known.insert(id.trim().to_string(), entry).is_some() {
            problems.push(format!("line {}: {id} is listed twice", n + 1));
        }
    }
    (known, problems)
}

// ---------------------------------------------------------------------------------------
// Checking

/// A case that needs attention, with everything needed to judge it.
struct Flagged {
    id: String,
    description: String,
    expected: bool,
    got: bool,
    findings: Vec<String>,
    note: String,
}

#[derive(Default)]
struct Tally {
    total: usize,
    in_scope: usize,
    agree: usize,
    /// Listed and still disagreeing, by category: (count, false accepts, false rejects).
    by_category: BTreeMap<String, (usize, usize, usize)>,
    /// Out-of-scope cases whose result happens to match the suite (for information).
    out_of_scope_matching: usize,
    /// Every listed case that still diverges, for the summary table.
    divergences: Vec<Flagged>,
    unexpected: Vec<Flagged>,
    stale: Vec<Flagged>,
    panics: Vec<String>,
    list_problems: Vec<String>,
    elapsed: Duration,
    slowest: Vec<(Duration, String)>,
    /// One TSV line per case (id, expected, certchain, listed category, findings,
    /// description), written when `CERTCHAIN_CONFORMANCE_DUMP` names a directory.
    dump: String,
}

fn check(cases: &[Case], known: &BTreeMap<String, Known>, mut list_problems: Vec<String>) -> Tally {
    let mut t = Tally { total: cases.len(), ..Tally::default() };
    let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    for id in known.keys().filter(|id| !ids.contains(id.as_str())) {
        list_problems.push(format!("{id}: listed, but the suite has no such case"));
    }
    t.list_problems = list_problems;
    for case in cases {
        match run(case) {
            Err(message) => t.panics.push(format!("{}: analyze panicked: {message}", case.id)),
            Ok(outcome) => {
                t.elapsed += outcome.elapsed;
                t.slowest.push((outcome.elapsed, case.id.clone()));
                judge(&mut t, case, known.get(&case.id), outcome);
            }
        }
    }
    t.slowest.sort_by_key(|(elapsed, _)| std::cmp::Reverse(*elapsed));
    t.slowest.truncate(5);
    t
}

fn judge(t: &mut Tally, case: &Case, known: Option<&Known>, outcome: Outcome) {
    let agrees = outcome.valid == case.expected;
    let _ = writeln!(
        t.dump,
        "{}\t{}\t{}\t{}\t{}\t{}",
        case.id,
        verdict(case.expected),
        verdict(outcome.valid),
        known.map_or("-", |k| k.category.as_str()),
        outcome.findings.join(" "),
        short(&case.description, 160)
    );
    let flag = |note: String| Flagged {
        id: case.id.clone(),
        description: case.description.clone(),
        expected: case.expected,
        got: outcome.valid,
        findings: outcome.findings.clone(),
        note,
    };
    if let Some(scope) = case.out_of_scope {
        t.out_of_scope_matching += usize::from(agrees);
        match known {
            Some(k) if k.category == scope => {
                count(t, scope, case.expected, outcome.valid);
                t.divergences.push(flag(format!("{}\t{}", k.category, k.reason)));
            }
            Some(k) => t
                .list_problems
                .push(format!("{}: out of scope ({scope}) but listed as {}", case.id, k.category)),
            None => t
                .list_problems
                .push(format!("{}: out of scope ({scope}) and must be listed as such", case.id)),
        }
        return;
    }
    t.in_scope += 1;
    match (agrees, known) {
        (true, None) => t.agree += 1,
        (true, Some(k)) => t.stale.push(flag(format!("listed as {}: {}", k.category, k.reason))),
        (false, None) => t.unexpected.push(flag(String::new())),
        (false, Some(k)) => {
            count(t, &k.category, case.expected, outcome.valid);
            t.divergences.push(flag(format!("{}\t{}", k.category, k.reason)));
        }
    }
}

fn count(t: &mut Tally, category: &str, expected: bool, got: bool) {
    let entry = t.by_category.entry(category.to_string()).or_default();
    entry.0 += 1;
    entry.1 += usize::from(got && !expected);
    entry.2 += usize::from(expected && !got);
}

// ---------------------------------------------------------------------------------------
// Reporting

fn verdict(accepted: bool) -> &'static str {
    if accepted {
        "accept"
    } else {
        "reject"
    }
}

fn short(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// `a(W) a(W) b(E)` -> `a(W)×2 b(E)`, keeping the first-seen order.
fn compact(findings: &[String]) -> String {
    if findings.is_empty() {
        return "(none)".into();
    }
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for f in findings {
        match seen.iter_mut().find(|(code, _)| *code == f.as_str()) {
            Some((_, n)) => *n += 1,
            None => seen.push((f, 1)),
        }
    }
    let parts: Vec<String> = seen
        .iter()
        .map(|(code, n)| if *n == 1 { code.to_string() } else { format!("{code}×{n}") })
        .collect();
    parts.join(" ")
}

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".into();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

fn summary(suite: &str, origin: &str, t: &Tally) -> String {
    let listed: usize = t.by_category.values().map(|v| v.0).sum();
    let mut s = format!("## {suite} ({origin})\n\n| | cases |\n|---|---:|\n");
    let _ = writeln!(s, "| total | {} |", t.total);
    let _ = writeln!(s, "| in scope | {} |", t.in_scope);
    let _ = writeln!(
        s,
        "| agree | {} ({} of all, {} of in scope) |",
        t.agree,
        pct(t.agree, t.total),
        pct(t.agree, t.in_scope)
    );
    let _ = writeln!(s, "| known divergences | {listed} |");
    for (kind, what) in [
        ("out-of-scope:", "out of scope"),
        ("not-implemented:", "to fix in core (`not-implemented:*`, `bug:*`)"),
        ("policy:", "deliberate (`policy:*`)"),
    ] {
        let n: usize = t
            .by_category
            .iter()
            .filter(|(c, _)| {
                c.starts_with(kind) || (kind == "not-implemented:" && c.starts_with("bug:"))
            })
            .map(|(_, v)| v.0)
            .sum();
        let _ = writeln!(s, "| &nbsp;{what} | {n} |");
    }
    for (category, (n, fa, fr)) in &t.by_category {
        let _ = writeln!(
            s,
            "| &nbsp;&nbsp;`{category}` | {n} (false accept {fa}, false reject {fr}) |"
        );
    }
    let _ = writeln!(s, "| unexpected disagreements | {} |", t.unexpected.len());
    let _ = writeln!(s, "| stale list entries (agree now) | {} |", t.stale.len());
    let _ = writeln!(s, "| panics | {} |", t.panics.len());
    let _ = writeln!(s, "| out-of-scope cases matching anyway | {} |", t.out_of_scope_matching);
    let slowest: Vec<String> =
        t.slowest.iter().map(|(d, id)| format!("{id} {:.0} ms", d.as_secs_f64() * 1e3)).collect();
    let _ = writeln!(
        s,
        "| analyze time (sum) | {:.2} s; slowest: {} |\n",
        t.elapsed.as_secs_f64(),
        slowest.join(", ")
    );
    if !t.divergences.is_empty() {
        s.push_str("| id | expected | certchain | category | findings |\n|---|---|---|---|---|\n");
        for d in &t.divergences {
            let category = d.note.split('\t').next().unwrap_or_default();
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | `{category}` | {} |",
                d.id,
                verdict(d.expected),
                verdict(d.got),
                compact(&d.findings)
            );
        }
        s.push('\n');
    }
    s
}

fn problems(suite: &str, t: &Tally) -> String {
    let mut s = String::new();
    for p in &t.panics {
        let _ = writeln!(s, "PANIC {p}");
    }
    for p in &t.list_problems {
        let _ = writeln!(s, "LIST  {p}");
    }
    if !t.unexpected.is_empty() {
        let _ = writeln!(
            s,
            "\n{} case(s) disagree and are not in tests/conformance/{suite}-divergences.txt:",
            t.unexpected.len()
        );
        for f in &t.unexpected {
            describe(&mut s, f);
            let _ = writeln!(s, "    line: {}\tTODO-category\tTODO-reason", f.id);
        }
    }
    if !t.stale.is_empty() {
        let _ = writeln!(
            s,
            "\n{} listed case(s) agree now: remove them from tests/conformance/{suite}-divergences.txt:",
            t.stale.len()
        );
        for f in &t.stale {
            describe(&mut s, f);
            let _ = writeln!(s, "    {}", f.note);
        }
    }
    s
}

fn describe(s: &mut String, f: &Flagged) {
    let _ = writeln!(
        s,
        "  {}: expected {}, certchain {}s\n    {}\n    findings: {}",
        f.id,
        verdict(f.expected),
        verdict(f.got),
        short(&f.description, 400),
        compact(&f.findings)
    );
}

/// Sections of this run, by suite; the file is rewritten with all of them each time.
static SECTIONS: Mutex<BTreeMap<&'static str, String>> = Mutex::new(BTreeMap::new());

fn write_summary(suite: &'static str, section: String) {
    let mut sections = SECTIONS.lock().unwrap_or_else(|e| e.into_inner());
    sections.insert(suite, section);
    let mut text = String::from(
        "# certchain conformance summary\n\nGenerated by `cargo test -p certchain-tests --test \
         conformance`. Known divergences: `tests/conformance/*-divergences.txt`.\n\n",
    );
    for section in sections.values() {
        text.push_str(section);
    }
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().map(Path::to_path_buf);
    let path = target.unwrap_or_else(|| PathBuf::from("target")).join("conformance-summary.md");
    if let Err(e) = fs::create_dir_all(path.parent().unwrap_or(Path::new("."))) {
        eprintln!("cannot create {}: {e}", path.display());
    }
    match fs::write(&path, text) {
        Ok(()) => println!("summary written to {}", path.display()),
        Err(e) => eprintln!("cannot write {}: {e}", path.display()),
    }
}

fn conform(suite: &'static str, origin: &str, cases: &[Case]) {
    let (known, list_problems) = read_known(&divergence_file(suite));
    let started = Instant::now();
    let tally = check(cases, &known, list_problems);
    let section = summary(suite, origin, &tally);
    println!("{section}wall time {:.2} s", started.elapsed().as_secs_f64());
    write_summary(suite, section);
    if let Some(dir) = std::env::var_os("CERTCHAIN_CONFORMANCE_DUMP") {
        let path = Path::new(&dir).join(format!("{suite}.tsv"));
        if let Err(e) = fs::create_dir_all(&dir).and_then(|()| fs::write(&path, &tally.dump)) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
    let trouble = problems(suite, &tally);
    assert!(
        trouble.is_empty(),
        "{suite}: {} panic(s), {} list problem(s), {} unexpected disagreement(s), {} stale \
         entr(y/ies)\n{trouble}",
        tally.panics.len(),
        tally.list_problems.len(),
        tally.unexpected.len(),
        tally.stale.len()
    );
}

#[test]
fn limbo() {
    conform("limbo", "x509-limbo, C2SP/x509-limbo@8a2e6f41", &limbo_cases());
}

#[test]
fn bettertls() {
    conform("bettertls", "BetterTLS path building, Netflix/bettertls@e1e99e35", &bettertls_cases());
}
