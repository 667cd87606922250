//! `.gitlab-ci.yml` excerpts: `CI_SERVER_TLS_CA_FILE` with curl, `GIT_SSL_NO_VERIFY` as the
//! insecure last resort (GitLab Runner docs, "Self-signed certificates or custom
//! Certification Authorities"), and Docker-in-Docker (the MKE article's pipeline, with
//! today's images and `--password-stdin`).

use super::params::Executor;
use super::template::fill;
use super::{Context, Snippet};
use crate::chain::InputKind;

/// The job snippets that make sense for this report and these parameters.
pub fn offer(context: &Context) -> Vec<Snippet> {
    let mut offered = Vec::new();
    if context.private_ca() {
        offered.push(curl_ca_file(context));
    }
    // A trust store is not a chain: it cannot fail, and skipping verification fixes nothing.
    let report = context.report;
    let chain_fails =
        report.kind != InputKind::TrustStore && !report.certificates.is_empty() && !report.valid;
    if context.private_ca() || chain_fails {
        offered.push(git_ssl_no_verify());
    }
    if context.dind() && context.params.executor != Executor::Shell {
        offered.push(dind(context));
    }
    offered
}

fn curl_ca_file(context: &Context) -> Snippet {
    Snippet {
        target: "ci-curl-ca-file",
        title: crate::text!("snippet-ci-curl-ca-file"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: fill(include_str!("templates/ci-curl-ca-file.yml"), &[("url", context.url())]),
        notes: vec![
            crate::text!("snippet-ci-curl-ca-file.variable"),
            crate::text!("snippet-ci-curl-ca-file.same-file"),
        ],
        dangerous: false,
    }
}

fn git_ssl_no_verify() -> Snippet {
    Snippet {
        target: "ci-git-ssl-no-verify",
        title: crate::text!("snippet-ci-git-ssl-no-verify"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: include_str!("templates/ci-git-ssl-no-verify.yml").to_string(),
        notes: vec![
            crate::text!("snippet-ci-git-ssl-no-verify.insecure"),
            crate::text!("snippet-ci-git-ssl-no-verify.git-only"),
        ],
        dangerous: true,
    }
}

/// The Docker daemon address: the Kubernetes executor runs services in the job's pod, where
/// the simplest working set-up is the daemon without TLS (traffic stays inside the pod).
fn dind_variables(context: &Context) -> &'static str {
    if context.kubernetes() {
        "  DOCKER_HOST: \"tcp://docker:2375\"\n  DOCKER_TLS_CERTDIR: \"\""
    } else {
        "  DOCKER_HOST: \"tcp://docker:2376\"\n  DOCKER_TLS_CERTDIR: \"/certs\"\n  DOCKER_TLS_VERIFY: \"1\"\n  DOCKER_CERT_PATH: \"/certs/client\""
    }
}

fn dind(context: &Context) -> Snippet {
    let daemon = if context.kubernetes() {
        crate::text!("snippet-ci-dind.kubernetes")
    } else {
        crate::text!("snippet-ci-dind.docker-tls")
    };
    let notes = vec![
        crate::text!("snippet-ci-dind.privileged"),
        daemon,
        crate::text!("snippet-ci-dind.login"),
    ];
    Snippet {
        target: "ci-dind",
        title: crate::text!("snippet-ci-dind"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: fill(
            include_str!("templates/ci-dind.yml"),
            &[("variables", dind_variables(context))],
        ),
        notes,
        dangerous: false,
    }
}
