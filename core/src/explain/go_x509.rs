//! Go's `crypto/x509` errors (`verify.go`): what GitLab Runner, Docker, kubectl and Helm
//! print, e.g. `Post https://h/api/v4/jobs/request: x509: certificate signed by unknown
//! authority`.

use super::cause::{label, labels, Client, Scene, Verdict, SERVER_SNIPPETS};
use super::{Explanation, Message};
use crate::report::{Certificate, Text};

/// A Go x509 error and what its wording carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Go {
    /// `UnknownAuthorityError`, with Go's hint when a CA of the right name had another key:
    /// `(possibly because of "HINT" while trying to verify candidate authority certificate "NAME")`.
    UnknownAuthority { hint: Option<(String, String)> },
    /// The same error while pulling an image: the Docker host or node trusts nothing.
    UnknownAuthorityRegistry,
    /// `HostnameError`: the names the certificate is valid for (empty when it has none, or
    /// when Go only gave their number), and the name wanted.
    HostnameMismatch { valid_for: Vec<String>, wanted: String },
    /// `CertificateInvalidError{Reason: Expired}`: the client's time, whether it is before
    /// (not yet valid) or after (expired), and the bound crossed (RFC 3339).
    Expired { detail: Option<(String, Side, String)> },
    /// Go 1.15+: the certificate names the host only in its Common Name.
    LegacyCommonName,
}

/// Which bound of the validity the client's time crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    /// `current time T is before U`: not yet valid.
    Before,
    /// `current time T is after U`: expired.
    After,
}

impl Go {
    pub(super) fn code(&self) -> &'static str {
        match self {
            Go::UnknownAuthority { .. } => "x509_unknown_authority",
            Go::UnknownAuthorityRegistry => "x509_unknown_authority_registry",
            Go::HostnameMismatch { .. } => "x509_hostname_mismatch",
            Go::Expired { .. } => "x509_expired",
            Go::LegacyCommonName => "x509_legacy_common_name",
        }
    }
}

/// Words of a line about pulling an image (the runner's "executor image from a private
/// registry" case), lowercase.
const PULL_WORDS: &[&str] = &["pull", "registry", "/v2/", "error response from daemon", "manifest"];

pub(super) fn recognise(line: &str) -> Option<Message> {
    let go = if line.contains("x509: certificate signed by unknown authority") {
        let lower = line.to_lowercase();
        if PULL_WORDS.iter().any(|w| lower.contains(w)) {
            Go::UnknownAuthorityRegistry
        } else {
            Go::UnknownAuthority { hint: candidate_hint(line) }
        }
    } else if line.contains("x509: certificate is valid for ")
        || line.contains("x509: certificate is not valid for any names")
    {
        hostname(line)?
    } else if line.contains("x509: certificate has expired or is not yet valid") {
        Go::Expired { detail: expiry(line) }
    } else if line.contains("x509: certificate relies on legacy Common Name field") {
        Go::LegacyCommonName
    } else {
        return None;
    };
    Some(Message::Go(go))
}

/// `%q` text of Go, in a log that may have escaped it again (`\"x\"`).
fn quoted_after<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let rest = line[line.find(marker)? + marker.len()..].trim_start_matches(['\\', '"']);
    let end = rest.find(['"', '\\']).unwrap_or(rest.len());
    Some(&rest[..end])
}

fn candidate_hint(line: &str) -> Option<(String, String)> {
    let hint = quoted_after(line, "(possibly because of ")?;
    let name = quoted_after(line, "candidate authority certificate ")?;
    Some((hint.to_string(), name.to_string()))
}

/// One name as Go prints it, ended by what follows it in logs.
fn name_token(text: &str) -> String {
    let end = text.find(|c: char| c.is_whitespace() || "\"'`)\\".contains(c)).unwrap_or(text.len());
    text[..end].trim_end_matches(['.', ',', ';', ':']).to_string()
}

fn hostname(line: &str) -> Option<Go> {
    if let Some(i) = line.find("but wanted to match ") {
        let wanted = name_token(&line[i + "but wanted to match ".len()..]);
        return Some(Go::HostnameMismatch { valid_for: Vec::new(), wanted });
    }
    let list = &line[line.find("certificate is valid for ")? + "certificate is valid for ".len()..];
    if let Some(i) = list.find(" names, but none matched ") {
        let wanted = name_token(&list[i + " names, but none matched ".len()..]);
        return Some(Go::HostnameMismatch { valid_for: Vec::new(), wanted });
    }
    let not = list.rfind(", not ")?;
    let valid_for = list[..not].split(", ").map(str::to_string).collect();
    Some(Go::HostnameMismatch { valid_for, wanted: name_token(&list[not + ", not ".len()..]) })
}

