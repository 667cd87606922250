//! Names that hide characters: a control character (CR, LF, ESC…) or an invisible
//! formatting one (a bidi override such as U+202E, a zero-width space) in a certificate's
//! subject or subjectAltName. RFC 5280 §4.1.2.4 lets a UTF8String hold them and §4.2.1.6
//! requires only IA5 for dNSName, but no host name has them (RFC 1123 §2.1): shown to a
//! person, such a name reads as another (`\u{202e}moc.elpmaxe.baltig` is drawn as
//! `gitlab.example.com`) or prints a line of its own. certchain shows them escaped
//! (`escape::visible`); this rule says why the name looks odd.

use super::Finding;
use super::{label, Context, Overview};
use crate::cert::Cert;
use crate::code::Code;
use crate::code::Severity;
use crate::escape::{has_hidden, visible};

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
    Some(finding!(
        Code::HiddenCharactersInName,
        Severity::Warning,
        vec![cert.index],
        label = label_shown(cert),
        name = format!("{shown:?}"),
    ))
}

/// The certificate's label with its name escaped.
fn label_shown(cert: &Cert) -> String {
    visible(&label(cert)).into_owned()
}
