//! `cargo xtask fuzz [--secs N] [TARGET...]`: every cargo-fuzz target in `fuzz/` (or the
//! ones named) for N seconds each (default 60), seeded from the test fixtures, then a
//! summary (executions, coverage, crashes) in `target/fuzz/summary.md`.
//!
//! libFuzzer writes what it learns to `target/fuzz/corpus/<target>/` (kept between runs)
//! and crashing inputs to `target/fuzz/artifacts/<target>/`; the fixtures are read-only
//! seed folders. Needs the nightly toolchain (sanitizers); installs cargo-fuzz when missing.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::process::{cmd, describe, err, root, run, run_tee, succeeds, target_dir, Result};

/// The targets, in order, with the fixture folders that seed them.
const TARGETS: [(&str, &[&str]); 4] = [
    ("extract", &["tests/fixtures/inputs", "tests/fixtures/bench"]),
    ("parse_cert", &["tests/fixtures/inputs", "tests/fixtures/crypto"]),
    ("analyze", &["tests/fixtures/inputs", "tests/fixtures/bench"]),
    ("snippets", &["tests/fixtures/inputs"]),
];

/// Largest input libFuzzer makes (bytes): room for a 3-certificate s_client transcript.
const MAX_LEN: &str = "16384";

/// What one target's run gave.
struct Run {
    target: &'static str,
    secs: u64,
    execs: Option<u64>,
    coverage: Option<u64>,
    features: Option<u64>,
    corpus: usize,
    crashes: Vec<PathBuf>,
}

/// Runs the fuzz command with its arguments.
pub fn fuzz(args: &[OsString]) -> Result<i32> {
    let (secs, wanted) = parse_args(args)?;
    install_cargo_fuzz()?;
    let mut runs = Vec::new();
    for (target, seeds) in
        TARGETS.iter().filter(|(t, _)| wanted.is_empty() || wanted.contains(&t.to_string()))
    {
        runs.push(run_target(target, seeds, secs)?);
    }
    let summary = summary(&runs);
    let path = target_dir().join("fuzz/summary.md");
    std::fs::write(&path, &summary)?;
    print!("{summary}");
    eprintln!("==> fuzz: summary written to {}", path.display());
    Ok(if runs.iter().any(|r| !r.crashes.is_empty()) { 1 } else { 0 })
}

/// `--secs N` and target names; an unknown target is an error that lists the known ones.
fn parse_args(args: &[OsString]) -> Result<(u64, Vec<String>)> {
    let mut secs = 60;
    let mut wanted = Vec::new();
    let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--secs" {
            let value = args.next().ok_or_else(|| err("--secs needs a number of seconds"))?;
            secs = value.parse().map_err(|_| err(format!("--secs {value:?}: not a number")))?;
        } else if TARGETS.iter().any(|(t, _)| *t == arg) {
            wanted.push(arg);
        } else {
            let known: Vec<&str> = TARGETS.iter().map(|(t, _)| *t).collect();
            return Err(err(format!("unknown fuzz target {arg:?} (known: {})", known.join(", "))));
        }
    }
    Ok((secs, wanted))
}

/// cargo-fuzz runs on nightly; install it (once) when `cargo fuzz` is missing.
fn install_cargo_fuzz() -> Result {
    if !succeeds(cmd("rustup").args(["run", "nightly", "rustc", "--version"])) {
        return Err(err("fuzzing needs the nightly toolchain (libFuzzer's sanitizer flags): \
             `rustup toolchain install nightly`"));
    }
    if succeeds(cmd("cargo").args(["fuzz", "--version"])) {
        return Ok(());
    }
    run(cmd("cargo").args(["install", "cargo-fuzz", "--locked"]))
}

