//! Does the leaf cover the host clients connect to? (RFC 6125 §6.4; RFC 9525 §6.3 and
//! CA/B BR §7.1.2.7.12: clients ignore the subject CN when SANs are absent.)

use super::Context;
use super::Finding;
use crate::catalogue::Text;
use crate::chain::Found;
use crate::chain::InputKind;
use crate::code::Code;
use crate::code::Severity;
use crate::host;

/// Path rule: only for the leaf of a server chain.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    if ctx.kind != InputKind::ServerChain {
        return Vec::new();
    }
    let Some(&leaf) = found.certs.first() else { return Vec::new() };
    let cert = &ctx.graph.certs[leaf];
    let Some(sans) = &cert.ext.sans else {
        return vec![cn_without_san(cert, ctx.target)];
    };
    match ctx.target {
        Some(target) if !host::matches(sans, target) => vec![mismatch(cert, target)],
        _ => Vec::new(),
    }
}

/// The leaf's DNS names and addresses, or a word for none.
fn names(cert: &crate::cert::Cert) -> Text {
    let sans = cert.ext.sans.clone().unwrap_or_default();
    let all: Vec<String> = sans.dns.into_iter().chain(sans.ip).collect();
    if all.is_empty() {
        crate::text!("hostname_mismatch-no-names")
    } else {
        Text::verbatim(all.join(", "))
    }
}

fn mismatch(cert: &crate::cert::Cert, target: &host::Target) -> Finding {
    // RFC 5280 §4.2.1.6: an address goes in an iPAddress entry, a name in a dNSName one.
    let entry = if target.ip().is_some() { "ip" } else { "dns" };
    finding_on!(
        Code::HostnameMismatch,
        Severity::Error,
        cert,
        host = target.host,
        names = names(cert),
        entry = entry,
    )
}

fn cn_without_san(cert: &crate::cert::Cert, target: Option<&host::Target>) -> Finding {
    let cn = cert.common_name.clone().unwrap_or_default();
    let host = target.map(|t| t.host.clone()).unwrap_or_else(|| cn.clone());
    finding_on!(Code::CnWithoutSan, Severity::Error, cert, cn = cn, host = host)
}
