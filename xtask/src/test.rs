//! `cargo xtask test`: the whole check, as CI runs it.
//!
//! Every step runs even when an earlier one failed, so one run shows all that
//! is wrong; the exit code is non-zero if any failed. The test runner's own
//! closing lines are repeated at the very end, with their totals.

use std::io::IsTerminal;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::dist::has_web_app;
use crate::process::{announce, cargo, check, display, run_tee, spawn_status, succeeds, Result};
use crate::setup::setup;

/// One step of the check.
struct Step {
    name: &'static str,
    command: Command,
    /// A test runner: its closing lines are kept and repeated at the end.
    runner: bool,
    /// Why the step does not run this time, if it does not.
    skip: Option<&'static str>,
}

fn step(name: &'static str, args: &[&str], runner: bool) -> Step {
    let mut command = cargo();
    command.args(args);
    Step { name, command, runner, skip: None }
}

/// The steps, in order. Uses `cargo nextest` when it is installed. The web app is built
/// first: `certchain` embeds `dist/`, and the browser tests drive it.
fn steps() -> Vec<Step> {
    let mut dist = step("dist", &["xtask", "dist"], false);
    if !has_web_app() {
        dist.skip = Some("no index.html yet");
    }
    let mut steps = vec![
        dist,
        step("fmt", &["fmt", "--all", "--", "--check"], false),
        // The fuzz targets are their own workspace (cargo-fuzz, nightly to run): kept
        // compiling and tidy here on stable, run by `cargo xtask fuzz`.
        step("fuzz-fmt", &["fmt", "--manifest-path", "fuzz/Cargo.toml", "--", "--check"], false),
        step(
            "clippy",
            &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"],
            false,
        ),
    ];
    // The web app and the core as the browser gets them: usize is 32 bits there, so some
    // lints only fire on this target.
    steps.push(step(
        "wasm-clippy",
        &[
            "clippy",
            "-p",
            "certchain-web",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
        false,
    ));
    steps.push(step(
        "fuzz-clippy",
        &["clippy", "--manifest-path", "fuzz/Cargo.toml", "--locked", "--", "-D", "warnings"],
        false,
    ));
    if succeeds(cargo().args(["nextest", "--version"])) {
        steps.push(step(
            "nextest",
            &["nextest", "run", "--workspace", "--locked", "--no-tests=warn"],
            true,
        ));
        steps.push(step("doctest", &["test", "--doc", "--workspace", "--locked"], true));
    } else {
        steps.push(step("test", &["test", "--workspace", "--locked"], true));
    }
    steps.push(step(
        "wasm",
        &["build", "-p", "certchain-core", "--target", "wasm32-unknown-unknown", "--locked"],
        false,
    ));
    let mut image = step("image", &["xtask", "image"], false);
    if !crate::image::can_chroot() {
        image.skip = Some("not root: the image check starts the binary with chroot");
    }
    steps.push(image);
    steps.push(step(
        "bench-build",
        &["bench", "-p", "certchain-core", "--no-run", "--locked"],
        false,
    ));
    steps
}

/// How one step went.
struct Outcome {
    name: &'static str,
    ok: bool,
    skipped: bool,
    took: Duration,
    command: String,
}

/// Runs setup and every step; returns the exit code (0 when all passed).
pub fn test() -> Result<i32> {
    let started = Instant::now();
    setup()?;
    let mut outcomes = vec![Outcome {
        name: "setup",
        ok: true,
        skipped: false,
        took: started.elapsed(),
        command: "cargo xtask setup".to_string(),
    }];
    let mut closing = Vec::new();
    for mut step in steps() {
        let t = Instant::now();
        if let Some(reason) = step.skip {
            eprintln!("==> {}: skipped: {reason}", step.name);
        }
        let ok = step.skip.is_some() || run_step(&mut step, &mut closing);
        outcomes.push(Outcome {
            name: step.name,
            ok,
            skipped: step.skip.is_some(),
            took: t.elapsed(),
            command: match step.skip {
                Some(reason) => format!("({reason})"),
                None => display(&step.command),
            },
        });
    }
    Ok(report(&outcomes, &closing, started.elapsed()))
}

/// Runs one step; a step that cannot even start counts as failed.
fn run_step(step: &mut Step, closing: &mut Vec<String>) -> bool {
    let result = if step.runner {
        if std::io::stderr().is_terminal() {
            step.command.env("CARGO_TERM_COLOR", "always");
        }
        run_tee(&mut step.command, is_closing_line).and_then(|(status, lines)| {
            closing.extend(lines);
            check(&step.command, status)
        })
    } else {
        announce(&step.command);
        spawn_status(&mut step.command).and_then(|status| check(&step.command, status))
    };
    match result {
        Ok(()) => true,
        Err(e) => {
            eprintln!("==> FAILED step {}: {e}", step.name);
            false
        }
    }
}

/// Prints the per-step summary, then the runners' closing lines and totals.
fn report(outcomes: &[Outcome], closing: &[String], total: Duration) -> i32 {
    eprintln!();
    eprintln!("==> summary (cargo xtask test)");
    for o in outcomes {
        let verdict = match (o.ok, o.skipped) {
            (_, true) => "skipped",
            (true, false) => "ok",
            (false, false) => "FAILED",
        };
        eprintln!("    {verdict:<7} {:>8.1}s  {:<12} {}", o.took.as_secs_f64(), o.name, o.command);
    }
    let failed: Vec<&str> = outcomes.iter().filter(|o| !o.ok).map(|o| o.name).collect();
    eprintln!("    total   {:>8.1}s", total.as_secs_f64());
    if !failed.is_empty() {
        eprintln!(
            "error: {} of {} steps failed: {}",
            failed.len(),
            outcomes.len(),
            failed.join(", ")
        );
    }
    if !closing.is_empty() {
        println!("==> test runner closing lines");
        for line in closing {
            println!("{line}");
        }
        let counts = Counts::sum(closing);
        println!(
            "tests: {} passed, {} failed, {} skipped",
            counts.passed, counts.failed, counts.skipped
        );
    }
    i32::from(!failed.is_empty())
}

/// libtest's `test result: ...` and nextest's `Summary [..] N tests run: ...`.
fn is_closing_line(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("test result:")
        || (line.starts_with("Summary [") && line.contains("tests run:"))
}

/// Test totals read from the runners' closing lines.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    fn sum(lines: &[String]) -> Counts {
        let mut counts = Counts::default();
        for line in lines {
            counts.add(line);
        }
        counts
    }

    /// Adds each `N passed|failed|ignored|skipped|timed out` found in `line`.
    fn add(&mut self, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            let Ok(n) = pair[0].parse::<u64>() else {
                continue;
            };
            match pair[1].trim_end_matches([',', ';', '.', ')']) {
                "passed" => self.passed += n,
                "failed" | "timed" => self.failed += n,
                "ignored" | "skipped" => self.skipped += n,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_and_nextest_closing_lines() {
        let lines = [
            "test result: ok. 3 passed; 1 failed; 2 ignored; 0 measured; 5 filtered out; finished in 0.01s",
            "     Summary [   1.234s] 12 tests run: 10 passed, 1 failed, 1 timed out, 4 skipped",
        ];
        assert!(lines.iter().all(|l| is_closing_line(l)));
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(Counts::sum(&lines), Counts { passed: 13, failed: 3, skipped: 6 });
    }

    #[test]
    fn ignores_other_lines() {
        assert!(!is_closing_line("test tests::summary ... ok"));
        assert!(!is_closing_line("    Starting 12 tests across 3 binaries"));
    }
}
