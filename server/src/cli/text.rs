//! The text report: a tree of the chain, the findings with their fixes, and the files.
//! Colours are ANSI escapes; `anstream` strips them when stdout is not a terminal.
//! Every text from the report goes through [`shown`] (`certchain_core::escape::visible`):
//! names come from certificates, and a CR, an ESC or a bidi override in one must not print
//! a line, a colour or a reordering of its own.

use std::fmt::Write as _;

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
    if ja {
        format!("証明書 {n} 枚 ({}) ・ホスト {host} ・評価時刻 {}", formats.join(", "), report.now)
    } else {
        format!("{n} certificate(s) ({}) · host {host} · as of {}", formats.join(", "), report.now)
    }
}

fn role_name(role: Role, ja: bool) -> &'static str {
    match (role, ja) {
        (Role::Leaf, false) => "leaf",
        (Role::Leaf, true) => "リーフ",
        (Role::Intermediate, false) => "intermediate",
        (Role::Intermediate, true) => "中間",
        (Role::Root, false) => "root",
        (Role::Root, true) => "ルート",
        (Role::OtherLeaf, false) => "other leaf",
        (Role::OtherLeaf, true) => "別のリーフ",
        (Role::Unrelated, false) => "unrelated",
        (Role::Unrelated, true) => "無関係",
        (Role::Ca, false) => "CA",
        (Role::Ca, true) => "CA",
        (Role::Duplicate, false) => "duplicate",
        (Role::Duplicate, true) => "重複",
    }
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
    let expiry = match (days < 0, ja) {
        (true, true) => format!("{until} に期限切れ"),
        (true, false) => format!("expired {until}"),
        (false, true) => format!("{until} まで ({days} 日)"),
        (false, false) => format!("until {until} ({days} days)"),
    };
    let fetched = match (&c.fetched_from, ja) {
        (None, _) => String::new(),
        (Some(url), false) => format!("  {DIM}fetched from {}{RESET}", shown(url)),
        (Some(url), true) => format!("  {DIM}{} から取得{RESET}", shown(url)),
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
    let _ = writeln!(
        out,
        "{BOLD}{}{RESET}",
        if ja { "チェーン(最良のパス)" } else { "Chain (best path)" }
    );
    for (depth, &i) in report.chain.iter().enumerate() {
        let Some(c) = report.certificates.get(i) else { continue };
        let indent =
            if depth == 0 { "  ".to_string() } else { format!("{}└─ ", "   ".repeat(depth)) };
        let _ = writeln!(out, "{indent}{}", cert_line(c, ja));
    }
    if let Some(path) = report.paths.first() {
        let depth = report.chain.len();
        let anchor = shown(&path.anchor);
        let end = match (path.end, ja) {
            (PathEnd::PublicRoot, false) => format!("{GREEN}public root{RESET} {}", anchor),
            (PathEnd::PublicRoot, true) => format!("{GREEN}公的ルート{RESET} {}", anchor),
            (PathEnd::UserAnchor, false) => {
                format!("{GREEN}your trust anchor{RESET} {}", anchor)
            }
            (PathEnd::UserAnchor, true) => {
                format!("{GREEN}指定のトラストアンカー{RESET} {}", anchor)
            }
            (PathEnd::PrivateRoot, false) => {
                format!("{YELLOW}private root, not trusted by default{RESET}")
            }
            (PathEnd::PrivateRoot, true) => {
                format!("{YELLOW}プライベートルート(既定では信頼されない){RESET}")
            }
            (PathEnd::MissingIssuer, false) => {
                format!("{RED}missing issuer:{RESET} {}", anchor)
            }
            (PathEnd::MissingIssuer, true) => {
                format!("{RED}発行者がありません:{RESET} {}", anchor)
            }
        };
        let _ = writeln!(out, "{}└─ {end}", "   ".repeat(depth));
    }
    let came = numbers(report.certificates.iter().map(|c| c.index), ja).join(" ");
    let should: Vec<String> = report.chain.iter().map(|i| format!("#{i}")).collect();
    let (a, b) = if ja { ("入力順", "正しい順") } else { ("input order", "chain order") };
    let _ = writeln!(out, "  {DIM}{a}: {came}   {b}: {}{RESET}\n", should.join(" → "));
}

