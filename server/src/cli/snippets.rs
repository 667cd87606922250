//! `certchain snippets [FILE...|-] --host URL [--target ID]... [--param KEY=VALUE]...
//! [--format text|json] [--lang en|ja] [--out DIR]`: the configuration that uses the fixed
//! files, rendered by `certchain_core::snippets` for this chain.
//!
//! Exit codes: 0 snippets printed, 2 unusable input, unknown parameter or target not offered.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use certchain_core::report::Text;
use certchain_core::snippets::{self, Group, Params, Snippet};

use super::analyze::{Format, Lang};
use super::input::Input;
use super::out_dir::OutDir;
use super::text::shown;
use super::ERRORS;

/// Arguments of `certchain snippets`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: Input,
    /// Only this target (e.g. runner-config-toml, nginx). Repeatable; default: all offered.
    #[arg(long = "target", value_name = "ID")]
    targets: Vec<String>,
    /// A snippet parameter: url, executor, os, job_os, namespace, secret, service_account,
    /// cluster, dind, runner_as_root (see docs/cli.md). Repeatable.
    #[arg(long = "param", value_name = "KEY=VALUE")]
    params: Vec<String>,
    /// Output format (JSON: a list of {target, title, filename, language, body, notes}).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of titles and notes in the text output.
    #[arg(long, value_enum, default_value_t = Lang::En, env = "CERTCHAIN_LANG")]
    lang: Lang,
    /// Also write each snippet's body into this directory, as <target>/<file name>.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace files that already exist in the --out directory (never through a link).
    #[arg(long, requires = "out")]
    overwrite: bool,
}

/// Run the subcommand.
pub fn run(args: &Args) -> ExitCode {
    match execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("certchain: {}", shown(&message));
            ExitCode::from(2)
        }
    }
}

fn execute(args: &Args) -> Result<(), String> {
    let params = params(args)?;
    let report = args.input.analyze()?;
    // A pasted error log alone can still call for snippets (MKE's privileged error).
    if report.certificates.is_empty() && report.error_messages.is_empty() {
        return Err(say!(ERRORS, "cli-error-nothing-usable"));
    }
    let grouped = snippets::render_grouped(&report, &params);
    let group_of: Vec<(&'static str, Group)> =
        grouped.iter().flat_map(|(g, list)| list.iter().map(move |s| (s.target, *g))).collect();
    let offered = grouped.iter().flat_map(|(_, list)| list.iter().cloned()).collect();
    let chosen = choose(offered, &args.targets)?;
    if let Some(dir) = &args.out {
        write_all(&chosen, &OutDir::open(dir, args.overwrite)?)?;
    }
    let output = match args.format {
        Format::Json => serde_json::to_string_pretty(&chosen).map_err(|e| e.to_string())? + "\n",
        Format::Text => text(&chosen, &group_of, args.lang),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(output.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(say!(ERRORS, "cli-error-write-output", error = e))
        }
        _ => Ok(()),
    }
}

/// The parameters: defaults, the URL from `--host`, then each `--param`.
fn params(args: &Args) -> Result<Params, String> {
    let mut params =
        Params { url: args.input.host.clone().unwrap_or_default(), ..Params::default() };
    for pair in &args.params {
        let quoted = format!("{pair:?}");
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| say!(ERRORS, "cli-error-param-syntax", param = quoted))?;
        params
            .set(key.trim(), value)
            .map_err(|e| say!(ERRORS, "cli-error-param", param = quoted, error = e))?;
    }
    Ok(params)
}

/// The requested targets, in the order asked; every one must be offered.
fn choose(offered: Vec<Snippet>, targets: &[String]) -> Result<Vec<Snippet>, String> {
    if targets.is_empty() {
        return Ok(offered);
    }
    let offers = |t: &String| offered.iter().any(|s| s.target == t.as_str());
    if let Some(missing) = targets.iter().find(|t| !offers(t)) {
        return Err(certchain_core::snippets::not_offered(missing, &offered));
    }
    Ok(targets
        .iter()
        .filter_map(|t| offered.iter().find(|s| s.target == t.as_str()).cloned())
        .collect())
}

/// Each body into `dir/<target>/<filename>`: several targets share a file name
/// (config.toml, .gitlab-ci.yml), so each gets its own folder.
fn write_all(chosen: &[Snippet], out: &OutDir) -> Result<(), String> {
    let folders =
        chosen.iter().map(|s| out.sub(s.target).map(|f| (f, s))).collect::<Result<Vec<_>, _>>()?;
    for (folder, snippet) in &folders {
        folder.check([snippet.filename.as_str()])?;
    }
    for (folder, snippet) in folders {
        let path = folder.write(&snippet.filename, snippet.body.as_bytes())?;
        eprintln!("{}", say!(ERRORS, "cli-wrote", path = super::text::shown_path(&path)));
    }
    Ok(())
}

/// The snippets as text, under a heading at each change of group.
fn text(chosen: &[Snippet], group_of: &[(&'static str, Group)], lang: Lang) -> String {
    let pick = |t: &Text| shown(if lang == Lang::Ja { &t.ja } else { &t.en });
    let mut out = String::new();
    let mut current = None;
    for s in chosen {
        let group = group_of.iter().find(|(target, _)| *target == s.target).map(|(_, g)| *g);
        if group != current {
            if let Some(group) = group {
                out += &format!("═══ {} ═══\n\n", pick(&group.title()));
            }
            current = group;
        }
        let danger = if s.dangerous {
            format!("{} ", say!(lang.catalogue(), "cli-snippet-insecure"))
        } else {
            String::new()
        };
        out += &format!(
            "── {danger}{} [{}] {} ({})\n",
            pick(&s.title),
            s.target,
            shown(&s.filename),
            s.language
        );
        // The quoting of the snippets writes no control character; this is the terminal's
        // own guard, line by line.
        for line in s.body.lines() {
            out += &shown(line);
            out.push('\n');
        }
        for note in &s.notes {
            out += &format!("  • {}\n", pick(note));
        }
        out.push('\n');
    }
    out
}