/// Builds and runs one target for `secs` seconds; a crash ends the run early. The seconds
/// reported are libFuzzer's own (the build is not counted).
fn run_target(target: &'static str, seeds: &[&str], secs: u64) -> Result<Run> {
    let corpus = target_dir().join("fuzz/corpus").join(target);
    let artifacts = target_dir().join("fuzz/artifacts").join(target);
    std::fs::create_dir_all(&corpus)?;
    std::fs::create_dir_all(&artifacts)?;
    let before = files(&artifacts);
    let mut command = fuzz_command(target, &corpus, &artifacts, seeds, secs);
    let started = Instant::now();
    let (status, lines) = run_tee(&mut command, is_progress_line)?;
    let elapsed = started.elapsed().as_secs();
    let crashes: Vec<PathBuf> =
        files(&artifacts).into_iter().filter(|f| !before.contains(f)).collect();
    if !status.success() && crashes.is_empty() {
        return Err(err(format!("fuzz target {target} did not run ({})", describe(status))));
    }
    let last = lines.iter().rev().find(|l| l.contains("cov:"));
    let done = lines.iter().rev().find(|l| l.starts_with("Done "));
    Ok(Run {
        target,
        secs: done.and_then(|l| number_after(l, " in ")).unwrap_or(elapsed),
        execs: done.and_then(|l| number_after(l, "Done ")),
        coverage: last.and_then(|l| number_after(l, "cov: ")),
        features: last.and_then(|l| number_after(l, "ft: ")),
        corpus: files(&corpus).len(),
        crashes,
    })
}

fn fuzz_command(
    target: &str,
    corpus: &Path,
    artifacts: &Path,
    seeds: &[&str],
    secs: u64,
) -> Command {
    let mut command = cmd("cargo");
    command
        .args(["+nightly", "fuzz", "run", "--fuzz-dir", "fuzz", target])
        .arg(corpus)
        .args(seeds.iter().map(|s| root().join(s)))
        .arg("--")
        .arg(format!("-max_total_time={secs}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg(format!("-max_len={MAX_LEN}"))
        .args(["-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"])
        .env("CARGO_TARGET_DIR", target_dir().join("fuzz/build"));
    command
}

/// libFuzzer's status lines (`#N ... cov: ... ft: ...`) and its closing `Done N runs`.
fn is_progress_line(line: &str) -> bool {
    (line.starts_with('#') && line.contains("cov:")) || line.starts_with("Done ")
}

/// The number right after `key` in `line`.
fn number_after(line: &str, key: &str) -> Option<u64> {
    let rest = &line[line.find(key)? + key.len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    out.sort();
    out
}

/// The Markdown table docs/conformance.md's fuzzing section is filled from.
fn summary(runs: &[Run]) -> String {
    let show = |n: Option<u64>| n.map_or("?".to_string(), |n| n.to_string());
    let mut out = String::from(
        "| Target | Seconds | Executions | Exec/s | Coverage (edges) | Features | Corpus | New crashes |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for r in runs {
        let rate = r.execs.map(|e| (e / r.secs.max(1)).to_string()).unwrap_or_else(|| "?".into());
        let crashes = if r.crashes.is_empty() {
            "0".to_string()
        } else {
            let names: Vec<String> = r.crashes.iter().map(|c| c.display().to_string()).collect();
            format!("{}: {}", r.crashes.len(), names.join(", "))
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {rate} | {} | {} | {} | {crashes} |",
            r.target,
            r.secs,
            show(r.execs),
            show(r.coverage),
            show(r.features),
            r.corpus
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_figures() {
        let status =
            "#524288\tpulse  cov: 2211 ft: 9034 corp: 812/301Kb lim: 4096 exec/s: 8738 rss: 512Mb";
        assert!(is_progress_line(status));
        assert_eq!(number_after(status, "cov: "), Some(2211));
        assert_eq!(number_after(status, "ft: "), Some(9034));
        let done = "Done 1843301 runs in 61 second(s)";
        assert!(is_progress_line(done));
        assert_eq!(number_after(done, "Done "), Some(1_843_301));
        assert_eq!(number_after(done, " in "), Some(61));
        assert!(!is_progress_line("INFO: Seed: 1234"));
    }

    #[test]
    fn arguments_name_known_targets_only() {
        let args: Vec<OsString> = ["--secs", "5", "analyze"].iter().map(OsString::from).collect();
        let (secs, wanted) = parse_args(&args).map_err(|e| e.0).unwrap_or_default();
        assert_eq!((secs, wanted), (5, vec!["analyze".to_string()]));
        let bad: Vec<OsString> = vec!["nope".into()];
        let message = parse_args(&bad).err().map(|e| e.0).unwrap_or_default();
        assert!(message.contains("known: extract, parse_cert, analyze, snippets"), "{message}");
    }
}
