//! The shape of the input: order, duplicates, strays, extra leaves, cross-signing.

use super::Finding;
use super::{label, Context, Overview};
use crate::chain::End;
use crate::chain::InputKind;
use crate::code::Code;
use crate::code::Severity;
use crate::input::Format;
use crate::membership;

/// Input rule.
pub fn check(ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(duplicates(ctx));
    if ctx.kind != InputKind::ServerChain {
        return out;
    }
    if let Some(chain) = seen.chain {
        let sent = as_sent(ctx, chain);
        out.extend(wrong_order(&served_together(ctx, &sent.certs)));
        out.extend(root_included(ctx, &sent));
    }
    out.extend(unrelated(ctx, seen));
    out.extend(multiple_leaves(ctx, seen));
    out.extend(cross_signed(ctx, seen));
    out
}

fn names(ctx: &Context<'_>, indices: &[usize]) -> String {
    let labels: Vec<String> = indices.iter().map(|&i| label(&ctx.graph.certs[i])).collect();
    labels.join(", ")
}

/// The chain as the input holds it: a chain that ends at a trust anchor whose own
/// certificate is also in the input (a private root sent along, then given as `--trust`)
/// has that copy on top, so its place in the input and its being sent still count.
fn as_sent(ctx: &Context<'_>, chain: &crate::chain::Found) -> crate::chain::Found {
    let mut sent = chain.clone();
    let End::Anchor(anchor) = chain.end else { return sent };
    let graph = ctx.graph;
    let copy = (0..graph.certs.len()).find(|&i| {
        graph.first_copy[i] == i
            && !chain.certs.contains(&i)
            && graph.self_signed(i)
            && graph.anchors.equivalent(&graph.certs[i]) == Some(anchor)
    });
    sent.certs.extend(copy);
    sent
}

/// The chain members a server would read as one file with the leaf: same source, same YAML
/// key. Order across separate files (three DER files, `ca.crt` beside `tls.crt`) is not the
/// server's business, and a PKCS#7 `SET OF` certificates has no order at all (RFC 5652 §5.1).
fn served_together(ctx: &Context<'_>, chain: &[usize]) -> Vec<usize> {
    let Some(leaf) = chain.first().map(|&i| &ctx.graph.certs[i].origin) else { return Vec::new() };
    if matches!(leaf.format, Format::Pkcs7Der | Format::Pkcs7Pem) {
        return Vec::new();
    }
    let same = |o: &crate::input::Origin| {
        o.file == leaf.file && (leaf.format != Format::K8sSecret || o.label == leaf.label)
    };
    chain.iter().copied().filter(|&i| same(&ctx.graph.certs[i].origin)).collect()
}

/// RFC 5246 §7.4.2 (and RFC 8446 §4.4.2 for compatibility): the sender's certificate comes
/// first and each following certificate directly certifies the one preceding it.
fn wrong_order(chain: &[usize]) -> Option<Finding> {
    if chain.len() < 2 || chain.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let leaf_first = chain.iter().all(|&i| i >= chain[0]);
    let severity = if leaf_first { Severity::Warning } else { Severity::Error };
    let came: Vec<String> = {
        let mut sorted = chain.to_vec();
        sorted.sort_unstable();
        sorted.iter().map(|i| format!("#{i}")).collect()
    };
    let should: Vec<String> = chain.iter().map(|i| format!("#{i}")).collect();
    let (came, should) = (came.join(", "), should.join(" → "));
    Some(finding!(
        Code::WrongOrder,
        severity,
        chain.to_vec(),
        came = came,
        should = should,
        leaf = if leaf_first { "first" } else { "not-first" },
    ))
}

/// RFC 8446 §4.4.2: the self-signed root "MAY be omitted"; clients already have it or must get
/// it out of band, so sending it only costs bytes (and hides a missing trust-store entry).
fn root_included(ctx: &Context<'_>, chain: &crate::chain::Found) -> Option<Finding> {
    let &top = chain.certs.last()?;
    let together = served_together(ctx, &chain.certs);
    let root = together.contains(&top)
        && chain.certs.len() > 1
        && matches!(chain.end, End::SelfSigned | End::Anchor(_))
        && ctx.graph.self_signed(top);
    root.then(|| {
        let cert = &ctx.graph.certs[top];
        finding!(Code::RootIncluded, Severity::Info, vec![top], label = label(cert))
    })
}

fn duplicates(ctx: &Context<'_>) -> Vec<Finding> {
    let mut copies: Vec<Vec<usize>> = vec![Vec::new(); ctx.graph.certs.len()];
    for (i, &first) in ctx.graph.first_copy.iter().enumerate() {
        copies[first].push(i);
    }
    copies
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|copies| {
            let cert = &ctx.graph.certs[copies[0]];
            let n = copies.len();
            finding!(
                Code::DuplicateCertificate,
                Severity::Warning,
                copies,
                label = label(cert),
                count = n
            )
        })
        .collect()
}

fn unrelated(ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let len = ctx.graph.certs.len();
    let (on_paths, leaves) = (membership(len, seen.on_paths), membership(len, seen.leaves));
    ctx.graph
        .unique()
        .filter(|&i| !on_paths[i] && !leaves[i])
        .map(|i| {
            let cert = &ctx.graph.certs[i];
            finding!(Code::UnrelatedCertificate, Severity::Warning, vec![i], label = label(cert))
        })
        .collect()
}

fn multiple_leaves(ctx: &Context<'_>, seen: &Overview<'_>) -> Option<Finding> {
    if seen.leaves.len() < 2 {
        return None;
    }
    let chosen = seen.chain.and_then(|c| c.certs.first()).copied();
    let chosen_label = chosen.map(|i| label(&ctx.graph.certs[i])).unwrap_or_default();
    let all = names(ctx, seen.leaves);
    Some(finding!(
        Code::MultipleLeaves,
        Severity::Warning,
        seen.leaves.to_vec(),
        count = seen.leaves.len(),
        all = all,
        chosen = chosen_label,
    ))
}

/// RFC 4158 §2.3: the same CA (subject and key) certified by two issuers.
fn cross_signed(ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (n, &a) in seen.on_paths.iter().enumerate() {
        let twins: Vec<usize> = seen.on_paths[n + 1..]
            .iter()
            .copied()
            .filter(|&b| ctx.graph.same_entity(a, b))
            .collect();
        if twins.is_empty() {
            continue;
        }
        let cert = &ctx.graph.certs[a];
        let certs: Vec<usize> = std::iter::once(a).chain(twins).collect();
        let issuers: Vec<String> =
            certs.iter().map(|&i| ctx.graph.certs[i].issuer.clone()).collect();
        out.push(finding!(
            Code::CrossSigned,
            Severity::Info,
            certs.clone(),
            label = label(cert),
            count = certs.len(),
            issuers = issuers.join(" / "),
        ));
    }
    out
}
