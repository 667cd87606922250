//! Where a path ends: at an anchor, at an untrusted root, or short of its issuer.

use super::{finding, label, Context};
use crate::chain::{AnchorKind, End, Found};
use crate::code::Code;
use crate::report::{Finding, InputKind, Severity, Text};

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

/// RFC 5280 §6.1: a path must end at a trust anchor. The issuer of the top certificate is
/// neither in the input nor a known anchor.
/// `may_be_root`: the top is not the path's start (a leaf's missing issuer is an intermediate
/// as far as anyone can tell) and the path did not end in a loop.
fn missing_issuer(ctx: &Context<'_>, top: usize, may_be_root: bool) -> Finding {
    let cert = &ctx.graph.certs[top];
    let aki = cert.ext.aki.as_deref().map(|k| format!(", authority key id {}", crate::hex(k)));
    let aki = aki.unwrap_or_default();
    let aia = cert.ext.aia.ca_issuers.first().cloned();
    // A CA certificate with no caIssuers URL is the mark of a private PKI: its missing issuer
    // is most likely the private root, which servers need not send (RFC 8446 §4.4.2).
    if may_be_root && cert.is_ca() && aia.is_none() && ctx.kind == InputKind::ServerChain {
        return missing_root(cert, &aki);
    }
    let public = if ctx.graph.anchors.get(0).is_some_and(|a| a.kind == AnchorKind::Public) {
        ("it is not a publicly trusted root", "公的に信頼されたルートでもありません")
    } else {
        ("it is not one of your trust anchors", "指定されたトラストアンカーでもありません")
    };
    let message = Text::new(
        format!("The issuer of {} is not in the input (\"{}\"{aki}), and {}. Clients that do not already have it fail with \"x509: certificate signed by unknown authority\".", label(cert), cert.issuer, public.0),
        format!("{} の発行者(「{}」{aki})が入力になく、{}。これを持たないクライアントは \"x509: certificate signed by unknown authority\" で失敗します。", label(cert), cert.issuer, public.1),
    );
    let fix = match &aia {
        Some(url) => Text::new(
            format!("The server must send this intermediate after {}: download it from {url} (DER; convert with `openssl x509 -inform DER -in FILE -out intermediate.pem`), append it to the chain file, or paste it here.", label(cert)),
            format!("サーバーは {} の後にこの中間証明書を送る必要があります。{url} から入手し(DER 形式: `openssl x509 -inform DER -in FILE -out intermediate.pem` で変換)、チェーンファイルに追加するか、ここに貼り付けてください。", label(cert)),
        ),
        None => Text::new(
            "If this issuer is an intermediate CA, append it to the server's chain file. If it is your private root CA, the server need not send it, but every client needs it as its CA file: get it from your PKI team and paste it here too, to get the CA files.",
            "この発行者が中間 CA なら、サーバーのチェーンファイルに追加してください。プライベートなルート CA なら、サーバーが送る必要はありませんが、すべてのクライアントが CA ファイルとして必要です。PKI 担当者から入手し、ここにも貼り付けると CA ファイルを作成できます。",
        ),
    };
    finding(Code::MissingIntermediate, Severity::Error, vec![top], message, fix)
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
    let names = names.join(", ");
    finding(
        Code::MissingIntermediate,
        Severity::Error,
        std::iter::once(top).chain(on_path.iter().copied()).collect(),
        Text::new(
            format!("The issuer of {} (\"{}\") is in the input, as {names}, but it is already on this path: these CAs cross-sign each other in a loop, and no root ends it.", label(cert), cert.issuer),
            format!("{} の発行者(「{}」)は入力に {names} としてありますが、すでにこのパス上にあります。これらの CA は互いに相互署名してループになっており、ルートで終わっていません。", label(cert), cert.issuer),
        ),
        Text::new(
            "Add the self-signed root CA one of these CAs chains to (or give it with --trust): a loop of cross-signatures is trusted only when one of its CAs is.",
            "これらの CA のいずれかがつながる自己署名のルート CA を追加してください(または --trust で指定)。相互署名のループは、その中のいずれかの CA が信頼されている場合にだけ信頼されます。",
        ),
    )
}

/// The chain is complete up to a private CA whose root is not here: the server is fine, the
/// clients need the root.
fn missing_root(cert: &crate::cert::Cert, aki: &str) -> Finding {
    finding(
        Code::MissingRoot,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("The chain is complete up to {}, issued by \"{}\"{aki}, which is not in the input and is not a public root: most likely your private root CA. The server need not send it, but clients that lack it fail with \"x509: certificate signed by unknown authority\".", label(cert), cert.issuer),
            format!("チェーンは {} まで揃っています。その発行者「{}」{aki}は入力になく公的ルートでもないため、プライベートなルート CA と考えられます。サーバーが送る必要はありませんが、これを持たないクライアントは \"x509: certificate signed by unknown authority\" で失敗します。", label(cert), cert.issuer),
        ),
        Text::new(
            "Give clients the root CA certificate as their CA file (GitLab Runner: /etc/gitlab-runner/certs/<host>.crt or --tls-ca-file). Paste the root here too, or pass it with --trust, to get complete CA files. If the issuer is an intermediate instead, append it to the server chain.",
            "クライアントにルート CA 証明書を CA ファイルとして配布してください(GitLab Runner: /etc/gitlab-runner/certs/<host>.crt または --tls-ca-file)。ルートもここに貼り付けるか --trust で指定すると、完全な CA ファイルを作成できます。発行者が中間証明書の場合は、サーバーチェーンに追加してください。",
        ),
    )
}

