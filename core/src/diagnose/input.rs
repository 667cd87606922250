//! What is wrong with the input itself: nothing usable, broken blocks, private keys,
//! a truncated s_client capture, a trust input without a certificate.

use super::{finding, Context, Overview};
use crate::code::Code;
use crate::input::{Origin, ProblemKind};
use crate::report::{Finding, Severity, Text};

/// Input rule.
pub fn check(ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if ctx.graph.certs.is_empty() {
        out.push(no_certificates(seen));
    }
    let others = !ctx.graph.certs.is_empty();
    out.extend(seen.extracted.problems.iter().map(|p| match p.kind {
        ProblemKind::MalformedPem => malformed_pem(&p.origin, &p.detail),
        ProblemKind::UnparsableBlock => unparsable(&p.origin, &p.detail, others),
    }));
    out.extend(seen.unparsable.iter().map(|(origin, why)| {
        // The certificate parser's own words (x509-parser), quoted in both languages.
        let why = Text::new(why.clone(), format!("証明書の DER を解析できません({why})"));
        unparsable(origin, &why, others)
    }));
    if !seen.extracted.private_keys.is_empty() {
        out.push(private_keys(seen));
    }
    out.extend(leaf_only(ctx, seen));
    out.extend(no_trusted_certificate(seen));
    out
}

/// A trust input (`--trust`, the web app's trusted private CA) that holds no certificate
/// leaves nothing trusted (RFC 5280 §6.1.1 (d): the path needs an anchor): say so, with what
/// was found in it instead, rather than blame the chain.
fn no_trusted_certificate(seen: &Overview<'_>) -> Option<Finding> {
    if seen.trusted != Some(0) {
        return None;
    }
    let why: Vec<&str> = seen
        .extracted
        .notes
        .iter()
        .filter_map(|n| n.strip_prefix("--trust: "))
        .filter(|n| !n.contains("used as trust anchors"))
        .collect();
    let why = if why.is_empty() { String::new() } else { format!(" ({})", why.join("; ")) };
    Some(finding(
        Code::NoTrustedCertificate,
        Severity::Error,
        Vec::new(),
        Text::new(
            format!("The trusted CA you gave (--trust, or the web app's trusted private CA) holds no certificate{why}, so nothing is trusted and no chain can be valid."),
            format!("指定された信頼する CA(--trust、または Web アプリの「信頼するプライベート CA」)に証明書がありません{why}。何も信頼されないため、どのチェーンも有効になりません。"),
        ),
        Text::new(
            "Give the CA's certificate, PEM (-----BEGIN CERTIFICATE-----) or DER: not a private key, a CSR or the server's own certificate.",
            "CA の証明書を PEM(-----BEGIN CERTIFICATE-----)か DER で指定してください。秘密鍵、CSR、サーバー自身の証明書ではありません。",
        ),
    ))
}

/// "line 12", "file 2, line 12" or "binary input".
pub(crate) fn place(origin: &Origin) -> (String, String) {
    let file_en =
        if origin.file > 0 { format!("file {}, ", origin.file + 1) } else { String::new() };
    let file_ja = if origin.file > 0 {
        format!("ファイル {} の", origin.file + 1)
    } else {
        String::new()
    };
    if origin.line == 0 {
        (format!("{file_en}binary input"), format!("{file_ja}バイナリ入力"))
    } else {
        (format!("{file_en}line {}", origin.line), format!("{file_ja}{} 行目", origin.line))
    }
}

fn no_certificates(seen: &Overview<'_>) -> Finding {
    let about_input = seen.extracted.notes.iter().find(|n| !n.starts_with("--trust:"));
    let mut hint = capitalized(about_input.map(String::as_str).unwrap_or_default());
    if !hint.is_empty() && !hint.ends_with('.') {
        hint.push('.');
    }
    finding(
        Code::NoCertificates,
        Severity::Error,
        Vec::new(),
        Text::new(
            format!("No certificate was found in the input. {hint}").trim_end().to_string(),
            format!("入力に証明書が見つかりませんでした。{hint}").trim_end().to_string(),
        ),
        Text::new(
            "Paste PEM text (-----BEGIN CERTIFICATE-----), the output of `openssl s_client -showcerts -connect HOST:443`, or open a .crt/.der/.p7b file.",
            "PEM テキスト(-----BEGIN CERTIFICATE-----)、`openssl s_client -showcerts -connect HOST:443` の出力を貼り付けるか、.crt/.der/.p7b ファイルを開いてください。",
        ),
    )
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
        .unwrap_or_default()
}

/// The detail names the block and its line already; only the file is added.
fn malformed_pem(origin: &Origin, detail: &Text) -> Finding {
    let (en, ja) = match origin.file {
        0 => (String::new(), String::new()),
        n => (format!(" in file {}", n + 1), format!("ファイル {} の", n + 1)),
    };
    finding(
        Code::MalformedPem,
        Severity::Error,
        Vec::new(),
        Text::new(
            format!("Broken PEM{en}: {}.", detail.en),
            format!("{ja}PEM が壊れています: {}。", detail.ja),
        ),
        Text::new(
            "Copy the block again in full, from -----BEGIN to -----END, without changing its lines.",
            "-----BEGIN から -----END までを行を変えずにもう一度すべてコピーしてください。",
        ),
    )
}