fn expiry(line: &str) -> Option<(String, Side, String)> {
    let rest = &line[line.find("current time ")? + "current time ".len()..];
    let (current, rest) = rest.split_once(' ')?;
    let (side, rest) = if let Some(r) = rest.strip_prefix("is after ") {
        (Side::After, r)
    } else {
        (Side::Before, rest.strip_prefix("is before ")?)
    };
    Some((current.to_string(), side, name_token(rest)))
}

/// Unix seconds of an RFC 3339 time as Go prints it.
fn unix(rfc3339: &str) -> Option<i64> {
    let format = time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(rfc3339, &format).ok().map(|t| t.unix_timestamp())
}

pub(super) fn explain(go: &Go, scene: &Scene<'_>) -> Explanation {
    match go {
        Go::UnknownAuthority { hint: Some((hint, name)) } => wrong_key(hint, name, scene),
        Go::UnknownAuthority { hint: None } => scene.untrusted(Client::Runner).explained(Text::new(
            "The Go client (GitLab Runner, Docker, kubectl, Helm) could not link the server's certificate to any CA it trusts.",
            "Go のクライアント(GitLab Runner、Docker、kubectl、Helm)が、サーバー証明書を信頼している CA につなげられませんでした。",
        )),
        Go::UnknownAuthorityRegistry => scene.untrusted(Client::Registry).explained(Text::new(
            "Pulling the job image failed: the Docker host or Kubernetes node that pulls it does not trust the registry's certificate. This is not the runner's own configuration (tls-ca-file, certs directory): the container runtime verifies image pulls with its host's trust store.",
            "ジョブイメージの取得に失敗しました。イメージを取得する Docker ホストまたは Kubernetes ノードがレジストリの証明書を信頼していません。Runner 自身の設定(tls-ca-file、certs ディレクトリ)の問題ではなく、コンテナランタイムがホストのトラストストアでイメージ取得を検証しています。",
        )),
        Go::HostnameMismatch { valid_for, wanted } => mismatch(valid_for, wanted, scene),
        Go::Expired { detail } => expired(detail.as_ref(), scene),
        Go::LegacyCommonName => legacy_common_name(scene),
    }
}

/// Go found a CA of the right name whose key did not verify the signature.
fn wrong_key(hint: &str, name: &str, scene: &Scene<'_>) -> Explanation {
    let same_name: Vec<&Certificate> = scene
        .report
        .certificates
        .iter()
        .filter(|c| c.common_name.as_deref() == Some(name) || c.subject == name)
        .collect();
    let here = if same_name.is_empty() {
        Text::new(String::new(), String::new())
    } else {
        let l = labels(same_name.iter().copied());
        Text::new(
            format!(" The CA pasted here under that name is {l}."),
            format!("ここに貼り付けられたその名前の CA は {l} です。"),
        )
    };
    Explanation {
        meaning: Text::new(
            format!("The client holds a CA named \"{name}\", but the server's certificate was not signed by its key (\"{hint}\")."),
            format!("クライアントは「{name}」という名前の CA を持っていますが、サーバー証明書はその鍵で署名されていません(\"{hint}\")。"),
        ),
        cause: Text::new(
            format!("Two different CAs share the name \"{name}\": the client's CA file is outdated or comes from another installation (a re-created Kubernetes cluster, a re-issued private CA).{}", here.en),
            format!("同じ名前「{name}」を持つ別々の CA があります。クライアントの CA ファイルが古いか、別の環境のものです(作り直した Kubernetes クラスタ、再発行したプライベート CA など)。{}", here.ja),
        ),
        fix: Text::new(
            "Replace the client's copy of this CA with the current one (the ca-bundle.pem / <host>.crt of a report of the server's chain). For kubectl, copy the cluster's current admin.conf to ~/.kube/config.",
            "クライアントが持つこの CA を現行のものに置き換えてください(サーバーのチェーンのレポートにある ca-bundle.pem / <host>.crt)。kubectl の場合は、クラスタの現在の admin.conf を ~/.kube/config にコピーしてください。",
        ),
        snippets: Client::Runner.ca_snippets(),
        certificates: same_name.iter().map(|c| c.index).collect(),
    }
}

