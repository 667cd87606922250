//! The text report: a tree of the chain, the findings with their fixes, and the files.
//! Colours are ANSI escapes; `anstream` strips them when stdout is not a terminal.
//! Every text from the report goes through [`shown`] (`certchain_core::escape::visible`):
//! names come from certificates, and a CR, an ESC or a bidi override in one must not print
//! a line, a colour or a reordering of its own.

use std::fmt::Write as _;

use certchain_core::catalogue::Lang;
use certchain_core::report::{
    Certificate, ErrorMessage, Finding, PathEnd, Report, Role, Severity, Text,
};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

/// The catalogues' language of the text output (Japanese when `ja`).
fn lang(ja: bool) -> Lang {
    if ja {
        Lang::Ja
    } else {
        Lang::En
    }
}

/// `text` with its control and bidi characters written as escapes.
pub fn shown(text: &str) -> String {
    certchain_core::escape::visible(text).into_owned()
}

/// The text in the chosen language, escaped.
fn pick(text: &Text, ja: bool) -> String {
    shown(if ja { &text.ja } else { &text.en })
}

/// A path the CLI wrote, as shown on stderr.
pub fn shown_path(path: &std::path::Path) -> String {
    shown(&path.display().to_string())
}

/// Render the report as text, in Japanese when `ja`.
pub fn render(report: &Report, ja: bool) -> String {
    let t = |text: &Text| pick(text, ja);
    let mut out = String::new();
    let errors = report.findings.iter().any(|f| f.severity == Severity::Error);
    // The mark follows the exit code: any error finding (even one about the input as a
    // whole, such as a broken block beside a valid chain) is something to fix.
    let verdict = match (errors, report.valid) {
        (true, _) => format!("{RED}{BOLD}✘"),
        (false, true) => format!("{GREEN}{BOLD}✔"),
        (false, false) => format!("{CYAN}{BOLD}●"),
    };
    let _ = writeln!(out, "{verdict} {}{RESET}", t(&report.summary));
    let _ = writeln!(out, "{DIM}{}{RESET}\n", context_line(report, ja));
    chain_tree(&mut out, report, ja);
    others(&mut out, report, ja);
    error_messages(&mut out, report, ja);
    findings(&mut out, &report.findings, ja);
    files(&mut out, report, ja);
    let _ = writeln!(out, "{DIM}{}{RESET}", t(&report.trust.explanation));
    out
}

fn context_line(report: &Report, ja: bool) -> String {
    let n = report.certificates.len();
    let formats: Vec<String> = report
        .input
        .formats
        .iter()
        .map(|f| serde_json::to_string(f).unwrap_or_default().trim_matches('"').to_string())
        .collect();
    let host = report.host.as_deref().map_or_else(|| "-".into(), shown);
    let formats = formats.join(", ");
    say!(lang(ja), "cli-context", count = n, formats = formats, host = host, now = report.now)
}

fn role_name(role: Role, ja: bool) -> String {
    let id = match role {
        Role::Leaf => "cli-role-leaf",
        Role::Intermediate => "cli-role-intermediate",
        Role::Root => "cli-role-root",
        Role::OtherLeaf => "cli-role-other-leaf",
        Role::Unrelated => "cli-role-unrelated",
        Role::Ca => "cli-role-ca",
        Role::Duplicate => "cli-role-duplicate",
    };
    say!(lang(ja), id)
}

fn cert_line(c: &Certificate, ja: bool) -> String {
    let name = shown(c.common_name.as_deref().unwrap_or(&c.subject));
    let days = c.validity.days_left;
    let colour = if days < 0 {
        RED
    } else if days <= 30 {
        YELLOW
    } else {
        GREEN
    };
    let until = c.validity.not_after.get(..10).unwrap_or_default();
    let expiry = if days < 0 {
        say!(lang(ja), "cli-cert-expired", date = until)
    } else {
        say!(lang(ja), "cli-cert-until", date = until, days = days)
    };
    let fetched = match &c.fetched_from {
        None => String::new(),
        Some(url) => {
            format!("  {DIM}{}{RESET}", say!(lang(ja), "cli-cert-fetched-from", url = shown(url)))
        }
    };
    format!(
        "{BOLD}#{}{RESET} {CYAN}{}{RESET} {BOLD}{name}{RESET}  {colour}{expiry}{RESET}{fetched}",
        c.index,
        role_name(c.role, ja)
    )
}

fn chain_tree(out: &mut String, report: &Report, ja: bool) {
    if report.chain.is_empty() {
        return;
    }
    let _ = writeln!(out, "{BOLD}{}{RESET}", say!(lang(ja), "cli-chain-title"));
    for (depth, &i) in report.chain.iter().enumerate() {
        let Some(c) = report.certificates.get(i) else { continue };
        let indent =
            if depth == 0 { "  ".to_string() } else { format!("{}└─ ", "   ".repeat(depth)) };
        let _ = writeln!(out, "{indent}{}", cert_line(c, ja));
    }
    if let Some(path) = report.paths.first() {
        let depth = report.chain.len();
        let anchor = shown(&path.anchor);
        let words = |id: &str| say!(lang(ja), id);
        let end = match path.end {
            PathEnd::PublicRoot => {
                format!("{GREEN}{}{RESET} {anchor}", words("cli-chain-end-public-root"))
            }
            PathEnd::UserAnchor => {
                format!("{GREEN}{}{RESET} {anchor}", words("cli-chain-end-user-anchor"))
            }
            PathEnd::PrivateRoot => {
                format!("{YELLOW}{}{RESET}", words("cli-chain-end-private-root"))
            }
            PathEnd::MissingIssuer => {
                format!("{RED}{}{RESET} {anchor}", words("cli-chain-end-missing-issuer"))
            }
        };
        let _ = writeln!(out, "{}└─ {end}", "   ".repeat(depth));
    }
    let came = numbers(report.certificates.iter().map(|c| c.index), ja).join(" ");
    let should: Vec<String> = report.chain.iter().map(|i| format!("#{i}")).collect();
    let order = say!(lang(ja), "cli-chain-order", input = came, chain = should.join(" → "));
    let _ = writeln!(out, "  {DIM}{order}{RESET}\n");
}

