//! What kind of input this is, and where paths start.
//!
//! A server chain has an end-entity certificate: one that signs no other certificate of the
//! input and is not a CA (or is a CA that names a host, like the self-signed certificate
//! `openssl req -x509` makes). Without one, the input is a CA bundle, or a trust store when
//! it holds several roots: a trust store is not a pile of "unrelated certificates".

use serde::Serialize;

use super::graph::Graph;

/// The shape of the input.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Server chain, CA bundle, trust store or empty.
    pub kind: InputKind,
    /// End-entity certificates (first copies), in input order.
    pub leaves: Vec<usize>,
    /// Where path building starts: the leaves, or for a CA bundle its lowest CAs.
    pub starts: Vec<usize>,
}

/// Classify the certificates of `graph`.
pub fn classify(graph: &Graph<'_>) -> Shape {
    let issuer = issuer_flags(graph);
    let unique: Vec<usize> = graph.unique().collect();
    let leaves: Vec<usize> =
        unique.iter().copied().filter(|&i| !issuer[i] && is_end_entity(graph, i)).collect();
    if !leaves.is_empty() {
        return Shape { kind: InputKind::ServerChain, starts: leaves.clone(), leaves };
    }
    if unique.is_empty() {
        return Shape { kind: InputKind::Empty, leaves, starts: Vec::new() };
    }
    let roots = unique.iter().filter(|&&i| graph.certs[i].self_issued()).count();
    if roots >= 2 {
        return Shape { kind: InputKind::TrustStore, leaves, starts: Vec::new() };
    }
    let starts = unique.into_iter().filter(|&i| !issuer[i]).collect();
    Shape { kind: InputKind::CaBundle, leaves, starts }
}

/// For each certificate: does it (by names and key identifiers) sign another of the input?
fn issuer_flags(graph: &Graph<'_>) -> Vec<bool> {
    let mut flags = vec![false; graph.certs.len()];
    for child in graph.unique() {
        for i in graph.named_issuers(child) {
            if !flags[i] && graph.may_have_signed(child, i) {
                flags[i] = true;
            }
        }
    }
    flags
}

/// Not a CA (RFC 5280 §4.2.1.9), or a CA that carries host names. An old v1 root (no
/// extensions, self-issued, no names) is a CA, not a server.
fn is_end_entity(graph: &Graph<'_>, i: usize) -> bool {
    let cert = &graph.certs[i];
    let names_hosts = cert.ext.sans.as_ref().is_some_and(|s| !s.dns.is_empty() || !s.ip.is_empty());
    if names_hosts {
        return true;
    }
    let v1_root = cert.ext.basic_constraints.is_none() && cert.self_issued();
    !cert.is_ca() && !v1_root
}

/// What kind of input this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// At least one end-entity certificate: what a server sends.
    ServerChain,
    /// CA certificates only, with at most one self-signed root.
    CaBundle,
    /// Several unrelated roots: a trust store such as ca-certificates.crt.
    TrustStore,
    /// No certificate at all.
    Empty,
}
