//! Certificate constraints along a path (RFC 5280 §6.1.4) and the leaf's own (§4.2.1.3,
//! §4.2.1.9, §4.2.1.12). The trust anchor at the top is a name and a key (§6.1.1 (d)): its
//! basicConstraints and keyUsage are not processed, as Go and rustls-webpki do not. Its
//! extendedKeyUsage is: Go (checkChainForKeyUsage runs over the whole chain, root included)
//! and OpenSSL (check_chain_purposes, the anchor included) refuse a TLS server chain under an
//! anchor restricted to other purposes, though RFC 5280 lets a verifier ignore it.

use super::{finding, is_trusted_top, label, Context};
use crate::cert::Cert;
use crate::chain::{End, Found};
use crate::code::Code;
use crate::report::{Finding, InputKind, Severity, Text};

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
    finding(
        Code::EkuNoServerAuth,
        Severity::Error,
        certs,
        Text::new(
            format!("The trust anchor {named} limits its certificates to other purposes than TLS servers: its extendedKeyUsage is {list}, without serverAuth. RFC 5280 lets a verifier ignore an anchor's extensions, but Go (GitLab Runner) and OpenSSL apply it and reject this chain."),
            format!("トラストアンカー {named} は配下の証明書を TLS サーバー以外の用途に制限しています。extendedKeyUsage は {list} で、serverAuth がありません。RFC 5280 ではアンカーの拡張を無視してもよいとされていますが、Go(GitLab Runner)と OpenSSL はこれを適用し、このチェーンを拒否します。"),
        ),
        Text::new(
            "Use a root CA whose extendedKeyUsage includes serverAuth, or none at all (as most roots have), and issue the server chain under it.",
            "extendedKeyUsage に serverAuth を含む(または多くのルートのように extendedKeyUsage を持たない)ルート CA を使い、その下でサーバーチェーンを発行してください。",
        ),
    )
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
    let what = match cert.ext.basic_constraints {
        Some(_) => "basicConstraints CA:FALSE",
        None => "no basicConstraints extension",
    };
    finding(
        Code::IntermediateNotCa,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} signs another certificate of the chain but is not a CA ({what}); clients reject the chain.", label(cert)),
            format!("{} はチェーン内の別の証明書に署名していますが CA ではありません({what})。クライアントはチェーンを拒否します。", label(cert)),
        ),
        Text::new(
            "Reissue this intermediate with basicConstraints critical, CA:TRUE (or use the right intermediate certificate).",
            "この中間証明書を basicConstraints critical, CA:TRUE で再発行してください(または正しい中間証明書を使ってください)。",
        ),
    )
}

/// RFC 5280 §4.2.1.3 and §6.1.4 (n): an issuer's keyUsage must include keyCertSign.
fn no_cert_sign(cert: &Cert) -> Finding {
    finding(
        Code::KeyUsageNoCertSign,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!(
                "{} signs certificates but its keyUsage does not include keyCertSign.",
                label(cert)
            ),
            format!(
                "{} は証明書に署名していますが、keyUsage に keyCertSign がありません。",
                label(cert)
            ),
        ),
        Text::new(
            "Reissue the CA certificate with keyUsage critical, keyCertSign, cRLSign.",
            "CA 証明書を keyUsage critical, keyCertSign, cRLSign で再発行してください。",
        ),
    )
}

/// RFC 5280 §4.2.1.9 and §6.1.4 (m): pathLenConstraint.
fn pathlen(cert: &Cert, limit: u32, below: usize) -> Finding {
    finding(
        Code::PathlenExceeded,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} allows at most {limit} intermediate CA(s) below it (pathlen:{limit}), but the chain has {below}.", label(cert)),
            format!("{} の下に置ける中間 CA は {limit} 個まで(pathlen:{limit})ですが、チェーンには {below} 個あります。", label(cert)),
        ),
        Text::new(
            "Issue the server certificate from a CA lower in the hierarchy, or reissue this CA with a larger pathlen.",
            "階層の下位の CA からサーバー証明書を発行するか、この CA をより大きな pathlen で再発行してください。",
        ),
    )
}

/// RFC 5280 §4.2.1.12: when EKU is present, the purpose must be listed. Go and webpki also
/// apply an intermediate's EKU to the certificates below it.
fn eku(cert: &Cert, leaf: bool) -> Finding {
    let list = cert.ext.extended_key_usage.clone().unwrap_or_default().join(", ");
    let (en, ja) = if leaf {
        ("is not allowed for TLS servers", "は TLS サーバー用に許可されていません")
    } else {
        (
            "restricts the certificates below it to other purposes than TLS servers",
            "は配下の証明書を TLS サーバー以外の用途に制限しています",
        )
    };
    finding(
        Code::EkuNoServerAuth,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} {en}: its extendedKeyUsage is {list}, without serverAuth.", label(cert)),
            format!("{} {ja}。extendedKeyUsage は {list} で、serverAuth がありません。", label(cert)),
        ),
        Text::new(
            "Reissue it with extendedKeyUsage serverAuth (TLS Web Server Authentication).",
            "extendedKeyUsage に serverAuth(TLS Web Server Authentication)を含めて再発行してください。",
        ),
    )
}

fn self_signed_leaf(cert: &Cert, trusted: bool) -> Finding {
    let severity = if trusted { Severity::Info } else { Severity::Error };
    finding(
        Code::SelfSignedLeaf,
        severity,
        vec![cert.index],
        Text::new(
            format!("{} is self-signed: no CA vouches for it, so every client must trust this exact certificate.", label(cert)),
            format!("{} は自己署名証明書です。CA による保証がないため、各クライアントがこの証明書そのものを信頼する必要があります。", label(cert)),
        ),
        Text::new(
            "Give clients this certificate as their CA file (GitLab Runner: /etc/gitlab-runner/certs/<host>.crt or --tls-ca-file), or better, issue the server certificate from a private CA and distribute the CA.",
            "クライアントにこの証明書を CA ファイルとして配布してください(GitLab Runner: /etc/gitlab-runner/certs/<host>.crt または --tls-ca-file)。より良い方法は、プライベート CA からサーバー証明書を発行し、その CA を配布することです。",
        ),
    )
}

fn leaf_is_ca(cert: &Cert) -> Finding {
    finding(
        Code::LeafIsCa,
        Severity::Warning,
        vec![cert.index],
        Text::new(
            format!("{} is a server certificate but has basicConstraints CA:TRUE (the default of `openssl req -x509`). Strict clients (rustls/webpki) reject a CA certificate used as a server certificate.", label(cert)),
            format!("{} はサーバー証明書ですが basicConstraints が CA:TRUE です(`openssl req -x509` の既定値)。厳格なクライアント(rustls/webpki)は CA 証明書をサーバー証明書として使うことを拒否します。", label(cert)),
        ),
        Text::new(
            "Reissue it with `-addext basicConstraints=critical,CA:FALSE` (and keep a separate CA for signing).",
            "`-addext basicConstraints=critical,CA:FALSE` を付けて再発行してください(署名用の CA は別に用意してください)。",
        ),
    )
}
