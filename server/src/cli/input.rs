//! The input options every subcommand that analyses shares: files or stdin, `--host`,
//! `--now`, `--trust`.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use certchain_core::{analyze_owned, Options, Report, Source, UnixTime};

use super::ERRORS;

/// What to analyse, and how.
#[derive(clap::Args)]
pub struct Input {
    /// Files to read as one input; `-` or nothing for stdin.
    files: Vec<PathBuf>,
    /// Host or URL clients connect to (e.g. https://gitlab.example.com:8443/).
    #[arg(long, env = "CERTCHAIN_HOST", value_parser = host_or_url)]
    pub host: Option<String>,
    /// Evaluate at this time (RFC 3339, e.g. 2026-11-22T00:00:00Z) instead of now.
    #[arg(long, value_parser = certchain::clock::parse_rfc3339)]
    now: Option<i64>,
    /// Trust only the certificates in this file (replaces the public roots). Repeatable.
    #[arg(long)]
    trust: Vec<PathBuf>,
}

impl Input {
    /// Reads the input and analyses it; `Err` only when a file cannot be read.
    pub fn analyze(&self) -> Result<Report, String> {
        let sources = read_inputs(&self.files)?;
        let trust = self.trust.iter().map(|p| read_file(p)).collect::<Result<Vec<_>, _>>()?;
        let now = self.now.unwrap_or_else(certchain::clock::now_unix);
        let host = self.host.clone().filter(|h| !h.is_empty());
        let options = Options { now: UnixTime(now), host, trust, ..Options::default() };
        Ok(analyze_owned(sources, &options))
    }
}

/// `--host` as typed, once it is known to name a host (a typo must not turn the host
/// check off without a word); empty for none (`CERTCHAIN_HOST=`).
fn host_or_url(text: &str) -> Result<String, String> {
    certchain_core::host::given(text).map(|host| host.unwrap_or_default().to_string())
}

fn read_inputs(files: &[PathBuf]) -> Result<Vec<Source>, String> {
    if files.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(say!(ERRORS, "cli-error-no-input"));
        }
        return Ok(vec![read_stdin()?]);
    }
    files.iter().map(|f| if f.as_os_str() == "-" { read_stdin() } else { read_file(f) }).collect()
}

fn read_stdin() -> Result<Source, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| say!(ERRORS, "cli-error-read-stdin", error = e))?;
    // The name the report's texts quote, in every language.
    Ok(Source { name: Some(say!(ERRORS, "cli-stdin-name")), bytes })
}

/// A file as a source named by its path.
pub fn read_file(path: &Path) -> Result<Source, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| say!(ERRORS, "cli-error-read-file", path = path.display(), error = e))?;
    Ok(Source { name: Some(path.display().to_string()), bytes })
}
