//! Go's `crypto/x509` errors (`verify.go`): what GitLab Runner, Docker, kubectl and Helm
//! print, e.g. `Post https://h/api/v4/jobs/request: x509: certificate signed by unknown
//! authority`.

use super::cause::{label, labels, Client, Scene, Verdict, SERVER_SNIPPETS};
use super::{Explanation, Message};
use crate::recommend::Certificate;

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
        Go::UnknownAuthority { hint: None } => scene
            .untrusted(Client::Runner)
            .explained(crate::text!("explain-go-unknown-authority-meaning")),
        Go::UnknownAuthorityRegistry => {
            scene.untrusted(Client::Registry).explained(crate::text!("explain-go-registry-meaning"))
        }
        Go::HostnameMismatch { valid_for, wanted } => mismatch(valid_for, wanted, scene),
        Go::Expired { detail } => expired(detail.as_ref(), scene),
        Go::LegacyCommonName => legacy_common_name(scene),
    }
}

/// Go found a CA of the right name whose key did not verify the signature.
fn wrong_key(hint: &str, name: &str, scene: &Scene<'_>) -> Explanation {
    let same_name: Vec<&Certificate> = scene
        .facts
        .certificates
        .iter()
        .filter(|c| c.common_name.as_deref() == Some(name) || c.subject == name)
        .collect();
    let pasted = if same_name.is_empty() { "none" } else { "some" };
    Explanation {
        meaning: crate::text!("explain-go-wrong-key-meaning", name = name, hint = hint),
        cause: crate::text!(
            "explain-go-wrong-key-cause",
            name = name,
            pasted = pasted,
            labels = labels(same_name.iter().copied()),
        ),
        fix: crate::text!("explain-go-wrong-key-fix"),
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
    let meaning = crate::text!("explain-go-hostname-meaning", wanted = wanted);
    let Some(leaf) = scene.leaf() else {
        return names_from_message(valid_for, wanted).explained(meaning);
    };
    let names: Vec<String> = leaf.sans.dns.iter().chain(&leaf.sans.ip).cloned().collect();
    let verdict = if names.iter().any(|n| covers(n, wanted)) {
        Verdict {
            cause: crate::text!(
                "explain-go-hostname-other-certificate-cause",
                leaf = label(leaf),
                wanted = wanted,
                names = valid_for.join(", "),
            ),
            fix: crate::text!("explain-go-hostname-other-certificate-fix", wanted = wanted),
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
    let who = if leaf.is_some() { "leaf" } else { "server" };
    let leaf_label = leaf.map(label).unwrap_or_default();
    let san = if wanted.parse::<std::net::IpAddr>().is_ok() { "IP" } else { "DNS" };
    let (cause, fix) = if names.is_empty() {
        (
            crate::text!("explain-go-no-san-cause", who = who, leaf = leaf_label),
            crate::text!("explain-go-reissue-fix", san = san, wanted = wanted),
        )
    } else {
        let list = names.join(", ");
        (
            crate::text!(
                "explain-go-other-names-cause",
                who = who,
                leaf = leaf_label,
                names = list,
                wanted = wanted,
            ),
            crate::text!("explain-go-other-names-fix", names = list, san = san, wanted = wanted),
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
        .facts
        .certificates
        .iter()
        .filter(|c| {
            Some(c.validity.not_before_unix) == start || c.validity.not_before_unix > scene.now
        })
        .collect();
    let found = if certs.is_empty() { "none" } else { "some" };
    Explanation {
        meaning: crate::text!("explain-go-not-yet-valid-meaning", current = current, bound = bound),
        cause: crate::text!(
            "explain-go-not-yet-valid-cause",
            found = found,
            labels = labels(certs.iter().copied()),
        ),
        fix: crate::text!("explain-go-not-yet-valid-fix"),
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
    let clock = if current.is_some() { "known" } else { "unknown" };
    let meaning = crate::text!(
        "explain-go-expired-meaning",
        clock = clock,
        current = current.unwrap_or_default(),
    );
    if !scene.has_certificates() {
        return scene.ask_for_chain(SERVER_SNIPPETS.to_vec()).explained(meaning);
    }
    let all = &scene.facts.certificates;
    let mut certs: Vec<&Certificate> =
        all.iter().filter(|c| Some(c.validity.not_after_unix) == bound).collect();
    if certs.is_empty() {
        certs = all.iter().filter(|c| c.validity.days_left < 0).collect();
    }
    let verdict = if certs.is_empty() {
        Verdict {
            cause: crate::text!("explain-go-none-expired-cause", now = scene.facts.now),
            fix: crate::text!("explain-go-none-expired-fix"),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: Vec::new(),
        }
    } else {
        let l = labels(certs.iter().copied());
        let end = certs.first().map(|c| c.validity.not_after.clone()).unwrap_or_default();
        Verdict {
            cause: crate::text!("explain-go-expired-cause", labels = l, end = end),
            fix: crate::text!("explain-go-expired-fix"),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: certs.iter().map(|c| c.index).collect(),
        }
    };
    verdict.explained(meaning)
}

fn legacy_common_name(scene: &Scene<'_>) -> Explanation {
    let host = scene.host.unwrap_or("<host>");
    let cause = match scene.leaf() {
        Some(leaf) if leaf.sans.dns.is_empty() && leaf.sans.ip.is_empty() => {
            crate::text!("explain-go-common-name-only-cause", leaf = label(leaf))
        }
        Some(leaf) => {
            crate::text!("explain-go-common-name-other-certificate-cause", leaf = label(leaf))
        }
        None => crate::text!("explain-go-common-name-server-cause"),
    };
    Explanation {
        meaning: crate::text!("explain-go-common-name-meaning"),
        cause,
        fix: crate::text!("explain-go-common-name-fix", host = host),
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