/// Most certificates listed one by one in the text (the JSON has them all).
const SHOWN: usize = 50;

/// `#i` for the first `SHOWN` indices, then how many more there are.
fn numbers(indices: impl ExactSizeIterator<Item = usize>, ja: bool) -> Vec<String> {
    let total = indices.len();
    let mut listed: Vec<String> = indices.take(SHOWN).map(|i| format!("#{i}")).collect();
    if total > SHOWN {
        let more = total - SHOWN;
        listed.push(if ja { format!("…(他 {more} 枚)") } else { format!("… ({more} more)") });
    }
    listed
}

fn others(out: &mut String, report: &Report, ja: bool) {
    let rest: Vec<&Certificate> =
        report.certificates.iter().filter(|c| !report.chain.contains(&c.index)).collect();
    if rest.is_empty() {
        return;
    }
    let _ =
        writeln!(out, "{BOLD}{}{RESET}", if ja { "その他の証明書" } else { "Other certificates" });
    for c in rest.iter().take(SHOWN) {
        let _ = writeln!(out, "  {}", cert_line(c, ja));
    }
    if rest.len() > SHOWN {
        let _ = writeln!(out, "  {DIM}… {} more{RESET}", rest.len() - SHOWN);
    }
    out.push('\n');
}

/// The error messages pasted with the input: where, the line itself, and what to do.
fn error_messages(out: &mut String, report: &Report, ja: bool) {
    let messages = &report.error_messages;
    if messages.is_empty() {
        return;
    }
    let title = if ja { "エラーメッセージ" } else { "Error messages" };
    let _ = writeln!(out, "{BOLD}{title} ({}){RESET}", messages.len());
    for m in messages {
        error_message(out, m, report.input.sources > 1, ja);
    }
    out.push('\n');
}

fn error_message(out: &mut String, m: &ErrorMessage, several: bool, ja: bool) {
    let t = |text: &Text| pick(text, ja);
    let place = match (several, ja) {
        (true, false) => format!("input #{} line {}", m.source + 1, m.line),
        (true, true) => format!("入力 {} の {} 行目", m.source + 1, m.line),
        (false, false) => format!("line {}", m.line),
        (false, true) => format!("{} 行目", m.line),
    };
    let labels: [&str; 4] = if ja {
        ["意味:", "原因:", "対処:", "スニペット:"]
    } else {
        ["meaning:", "cause:", "fix:", "snippets:"]
    };
    let _ = writeln!(out, "  {RED}{BOLD}{}{RESET}  {DIM}{place}{RESET}", m.code);
    let _ = writeln!(out, "    {DIM}> {}{RESET}", shown(&m.excerpt));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[0], t(&m.meaning));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[1], t(&m.cause));
    let _ = writeln!(out, "    {BOLD}{}{RESET} {}", labels[2], t(&m.fix));
    if !m.snippets.is_empty() {
        let hint = if ja {
            "certchain snippets --target ID で表示"
        } else {
            "see certchain snippets --target ID"
        };
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
    let _ = writeln!(out, "{BOLD}{}{RESET}", if ja { "指摘事項" } else { "Findings" });
    for f in findings {
        let (colour, word) = match f.severity {
            Severity::Error => (RED, "error  "),
            Severity::Warning => (YELLOW, "warning"),
            Severity::Info => (CYAN, "info   "),
        };
        let (message, fix) = (pick(&f.message, ja), pick(&f.fix, ja));
        let _ = writeln!(out, "  {colour}{BOLD}{word}{RESET} {BOLD}{}{RESET}  {message}", f.code);
        let _ = writeln!(out, "          {DIM}{}{RESET} {fix}", if ja { "対処:" } else { "fix:" });
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
                idx.push(if ja { "--trust の CA" } else { "the --trust CA" }.into());
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
    let hint = if ja { "(--out DIR で書き出し)" } else { "(write them with --out DIR)" };
    let _ =
        writeln!(out, "{BOLD}{}{RESET} {DIM}{hint}{RESET}", if ja { "ファイル" } else { "Files" });
    for line in list {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}