/// RFC 6125 §6.4.3: a wildcard matches one whole left-most label.
fn covers(pattern: &str, name: &str) -> bool {
    let (pattern, name) = (pattern.to_ascii_lowercase(), name.to_ascii_lowercase());
    match pattern.strip_prefix("*.") {
        Some(suffix) => name.split_once('.').is_some_and(|(_, rest)| rest == suffix),
        None => pattern == name,
    }
}

fn mismatch(valid_for: &[String], wanted: &str, scene: &Scene<'_>) -> Explanation {
    let meaning = Text::new(
        format!("The certificate the server sent is not valid for \"{wanted}\", the name the client connected to."),
        format!("サーバーが送った証明書は、クライアントが接続した名前「{wanted}」に対して有効ではありません。"),
    );
    let Some(leaf) = scene.leaf() else {
        return names_from_message(valid_for, wanted).explained(meaning);
    };
    let names: Vec<String> = leaf.sans.dns.iter().chain(&leaf.sans.ip).cloned().collect();
    let verdict = if names.iter().any(|n| covers(n, wanted)) {
        Verdict {
            cause: Text::new(
                format!("{} pasted here is valid for \"{wanted}\", so the server sent another certificate (one valid for {}): a default virtual host, a wrong SNI setting or a proxy in front.", label(leaf), valid_for.join(", ")),
                format!("ここに貼り付けられた {} は「{wanted}」に有効なので、サーバーは別の証明書({} に有効なもの)を送っています。既定のバーチャルホスト、SNI の設定、または手前のプロキシが原因です。", label(leaf), valid_for.join(", ")),
            ),
            fix: Text::new(
                format!("Configure the server (or proxy) that answers for \"{wanted}\" with this certificate and its chain."),
                format!("「{wanted}」に応答するサーバー(またはプロキシ)に、この証明書とチェーンを設定してください。"),
            ),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: vec![leaf.index],
        }
    } else {
        reissue(Some(leaf), &names, wanted)
    };
    verdict.explained(meaning)
}

fn names_from_message(valid_for: &[String], wanted: &str) -> Verdict {
    reissue(None, valid_for, wanted)
}

/// Use one of the names the certificate has, or reissue it with the wanted one.
fn reissue(leaf: Option<&Certificate>, names: &[String], wanted: &str) -> Verdict {
    let who = leaf.map(label).unwrap_or_else(|| "The server's certificate".into());
    let who_ja = leaf.map(label).unwrap_or_else(|| "サーバー証明書".into());
    let san = if wanted.parse::<std::net::IpAddr>().is_ok() { "IP" } else { "DNS" };
    let (cause, fix) = if names.is_empty() {
        (
            Text::new(
                format!("{who} carries no subjectAltName at all."),
                format!("{who_ja} には subjectAltName がまったくありません。"),
            ),
            Text::new(
                format!("Reissue the certificate with subjectAltName {san}:{wanted}."),
                format!("subjectAltName {san}:{wanted} を入れて証明書を再発行してください。"),
            ),
        )
    } else {
        let list = names.join(", ");
        (
            Text::new(format!("{who} is valid for {list}, not for \"{wanted}\"."), format!("{who_ja} は {list} に有効で、「{wanted}」には有効ではありません。")),
            Text::new(
                format!("Connect with one of its names ({list}): change the URL the client uses (e.g. url / clone_url in the runner's config.toml). Or reissue the certificate with subjectAltName {san}:{wanted}."),
                format!("証明書にある名前({list})のいずれかで接続してください(例: Runner の config.toml の url / clone_url を変更)。または subjectAltName {san}:{wanted} を入れて証明書を再発行してください。"),
            ),
        )
    };
    let snippets = if names.is_empty() { Vec::new() } else { vec!["runner-config-toml"] };
    Verdict { cause, fix, snippets, certificates: leaf.map(|c| c.index).into_iter().collect() }
}

fn expired(detail: Option<&(String, Side, String)>, scene: &Scene<'_>) -> Explanation {
    match detail {
        Some((current, Side::Before, bound)) => not_yet_valid(current, bound, scene),
        Some((current, Side::After, bound)) => past_end(Some(current), unix(bound), scene),
        None => past_end(None, None, scene),
    }
}

