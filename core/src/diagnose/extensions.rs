//! Extensions a client cannot accept, on every certificate of a path but the trusted top
//! (a name and a key, RFC 5280 §6.1.1 (d)): unknown critical ones, repeated ones and
//! malformed ones (§4.2).

use super::{finding, is_trusted_top, label, Context};
use crate::cert::Cert;
use crate::chain::Found;
use crate::code::Code;
use crate::report::{Finding, Severity, Text};

/// Path rule.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, &i) in found.certs.iter().enumerate() {
        if is_trusted_top(ctx, found, pos) {
            continue;
        }
        let cert = &ctx.graph.certs[i];
        if !cert.ext.unknown_critical.is_empty() {
            out.push(unknown_critical(cert));
        }
        if !cert.ext.duplicated.is_empty() {
            out.push(duplicated(cert));
        }
        if !cert.ext.malformed.is_empty() {
            out.push(malformed(cert));
        }
    }
    out
}

/// RFC 5280 §4.2: a certificate with an unrecognised critical extension must be rejected.
fn unknown_critical(cert: &Cert) -> Finding {
    let oids = cert.ext.unknown_critical.join(", ");
    finding(
        Code::UnknownCriticalExtension,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has a critical extension clients do not understand ({oids}); they must reject it.", label(cert)),
            format!("{} にはクライアントが解釈できない critical 拡張({oids})があり、拒否されます。", label(cert)),
        ),
        Text::new(
            "Reissue the certificate without that extension, or mark it non-critical.",
            "その拡張を含めない(または non-critical にする)形で再発行してください。",
        ),
    )
}

/// RFC 5280 §4.2: an extension must not appear twice (Go refuses to parse such a certificate).
fn duplicated(cert: &Cert) -> Finding {
    let oids = cert.ext.duplicated.join(", ");
    finding(
        Code::DuplicateExtension,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has the same extension more than once ({oids}); clients such as Go refuse to read it.", label(cert)),
            format!("{} には同じ拡張が複数回含まれています({oids})。Go などのクライアントは読み込みを拒否します。", label(cert)),
        ),
        Text::new(
            "Reissue the certificate with each extension once.",
            "各拡張を 1 回だけ含めて再発行してください。",
        ),
    )
}

/// §4.2.1.6: a malformed subjectAltName. OpenSSL refuses the certificate; Go skips a name
/// of undefined type but refuses an extension it cannot parse. certchain follows the
/// stricter, so a chain it calls valid is one both accept.
fn malformed(cert: &Cert) -> Finding {
    let why = cert.ext.malformed.join("; ");
    finding(
        Code::MalformedExtension,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} has a malformed extension: {why}. OpenSSL (curl, git, Python) rejects the certificate as invalid; Go skips a name it does not know but refuses an extension it cannot parse.", label(cert)),
            format!("{} の拡張が不正な形式です: {why}。OpenSSL(curl、git、Python)はこの証明書を無効として拒否します。Go は未知の名前を読み飛ばしますが、解析できない拡張は拒否します。", label(cert)),
        ),
        Text::new(
            "Reissue the certificate with subjectAltName entries of the defined types only (DNS names and IP addresses for a TLS server).",
            "subjectAltName に定義済みの型(TLS サーバーなら DNS 名と IP アドレス)だけを含めて再発行してください。",
        ),
    )
}
