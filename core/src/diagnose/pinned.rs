//! A server certificate trusted as its own anchor (`--trust leaf.pem`, or the runner's
//! `<host>.crt` made by `openssl s_client | openssl x509`, which keeps only the first
//! certificate). RFC 5280 §6.1.1 (d) lets any certificate be an anchor, and Go (GitLab
//! Runner) accepts a leaf found in its roots, but that pins one certificate instead of
//! trusting its CA: it stops working when the certificate is renewed.

use super::Finding;
use super::{label, Context};
use crate::chain::Found;
use crate::chain::InputKind;
use crate::code::Code;
use crate::code::Severity;

/// Path rule: the path ends at an anchor that is the input's own end-entity certificate.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let Some(&top) = found.certs.last() else { return Vec::new() };
    // A self-signed server certificate is its own CA: trusting it is no pin.
    if !found.ends_at_a_pin(ctx.graph) || ctx.kind != InputKind::ServerChain {
        return Vec::new();
    }
    let cert = &ctx.graph.certs[top];
    vec![finding!(
        Code::TrustedServerCertificate,
        Severity::Warning,
        vec![top],
        label = label(cert),
        issuer = cert.issuer,
    )]
}
