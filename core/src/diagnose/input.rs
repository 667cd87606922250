//! What is wrong with the input itself: nothing usable, broken blocks, private keys,
//! a truncated s_client capture, a trust input without a certificate.

use super::Finding;
use super::{joined, Context, Overview};
use crate::catalogue::Text;
use crate::code::Code;
use crate::code::Severity;
use crate::input::{Origin, ProblemKind};

/// Input rule.
pub fn check(ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if ctx.graph.certs.is_empty() {
        out.push(no_certificates(seen));
    }
    let others = !ctx.graph.certs.is_empty();
    out.extend(seen.extracted.problems.iter().map(|p| match p.kind {
        ProblemKind::MalformedPem => malformed_pem(&p.origin, &p.detail),
        ProblemKind::UnparsableBlock => unparsable(&p.origin, &p.detail, others),
    }));
    out.extend(seen.unparsable.iter().map(|(origin, why)| {
        // The certificate parser's own words (x509-parser), quoted in both languages.
        let why = crate::text!("unparsable_block-der", why = why);
        unparsable(origin, &why, others)
    }));
    if !seen.extracted.private_keys.is_empty() {
        out.push(private_keys(seen));
    }
    out.extend(leaf_only(ctx, seen));
    out.extend(no_trusted_certificate(seen));
    out
}

/// A trust input (`--trust`, the web app's trusted private CA) that holds no certificate
/// leaves nothing trusted (RFC 5280 §6.1.1 (d): the path needs an anchor): say so, with what
/// was found in it instead, rather than blame the chain.
fn no_trusted_certificate(seen: &Overview<'_>) -> Option<Finding> {
    let trust_input = seen.trust_input.filter(|given| given.anchors == 0)?;
    let reasons = trust_input.reasons();
    let why = if reasons.is_empty() {
        Text::verbatim("")
    } else {
        let reasons = joined(&reasons, crate::text!("no_trusted_certificate-and"));
        crate::text!("no_trusted_certificate-reasons", reasons = reasons)
    };
    Some(finding!(Code::NoTrustedCertificate, Severity::Error, Vec::new(), why = why))
}

/// "line 12", "file 2, line 12" or "binary input".
pub(crate) fn place(origin: &Origin) -> Text {
    let at = match (origin.file > 0, origin.line > 0) {
        (false, true) => "line",
        (false, false) => "binary",
        (true, true) => "file-line",
        (true, false) => "file-binary",
    };
    crate::text!("findings-place", at = at, file = origin.file + 1, line = origin.line)
}

fn no_certificates(seen: &Overview<'_>) -> Finding {
    let about_input = seen.extracted.notes.first();
    let mut en = capitalized(about_input.map_or("", |note| note.en.as_str()));
    if !en.is_empty() && !en.ends_with('.') {
        en.push('.');
    }
    let mut ja = about_input.map(|note| note.ja.clone()).unwrap_or_default();
    if !ja.is_empty() && !ja.ends_with('。') {
        ja.push('。');
    }
    let about = if en.is_empty() { "none" } else { "note" };
    let hint = Text::new(en, ja);
    finding!(Code::NoCertificates, Severity::Error, Vec::new(), about = about, hint = hint)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
        .unwrap_or_default()
}

/// The detail names the block and its line already; only the file is added.
fn malformed_pem(origin: &Origin, detail: &Text) -> Finding {
    let file = match origin.file {
        0 => "none".to_string(),
        n => (n + 1).to_string(),
    };
    finding!(Code::MalformedPem, Severity::Error, Vec::new(), file = file, detail = detail)
}

/// `others`: certificates were read besides it (and analysed).
fn unparsable(origin: &Origin, detail: &Text, others: bool) -> Finding {
    finding!(
        Code::UnparsableBlock,
        Severity::Error,
        Vec::new(),
        place = place(origin),
        detail = detail,
        others = if others { "analysed" } else { "alone" },
    )
}

fn private_keys(seen: &Overview<'_>) -> Finding {
    let places: Vec<String> = seen
        .extracted
        .private_keys
        .iter()
        .map(|k| format!("{} ({})", k.kind, place(&k.origin).en))
        .collect();
    let list = places.join(", ");
    finding!(Code::PrivateKeyInBundle, Severity::Warning, Vec::new(), list = list)
}

/// `openssl s_client` without `-showcerts` prints only the leaf, yet lists every certificate
/// the server sent under "Certificate chain". An error when the best path misses an
/// intermediate that the capture may hide (that finding is then a warning, see
/// [`super::Capture`]): the capture is the problem to fix first.
fn leaf_only(ctx: &Context<'_>, seen: &Overview<'_>) -> Option<Finding> {
    let capture = ctx.capture?;
    let info = seen.extracted.s_client.as_ref()?;
    let blamed = seen.chain.is_some_and(|chain| super::trust::misses_an_intermediate(ctx, chain));
    let (verify, code, text) = match (&info.verify_code, &info.verify_text) {
        (Some(code), Some(text)) => ("said", code.to_string(), text.as_str()),
        _ => ("none", String::new(), ""),
    };
    Some(finding!(
        Code::SClientLeafOnly,
        if blamed { Severity::Error } else { Severity::Warning },
        ctx.graph.unique().collect(),
        held = capture.held,
        sent = capture.sent,
        verify = verify,
        verify_code = code,
        verify_text = text,
    ))
}
