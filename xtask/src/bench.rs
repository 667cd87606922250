//! `cargo xtask bench`: criterion benches of the core, then certchain against
//! openssl as whole processes (wall time and peak RSS, via `/usr/bin/time`), then the
//! service under load (`load.rs`, wrk), for a long time (`soak.rs`) and under attack
//! (`hostile.rs`), then the web app in headless Chromium (`tests/examples/web_bench.rs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::bench_data::{count_certs, debian_bundle, generated};
use crate::dist;
use crate::process::{cargo, describe, display, err, root, run, target_dir, Result};
use crate::run::{build_release, certchain_bin};
use crate::setup::setup;

/// Timed runs per command and input (after one warm-up run).
const RUNS: usize = 5;
/// Leaves in the generated bundle.
const LEAVES: usize = 10_000;

/// One command under measurement.
struct Subject {
    label: &'static str,
    command: fn(&Path) -> Command,
    /// certchain must work; an openssl form that fails here is left out.
    required: bool,
}

const SUBJECTS: &[Subject] = &[
    Subject {
        label: "certchain analyze FILE --format json",
        command: |file| {
            let mut c = Command::new(certchain_bin());
            c.arg("analyze").arg(file).args(["--format", "json"]);
            c
        },
        required: true,
    },
    Subject {
        label: "openssl crl2pkcs7 -nocrl -certfile FILE | openssl pkcs7 -print_certs -noout",
        command: |file| {
            let mut c = Command::new("bash");
            c.arg("-c")
                .arg(
                    "set -o pipefail; openssl crl2pkcs7 -nocrl -certfile \"$1\" \
                     | openssl pkcs7 -print_certs -noout",
                )
                .arg("bash")
                .arg(file);
            c
        },
        required: false,
    },
    Subject {
        label: "openssl storeutl -noout -certs FILE",
        command: |file| {
            let mut c = Command::new("openssl");
            c.args(["storeutl", "-noout", "-certs"]).arg(file);
            c
        },
        required: false,
    },
];

/// One line of the table.
struct Row {
    input: String,
    certs: usize,
    label: &'static str,
    result: std::result::Result<Stats, String>,
}

/// Median wall time and peak RSS over [`RUNS`] runs, and the exit code seen.
struct Stats {
    median_ms: f64,
    max_rss_kb: u64,
    code: i32,
}

/// Runs the criterion benches, then the whole-process comparison.
pub fn bench() -> Result {
    setup()?;
    run(cargo().args(["bench", "-p", "certchain-core", "--locked"]))?;
    build_release()?;
    let inputs = [debian_bundle()?, generated(LEAVES)?];
    let mut rows = Vec::new();
    for input in &inputs {
        let certs = count_certs(input)?;
        let name = input.file_name().unwrap_or_default().to_string_lossy();
        let mut baseline = false;
        for subject in SUBJECTS {
            let result = measure(subject, input);
            match &result {
                Err(e) if subject.required => return Err(err(e.clone())),
                Ok(_) if !subject.required => baseline = true,
                _ => {}
            }
            rows.push(Row { input: name.to_string(), certs, label: subject.label, result });
        }
        if !baseline {
            return Err(err(format!("no openssl command could read {name}")));
        }
    }
    let table = render(&rows);
    let out = target_dir().join("bench").join("process.md");
    fs::write(&out, &table)?;
    println!("{table}");
    eprintln!("==> wrote {}", out.display());
    crate::load::load()?;
    crate::soak::soak()?;
    crate::hostile::hostile()?;
    web()
}

/// The web app's first render, paste-to-report time and transfer size, measured in headless
/// Chromium by `tests/examples/web_bench.rs` -> `target/bench/web.md`. Builds `dist/` first
/// (the example serves the app that `certchain` embeds from it).
fn web() -> Result {
    if !dist::has_web_app() {
        eprintln!("==> web bench: skipped: no index.html yet");
        return Ok(());
    }
    dist::build()?;
    run(cargo().args([
        "run",
        "--release",
        "--locked",
        "-p",
        "certchain-tests",
        "--example",
        "web_bench",
    ]))
}