/// `others`: certificates were read besides it (and analysed).
fn unparsable(origin: &Origin, detail: &Text, others: bool) -> Finding {
    let (en, ja) = place(origin);
    let (rest_en, rest_ja) = if others {
        (" The other blocks were analysed.", "他のブロックは解析しました。")
    } else {
        ("", "")
    };
    finding(
        Code::UnparsableBlock,
        Severity::Error,
        Vec::new(),
        Text::new(
            format!("The block at {en} is not a certificate that can be read: {}.{rest_en}", detail.en),
            format!("{ja}のブロックは証明書として読めません: {}。{rest_ja}", detail.ja),
        ),
        Text::new(
            "Check that this block is a certificate (not a key, CSR or CRL) and that it was copied in full.",
            "このブロックが証明書(鍵・CSR・CRL ではない)であり、完全にコピーされていることを確認してください。",
        ),
    )
}

fn private_keys(seen: &Overview<'_>) -> Finding {
    let places: Vec<String> = seen
        .extracted
        .private_keys
        .iter()
        .map(|k| format!("{} ({})", k.kind, place(&k.origin).0))
        .collect();
    let list = places.join(", ");
    finding(
        Code::PrivateKeyInBundle,
        Severity::Warning,
        Vec::new(),
        Text::new(
            format!("The input contains a private key: {list}. certchain removed it and shows it nowhere, but a key that was pasted or mailed should be treated as exposed."),
            format!("入力に秘密鍵が含まれています: {list}。certchain は削除し、どこにも表示しませんが、貼り付けたりメールした鍵は漏えいしたものとして扱ってください。"),
        ),
        Text::new(
            "Keep keys out of certificate bundles (the key goes in its own file with mode 0600). If the key left its server, generate a new key and reissue the certificate.",
            "鍵は証明書バンドルに入れず、別ファイル(パーミッション 0600)にしてください。鍵がサーバーの外に出た場合は、新しい鍵を生成して証明書を再発行してください。",
        ),
    )
}

/// `openssl s_client` without `-showcerts` prints only the leaf, yet lists every certificate
/// the server sent under "Certificate chain".
fn leaf_only(ctx: &Context<'_>, seen: &Overview<'_>) -> Option<Finding> {
    let info = seen.extracted.s_client.as_ref()?;
    let sent = info.sent.len();
    let have = ctx.graph.certs.len();
    if sent <= have {
        return None;
    }
    let (verify_en, verify_ja) = match (&info.verify_code, &info.verify_text) {
        (Some(code), Some(text)) => (
            format!(" OpenSSL said: Verify return code {code} ({text})."),
            format!("OpenSSL の検証結果: Verify return code {code} ({text})。"),
        ),
        _ => Default::default(),
    };
    Some(finding(
        Code::SClientLeafOnly,
        Severity::Warning,
        ctx.graph.unique().collect(),
        Text::new(
            format!("This s_client output has {have} certificate(s), but the server sent {sent} (see its \"Certificate chain\" list): it was captured without -showcerts, so the intermediates are not here.{verify_en}"),
            format!("この s_client の出力には証明書が {have} 枚しかありませんが、サーバーは {sent} 枚送っています(\"Certificate chain\" 参照)。-showcerts なしで取得したため中間証明書が含まれていません。{verify_ja}"),
        ),
        Text::new(
            "Run it again with -showcerts: `openssl s_client -showcerts -connect HOST:PORT -servername HOST < /dev/null` and paste the whole output.",
            "-showcerts を付けて再実行し、出力全体を貼り付けてください: `openssl s_client -showcerts -connect HOST:PORT -servername HOST < /dev/null`",
        ),
    ))
}

/// A capture without `-showcerts` holds less than the server sent: a missing issuer there
/// is the capture's gap, not proof that the server's chain lacks it (RFC 8446 §4.4.2: the
/// server sends its chain; s_client printed only its first certificate). The capture is
/// then the problem to fix first, and the missing issuer only a warning.
pub fn blame_the_capture(findings: &mut [Finding]) {
    let Some(capture) = findings.iter().position(|f| f.code == Code::SClientLeafOnly) else {
        return;
    };
    let mut hidden = false;
    for f in findings.iter_mut().filter(|f| f.code == Code::MissingIntermediate) {
        hidden = true;
        f.severity = Severity::Warning;
        f.message = Text::new(
            format!("{} The server sent more certificates than this capture holds, so it may well send this issuer.", f.message.en),
            format!("{}ただしサーバーはこの出力より多くの証明書を送っているため、この発行者も送っている可能性があります。", f.message.ja),
        );
        f.fix = Text::new(
            "Capture the chain again with -showcerts and paste the whole output before changing the server; change the server only if the issuer is still missing then.",
            "サーバーを変更する前に、-showcerts を付けてチェーンを取得し直し、出力全体を貼り付けてください。それでも発行者が無い場合にだけサーバーを直してください。",
        );
    }
    if hidden {
        findings[capture].severity = Severity::Error;
    }
}
