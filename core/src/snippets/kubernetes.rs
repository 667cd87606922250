//! GitLab Runner's Kubernetes executor and Helm chart: the CA as a Secret, mounted into job
//! pods with `[[runners.kubernetes.volumes.secret]]`, installed by the job script, and given
//! to the runner itself with the chart's `certsSecretName` (GitLab Runner docs, "Trusting TLS
//! certificates for Docker and Kubernetes executors" and "Providing a custom certificate for
//! accessing GitLab"; the MKE article for `rbac.create` and `privileged`).

use super::params::{Distro, Executor};
use super::quote;
use super::runner::{runner_file, source_file};
use super::template::fill;
use super::{Context, Snippet};

/// The Kubernetes snippets: the CA ones for a private CA, the Helm values also for
/// Docker-in-Docker alone.
pub fn offer(context: &Context) -> Vec<Snippet> {
    if !context.kubernetes() {
        return Vec::new();
    }
    let helm = context.params.executor == Executor::Helm;
    let mut offered = Vec::new();
    if context.private_ca() {
        offered.extend([secret(context, helm), volume(context), job_script(context)]);
    }
    if helm && (context.private_ca() || context.dind()) {
        offered.push(helm_values(context));
    }
    offered
}

fn secret(context: &Context, helm: bool) -> Snippet {
    let file = runner_file(context);
    let source = source_file(context);
    let (helm_comment, helm_key) = if helm {
        (
            format!("\n# Key {}: what the Helm chart's certsSecretName needs (the host without the port).", quote::comment(&file)),
            format!(" \\\n  --from-file={}", quote::sh(&format!("{file}={source}"))),
        )
    } else {
        (String::new(), String::new())
    };
    let values = [
        ("host", context.host.clone()),
        ("secret", context.params.secret.clone()),
        ("namespace", context.params.namespace.clone()),
        ("from_file", format!("ca.crt={source}")),
        ("helm_comment", helm_comment),
        ("helm_key", helm_key),
    ];
    Snippet {
        target: "runner-k8s-secret",
        title: crate::text!("snippet-runner-k8s-secret"),
        filename: "create-ca-secret.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-k8s-secret.sh"), &values),
        notes: vec![
            crate::text!("snippet-runner-k8s-secret.renewal"),
            crate::text!("snippet-runner-k8s-secret.namespace"),
        ],
        dangerous: false,
    }
}

fn volume(context: &Context) -> Snippet {
    let values = [
        ("host", context.host.clone()),
        ("url", context.url()),
        ("namespace", context.params.namespace.clone()),
        ("secret", context.params.secret.clone()),
    ];
    Snippet {
        target: "runner-k8s-volume",
        title: crate::text!("snippet-runner-k8s-volume"),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-k8s-volume.toml"), &values),
        notes: vec![
            crate::text!("snippet-runner-k8s-volume.mount-path"),
            crate::text!("snippet-runner-k8s-volume.helm"),
        ],
        dangerous: false,
    }
}

fn job_script(context: &Context) -> Snippet {
    let template = match context.params.job_os {
        Distro::Debian => include_str!("templates/runner-k8s-job-script-debian.yml"),
        Distro::Alpine => include_str!("templates/runner-k8s-job-script-alpine.yml"),
        Distro::Rhel => include_str!("templates/runner-k8s-job-script-rhel.yml"),
    };
    Snippet {
        target: "runner-k8s-job-script",
        title: crate::text!("snippet-runner-k8s-job-script"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: fill::<&str>(template, &[]),
        notes: vec![
            crate::text!("snippet-runner-k8s-job-script.known-issue"),
            crate::text!("snippet-runner-k8s-job-script.per-image"),
        ],
        dangerous: false,
    }
}

fn helm_values(context: &Context) -> Snippet {
    let secret = &context.params.secret;
    let file = runner_file(context);
    let (certs_values, volume) = if context.private_ca() {
        (
            format!(
                "# The CA of {}: Secret {} with the key {} (runner-k8s-secret).\ncertsSecretName: {}\n",
                quote::comment(&context.host),
                quote::comment(secret),
                quote::comment(&file),
                quote::yaml_scalar(secret),
            ),
            format!("\n      [[runners.kubernetes.volumes.secret]]\n        name = {}\n        mount_path = \"/etc/gitlab-runner/certs/\"\n        read_only = true", quote::toml(secret)),
        )
    } else {
        (String::new(), String::new())
    };
    let privileged = if context.dind() { "\n        privileged = true" } else { "" };
    let values = [
        ("url", context.url()),
        ("namespace", context.params.namespace.clone()),
        ("certs_values", certs_values),
        ("privileged", privileged.to_string()),
        ("volume", volume),
    ];
    let mut notes = vec![crate::text!("snippet-runner-helm-values.token")];
    if context.private_ca() {
        notes.push(crate::text!("snippet-runner-helm-values.certs-secret", file = file));
    }
    if context.dind() {
        notes.push(crate::text!("snippet-runner-helm-values.privileged"));
    }
    Snippet {
        target: "runner-helm-values",
        title: crate::text!("snippet-runner-helm-values"),
        filename: "values.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/runner-helm-values.yaml"), &values),
        notes,
        dangerous: false,
    }
}
