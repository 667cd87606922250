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
use crate::report::Text;

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
        title: Text::new("Kubernetes: the CA as a Secret", "Kubernetes: CA を Secret にする"),
        filename: "create-ca-secret.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-k8s-secret.sh"), &values),
        notes: vec![
            Text::new(
                "create --dry-run piped to apply also updates the Secret when the CA is renewed.",
                "create --dry-run を apply に渡すので、CA の更新時にも同じコマンドで Secret を更新できます。",
            ),
            Text::new(
                "The Secret must be in the namespace the job pods run in.",
                "Secret はジョブの Pod が動く namespace に作成します。",
            ),
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
        title: Text::new("Kubernetes executor: mount the CA Secret in job pods", "Kubernetes executor: CA の Secret をジョブの Pod にマウント"),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-k8s-volume.toml"), &values),
        notes: vec![
            Text::new(
                "mount_path is a folder: the Secret's key ca.crt appears as /etc/gitlab-runner/certs/ca.crt in the pod.",
                "mount_path はフォルダーです。Secret のキー ca.crt は Pod 内で /etc/gitlab-runner/certs/ca.crt になります。",
            ),
            Text::new(
                "With the Helm chart this block goes in runners.config of values.yaml (runner-helm-values has it).",
                "Helm チャートではこのブロックを values.yaml の runners.config に書きます(runner-helm-values に含まれています)。",
            ),
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
        title: Text::new("Kubernetes executor: install the CA in the job", "Kubernetes executor: ジョブ内で CA をインストール"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: fill::<&str>(template, &[]),
        notes: vec![
            Text::new(
                "Known issue: with the Kubernetes executor the helper image's ENTRYPOINT does not install the mounted ca.crt into the system store, unlike with Docker, so the job has to.",
                "既知の問題: Kubernetes executor ではヘルパーイメージの ENTRYPOINT の扱いにより、マウントした ca.crt がシステムの証明書ストアに自動でインストールされません(Docker とは異なります)。そのためジョブ内でインストールします。",
            ),
            Text::new(
                "The commands depend on the job image: pick its distribution in the parameters.",
                "コマンドはジョブのイメージによって異なります。パラメーターでディストリビューションを選びます。",
            ),
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
    let mut notes = vec![Text::new(
        "runnerToken is the runner authentication token (glrt-…). Older charts and the MKE article use runnerRegistrationToken: registration tokens are deprecated since GitLab 15.6.",
        "runnerToken は Runner 認証トークン(glrt-…)です。古いチャートや MKE の記事では runnerRegistrationToken を使いますが、登録トークンは GitLab 15.6 から非推奨です。",
    )];
    if context.private_ca() {
        notes.push(Text::new(
            format!("certsSecretName needs the key named after the host without the port ({file}); the chart mounts it into the runner's certs folder."),
            format!("certsSecretName の Secret にはポートを除いたホスト名のキー({file})が必要です。チャートが Runner の certs フォルダーにマウントします。"),
        ));
    }
    if context.dind() {
        notes.push(Text::new(
            "privileged = true lets jobs run docker:dind. Clusters that guard privileged pods refuse them until allowed: see k8s-pod-security-admission, and on MKE the mke-* snippets.",
            "privileged = true で docker:dind を使うジョブが動きます。特権 Pod を制限するクラスターでは許可が必要です。k8s-pod-security-admission、MKE では mke-* のスニペットを参照してください。",
        ));
    }
    Snippet {
        target: "runner-helm-values",
        title: Text::new(
            "Helm chart: values.yaml for gitlab-runner",
            "Helm チャート: gitlab-runner の values.yaml",
        ),
        filename: "values.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/runner-helm-values.yaml"), &values),
        notes,
        dangerous: false,
    }
}
