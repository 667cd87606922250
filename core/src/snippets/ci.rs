//! `.gitlab-ci.yml` excerpts: `CI_SERVER_TLS_CA_FILE` with curl, `GIT_SSL_NO_VERIFY` as the
//! insecure last resort (GitLab Runner docs, "Self-signed certificates or custom
//! Certification Authorities"), and Docker-in-Docker (the MKE article's pipeline, with
//! today's images and `--password-stdin`).

use super::params::Executor;
use super::template::fill;
use super::{Context, Snippet};
use crate::report::{InputKind, Text};

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
        title: Text::new("Job: curl with the runner's CA file", "ジョブ: Runner の CA ファイルで curl"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: fill(include_str!("templates/ci-curl-ca-file.yml"), &[("url", context.url())]),
        notes: vec![
            Text::new(
                "CI_SERVER_TLS_CA_FILE is a file the runner writes for every job with the CA it trusts for GitLab (tls-ca-file or the certs folder). It works for any host signed by the same CA.",
                "CI_SERVER_TLS_CA_FILE は Runner が各ジョブのために書き出すファイルで、GitLab 用に信頼している CA(tls-ca-file または certs フォルダー)が入っています。同じ CA で署名されたホストならどれにも使えます。",
            ),
            Text::new(
                "The runner uses the same file to let git clone and artifacts work: secure, with the runner as the single point of trust.",
                "Runner は同じファイルで git clone とアーティファクトを動かします。安全ですが、Runner が唯一の信頼点になります。",
            ),
        ],
        dangerous: false,
    }
}

fn git_ssl_no_verify() -> Snippet {
    Snippet {
        target: "ci-git-ssl-no-verify",
        title: Text::new("Job: skip git's certificate check (GIT_SSL_NO_VERIFY)", "ジョブ: git の証明書検証を無効化(GIT_SSL_NO_VERIFY)"),
        filename: ".gitlab-ci.yml".into(),
        language: "yaml",
        body: include_str!("templates/ci-git-ssl-no-verify.yml").to_string(),
        notes: vec![
            Text::new(
                "Insecure: anyone between the runner and GitLab can read and change the source the jobs build. Temporary only; fix trust with the runner snippets instead.",
                "安全ではありません。Runner と GitLab の間にいる誰でも、ジョブがビルドするソースを読み書きできます。一時的な回避策に限り、Runner のスニペットで信頼を正しく設定してください。",
            ),
            Text::new(
                "It affects git only: artifacts, cache, registry and the runner's own connection still fail.",
                "影響するのは git だけです。アーティファクト・キャッシュ・レジストリ・Runner 自身の接続は失敗したままです。",
            ),
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
    let mut notes = vec![Text::new(
        "docker:dind runs privileged: the runner needs privileged = true ([runners.docker] or [runners.kubernetes]).",
        "docker:dind は特権コンテナで動きます。Runner に privileged = true([runners.docker] または [runners.kubernetes])が必要です。",
    )];
    if context.kubernetes() {
        notes.push(Text::new(
            "Services share the job's pod, so the daemon listens without TLS on tcp://docker:2375 and traffic never leaves the pod.",
            "サービスはジョブと同じ Pod で動くため、デーモンは TLS なしで tcp://docker:2375 を待ち受けます。通信は Pod の外に出ません。",
        ));
    } else {
        notes.push(Text::new(
            "TLS between the job and the daemon needs the client certificates shared: add \"/certs/client\" to volumes in [runners.docker].",
            "ジョブとデーモン間の TLS にはクライアント証明書の共有が必要です。[runners.docker] の volumes に \"/certs/client\" を追加します。",
        ));
    }
    notes.push(Text::new(
        "The MKE article's CI_BUILD_TOKEN and docker login -p are outdated: CI_REGISTRY_PASSWORD with --password-stdin keeps the password out of the process list.",
        "MKE の記事の CI_BUILD_TOKEN と docker login -p は古い書き方です。CI_REGISTRY_PASSWORD と --password-stdin ならパスワードがプロセス一覧に出ません。",
    ));
    Snippet {
        target: "ci-dind",
        title: Text::new(
            "Job: build images with Docker-in-Docker",
            "ジョブ: Docker-in-Docker でイメージをビルド",
        ),
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
