//! Which path is best: complete to a trust anchor, currently valid, strongest, shortest.
//! Ties are broken by content (the SHA-256 of the certificates), never by input position,
//! so any order of the same certificates gives the same chain.

use std::cmp::Reverse;

use super::Finding;
use crate::cert::algorithm::{Hash, SigAlg};
use crate::chain::{AnchorKind, End, Found, Graph};
use crate::code::Code;
use crate::code::Severity;

/// A path with the verdict of its findings (only the codes are kept: a 10,000-leaf input
/// has 10,000 paths, and only the best one's findings are reported).
#[derive(Debug, Clone)]
pub struct Ranked {
    /// The path.
    pub found: Found,
    /// Codes of the error findings on it.
    pub errors: Vec<Code>,
    /// Complete and without error findings.
    pub valid: bool,
}

impl Ranked {
    /// Judge a path by its findings; `complete` says whether its end counts as trusted.
    pub fn new(found: Found, findings: &[Finding], complete: bool) -> Ranked {
        let errors: Vec<Code> =
            findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code).collect();
        Ranked { valid: complete && errors.is_empty(), found, errors }
    }
}

/// Sort best first.
pub fn sort(paths: &mut [Ranked], graph: &Graph<'_>) {
    paths.sort_by_cached_key(|r| {
        let certs = &r.found.certs;
        (
            !r.valid,
            end_class(r.found.end),
            r.errors.len(),
            r.found.ends_at_a_pin(graph),
            Reverse(strength(graph, certs)),
            !through_trusted_intermediate(graph, &r.found),
            certs.len(),
            certs.iter().map(|&i| graph.certs[i].sha256.clone()).collect::<Vec<_>>(),
        )
    });
}

/// The path goes up to the input's own copy of an anchor that is not a root, e.g. the
/// intermediate the user trusts with `--trust` (RFC 5280 §6.1.1 (d): any CA can be an
/// anchor). Preferred to stopping below it, so that the chain the server must send keeps that
/// intermediate for the clients that trust only the root.
/// Only for the user's anchors: with a public root, the short path stays the recommended one
/// (a cross-signed copy of a public root is the server's choice, not certchain's).
fn through_trusted_intermediate(graph: &Graph<'_>, found: &Found) -> bool {
    let Some(&top) = found.certs.last() else { return false };
    let user = |a: usize| graph.anchors.get(a).is_some_and(|x| x.kind == AnchorKind::User);
    found.certs.len() > 1
        && matches!(found.end, End::Anchor(a) if user(a) && graph.anchors.equivalent(&graph.certs[top]) == Some(a))
        && !graph.self_signed(top)
}

fn end_class(end: End) -> u8 {
    match end {
        End::Anchor(_) => 0,
        End::SelfSigned => 1,
        End::Missing => 2,
        End::Loop => 3,
    }
}

/// The weakest signature hash on the path (roots' self-signatures excluded).
fn strength(graph: &Graph<'_>, certs: &[usize]) -> u8 {
    certs
        .iter()
        .filter(|&&i| !graph.certs[i].self_issued())
        .map(|&i| match &graph.certs[i].sig_alg {
            SigAlg::Ed25519 => 5,
            SigAlg::Other(_) => 0,
            alg => match alg.hash() {
                Some(Hash::Md2 | Hash::Md5) => 0,
                Some(Hash::Sha1) => 1,
                Some(Hash::Sha224 | Hash::Sha256) => 3,
                Some(Hash::Sha384 | Hash::Sha512) => 4,
                None => 0,
            },
        })
        .min()
        .unwrap_or(5)
}
