//! Does the leaf cover the host clients connect to? (RFC 6125 §6.4; RFC 9525 §6.3 and
//! CA/B BR §7.1.2.7.12: clients ignore the subject CN when SANs are absent.)

use super::{finding, label, Context};
use crate::chain::Found;
use crate::code::Code;
use crate::host;
use crate::report::{Finding, InputKind, Severity, Text};

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

fn names(cert: &crate::cert::Cert) -> String {
    let sans = cert.ext.sans.clone().unwrap_or_default();
    let all: Vec<String> = sans.dns.into_iter().chain(sans.ip).collect();
    if all.is_empty() {
        "none".into()
    } else {
        all.join(", ")
    }
}

fn mismatch(cert: &crate::cert::Cert, target: &host::Target) -> Finding {
    let host = &target.host;
    // RFC 5280 §4.2.1.6: an address goes in an iPAddress entry, a name in a dNSName one.
    let san = if target.ip().is_some() { format!("IP:{host}") } else { format!("DNS:{host}") };
    finding(
        Code::HostnameMismatch,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} is not valid for \"{host}\": its names are {}.", label(cert), names(cert)),
            format!("{} は「{host}」に対して有効ではありません。証明書の名前: {}。", label(cert), names(cert)),
        ),
        Text::new(
            format!("Connect with a name the certificate has, or reissue it with subjectAltName {san}."),
            format!("証明書にある名前で接続するか、subjectAltName に {san} を入れて再発行してください。"),
        ),
    )
}

fn cn_without_san(cert: &crate::cert::Cert, target: Option<&host::Target>) -> Finding {
    let cn = cert.common_name.clone().unwrap_or_default();
    let host = target.map(|t| t.host.clone()).unwrap_or_else(|| cn.clone());
    finding(
        Code::CnWithoutSan,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has no subjectAltName: its name is only in the CN (\"{cn}\"), which Go (GitLab Runner, Docker), Chrome and most clients ignore (\"x509: certificate relies on legacy Common Name field\").", label(cert)),
            format!("{} に subjectAltName がありません。名前は CN(「{cn}」)にしかなく、Go(GitLab Runner・Docker)や Chrome など多くのクライアントは CN を無視します(\"x509: certificate relies on legacy Common Name field\")。", label(cert)),
        ),
        Text::new(
            format!("Reissue the certificate with a SAN, e.g. `openssl req ... -addext \"subjectAltName=DNS:{host}\"`."),
            format!("SAN 付きで再発行してください。例: `openssl req ... -addext \"subjectAltName=DNS:{host}\"`。"),
        ),
    )
}
