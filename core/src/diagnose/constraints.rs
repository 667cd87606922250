//! Certificate constraints along a path (RFC 5280 §6.1.4) and the leaf's own (§4.2.1.3,
//! §4.2.1.9, §4.2.1.12). The trust anchor at the top is a name and a key (§6.1.1 (d)): its
//! basicConstraints and keyUsage are not processed, as Go and rustls-webpki do not. Its
//! extendedKeyUsage is: Go (checkChainForKeyUsage runs over the whole chain, root included)
//! and OpenSSL (check_chain_purposes, the anchor included) refuse a TLS server chain under an
//! anchor restricted to other purposes, though RFC 5280 lets a verifier ignore it.

use super::Finding;
use super::{is_trusted_top, label, Context};
use crate::cert::Cert;
use crate::chain::InputKind;
use crate::chain::{End, Found};
use crate::code::Code;
use crate::code::Severity;

/// Path rule: what every issuing certificate must allow.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, &i) in found.certs.iter().enumerate() {
        if is_trusted_top(ctx, found, pos) {
            continue;
        }
        let cert = &ctx.graph.certs[i];
        if pos == 0 {
            continue;
        }
        if !cert.is_ca() {
            out.push(not_ca(cert));
        }
        if cert.ext.key_usage.is_some() && !cert.ext.key_cert_sign {
            out.push(no_cert_sign(cert));
        }
        if let Some(limit) = cert.ext.basic_constraints.and_then(|bc| bc.path_len) {
            let below = intermediates_below(ctx, &found.certs[..pos]);
            if below > limit as usize {
                out.push(pathlen(cert, limit, below));
            }
        }
        if ctx.kind == InputKind::ServerChain && !cert.ext.server_auth_allowed {
            out.push(eku(cert, false));
        }
    }
    out.extend(anchor_eku(ctx, found));
    out
}

/// The anchor's own extendedKeyUsage: the path's top when it is a root or a trusted copy in
/// the input, or the trusted certificate the path ends at outside the input.
fn anchor_eku(ctx: &Context<'_>, found: &Found) -> Option<Finding> {
    if ctx.kind != InputKind::ServerChain || found.certs.len() < 2 {
        // A self-signed leaf is its own anchor: its EKU is the leaf's rule (check_leaf).
        return None;
    }
    let top = found.certs.len() - 1;
    let anchor = if is_trusted_top(ctx, found, top) || found.end == End::SelfSigned {
        &ctx.graph.certs[found.certs[top]]
    } else {
        let End::Anchor(a) = found.end else { return None };
        ctx.graph.anchors.get(a).and_then(|x| x.cert.as_deref())?
    };
    if anchor.ext.server_auth_allowed {
        return None;
    }
    // Pointed at in the input when the user pasted it too; else named by its subject.
    let copy = ctx
        .graph
        .certs
        .iter()
        .find(|c| c.spki_der == anchor.spki_der && c.subject == anchor.subject);
    let (named, certs) = match copy {
        Some(cert) => (label(cert), vec![cert.index]),
        None => (format!("\"{}\"", anchor.subject), Vec::new()),
    };
    Some(anchor_eku_finding(anchor, &named, certs))
}

fn anchor_eku_finding(cert: &Cert, named: &str, certs: Vec<usize>) -> Finding {
    let list = cert.ext.extended_key_usage.clone().unwrap_or_default().join(", ");
    finding!((Code::EkuNoServerAuth, "anchor"), Severity::Error, certs, named = named, list = list)
}

/// RFC 5280 §6.1.4 (l): self-issued intermediates do not count against pathLenConstraint.
fn intermediates_below(ctx: &Context<'_>, below: &[usize]) -> usize {
    below.iter().skip(1).filter(|&&i| !ctx.graph.certs[i].self_issued()).count()
}

/// Path rule: the leaf of a server chain.
pub fn check_leaf(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let Some(&leaf) = found.certs.first() else { return Vec::new() };
    if ctx.kind != InputKind::ServerChain {
        return Vec::new();
    }
    let cert = &ctx.graph.certs[leaf];
    let mut out = Vec::new();
    if found.certs.len() == 1 && ctx.graph.self_signed(leaf) {
        let trusted = matches!(found.end, End::Anchor(_));
        out.push(self_signed_leaf(cert, trusted));
    }
    if cert.is_ca() {
        out.push(leaf_is_ca(cert));
    }
    if !cert.ext.server_auth_allowed {
        out.push(eku(cert, true));
    }
    out
}

/// RFC 5280 §4.2.1.9 and §6.1.4 (k): an issuer must be a CA.
fn not_ca(cert: &Cert) -> Finding {
    let basic = if cert.ext.basic_constraints.is_some() { "false" } else { "absent" };
    finding_on!(Code::IntermediateNotCa, Severity::Error, cert, basic_constraints = basic)
}

/// RFC 5280 §4.2.1.3 and §6.1.4 (n): an issuer's keyUsage must include keyCertSign.
fn no_cert_sign(cert: &Cert) -> Finding {
    finding_on!(Code::KeyUsageNoCertSign, Severity::Error, cert)
}

/// RFC 5280 §4.2.1.9 and §6.1.4 (m): pathLenConstraint.
fn pathlen(cert: &Cert, limit: u32, below: usize) -> Finding {
    finding_on!(Code::PathlenExceeded, Severity::Error, cert, limit = limit, below = below)
}

/// RFC 5280 §4.2.1.12: when EKU is present, the purpose must be listed. Go and webpki also
/// apply an intermediate's EKU to the certificates below it.
fn eku(cert: &Cert, leaf: bool) -> Finding {
    let list = cert.ext.extended_key_usage.clone().unwrap_or_default().join(", ");
    finding_on!(
        Code::EkuNoServerAuth,
        Severity::Error,
        cert,
        role = if leaf { "leaf" } else { "issuer" },
        list = list
    )
}

fn self_signed_leaf(cert: &Cert, trusted: bool) -> Finding {
    let severity = if trusted { Severity::Info } else { Severity::Error };
    finding_on!(Code::SelfSignedLeaf, severity, cert)
}

fn leaf_is_ca(cert: &Cert) -> Finding {
    finding_on!(Code::LeafIsCa, Severity::Warning, cert)
}
