//! GitLab Runner: the `<host>.crt` in its certs folder, `tls-ca-file` in config.toml, and
//! `gitlab-runner register --tls-ca-file` (GitLab docs, "Self-signed certificates or custom
//! Certification Authorities"). Offered when clients need a CA file: a chain that ends at a
//! public root needs a fixed server chain instead, not a CA on every runner.

use super::params::{Executor, Os};
use super::template::fill;
use super::{Context, Snippet};
use crate::report::Text;

/// The runner snippets for a private CA; none when the report has no `<host>.crt`.
pub fn offer(context: &Context) -> Vec<Snippet> {
    if context.report.bundles.runner_crt.is_none() {
        return Vec::new();
    }
    vec![certs_dir(context), config_toml(context), register(context)]
}

/// The certs folder: `/etc/gitlab-runner/certs/` as root, `~/.gitlab-runner/certs/` if not,
/// `C:\GitLab-Runner\certs\` on Windows.
fn certs_dir(context: &Context) -> Snippet {
    let file = format!("{}.crt", context.host);
    let windows = context.params.os == Os::Windows;
    let dir = if context.params.runner_as_root {
        "/etc/gitlab-runner/certs/"
    } else {
        "~/.gitlab-runner/certs/"
    };
    let (template, language) = if windows {
        (include_str!("templates/runner-certs-dir.ps1"), "powershell")
    } else {
        (include_str!("templates/runner-certs-dir.sh"), "shell")
    };
    let values = [
        ("dir", dir),
        ("file", &file),
        ("authority", &context.authority()),
        ("host", &context.host),
    ];
    Snippet {
        target: "runner-certs-dir",
        title: Text::new("GitLab Runner: the CA file in its certs folder", "GitLab Runner: certs フォルダーに CA ファイルを置く"),
        filename: if windows { "install-runner-ca.ps1".into() } else { "install-runner-ca.sh".into() },
        language,
        body: fill(template, &values),
        notes: vec![
            Text::new(
                format!("The file is named after the host without the port: {file}."),
                format!("ファイル名はポートを除いたホスト名です: {file}。"),
            ),
            Text::new(
                "It holds the CA certificate(s), never the server certificate, and only PEM: the runner cannot read DER.",
                "中身は CA 証明書のみで、サーバー証明書は入れません。形式は PEM のみです (DER は読めません)。",
            ),
            Text::new(
                "Without root the runner reads ~/.gitlab-runner/certs/; ./certs/ next to the runner also works.",
                "root 以外で動かす場合は ~/.gitlab-runner/certs/ を読みます。Runner と同じ場所の ./certs/ も使えます。",
            ),
        ],
        dangerous: false,
    }
}

/// Where config.toml and register point `tls-ca-file`.
fn ca_path(context: &Context) -> String {
    match (context.params.os, context.params.runner_as_root) {
        (Os::Windows, _) => format!("C:\\GitLab-Runner\\certs\\{}.crt", context.host),
        (_, true) => format!("/etc/gitlab-runner/certs/{}.crt", context.host),
        (_, false) => format!("~/.gitlab-runner/certs/{}.crt", context.host),
    }
}

fn executor_name(executor: Executor) -> &'static str {
    match executor {
        Executor::Shell => "shell",
        Executor::Docker => "docker",
        Executor::Kubernetes | Executor::Helm => "kubernetes",
    }
}

/// The placeholders of the runner templates, with `tls-ca-file` written as `ca_path`.
fn runner_values(context: &Context, ca_path: String) -> [(&'static str, String); 4] {
    [
        ("host", context.host.clone()),
        ("url", context.url()),
        ("executor", executor_name(context.params.executor).into()),
        ("ca_path", ca_path),
    ]
}

fn config_toml(context: &Context) -> Snippet {
    // A TOML basic string escapes backslashes (Windows paths).
    let values = runner_values(context, ca_path(context).replace('\\', "\\\\"));
    Snippet {
        target: "runner-config-toml",
        title: Text::new("GitLab Runner: tls-ca-file in config.toml", "GitLab Runner: config.toml の tls-ca-file"),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-config.toml"), &values),
        notes: vec![Text::new(
            "Merge into the existing [[runners]] entry for this URL; the runner reloads config.toml by itself.",
            "この URL の既存の [[runners]] に追記します。Runner は config.toml を自動で再読み込みします。",
        )],
        dangerous: false,
    }
}

fn register(context: &Context) -> Snippet {
    let values = runner_values(context, ca_path(context));
    Snippet {
        target: "runner-register",
        title: Text::new("GitLab Runner: register with --tls-ca-file", "GitLab Runner: --tls-ca-file 付きで登録"),
        filename: "register-runner.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-register.sh"), &values),
        notes: vec![Text::new(
            "Set RUNNER_TOKEN to the runner authentication token from GitLab (Settings → CI/CD → Runners).",
            "RUNNER_TOKEN には GitLab (設定 → CI/CD → Runner) の Runner 認証トークンを設定します。",
        )],
        dangerous: false,
    }
}
