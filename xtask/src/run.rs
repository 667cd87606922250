//! `cargo xtask run [-- ARGS]`: build the release binary and run it.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::dist;
use crate::process::{announce, cargo, cmd, exit_code, run, spawn_status, target_dir, Result};
use crate::setup::setup;

/// Setup, the web app (`dist`) once it exists, release build (which embeds `dist/`), then
/// `certchain ARGS` if given, else [`main_job`]. Returns certchain's exit code.
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

/// What `cargo xtask run` does with no arguments: the web app, served by the release binary
/// (which carries it) on http://127.0.0.1:8080 until Ctrl-C.
fn main_job() -> Result<i32> {
    if !dist::has_web_app() {
        eprintln!("==> no index.html: the binary serves a note instead of the web app");
    }
    eprintln!("==> open http://127.0.0.1:8080/ (Ctrl-C stops)");
    exec(cmd(certchain_bin()).args(["serve", "--listen", "127.0.0.1:8080"]))
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