/// Most certificates listed one by one in the text (the JSON has them all).
const SHOWN: usize = 50;

/// `#i` for the first `SHOWN` indices, then how many more there are.
fn numbers(indices: impl ExactSizeIterator<Item = usize>, ja: bool) -> Vec<String> {
    let total = indices.len();
    let mut listed: Vec<String> = indices.take(SHOWN).map(|i| format!("#{i}")).collect();
    if total > SHOWN {
        let more = total - SHOWN;
        listed.push(say!(lang(ja), "cli-more-certificates", count = more));
    }
    listed
}

fn others(out: &mut String, report: &Report, ja: bool) {
    let rest: Vec<&Certificate> =
        report.certificates.iter().filter(|c| !report.chain.contains(&c.index)).collect();
    if rest.is_empty() {
        return;
    }
    let _ = writeln!(out, "{BOLD}{}{RESET}", say!(lang(ja), "cli-others-title"));
    for c in rest.iter().take(SHOWN) {
        let _ = writeln!(out, "  {}", cert_line(c, ja));
    }
    if rest.len() > SHOWN {
        let more = say!(lang(ja), "cli-others-more", count = rest.len() - SHOWN);
        let _ = writeln!(out, "  {DIM}{more}{RESET}");
    }
    out.push('\n');
}

/// The error messages pasted with the input: where, the line itself, and what to do.
fn error_messages(out: &mut String, report: &Report, ja: bool) {
    let messages = &report.error_messages;
    if messages.is_empty() {
        return;
    }
    let title = say!(lang(ja), "cli-error-messages-title", count = messages.len());
    let _ = writeln!(out, "{BOLD}{title}{RESET}");
    for m in messages {
        error_message(out, m, report.input.sources > 1, ja);
    }
    out.push('\n');
}

fn error_message(out: &mut String, m: &ErrorMessage, several: bool, ja: bool) {
    let t = |text: &Text| pick(text, ja);
    let place = if several {
        say!(lang(ja), "cli-error-place-several", source = m.source + 1, line = m.line)
    } else {
        say!(lang(ja), "cli-error-place", line = m.line)
    };
    let labels = ["cli-label-meaning", "cli-label-cause", "cli-label-fix", "cli-label-snippets"]
        .map(|id| say!(lang(ja), id));
    let _ = writeln!(out, "  {RED}{BOLD}{}{RESET}  {DIM}{place}{RESET}", m.code);
    let _ = writeln!(out, "    {DIM}> {}{RESET}", shown(&m.excerpt));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[0], t(&m.meaning));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[1], t(&m.cause));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[2], t(&m.fix));
    if !m.snippets.is_empty() {
        let hint = say!(lang(ja), "cli-snippets-hint");
        let _ = writeln!(
            out,
            "    {BOLD}{}{RESET} {CYAN}{}{RESET}  {DIM}({hint}){RESET}",
            labels[3],
            m.snippets.join(", ")
        );
    }
}

fn findings(out: &mut String, findings: &[Finding], ja: bool) {
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "{BOLD}{}{RESET}", say!(lang(ja), "cli-findings-title"));
    let fix_label = say!(lang(ja), "cli-label-fix");
    for f in findings {
        let (colour, word) = match f.severity {
            Severity::Error => (RED, say!(lang(ja), "cli-severity-error")),
            Severity::Warning => (YELLOW, say!(lang(ja), "cli-severity-warning")),
            Severity::Info => (CYAN, say!(lang(ja), "cli-severity-info")),
        };
        // Padded to the longest word, so the codes line up.
        let word = format!("{word:<7}");
        let (message, fix) = (pick(&f.message, ja), pick(&f.fix, ja));
        let _ = writeln!(out, "  {colour}{BOLD}{word}{RESET} {BOLD}{}{RESET}  {message}", f.code);
        let _ = writeln!(out, "          {DIM}{fix_label}{RESET} {fix}");
    }
    out.push('\n');
}

fn files(out: &mut String, report: &Report, ja: bool) {
    let b = &report.bundles;
    let list: Vec<String> = [&b.fullchain, &b.ca_bundle, &b.runner_crt]
        .into_iter()
        .flatten()
        .map(|x| {
            let mut idx = numbers(x.certificates.iter().copied(), ja);
            // The --trust anchor appended to a CA file has no index in the input.
            if x.pem.matches("-----BEGIN CERTIFICATE-----").count() > x.certificates.len() {
                idx.push(say!(lang(ja), "cli-files-trust-ca"));
            }
            format!(
                "  {BOLD}{}{RESET} ({})  {DIM}{}{RESET}",
                shown(&x.filename),
                idx.join(", "),
                pick(&x.description, ja)
            )
        })
        .collect();
    if list.is_empty() {
        return;
    }
    let hint = say!(lang(ja), "cli-files-hint");
    let _ = writeln!(out, "{BOLD}{}{RESET} {DIM}{hint}{RESET}", say!(lang(ja), "cli-files-title"));
    for line in list {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}
