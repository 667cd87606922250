//! Diagnosis: a fixed vocabulary of findings, each with a message and a fix from the
//! catalogue (`core/locales/<lang>/findings.ftl`: the message is keyed by the finding's code,
//! the fix is its `.fix`). A defect in the certificates is a finding, never an error.
//!
//! Two kinds of rule, each kind sharing one signature:
//! - path rules, `check(&Context, &Found) -> Vec<Finding>`: what is wrong with one path
//!   (used to rank paths, then reported for the best one);
//! - input rules, `check(&Context, &Overview) -> Vec<Finding>`: what is wrong with the input
//!   as a whole (order, duplicates, keys, unreadable blocks, a trust store's out-of-date roots).

/// `finding!(key, severity, certificates, name = value, …)`: a finding whose message and fix
/// are the catalogue's message `key` and its `.fix` (see [`Key`]), both given the same
/// arguments (a pattern uses those it names). A value is anything `Display`, or a [`Text`]
/// (each language takes its own).
macro_rules! finding {
    ($key:expr, $severity:expr, $certificates:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diagnose::finding_of(
            $key,
            $severity,
            $certificates,
            &[$((stringify!($name), &$value as &dyn $crate::catalogue::Arg)),*],
        )
    };
}

/// `finding_on!(key, severity, cert, name = value, …)`: a [`finding!`] about one certificate,
/// which its message names as `$label`.
macro_rules! finding_on {
    ($key:expr, $severity:expr, $cert:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let cert: &$crate::cert::Cert = $cert;
        finding!(
            $key,
            $severity,
            vec![cert.index],
            label = $crate::diagnose::label(cert)
            $(, $name = $value)*
        )
    }};
}

mod bounds;
mod cap;
mod constraints;
mod crypto;
mod extensions;
mod finding;
mod hidden;
mod hostname;
mod input;
mod names;
mod order;
mod pinned;
pub mod rank;
mod store;
mod trust;
mod trust_input;
mod validity;

pub use cap::{cap, PER_CODE};
pub use finding::Finding;
pub use rank::Ranked;
pub use trust_input::TrustInput;

use std::borrow::Cow;

use crate::catalogue::Text;
use crate::catalogue::{self, Arg, Lang};
use crate::cert::Cert;
use crate::chain::InputKind;
use crate::chain::{Found, Graph};
use crate::code::Code;
use crate::code::Severity;
use crate::host::Target;
use crate::input::{Extracted, Origin};

/// What path rules see.
pub struct Context<'a> {
    /// The certificates and their links.
    pub graph: &'a Graph<'a>,
    /// Evaluation time, Unix seconds.
    pub now: i64,
    /// The host the leaf must be valid for.
    pub target: Option<&'a Target>,
    /// What kind of input this is.
    pub kind: InputKind,
    /// The input is an `openssl s_client` capture that holds fewer certificates than the
    /// server sent. `None` while paths are ranked: a path short of its issuer ranks as
    /// incomplete whatever the capture; the findings reported then take the capture into
    /// account (see [`Capture`]).
    pub capture: Option<Capture>,
}

/// An `openssl s_client` capture taken without `-showcerts`: it printed only the server's
/// first certificate, yet lists under "Certificate chain" every certificate the server sent
/// (RFC 8446 §4.4.2: the server sends its chain). An issuer missing from it is the capture's
/// gap, not proof that the server's chain lacks it: the capture is then the problem to fix
/// first (`s_client_leaf_only` is an error), and the missing issuer only a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capture {
    /// Certificates the capture holds.
    pub held: usize,
    /// Certificates the server sent.
    pub sent: usize,
}

impl Capture {
    /// The capture of `extracted`, when it is an `s_client` transcript that holds fewer
    /// certificates (`held`, those read) than the server sent.
    pub fn of(extracted: &Extracted, held: usize) -> Option<Capture> {
        let sent = extracted.s_client.as_ref()?.sent.len();
        (sent > held).then_some(Capture { held, sent })
    }
}

