//! The line as shown back: trimmed, credentials in URLs masked, shortened. And the host a
//! line talks to, for the command that fetches its chain.

use crate::host::Target;

/// Longest excerpt, in characters (an ellipsis marks a cut).
pub(super) const MAX_CHARS: usize = 300;

/// The mask put in place of a password or token.
const MASK: &str = "***";

/// `line` trimmed, with credentials masked, cut to [`MAX_CHARS`] on a char boundary.
/// Masking comes first: a cut never leaves half a secret.
pub(super) fn excerpt(line: &str) -> String {
    let masked = mask_credentials(line.trim());
    match masked.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &masked[..cut]),
        None => masked,
    }
}

/// `https://user:token@host` → `https://user:***@host`, `https://token@host` →
/// `https://***@host` (RFC 3986 §3.2.1: userinfo before the last `@` of the authority), and
/// `gitlab-ci-token:TOKEN@` wherever it stands.
pub(super) fn mask_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(scheme) = rest.find("://") {
        let start = scheme + 3;
        out.push_str(&rest[..start]);
        let authority = &rest[start..];
        let len = authority
            .find(|c: char| c.is_whitespace() || "/'\"<>()[]{}`".contains(c))
            .unwrap_or(authority.len());
        let (auth, tail) = authority.split_at(len);
        match auth.rfind('@') {
            Some(at) => {
                match auth[..at].split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:{MASK}")),
                    None => out.push_str(MASK),
                }
                out.push_str(&auth[at..]);
            }
            None => out.push_str(auth),
        }
        rest = tail;
    }
    out.push_str(rest);
    mask_assignments(&mask_gitlab_tokens(&mask_query_secrets(&mask_ci_token(&out))))
}

/// Whether a setting called `name` holds a secret: a token, password or secret by name
/// (kubeconfig `token:`, `password=`, `client_secret`, `X-Api-Key`…).
fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase().replace('-', "_");
    const EXACT: [&str; 8] =
        ["token", "password", "passwd", "pwd", "secret", "apikey", "api_key", "x_api_key"];
    const ENDINGS: [&str; 6] =
        ["_token", "_password", "_secret", "_secret_key", "_access_key", "_api_key"];
    EXACT.contains(&name.as_str()) || ENDINGS.iter().any(|end| name.ends_with(end))
}

/// `token: abc`, `"password": "abc"`, `SECRET=abc` → the value masked; and the credentials
/// of `Authorization: Bearer abc` / `Basic abc` (RFC 6750 §2.1, RFC 7617 §2).
fn mask_assignments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find([':', '=', ' ']) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let separator = &tail[..1];
        out.push_str(separator);
        let after = &tail[1..];
        let name = head
            .trim_end_matches(['"', '\''])
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || "_-.".contains(c)))
            .next()
            .unwrap_or_default();
        let scheme = separator == " "
            && (name.eq_ignore_ascii_case("bearer") || name.eq_ignore_ascii_case("basic"));
        if (separator != " " && is_secret_name(name)) || scheme {
            let spaces = after.len() - after.trim_start_matches([' ', '"', '\'']).len();
            out.push_str(&after[..spaces]);
            let value = &after[spaces..];
            let len = value
                .find(|c: char| c.is_whitespace() || "\"',;&<>@".contains(c))
                .unwrap_or(value.len());
            let done = len == 0 || value[..len].contains(MASK);
            out.push_str(if done { &value[..len] } else { MASK });
            rest = &value[len..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Query parameters whose value is a secret (case-insensitive; any `…_token` too): GitLab
/// tokens, OAuth, S3 pre-signed URLs (AWS SigV4 `X-Amz-Signature`, `X-Amz-Credential`,
/// `X-Amz-Security-Token`), Azure SAS `sig`.
const SECRET_PARAMS: [&str; 9] = [
    "token",
    "password",
    "secret",
    "signature",
    "sig",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
    "api_key",
];

fn is_secret_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_PARAMS.contains(&name.as_str()) || name.ends_with("_token") || name.ends_with("-token")
}

/// `?private_token=glpat-x&X-Amz-Signature=abc` → `?private_token=***&X-Amz-Signature=***`.
fn mask_query_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['?', '&', ';']) {
        out.push_str(&rest[..=at]);
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_-".contains(c)))
            .unwrap_or(after.len());
        let (name, tail) = after.split_at(name_len);
        out.push_str(name);
        rest = tail;
        if let Some(value) = tail.strip_prefix('=').filter(|_| is_secret_param(name)) {
            let len = value
                .find(|c: char| c.is_whitespace() || "&;'\"<>()`".contains(c))
                .unwrap_or(value.len());
            out.push('=');
            out.push_str(if len == 0 { "" } else { MASK });
            rest = &value[len..];
        }
    }
    out.push_str(rest);
    out
}

/// GitLab token prefixes (GitLab docs, "Token prefixes"): personal, runner, CI job, pipeline
/// trigger, deploy, feed, runner registration.
const GITLAB_PREFIXES: [&str; 7] =
    ["glpat-", "glrt-", "glcbt-", "glptt-", "gldt-", "glft-", "GR1348941"];

/// `glpat-abc123` → `glpat-***` wherever it stands.
fn mask_gitlab_tokens(text: &str) -> String {
    let mut out = text.to_string();
    for prefix in GITLAB_PREFIXES {
        let mut masked = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(prefix) {
            let start = at + prefix.len();
            masked.push_str(&rest[..start]);
            let after = &rest[start..];
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || "_-.".contains(c)))
                .unwrap_or(after.len());
            masked.push_str(if len == 0 || &after[..len] == MASK { &after[..len] } else { MASK });
            rest = &after[len..];
        }
        masked.push_str(rest);
        out = masked;
    }
    out
}