/// One warm-up run (which also decides what exit code is normal), then [`RUNS`] timed runs.
fn measure(subject: &Subject, input: &Path) -> std::result::Result<Stats, String> {
    let code = warm_up(subject, input)?;
    let time_file = target_dir().join("bench").join("time.txt");
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let inner = (subject.command)(input);
        let mut timed = Command::new("/usr/bin/time");
        timed.args(["-f", "%e %M", "-o"]).arg(&time_file);
        timed.arg(inner.get_program()).args(inner.get_args());
        timed.current_dir(root()).stdin(Stdio::null()).stdout(Stdio::null());
        let started = Instant::now();
        let out = timed.output().map_err(|e| format!("{}: {e}", display(&timed)))?;
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        if out.status.code() != Some(code) {
            return Err(failure(&timed, out.status, &out.stderr));
        }
        samples.push((wall_ms, peak_rss(&time_file)?));
    }
    let mut walls: Vec<f64> = samples.iter().map(|s| s.0).collect();
    walls.sort_by(f64::total_cmp);
    Ok(Stats {
        median_ms: walls[walls.len() / 2],
        max_rss_kb: samples.iter().map(|s| s.1).max().unwrap_or(0),
        code,
    })
}

/// Runs once, announced. Exit 0 is normal; certchain may also exit non-zero
/// when it reports findings, as long as it printed its JSON report.
fn warm_up(subject: &Subject, input: &Path) -> std::result::Result<i32, String> {
    let mut c = (subject.command)(input);
    c.current_dir(root()).stdin(Stdio::null());
    eprintln!("==> {} (warm-up, then {RUNS} runs under /usr/bin/time)", display(&c));
    let out = c.output().map_err(|e| format!("{}: {e}", display(&c)))?;
    let printed_json = String::from_utf8_lossy(&out.stdout).trim_start().starts_with('{');
    match out.status.code() {
        Some(0) => Ok(0),
        Some(code) if subject.required && printed_json => Ok(code),
        _ => Err(failure(&c, out.status, &out.stderr)),
    }
}

fn failure(c: &Command, status: std::process::ExitStatus, stderr: &[u8]) -> String {
    let stderr = String::from_utf8_lossy(stderr);
    let first = stderr.lines().take(5).collect::<Vec<_>>().join("\n    ");
    format!("command failed ({}): {}\n    {first}", describe(status), display(c))
}

/// The `%M` of the last `%e %M` line that `/usr/bin/time -o` wrote.
fn peak_rss(time_file: &PathBuf) -> std::result::Result<u64, String> {
    let text =
        fs::read_to_string(time_file).map_err(|e| format!("{}: {e}", time_file.display()))?;
    text.lines()
        .rev()
        .find_map(|l| match l.split_whitespace().collect::<Vec<_>>()[..] {
            [secs, kb] if secs.parse::<f64>().is_ok() => kb.parse().ok(),
            _ => None,
        })
        .ok_or_else(|| format!("no `%e %M` line in {}: {text:?}", time_file.display()))
}

/// The Markdown table written to `target/bench/process.md`.
fn render(rows: &[Row]) -> String {
    let mut md = String::from("# certchain vs openssl, whole process\n\n");
    md.push_str(&format!(
        "Each command: one warm-up run, then {RUNS} runs under `/usr/bin/time -f \"%e %M\"`, \
         stdout to /dev/null. Wall: median, in ms, timed around `/usr/bin/time` (its %e has \
         only 10 ms steps). RSS: the largest %M (peak resident set, KB) of the runs; for a \
         pipeline, of its largest process. certchain: `--release` build.\n\n"
    ));
    md.push_str("| input | certs | command | exit | median wall ms | max RSS KB |\n");
    md.push_str("|---|---:|---|---:|---:|---:|\n");
    for r in rows {
        let cols = match &r.result {
            Ok(s) => format!("{} | {:.1} | {}", s.code, s.median_ms, s.max_rss_kb),
            Err(e) => {
                let first = e.lines().next().unwrap_or_default().replace('|', "\\|");
                format!("- | n/a: {first} | -")
            }
        };
        md.push_str(&format!(
            "| {} | {} | `{}` | {cols} |\n",
            r.input,
            r.certs,
            r.label.replace('|', "\\|")
        ));
    }
    md
}
