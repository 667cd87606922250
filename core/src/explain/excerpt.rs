//! The line as shown back: trimmed, credentials in URLs masked, shortened. And the host a
//! line talks to, for the command that fetches its chain.

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
        let len =
            authority.find(|c: char| "/ \t'\"<>()[]{}`".contains(c)).unwrap_or(authority.len());
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
    mask_ci_token(&out)
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
pub(super) fn host_in(line: &str) -> Option<String> {
    let after = &line[line.find("https://")? + "https://".len()..];
    let authority = after.split(|c: char| "/ \t'\"<>()[]{}`".contains(c)).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host_port.split(':').next()?,
    };
    let valid =
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
    valid.then(|| host.to_ascii_lowercase())
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
            host_in("Post https://hostname.tld/api/v4/jobs/request: x509").as_deref(),
            Some("hostname.tld")
        );
        assert_eq!(
            host_in("'https://u:p@Git.Example.com:8443/x'").as_deref(),
            Some("git.example.com")
        );
        assert_eq!(host_in("no url"), None);
    }
}
