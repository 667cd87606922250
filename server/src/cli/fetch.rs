//! `certchain fetch HOST[:PORT] [--servername NAME] [--aia [--aia-allow-private]] [--now T]
//! [--trust F] [--format text|json] [--lang] [--out DIR]`: connect, record the chain the
//! server sends, and print what `analyze` prints for it.
//!
//! Exit codes: 0 no error finding, 1 error findings, 2 the chain could not be fetched.

use std::path::PathBuf;
use std::process::ExitCode;

use certchain::fetch::target::HTTPS_PORT;
use certchain::fetch::{Fetcher, Guard, Slots, Target};
use certchain_core::{Options, UnixTime};

use super::analyze::Output;
use super::input::read_file;
use super::ERRORS;

/// Arguments of `certchain fetch`.
#[derive(clap::Args)]
#[command(after_help = "\
This runs on your own machine, for you: unlike `certchain serve`, it connects to any host \
and port you name (no --allow-fetch rules). AIA URLs are named by the remote certificate, \
not by you: they are downloaded from public addresses only (no loopback, private, \
link-local, cloud metadata or other special-purpose address) unless you give \
--aia-allow-private. Timeouts: name resolution 3 s, connection 3 s, TLS handshake 5 s; each \
AIA download 3 s and 64 KiB, at most 5.")]
pub struct Args {
    /// The server: host, host:port, [v6]:port or https://host:port/ (port 443 by default).
    target: String,
    /// The name sent as SNI and checked against the leaf (default: the host; an IP address
    /// sends no SNI).
    #[arg(long)]
    servername: Option<String>,
    /// Download a missing issuer from the caIssuers URL (http:// only) of the last
    /// certificate; fetched certificates are marked.
    #[arg(long)]
    aia: bool,
    /// With --aia: also download from loopback, private, link-local, cloud metadata and the
    /// other special-purpose addresses (refused by default: the URL comes from the remote
    /// certificate).
    #[arg(long, requires = "aia")]
    aia_allow_private: bool,
    /// Evaluate at this time (RFC 3339, e.g. 2026-11-22T00:00:00Z) instead of now.
    #[arg(long, value_parser = certchain::clock::parse_rfc3339)]
    now: Option<i64>,
    /// Trust only the certificates in this file (replaces the public roots). Repeatable.
    #[arg(long)]
    trust: Vec<PathBuf>,
    #[command(flatten)]
    output: Output,
}

/// Run the subcommand.
pub fn run(args: &Args) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
    let outcome = runtime
        .map_err(|e| say!(ERRORS, "cli-error-network-runtime", error = e))
        .and_then(|runtime| runtime.block_on(execute(args)));
    super::analyze::exit(outcome)
}

async fn execute(args: &Args) -> Result<u8, String> {
    let target = Target::parse(&args.target, HTTPS_PORT).map_err(|e| e.to_string())?;
    let trust = args.trust.iter().map(|p| read_file(p)).collect::<Result<Vec<_>, _>>()?;
    let now = args.now.unwrap_or_else(certchain::clock::now_unix);
    let options = Options { now: UnixTime(now), trust, ..Options::default() };
    let aia_guard = if args.aia_allow_private { Guard::open() } else { Guard::public() };
    let fetcher =
        Fetcher::with_aia_guard(Guard::open(), args.aia.then_some(aia_guard), Slots::per_core());
    let report = fetcher
        .report(&target, args.servername.as_deref(), options)
        .await
        .map_err(|e| say!(ERRORS, "cli-error-fetch", target = target, error = e))?;
    args.output.emit(&report)
}