/// `text` with every credential masked line by line, as excerpts are: for text that leaves
/// the page (the web app's permalink).
pub fn mask_secrets(text: &str) -> String {
    let mut out: String = text.split_inclusive('\n').map(mask_credentials).collect();
    if !text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    out
}

/// `gitlab-ci-token:TOKEN@` outside a URL (`git clone gitlab-ci-token:x@host:group/p`).
fn mask_ci_token(text: &str) -> String {
    const USER: &str = "gitlab-ci-token:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(USER) {
        let start = at + USER.len();
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let token_len = after.find(|c: char| c == '@' || c.is_whitespace()).unwrap_or(after.len());
        if after[token_len..].starts_with('@') && &after[..token_len] != MASK {
            out.push_str(MASK);
        } else {
            out.push_str(&after[..token_len]);
        }
        rest = &after[token_len..];
    }
    out.push_str(rest);
    out
}

/// The host of the first `https://` URL in the line, without userinfo and port.
pub(super) fn host_in(line: &str) -> Option<Target> {
    let after = &line[line.find("https://")? + "https://".len()..];
    let authority = after.split(|c: char| "/ \t'\"<>(){}`".contains(c)).next()?;
    // Punctuation of the sentence around the URL (`Get https://host: x509: ...`).
    Target::parse(authority.trim_end_matches([':', '.', ',', ';']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_tokens_in_urls_are_masked() {
        assert_eq!(
            mask_credentials(
                "fatal: unable to access 'https://user:s3cr3t@git.example.com/a.git/': x"
            ),
            "fatal: unable to access 'https://user:***@git.example.com/a.git/': x"
        );
        assert_eq!(
            mask_credentials("Get https://glpat-abc@h.example/x and http://u:p@other:8080"),
            "Get https://***@h.example/x and http://u:***@other:8080"
        );
        assert_eq!(
            mask_credentials("git clone gitlab-ci-token:abcDEF123@gitlab.example.com:g/p"),
            "git clone gitlab-ci-token:***@gitlab.example.com:g/p"
        );
        assert_eq!(
            mask_credentials("Post https://h.example/api: x509"),
            "Post https://h.example/api: x509"
        );
    }

    #[test]
    fn secrets_in_query_strings_and_gitlab_tokens_are_masked() {
        assert_eq!(
            mask_credentials("Get \"https://h.example/api?token=abc123&private_token=glpat-XYZ&page=2&X-Amz-Signature=dead\": x509"),
            "Get \"https://h.example/api?token=***&private_token=***&page=2&X-Amz-Signature=***\": x509"
        );
        assert_eq!(
            mask_credentials("export TOKEN=glrt-t1_abc.DEF and GR1348941xyz"),
            "export TOKEN=glrt-*** and GR1348941***"
        );
        assert_eq!(mask_credentials("a?x=1&y=2"), "a?x=1&y=2");
        assert_eq!(
            mask_secrets("l1 https://u:p@h/\nl2 ?sig=s\n"),
            "l1 https://u:***@h/\nl2 ?sig=***\n"
        );
    }

    #[test]
    fn settings_that_hold_secrets_and_authorization_headers_are_masked() {
        assert_eq!(mask_credentials("    token: eyJhbGciOi.x"), "    token: ***");
        assert_eq!(
            mask_credentials("{\"password\": \"hunter2\", \"user\": \"u\"}"),
            "{\"password\": \"***\", \"user\": \"u\"}"
        );
        assert_eq!(mask_credentials("CLIENT_SECRET=abc x509"), "CLIENT_SECRET=*** x509");
        assert_eq!(mask_credentials("Authorization: Bearer abc.def"), "Authorization: Bearer ***");
        assert_eq!(
            mask_credentials("-H 'Authorization: Basic dXNlcg=='"),
            "-H 'Authorization: Basic ***'"
        );
        let plain = "x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\")";
        assert_eq!(mask_credentials(plain), plain);
        assert_eq!(mask_credentials("tokens: 3, secretary=x"), "tokens: 3, secretary=x");
    }

    #[test]
    fn excerpts_are_trimmed_and_cut_on_a_char_boundary() {
        assert_eq!(excerpt("  x509: a  "), "x509: a");
        let long = "証".repeat(400);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn a_secret_past_the_cut_is_masked_before_it() {
        let line = format!("{} https://u:{}@h/", "a".repeat(280), "t".repeat(50));
        assert!(!excerpt(&line).contains("ttt"));
    }

    #[test]
    fn hosts_come_from_the_first_https_url() {
        assert_eq!(
            host_in("Post https://hostname.tld/api/v4/jobs/request: x509")
                .map(|t| t.host)
                .as_deref(),
            Some("hostname.tld")
        );
        assert_eq!(
            host_in("'https://u:p@Git.Example.com:8443/x'").map(|t| (t.host, t.port)),
            Some(("git.example.com".to_string(), Some(8443)))
        );
        assert_eq!(host_in("no url"), None);
        assert_eq!(
            host_in("Get https://git.example.com: x509: bad").map(|t| t.host).as_deref(),
            Some("git.example.com")
        );
        assert_eq!(host_in("https://git.example.com:8443: x509").and_then(|t| t.port), Some(8443));
        assert_eq!(
            host_in("Get https://[::1]:8443/v2/: x509").map(|t| (t.host, t.port)),
            Some(("::1".to_string(), Some(8443)))
        );
    }
}
