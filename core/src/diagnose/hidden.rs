//! Names that hide characters: a control character (CR, LF, ESC…) or an invisible
//! formatting one (a bidi override such as U+202E, a zero-width space) in a certificate's
//! subject or subjectAltName. RFC 5280 §4.1.2.4 lets a UTF8String hold them and §4.2.1.6
//! requires only IA5 for dNSName, but no host name has them (RFC 1123 §2.1): shown to a
//! person, such a name reads as another (`\u{202e}moc.elpmaxe.baltig` is drawn as
//! `gitlab.example.com`) or prints a line of its own. certchain shows them escaped
//! (`escape::visible`); this rule says why the name looks odd.

use super::{finding, label, Context, Overview};
use crate::cert::Cert;
use crate::code::Code;
use crate::escape::{has_hidden, visible};
use crate::report::{Finding, Severity, Text};

/// Input rule: one warning per certificate whose names hide characters.
pub fn check(ctx: &Context<'_>, _overview: &Overview<'_>) -> Vec<Finding> {
    ctx.graph.certs.iter().filter_map(hiding).collect()
}

fn hiding(cert: &Cert) -> Option<Finding> {
    let sans = cert.ext.sans.as_ref();
    let names = std::iter::once(&cert.subject)
        .chain(sans.into_iter().flat_map(|s| s.dns.iter().chain(&s.email).chain(&s.uri)));
    let name = names.into_iter().find(|name| has_hidden(name))?;
    let shown = visible(name);
    Some(finding(
        Code::HiddenCharactersInName,
        Severity::Warning,
        vec![cert.index],
        Text::new(
            format!("{} has a name with control or invisible formatting characters: {shown:?}. Shown as it is, it reads as another name or prints a line of its own; certchain shows those characters as \\u{{…}} escapes.", label_shown(cert)),
            format!("{} の名前に制御文字または不可視の書式文字が含まれています: {shown:?}。そのまま表示すると別の名前に見えたり、行を偽装したりします。certchain はこれらを \\u{{…}} のエスケープで表示します。", label_shown(cert)),
        ),
        Text::new(
            "Do not trust what this name appears to say. A CA that issues names like this is broken or hostile: find out who made this certificate before using it anywhere.",
            "この名前の見た目を信用しないでください。このような名前を発行する CA は壊れているか悪意があります。使う前に、誰がこの証明書を作ったのか確認してください。",
        ),
    ))
}

/// The certificate's label with its name escaped.
fn label_shown(cert: &Cert) -> String {
    visible(&label(cert)).into_owned()
}
