//! `certchain analyze [FILE...|-] [--host H] [--now T] [--trust F] [--format text|json]`
//!
//! Exit codes: 0 no error finding, 1 error findings, 2 unusable input.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use certchain_core::Report;

use super::input::Input;
use super::out_dir::OutDir;
use super::ERRORS;
use clap::ValueEnum;

/// Exit code: no error finding.
const OK: u8 = 0;
/// Exit code: the report has error findings.
const FINDINGS: u8 = 1;
/// Exit code: the input could not be used.
const UNUSABLE: u8 = 2;

/// Output format.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text, coloured on a terminal.
    Text,
    /// JSON, the same contracts as the API: the Report (analyze, fetch), the snippet list
    /// (snippets).
    Json,
}

/// Language of the text output.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The catalogues' language.
    pub fn catalogue(self) -> certchain_core::catalogue::Lang {
        match self {
            Lang::En => certchain_core::catalogue::Lang::En,
            Lang::Ja => certchain_core::catalogue::Lang::Ja,
        }
    }
}

/// When to colour text output.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `certchain analyze`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    output: Output,
}

/// How a report is shown, and where its files go: shared by `analyze` and `fetch`.
#[derive(clap::Args)]
pub struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = Lang::En, env = "CERTCHAIN_LANG")]
    lang: Lang,
    /// Colour the text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Write the recommended files (fullchain.pem, ca-bundle.pem, <host>.crt) into this directory.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace files that already exist in the --out directory (never through a link).
    #[arg(long, requires = "out")]
    overwrite: bool,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    exit(execute(&args))
}

/// The exit code of a run; an error is printed and exits with 2 (unusable input).
pub fn exit(outcome: Result<u8, String>) -> ExitCode {
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("certchain: {}", super::text::shown(&message));
            ExitCode::from(UNUSABLE)
        }
    }
}

fn execute(args: &Args) -> Result<u8, String> {
    let report = args.input.analyze()?;
    args.output.emit(&report)
}

impl Output {
    /// Writes the files (`--out`) and prints the report; the exit code it deserves.
    pub fn emit(&self, report: &Report) -> Result<u8, String> {
        if let Some(dir) = &self.out {
            write_bundles(report, &OutDir::open(dir, self.overwrite)?)?;
        }
        print(self, report)?;
        if report.certificates.is_empty() {
            let ja = self.lang == Lang::Ja;
            let reason =
                report.findings.first().map(|f| if ja { &f.message.ja } else { &f.message.en });
            let reason = super::text::shown(reason.map(String::as_str).unwrap_or_default());
            eprintln!(
                "certchain: {}",
                say!(self.lang.catalogue(), "cli-unusable-input", reason = reason)
            );
            return Ok(UNUSABLE);
        }
        let errors =
            report.findings.iter().any(|f| f.severity == certchain_core::report::Severity::Error);
        Ok(if errors { FINDINGS } else { OK })
    }
}

fn print(args: &Output, report: &Report) -> Result<(), String> {
    let result = match args.format {
        Format::Json => print_json(report),
        Format::Text => {
            let choice = match args.color {
                Color::Auto => anstream::ColorChoice::Auto,
                Color::Always => anstream::ColorChoice::Always,
                Color::Never => anstream::ColorChoice::Never,
            };
            let text = super::text::render(report, args.lang == Lang::Ja);
            anstream::AutoStream::new(std::io::stdout().lock(), choice).write_all(text.as_bytes())
        }
    };
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(say!(ERRORS, "cli-error-write-output", error = e))
        }
        _ => Ok(()),
    }
}

/// Stream the JSON: a 10,000-certificate report is never held twice in memory.
fn print_json(report: &Report) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Every file or none: the names are checked before the first is written.
fn write_bundles(report: &Report, out: &OutDir) -> Result<(), String> {
    let b = &report.bundles;
    let bundles: Vec<_> =
        [&b.fullchain, &b.ca_bundle, &b.runner_crt].into_iter().flatten().collect();
    out.check(bundles.iter().map(|bundle| bundle.filename.as_str()))?;
    for bundle in bundles {
        let path = out.write(&bundle.filename, bundle.pem.as_bytes())?;
        eprintln!("{}", say!(ERRORS, "cli-wrote", path = super::text::shown_path(&path)));
    }
    Ok(())
}
