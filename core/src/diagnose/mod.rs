//! Diagnosis: a fixed vocabulary of findings, each with a message and a fix in English and
//! Japanese. A defect in the certificates is a finding, never an error.
//!
//! Two kinds of rule, each kind sharing one signature:
//! - path rules, `check(&Context, &Found) -> Vec<Finding>`: what is wrong with one path
//!   (used to rank paths, then reported for the best one);
//! - input rules, `check(&Context, &Overview) -> Vec<Finding>`: what is wrong with the input
//!   as a whole (order, duplicates, keys, unreadable blocks, a trust store's out-of-date roots).

mod bounds;
mod cap;
mod constraints;
mod crypto;
mod extensions;
mod hidden;
mod hostname;
mod input;
mod names;
mod order;
mod pinned;
mod store;
mod trust;
mod validity;

pub use cap::{cap, PER_CODE};
pub use input::blame_the_capture;

use crate::cert::Cert;
use crate::chain::{Found, Graph};
use crate::code::Code;
use crate::host::Target;
use crate::input::{Extracted, Origin};
use crate::report::{Finding, InputKind, Severity, Text};

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
    /// How many certificates the trust input gave, when one was given (`--trust`).
    pub trusted: Option<usize>,
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

pub(crate) fn finding(
    code: Code,
    severity: Severity,
    certificates: Vec<usize>,
    message: Text,
    fix: Text,
) -> Finding {
    Finding { code, severity, certificates, message, fix }
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