/// What input rules see, besides the context.
pub struct Overview<'a> {
    /// Everything extraction found.
    pub extracted: &'a Extracted,
    /// Blocks that did not parse as certificates: where, and why.
    pub unparsable: &'a [(Origin, String)],
    /// The end-entity certificates.
    pub leaves: &'a [usize],
    /// The best path, if any.
    pub chain: Option<&'a Found>,
    /// Every certificate on any path of the chosen leaf.
    pub on_paths: &'a [usize],
    /// The bounds the analysis reached.
    pub reached: &'a [crate::bounds::Reached],
    /// What the trust input gave, when one was given (`--trust`).
    pub trust_input: Option<&'a TrustInput>,
}

/// Findings about one path.
pub fn path(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let rules: [fn(&Context<'_>, &Found) -> Vec<Finding>; 9] = [
        trust::check,
        pinned::check,
        names::check,
        validity::check,
        hostname::check,
        crypto::check,
        constraints::check,
        extensions::check,
        constraints::check_leaf,
    ];
    rules.iter().flat_map(|rule| rule(ctx, found)).collect()
}

/// Findings about the input as a whole.
pub fn input(ctx: &Context<'_>, overview: &Overview<'_>) -> Vec<Finding> {
    let rules: [fn(&Context<'_>, &Overview<'_>) -> Vec<Finding>; 5] =
        [input::check, order::check, store::check, bounds::check, hidden::check];
    rules.iter().flat_map(|rule| rule(ctx, overview)).collect()
}

/// Most severe first, then in vocabulary order, then by certificate.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.severity, a.code, &a.certificates).cmp(&(b.severity, b.code, &b.certificates))
    });
}

/// Where a finding's texts are in the catalogue: the message `id` and its `.fix`.
pub(crate) struct Key {
    code: Code,
    id: Cow<'static, str>,
}

impl Key {
    /// A finding of `code` worded by another message than its code's (one shared by every
    /// code, such as the count of findings not listed).
    pub(crate) fn worded(code: Code, id: &'static str) -> Self {
        Key { code, id: Cow::Borrowed(id) }
    }
}

/// A finding's usual message: its code's name.
impl From<Code> for Key {
    fn from(code: Code) -> Self {
        Key { code, id: Cow::Borrowed(code.as_str()) }
    }
}

/// One of the messages of a code that has several: `code-variant`.
impl From<(Code, &str)> for Key {
    fn from((code, variant): (Code, &str)) -> Self {
        Key { code, id: Cow::Owned(format!("{code}-{variant}")) }
    }
}

/// A finding worded by the catalogue (see [`finding!`]).
pub(crate) fn finding_of(
    key: impl Into<Key>,
    severity: Severity,
    certificates: Vec<usize>,
    args: &[(&str, &dyn Arg)],
) -> Finding {
    let Key { code, id } = key.into();
    let message = catalogue::text(&id, args);
    let fix = catalogue::text(&format!("{id}.fix"), args);
    Finding { code, severity, certificates, message, fix }
}

/// `parts` joined by `separator`, in every language (the separator is a [`Text`] where the
/// languages join lists differently).
pub(crate) fn joined(parts: &[Text], separator: impl Arg) -> Text {
    let one = |lang: Lang| {
        let parts: Vec<String> = parts.iter().map(|p| p.in_lang(lang)).collect();
        parts.join(&separator.in_lang(lang))
    };
    Text::new(one(Lang::En), one(Lang::Ja))
}

/// How a certificate is named in messages: `#1 "R3"`.
pub(crate) fn label(cert: &Cert) -> String {
    let name = cert.common_name.clone().unwrap_or_else(|| cert.subject.clone());
    format!("#{} \"{}\"", cert.index, name)
}

/// The certificate at position `pos` of a path is its top, and it is a root or an anchor.
pub(crate) fn is_trusted_top(ctx: &Context<'_>, found: &Found, pos: usize) -> bool {
    pos + 1 == found.certs.len()
        && matches!(found.end, crate::chain::End::Anchor(_) | crate::chain::End::SelfSigned)
        && (ctx.graph.self_signed(found.certs[pos])
            || ctx.graph.anchors.equivalent(&ctx.graph.certs[found.certs[pos]]).is_some())
}