fn not_yet_valid(current: &str, bound: &str, scene: &Scene<'_>) -> Explanation {
    let start = unix(bound);
    let certs: Vec<&Certificate> = scene
        .report
        .certificates
        .iter()
        .filter(|c| {
            Some(c.validity.not_before_unix) == start || c.validity.not_before_unix > scene.now
        })
        .collect();
    let which = if certs.is_empty() {
        String::new()
    } else {
        format!(" ({})", labels(certs.iter().copied()))
    };
    Explanation {
        meaning: Text::new(
            format!("By the client's clock ({current}) a certificate of the chain is not valid yet: it starts at {bound}."),
            format!("クライアントの時計({current})では、チェーンの証明書がまだ有効になっていません。有効期間の開始は {bound} です。"),
        ),
        cause: Text::new(
            format!("The client's clock is behind, or the certificate{which} was issued with a start in the future."),
            format!("クライアントの時計が遅れているか、証明書{which}の開始日時が未来に設定されて発行されています。"),
        ),
        fix: Text::new(
            "Check the client's clock and time zone (`timedatectl`, NTP/chrony). If the clock is right, reissue the certificate with a start date in the past.",
            "クライアントの時計とタイムゾーンを確認してください(`timedatectl`、NTP/chrony)。時計が正しければ、開始日時を過去にして証明書を再発行してください。",
        ),
        snippets: Vec::new(),
        certificates: certs.iter().map(|c| c.index).collect(),
    }
}

/// Expired by the client's clock: the certificate whose notAfter is the bound, else those
/// expired at the report's time.
pub(super) fn past_end(
    current: Option<&str>,
    bound: Option<i64>,
    scene: &Scene<'_>,
) -> Explanation {
    let clock = current.map(|c| (format!(" ({c})"), format!("({c})"))).unwrap_or_default();
    let meaning = Text::new(
        format!("By the client's clock{} a certificate of the chain has expired.", clock.0),
        format!("クライアントの時計{}では、チェーンの証明書の有効期限が切れています。", clock.1),
    );
    if !scene.has_certificates() {
        return scene.ask_for_chain(SERVER_SNIPPETS.to_vec()).explained(meaning);
    }
    let all = &scene.report.certificates;
    let mut certs: Vec<&Certificate> =
        all.iter().filter(|c| Some(c.validity.not_after_unix) == bound).collect();
    if certs.is_empty() {
        certs = all.iter().filter(|c| c.validity.days_left < 0).collect();
    }
    let verdict = if certs.is_empty() {
        Verdict {
            cause: Text::new(
                format!("None of the certificates pasted has expired as of {}: the server still sends an older certificate, or the client's clock is wrong.", scene.report.now),
                format!("貼り付けられた証明書は {} の時点でどれも期限切れではありません。サーバーが古い証明書を送り続けているか、クライアントの時計が間違っています。", scene.report.now),
            ),
            fix: Text::new(
                "Check which certificate the server really sends (openssl s_client -showcerts) and reload the server after installing the new one; check the client's clock.",
                "サーバーが実際に送る証明書を確認し(openssl s_client -showcerts)、新しい証明書を設定した後にサーバーをリロードしてください。クライアントの時計も確認してください。",
            ),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: Vec::new(),
        }
    } else {
        let l = labels(certs.iter().copied());
        let end = certs.first().map(|c| c.validity.not_after.clone()).unwrap_or_default();
        Verdict {
            cause: Text::new(format!("{l} expired (notAfter {end})."), format!("{l} の有効期限が切れています(notAfter {end})。")),
            fix: Text::new(
                "Renew the expired certificate and install it with its chain on the server (for an expired intermediate or root, get the current one from the CA and replace it in the chain file and in the clients' CA files).",
                "期限切れの証明書を更新し、チェーンと一緒にサーバーに設定してください(中間証明書やルートが期限切れの場合は、CA から現行のものを入手し、チェーンファイルとクライアントの CA ファイルで差し替えてください)。",
            ),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: certs.iter().map(|c| c.index).collect(),
        }
    };
    verdict.explained(meaning)
}

