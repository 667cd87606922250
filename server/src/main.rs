//! `certchain`: analyse TLS certificate chains from the command line.
//!
//! Subcommands: `analyze` (files or stdin). The web server (`serve`) and live `fetch` come
//! with their own issues.
#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Read, build and diagnose TLS certificate chains.
#[derive(Parser)]
#[command(name = "certchain", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a chain: PEM, DER, PKCS#7, s_client output... (files are read as one input).
    Analyze(cli::analyze::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => cli::analyze::run(args),
    }
}
