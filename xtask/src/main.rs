//! `cargo xtask`: the project's build, test, run and bench tasks, and the only
//! place that knows the toolchain. Plain std Rust, no dependencies.

mod bench;
mod bench_data;
mod dist;
mod fuzz;
mod hostile;
mod image;
mod load;
mod process;
// Shared with the hostile tests (plain std Rust, so xtask stays free of dependencies).
#[path = "../../tests/src/rsa_bomb.rs"]
mod rsa_bomb;
mod run;
mod setup;
mod single_file;
mod soak;
mod test;
mod vectors;

use std::ffi::OsString;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup            install what is missing (the cryptography-vectors corpus, wasm32 target,
                   rustfmt, clippy, openssl, nginx, wrk, time, trunk, wasm-bindgen-cli,
                   wasm-opt, chromium, chromium-driver, fonts-noto-cjk)
  test             setup; `cargo xtask dist` when index.html exists (certchain embeds it);
                   fmt --check; clippy -D warnings (wasm32 web app and fuzz targets too); tests (nextest
                   or cargo test, browser tests included); wasm32 build of certchain-core;
                   benches compile (--no-run)
  run [-- ARGS]    setup; `dist` when index.html exists; release build (it embeds dist/);
                   `certchain serve` on http://127.0.0.1:8080, or `certchain ARGS` when given;
                   exits with certchain's code
  dist             setup; trunk build --release --offline --locked --dist dist; SIZES.md;
                   dist/certchain.html (the web app as one file, for file://)
  bench            criterion benches of certchain-core, then certchain vs openssl
                   (wall time, peak RSS) -> target/bench/process.md, then `load`, then
                   `soak`, then `hostile`, then the web app in headless Chromium
                   -> target/bench/web.md
  fuzz [--secs N] [TARGET...]
                   cargo-fuzz (nightly) on extract, parse_cert, analyze, snippets, N seconds
                   each (default 60), seeded from tests/fixtures -> target/fuzz/summary.md;
                   exits 1 when a target found a crash
  load             setup; release build; certchain serve under wrk (64 connections,
                   healthz then analyze, CERTCHAIN_LOAD_SECS each, default 30)
                   -> target/bench/load.md
  soak             setup; release build; certchain serve under 8 clients sending valid and
                   hostile requests for CERTCHAIN_SOAK_SECS (default 600): no 5xx, every
                   answer under 1 s, RSS flat within 10% -> target/bench/soak.md
  hostile          release build; certchain serve under the attacks of the security
                   review, one server each: one analysis slot and an RSA key with a
                   480,000-bit exponent (other answers within 1 s); 20 clients sending 1 MiB
                   and never reading (RSS under 200 MB); 5,000 connections that fall silent
                   (all closed within 12 s). CERTCHAIN_HOSTILE_SECS sets the first two
                   (default 30) -> target/bench/hostile.md; about 2 minutes
  image            release build; the run stage of deploy/Dockerfile without Docker: the
                   binary in a root holding only distroless cc-debian12's libraries, started
                   by chroot as the Dockerfile's USER with its ENTRYPOINT (on loopback),
                   must serve /healthz, the app and an analysis (needs root)
  help             this text
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let command = args.next().map(|a| a.to_string_lossy().into_owned());
    let rest: Vec<OsString> = args.collect();
    let result = match command.as_deref() {
        None | Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(0)
        }
        Some("setup") => setup::setup().map(|()| 0),
        Some("test") => test::test(),
        Some("run") => run::run_cmd(strip_dashes(&rest)),
        Some("bench") => bench::bench().map(|()| 0),
        Some("load") => setup::setup()
            .and_then(|()| run::build_release())
            .and_then(|()| load::load())
            .map(|()| 0),
        Some("soak") => setup::setup()
            .and_then(|()| run::build_release())
            .and_then(|()| soak::soak())
            .map(|()| 0),
        // Needs no tool but the release binary.
        Some("hostile") => run::build_release().and_then(|()| hostile::hostile()).map(|()| 0),
        Some("dist") => dist::dist().map(|()| 0),
        Some("image") => image::image().map(|()| 0),
        Some("fuzz") => fuzz::fuzz(&rest),
        Some(other) => {
            eprint!("error: unknown command `{other}`\n\n{USAGE}");
            Ok(2)
        }
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `run -- ARGS` and `run ARGS` mean the same.
fn strip_dashes(args: &[OsString]) -> &[OsString] {
    match args.split_first() {
        Some((first, rest)) if first == "--" => rest,
        _ => args,
    }
}
