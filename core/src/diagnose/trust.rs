//! Where a path ends: at an anchor, at an untrusted root, or short of its issuer.

use super::Finding;
use super::{joined, label, Context, Key};
use crate::catalogue::Text;
use crate::chain::signature::{Unsupported, MAX_RSA_BITS};
use crate::chain::InputKind;
use crate::chain::{AnchorKind, End, Found};
use crate::code::Code;
use crate::code::Severity;

/// Path rule: the end of the path.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let Some(&top) = found.certs.last() else { return Vec::new() };
    let mut out = Vec::new();
    match found.end {
        End::Anchor(a) => out.extend(anchor_problems(ctx, a)),
        End::SelfSigned => {
            if top != found.certs[0] && ctx.kind == InputKind::ServerChain {
                out.push(untrusted_root(ctx, top));
            }
        }
        End::Missing => {
            let rejected = ctx.graph.rejected_issuers(top);
            if rejected.is_empty() {
                out.push(missing_issuer(ctx, top, found.certs.len() > 1));
            } else {
                out.push(bad_signature(ctx, top, &rejected));
            }
        }
        End::Loop => out.push(loop_without_root(ctx, found, top)),
    }
    out.extend(unchecked(ctx, found));
    out
}

/// Whether the path's end makes a `missing_intermediate` finding: its top's issuer is
/// nowhere, not even as a likely private root (a [`missing_root`]), or the path loops.
pub(super) fn misses_an_intermediate(ctx: &Context<'_>, found: &Found) -> bool {
    let Some(&top) = found.certs.last() else { return false };
    match found.end {
        End::Missing => {
            ctx.graph.rejected_issuers(top).is_empty()
                && !private_root_missing(ctx, &ctx.graph.certs[top], found.certs.len() > 1)
        }
        End::Loop => true,
        End::Anchor(_) | End::SelfSigned => false,
    }
}

/// A CA certificate with no caIssuers URL is the mark of a private PKI: its missing issuer
/// is most likely the private root, which servers need not send (RFC 8446 §4.4.2).
fn private_root_missing(ctx: &Context<'_>, cert: &crate::cert::Cert, may_be_root: bool) -> bool {
    may_be_root
        && cert.is_ca()
        && cert.ext.aia.ca_issuers.is_empty()
        && ctx.kind == InputKind::ServerChain
}

/// The authority key id of `cert`, or `none`.
fn aki(cert: &crate::cert::Cert) -> String {
    cert.ext.aki.as_deref().map_or_else(|| "none".to_string(), crate::hex)
}