/// RFC 5280 §6.1.3 (a)(1): the signature must verify with the issuer's public key.
fn bad_signature(ctx: &Context<'_>, child: usize, issuers: &[usize]) -> Finding {
    let cert = &ctx.graph.certs[child];
    let names: Vec<String> = issuers.iter().map(|&i| label(&ctx.graph.certs[i])).collect();
    let names = names.join(", ");
    finding(
        Code::BadSignature,
        Severity::Error,
        std::iter::once(child).chain(issuers.iter().copied()).collect(),
        Text::new(
            format!("The signature of {} does not verify with the key of {names}, although the names match: it was signed by a different key (a re-issued CA, or a mix-up of files).", label(cert)),
            format!("{} の署名が {names} の鍵で検証できません(名前は一致しています)。別の鍵で署名されています(CA の再発行やファイルの取り違え)。", label(cert)),
        ),
        Text::new(
            "Get the issuing CA certificate that matches this certificate's Authority Key ID from your CA, and replace the wrong one.",
            "この証明書の Authority Key ID に対応する発行元 CA 証明書を CA から入手し、誤った証明書と差し替えてください。",
        ),
    )
}

/// The path ends at a self-signed root that is not a trust anchor: a private CA.
fn untrusted_root(ctx: &Context<'_>, top: usize) -> Finding {
    let cert = &ctx.graph.certs[top];
    let user = ctx.graph.anchors.get(0).is_some_and(|a| a.kind == AnchorKind::User);
    let (why_en, why_ja) = if user {
        (
            "is not among the trust anchors you supplied",
            "指定されたトラストアンカーに含まれていません",
        )
    } else {
        (
            "is not a publicly trusted root: it is a private CA",
            "公的に信頼されたルートではありません(プライベート CA です)",
        )
    };
    finding(
        Code::UntrustedRoot,
        Severity::Error,
        vec![top],
        Text::new(
            format!("The chain ends at the root {}, which {why_en}. Clients reject it with \"x509: certificate signed by unknown authority\" until they trust this root.", label(cert)),
            format!("チェーンはルート {} で終わりますが、このルートは{why_ja}。クライアントがこのルートを信頼するまで \"x509: certificate signed by unknown authority\" で拒否されます。", label(cert)),
        ),
        Text::new(
            "Give clients the CA file (ca-bundle.pem, or the GitLab Runner <host>.crt): e.g. /etc/gitlab-runner/certs/<host>.crt, `--tls-ca-file`, or the system trust store. Do not give them the server certificate.",
            "クライアントに CA ファイル(ca-bundle.pem または GitLab Runner 用 <host>.crt)を配布してください。例: /etc/gitlab-runner/certs/<host>.crt、`--tls-ca-file`、システムのトラストストア。サーバー証明書そのものではありません。",
        ),
    )
}

/// The trust anchor itself: RFC 5280 §6.1.1 leaves it unchecked, but Go and OpenSSL reject an
/// expired root, a root with an unknown critical extension (§4.2) and a weak root key.
fn anchor_problems(ctx: &Context<'_>, a: usize) -> Option<Finding> {
    let anchor = ctx.graph.anchors.get(a)?;
    let mut en = Vec::new();
    let mut ja = Vec::new();
    if let Some(min) = super::crypto::short_of(&anchor.key) {
        en.push(format!(
            "its {}-bit {} key is below {min} bits",
            anchor.key.bits,
            anchor.key.algorithm.to_ascii_uppercase()
        ));
        ja.push(format!(
            "鍵が {} ビットの {} で {min} ビット未満です",
            anchor.key.bits,
            anchor.key.algorithm.to_ascii_uppercase()
        ));
    }
    if let Some(cert) = &anchor.cert {
        if ctx.now > cert.not_after || ctx.now < cert.not_before {
            let (from, to) =
                (crate::cert::rfc3339(cert.not_before), crate::cert::rfc3339(cert.not_after));
            en.push(format!("it is not valid now (valid {from} to {to})"));
            ja.push(format!("現在有効ではありません(有効期間 {from} 〜 {to})"));
        }
        if !cert.ext.unknown_critical.is_empty() {
            en.push(format!(
                "it has unknown critical extensions ({})",
                cert.ext.unknown_critical.join(", ")
            ));
            ja.push(format!(
                "不明な critical 拡張があります({})",
                cert.ext.unknown_critical.join(", ")
            ));
        }
    }
    if en.is_empty() {
        return None;
    }
    Some(finding(
        Code::AnchorInvalid,
        Severity::Error,
        Vec::new(),
        Text::new(
            format!("The trust anchor \"{}\" cannot be used: {}.", anchor.name, en.join("; ")),
            format!("トラストアンカー「{}」は使えません: {}。", anchor.name, ja.join("、")),
        ),
        Text::new(
            "Replace the trust anchor with a current root certificate of this CA (and reissue the chain under it if the key is weak).",
            "トラストアンカーをこの CA の現行のルート証明書に置き換えてください(鍵が弱い場合はその下でチェーンを再発行してください)。",
        ),
    ))
}

/// Links certchain could not check (unsupported algorithms): said, not hidden.
fn unchecked(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    found
        .unchecked
        .iter()
        .map(|(child, reason)| {
            let cert = &ctx.graph.certs[*child];
            finding(
                Code::UncheckedSignature,
                Severity::Error,
                vec![*child],
                Text::new(
                    format!(
                        "The signature of {} was not checked: certchain does not support {reason}.",
                        label(cert)
                    ),
                    format!("{} の署名は検証していません({reason} は未対応です)。", label(cert)),
                ),
                Text::new(
                    "Reissue the certificates with RSA (2048+), ECDSA P-256/P-384 or Ed25519; check the link meanwhile with `openssl verify`.",
                    "RSA(2048 ビット以上)、ECDSA P-256/P-384 または Ed25519 で再発行してください。それまでは `openssl verify` でリンクを確認してください。",
                ),
            )
        })
        .collect()
}
