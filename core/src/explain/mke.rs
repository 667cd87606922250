//! Mirantis Kubernetes Engine: its own admission controller, UCPAuthorization, refuses
//! privileged pods to non-admin users and service accounts (MKE 3.4.2+ can grant privileged
//! attributes per account: MKE-8252). A PodSecurityPolicy alone does not get past it.
//!
//! `pods "runner-…" is forbidden: non-admin user "NS:SA" [service account "NS:default"]. The
//! configured privileged attributes access for non-admin users ("[]")("[]") and for service
//! accounts ("[]")("[]") lack required permissions to use attributes [privileged] for resource`

use super::cause::Scene;
use super::{Explanation, Message};

/// The stable code (the snippets module looks for it).
pub(crate) const CODE: &str = "mke_privileged_forbidden";

/// What MKE's refusal names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Mke {
    /// The account that created the pod, `namespace:name` (the runner's service account).
    pub user: String,
    /// The pod's service account, `namespace:name`.
    pub pod_account: Option<String>,
    /// The attributes refused, e.g. `privileged`.
    pub attributes: String,
}

pub(super) fn recognise(line: &str) -> Option<Message> {
    if !line.contains("is forbidden: non-admin user")
        || !line.contains("lack required permissions to use attributes")
    {
        return None;
    }
    let user = quoted(line, "non-admin user \"")?;
    let pod_account = quoted(line, "[service account \"");
    let attributes = between(line, "to use attributes [", "]").unwrap_or("privileged");
    Some(Message::Mke(Mke {
        user: user.into(),
        pod_account: pod_account.map(str::to_string),
        attributes: attributes.into(),
    }))
}

fn between<'a>(line: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &line[line.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn quoted<'a>(line: &'a str, start: &str) -> Option<&'a str> {
    between(line, start, "\"")
}

pub(super) fn explain(m: &Mke, _scene: &Scene<'_>) -> Explanation {
    let (namespace, account) = m.user.split_once(':').unwrap_or(("<namespace>", &m.user));
    let pod = m.pod_account.as_deref().unwrap_or("-");
    let attrs = &m.attributes;
    Explanation {
        meaning: crate::text!("explain-mke-meaning", attrs = attrs),
        cause: crate::text!(
            "explain-mke-cause",
            account = account,
            namespace = namespace,
            pod = pod,
            attrs = attrs,
        ),
        fix: crate::text!(
            "explain-mke-fix",
            namespace = namespace,
            account = account,
            attrs = attrs,
        ),
        snippets: vec!["mke-service-account-privileges", "mke-psp"],
        certificates: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_log_line_gives_the_accounts() {
        // Seed 003 (MKE + GitLab Runner), verbatim.
        let line = r#"ERROR: Job failed (system failure): prepare environment: setting up build pod: pods "runner-xphxzza-project-1154-concurrent-0" is forbidden: non-admin user "gitlab-runner:gitlab-runner-gitlab-runner" [service account "gitlab-runner:default"]. The configured privileged attributes access for non-admin users ("[]")("[]") and for service accounts ("[]")("[]") lack required permissions to use attributes [privileged] for resource . Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information"#;
        let Some(Message::Mke(m)) = recognise(line) else { panic!("not recognised") };
        assert_eq!(m.user, "gitlab-runner:gitlab-runner-gitlab-runner");
        assert_eq!(m.pod_account.as_deref(), Some("gitlab-runner:default"));
        assert_eq!(m.attributes, "privileged");
    }

    #[test]
    fn the_seed_headline_alone_is_not_the_message() {
        let headline = r#"失敗: pods "" is forbidden: non-admin user "gitlab-runner:gitlab-runner-gitlab-runner""#;
        assert_eq!(recognise(headline), None);
    }
}
