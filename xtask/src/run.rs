//! `cargo xtask run [-- ARGS]`: build the release binary and run it.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::dist;
use crate::process::{announce, cargo, cmd, exit_code, run, spawn_status, target_dir, Result};
use crate::setup::setup;

/// Setup, the web app (`dist`) once it exists, release build, then `certchain ARGS`
/// if given, else [`main_job`]. Returns certchain's exit code.
pub fn run_cmd(args: &[OsString]) -> Result<i32> {
    setup()?;
    if dist::has_web_app() {
        dist::build()?;
    }
    build_release()?;
    if args.is_empty() {
        main_job()
    } else {
        // Paths in ARGS are the caller's: keep the directory cargo was run from.
        let mut c = Command::new(certchain_bin());
        c.args(args);
        exec(&mut c)
    }
}

/// What `cargo xtask run` does with no arguments: the GitLab Runner showcase. First the
/// s_client transcript of a private-CA GitLab as the runner sees it (the root is missing),
/// then the same with the private root as trust anchor, writing the fixed files.
/// Exit code 1 from certchain means "the report has error findings", which is the point of
/// the first run: only a failure to produce a report (exit 2 or worse) fails the job.
/// (The web app will take this over: build it, then `certchain serve`.)
fn main_job() -> Result<i32> {
    const SAMPLE: [&str; 5] = [
        "analyze",
        "tests/fixtures/inputs/s_client-showcerts.txt",
        "--host",
        "https://gitlab.example.com:8443/",
        "--now=2026-11-22T00:00:00Z",
    ];
    let first = exec(cmd(certchain_bin()).args(SAMPLE))?;
    let out = target_dir().join("run-sample");
    let mut trusted = cmd(certchain_bin());
    trusted.args(SAMPLE).args(["--trust", "tests/fixtures/inputs/root.pem", "--out"]).arg(&out);
    let second = exec(&mut trusted)?;
    let worst = first.max(second);
    eprintln!("==> certchain exit codes: {first} (as the runner sees it), {second} (with the root trusted)");
    Ok(if worst <= 1 { 0 } else { worst })
}

/// `cargo build --release -p certchain --locked`.
pub fn build_release() -> Result {
    run(cargo().args(["build", "--release", "-p", "certchain", "--locked"]))
}

/// The release binary that [`build_release`] makes.
pub fn certchain_bin() -> PathBuf {
    target_dir().join("release").join("certchain")
}

/// Runs `c` in the foreground and returns its exit code.
fn exec(c: &mut Command) -> Result<i32> {
    announce(c);
    let status = spawn_status(c)?;
    Ok(exit_code(status))
}
