//! `certchain`: analyse TLS certificate chains from the command line, and serve the web app.
//!
//! Subcommands: `analyze` (files or stdin), `fetch` (the chain a live server sends),
//! `snippets` (configuration for the fixed files) and `serve` (the web app over HTTP).
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
    /// Fetch the chain a TLS server sends, and analyse it like `analyze`.
    Fetch(cli::fetch::Args),
    /// Configuration snippets that use the fixed files (GitLab Runner, nginx...).
    Snippets(cli::snippets::Args),
    /// Serve the web app (it analyses in the browser: nothing pasted there leaves it) and
    /// the JSON API for portals and scripts.
    Serve(certchain::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => cli::analyze::run(args),
        Command::Fetch(args) => cli::fetch::run(&args),
        Command::Snippets(args) => cli::snippets::run(&args),
        Command::Serve(args) => certchain::serve::run(&args),
    }
}