/// Which trust anchors were used: `user` (`--trust`) or `public`.
fn anchors(ctx: &Context<'_>) -> &'static str {
    let user = ctx.graph.anchors.get(0).is_some_and(|a| a.kind == AnchorKind::User);
    if user {
        "user"
    } else {
        "public"
    }
}

/// A missing issuer's message and severity: the capture's gap rather than the server's when
/// the input is an `s_client` capture that hides certificates (see [`super::Capture`]).
fn missing_intermediate(ctx: &Context<'_>, looped: bool) -> (Key, Severity) {
    let key = match (looped, ctx.capture.is_some()) {
        (false, false) => Code::MissingIntermediate.into(),
        (false, true) => (Code::MissingIntermediate, "capture").into(),
        (true, false) => (Code::MissingIntermediate, "loop").into(),
        (true, true) => (Code::MissingIntermediate, "loop-capture").into(),
    };
    let severity = if ctx.capture.is_some() { Severity::Warning } else { Severity::Error };
    (key, severity)
}

/// RFC 5280 §6.1: a path must end at a trust anchor. The issuer of the top certificate is
/// neither in the input nor a known anchor.
/// `may_be_root`: the top is not the path's start (a leaf's missing issuer is an intermediate
/// as far as anyone can tell) and the path did not end in a loop.
fn missing_issuer(ctx: &Context<'_>, top: usize, may_be_root: bool) -> Finding {
    let cert = &ctx.graph.certs[top];
    if private_root_missing(ctx, cert, may_be_root) {
        return missing_root(cert);
    }
    let public = ctx.graph.anchors.get(0).is_some_and(|a| a.kind == AnchorKind::Public);
    let anchors = if public { "public" } else { "user" };
    let aia = cert.ext.aia.ca_issuers.first().map_or("none", String::as_str);
    let (key, severity) = missing_intermediate(ctx, false);
    finding!(
        key,
        severity,
        vec![top],
        label = label(cert),
        issuer = cert.issuer,
        aki = aki(cert),
        anchors = anchors,
        aia = aia,
    )
}

/// The issuer of the top is in the input, but on the path already: CAs that cross-sign each
/// other in a circle (RFC 4158 §2.3 "loops"), with no root to end it. A path cannot repeat a
/// certificate (RFC 5280 §6.1: a path is a sequence of distinct certificates).
fn loop_without_root(ctx: &Context<'_>, found: &Found, top: usize) -> Finding {
    let cert = &ctx.graph.certs[top];
    let on_path: Vec<usize> =
        ctx.graph.named_issuers(top).into_iter().filter(|i| found.certs.contains(i)).collect();
    if on_path.is_empty() {
        return missing_issuer(ctx, top, false);
    }
    let names: Vec<String> = on_path.iter().map(|&i| label(&ctx.graph.certs[i])).collect();
    let (key, severity) = missing_intermediate(ctx, true);
    finding!(
        key,
        severity,
        std::iter::once(top).chain(on_path.iter().copied()).collect(),
        label = label(cert),
        issuer = cert.issuer,
        names = names.join(", "),
    )
}

/// The chain is complete up to a private CA whose root is not here: the server is fine, the
/// clients need the root.
fn missing_root(cert: &crate::cert::Cert) -> Finding {
    finding_on!(Code::MissingRoot, Severity::Error, cert, issuer = cert.issuer, aki = aki(cert),)
}

/// RFC 5280 §6.1.3 (a)(1): the signature must verify with the issuer's public key.
fn bad_signature(ctx: &Context<'_>, child: usize, issuers: &[usize]) -> Finding {
    let cert = &ctx.graph.certs[child];
    let names: Vec<String> = issuers.iter().map(|&i| label(&ctx.graph.certs[i])).collect();
    finding!(
        Code::BadSignature,
        Severity::Error,
        std::iter::once(child).chain(issuers.iter().copied()).collect(),
        label = label(cert),
        names = names.join(", "),
    )
}

/// The path ends at a self-signed root that is not a trust anchor: a private CA.
fn untrusted_root(ctx: &Context<'_>, top: usize) -> Finding {
    let cert = &ctx.graph.certs[top];
    finding!(
        Code::UntrustedRoot,
        Severity::Error,
        vec![top],
        label = label(cert),
        anchors = anchors(ctx)
    )
}

/// The trust anchor itself: RFC 5280 §6.1.1 leaves it unchecked, but Go and OpenSSL reject an
/// expired root, a root with an unknown critical extension (§4.2) and a weak root key.
fn anchor_problems(ctx: &Context<'_>, a: usize) -> Option<Finding> {
    let anchor = ctx.graph.anchors.get(a)?;
    let mut problems = Vec::new();
    if let Some(min) = super::crypto::short_of(&anchor.key) {
        problems.push(crate::text!(
            "anchor_invalid-problem",
            problem = "weak-key",
            bits = anchor.key.bits,
            alg = anchor.key.algorithm.to_ascii_uppercase(),
            minimum = min,
        ));
    }
    if let Some(cert) = &anchor.cert {
        if ctx.now > cert.not_after || ctx.now < cert.not_before {
            problems.push(crate::text!(
                "anchor_invalid-problem",
                problem = "not-valid-now",
                from = crate::cert::rfc3339(cert.not_before),
                to = crate::cert::rfc3339(cert.not_after),
            ));
        }
        if !cert.ext.unknown_critical.is_empty() {
            problems.push(crate::text!(
                "anchor_invalid-problem",
                problem = "unknown-critical",
                oids = cert.ext.unknown_critical.join(", "),
            ));
        }
    }
    if problems.is_empty() {
        return None;
    }
    let problems = joined(&problems, crate::text!("anchor_invalid-and"));
    Some(finding!(
        Code::AnchorInvalid,
        Severity::Error,
        Vec::new(),
        anchor = anchor.name,
        problems = problems
    ))
}

/// What certchain does not check a signature with, as the message says it.
fn unsupported(reason: &Unsupported) -> Text {
    let (what, detail) = match reason {
        Unsupported::SignatureAlgorithm(oid) => ("signature-algorithm", oid.clone()),
        Unsupported::KeyAlgorithm(oid) => ("key-algorithm", oid.clone()),
        Unsupported::RsaModulus => ("rsa-modulus", MAX_RSA_BITS.to_string()),
        Unsupported::RsaExponent => ("rsa-exponent", String::new()),
        Unsupported::Md2 => ("md2", String::new()),
        Unsupported::PssWithMd => ("pss-md", String::new()),
        Unsupported::EcdsaCurve(curve) => ("ecdsa-curve", curve.clone()),
    };
    crate::text!("unchecked_signature-reason", reason = what, detail = detail)
}

/// Links certchain could not check (unsupported algorithms): said, not hidden.
fn unchecked(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    found
        .unchecked
        .iter()
        .map(|(child, reason)| {
            let cert = &ctx.graph.certs[*child];
            finding!(
                Code::UncheckedSignature,
                Severity::Error,
                vec![*child],
                label = label(cert),
                reason = unsupported(reason),
            )
        })
        .collect()
}