fn legacy_common_name(scene: &Scene<'_>) -> Explanation {
    let host = scene.host.unwrap_or("<host>");
    let cause = match scene.leaf() {
        Some(leaf) if leaf.sans.dns.is_empty() && leaf.sans.ip.is_empty() => Text::new(
            format!("{} has a Common Name but no subjectAltName.", label(leaf)),
            format!("{} には Common Name はありますが subjectAltName がありません。", label(leaf)),
        ),
        Some(leaf) => Text::new(
            format!("{} pasted here has subjectAltNames, so the server sends another certificate, one without them.", label(leaf)),
            format!("ここに貼り付けられた {} には subjectAltName があるので、サーバーはそれのない別の証明書を送っています。", label(leaf)),
        ),
        None => Text::new(
            "The server's certificate names its host only in the Common Name, without subjectAltName.",
            "サーバー証明書はホスト名を Common Name にだけ持ち、subjectAltName がありません。",
        ),
    };
    Explanation {
        meaning: Text::new(
            "Go 1.15 and later ignore the Common Name: the host name must be in the subjectAltName extension (RFC 6125 §6.4.4).",
            "Go 1.15 以降は Common Name を見ません。ホスト名は subjectAltName 拡張に入っている必要があります(RFC 6125 §6.4.4)。",
        ),
        cause,
        fix: Text::new(
            format!("Reissue the certificate with subjectAltName DNS:{host} (e.g. `openssl req ... -addext \"subjectAltName=DNS:{host}\"`) and install it on the server. GODEBUG=x509ignoreCN=0 only worked up to Go 1.16."),
            format!("subjectAltName DNS:{host} を入れて証明書を再発行し(例: `openssl req ... -addext \"subjectAltName=DNS:{host}\"`)、サーバーに設定してください。GODEBUG=x509ignoreCN=0 が効くのは Go 1.16 までです。"),
        ),
        snippets: SERVER_SNIPPETS.to_vec(),
        certificates: scene.leaf().map(|c| c.index).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(line: &str) -> Go {
        match recognise(line) {
            Some(Message::Go(g)) => g,
            other => panic!("not a Go message: {other:?}"),
        }
    }

    #[test]
    fn unknown_authority_from_the_runner_docs() {
        // Seed 000 (GitLab Runner docs), verbatim.
        let line = "     Post https://hostname.tld/api/v4/jobs/request: x509: certificate signed by unknown authority";
        assert_eq!(go(line), Go::UnknownAuthority { hint: None });
    }

    #[test]
    fn the_candidate_authority_hint_is_read_escaped_or_not() {
        let plain = "Unable to connect to the server: x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while trying to verify candidate authority certificate \"kubernetes\")";
        let hint = Some(("crypto/rsa: verification error".into(), "kubernetes".into()));
        assert_eq!(go(plain), Go::UnknownAuthority { hint: hint.clone() });
        let escaped = plain.replace('"', "\\\"");
        assert_eq!(go(&escaped), Go::UnknownAuthority { hint });
    }

    #[test]
    fn an_image_pull_is_the_registry_case() {
        let line = "ERROR: Job failed: failed to pull image \"registry.example.com/app:1\" with specified policies [always]: Error response from daemon: Get \"https://registry.example.com/v2/\": x509: certificate signed by unknown authority (manager.go:237:0s)";
        assert_eq!(go(line), Go::UnknownAuthorityRegistry);
    }

    #[test]
    fn hostname_errors_give_the_names() {
        let line = "tls: failed to verify certificate: x509: certificate is valid for 192.168.1.5, kubernetes, not localhost";
        assert_eq!(
            go(line),
            Go::HostnameMismatch {
                valid_for: vec!["192.168.1.5".into(), "kubernetes".into()],
                wanted: "localhost".into()
            }
        );
        let none = "x509: certificate is not valid for any names, but wanted to match gitlab.example.com\"";
        assert_eq!(
            go(none),
            Go::HostnameMismatch { valid_for: vec![], wanted: "gitlab.example.com".into() }
        );
    }

    #[test]
    fn expiry_gives_the_client_time_and_the_bound() {
        let line = "x509: certificate has expired or is not yet valid: current time 2021-10-04T21:42:36+07:00 is after 2015-04-12T23:59:59Z";
        let detail =
            Some(("2021-10-04T21:42:36+07:00".into(), Side::After, "2015-04-12T23:59:59Z".into()));
        assert_eq!(go(line), Go::Expired { detail });
        let before = "x509: certificate has expired or is not yet valid: current time 2026-06-27T19:17:56+09:00 is before 2026-06-28T02:19:53Z";
        assert!(matches!(go(before), Go::Expired { detail: Some((_, Side::Before, _)) }));
        assert_eq!(unix("2015-04-12T23:59:59Z"), Some(1_428_883_199));
    }

    #[test]
    fn both_legacy_common_name_wordings() {
        assert_eq!(
            go("x509: certificate relies on legacy Common Name field, use SANs instead"),
            Go::LegacyCommonName
        );
        assert_eq!(
            go("x509: certificate relies on legacy Common Name field, use SANs or temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0"),
            Go::LegacyCommonName
        );
    }

    #[test]
    fn wildcards_cover_one_label() {
        assert!(covers("*.example.com", "gitlab.example.com"));
        assert!(!covers("*.example.com", "a.b.example.com"));
        assert!(covers("GitLab.example.com", "gitlab.example.com"));
    }
}
