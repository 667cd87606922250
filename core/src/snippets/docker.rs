//! GitLab Runner's Docker executor: the CA mapped into every job container as
//! `/etc/gitlab-runner/certs/ca.crt` (the helper image installs it, GitLab Runner 13.3+),
//! and a `pre_build_script` that installs it in the job image, which does not (GitLab Runner
//! docs, "Trusting TLS certificates for Docker and Kubernetes executors").

use super::params::{Distro, Executor, Os};
use super::runner::{absolute_ca_path, runner_file, RUNNER_HOME};
use super::template::fill;
use super::{Context, Snippet};
use crate::report::Text;

/// The Docker executor snippets for a private CA.
pub fn offer(context: &Context) -> Vec<Snippet> {
    if !context.private_ca() || context.params.executor != Executor::Docker {
        return Vec::new();
    }
    if context.params.os == Os::Windows {
        return vec![volumes_windows(context)];
    }
    vec![volumes(context), pre_build(context)]
}

/// The CA file on the runner host, as an absolute path (Docker binds need one: `~` is not
/// expanded in config.toml).
fn host_ca_path(context: &Context) -> String {
    absolute_ca_path(context)
}

fn config_path(context: &Context) -> &'static str {
    if context.params.runner_as_root {
        "/etc/gitlab-runner/config.toml"
    } else {
        "~/.gitlab-runner/config.toml"
    }
}

fn values(context: &Context) -> [(&'static str, String); 5] {
    [
        ("host", context.host.clone()),
        ("url", context.url()),
        ("ca_path", host_ca_path(context)),
        ("config_path", config_path(context).into()),
        ("bind", format!("{}:/etc/gitlab-runner/certs/ca.crt:ro", host_ca_path(context))),
    ]
}

fn title() -> Text {
    Text::new(
        "Docker executor: the CA in every job container",
        "Docker executor: すべてのジョブコンテナに CA を渡す",
    )
}

fn volumes(context: &Context) -> Snippet {
    let mut notes = vec![
        Text::new(
            "The helper image (git clone, artifacts, cache) installs the mapped ca.crt by itself. Your job image does not: add runner-docker-pre-build, or install it in the job.",
            "ヘルパーイメージ(git clone・アーティファクト・キャッシュ)はマウントされた ca.crt を自動でインストールします。ジョブのイメージはしないので、runner-docker-pre-build を追加するか、ジョブ内でインストールします。",
        ),
        Text::new(
            "The file mapped is the runner's own CA file: one file to renew.",
            "マウントするのは Runner 自身の CA ファイルです。更新するファイルは 1 つだけです。",
        ),
    ];
    if !context.params.runner_as_root {
        notes.push(Text::new(
            format!("Docker needs an absolute path: replace {RUNNER_HOME} with the home of the user the runner runs as."),
            format!("Docker には絶対パスが必要です。{RUNNER_HOME} は Runner を実行するユーザーのホームに置き換えてください。"),
        ));
    }
    Snippet {
        target: "runner-docker-volumes",
        title: title(),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-docker-volumes.toml"), &values(context)),
        notes,
        dangerous: false,
    }
}

fn volumes_windows(context: &Context) -> Snippet {
    Snippet {
        target: "runner-docker-volumes",
        title: title(),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-docker-volumes-windows.toml"), &values(context)),
        notes: vec![
            Text::new(
                format!("Windows maps a folder: copy {} to C:\\GitLab-Runner\\certs\\ca.crt, the name the helper image looks for.", runner_file(context)),
                format!("Windows ではフォルダーをマウントします。{} を C:\\GitLab-Runner\\certs\\ca.crt にコピーします(ヘルパーイメージが探す名前です)。", runner_file(context)),
            ),
            Text::new(
                "pre_build_script installs certificates on Linux images only: on Windows images import it in the job (Import-Certificate).",
                "pre_build_script での証明書のインストールは Linux イメージのみです。Windows イメージではジョブ内で Import-Certificate を使います。",
            ),
        ],
        dangerous: false,
    }
}

fn pre_build(context: &Context) -> Snippet {
    let (template, distro) = match context.params.job_os {
        Distro::Debian => {
            (include_str!("templates/runner-docker-pre-build-debian.toml"), "Debian/Ubuntu")
        }
        Distro::Alpine => (include_str!("templates/runner-docker-pre-build-alpine.toml"), "Alpine"),
        Distro::Rhel => {
            (include_str!("templates/runner-docker-pre-build-rhel.toml"), "RHEL/Fedora")
        }
    };
    Snippet {
        target: "runner-docker-pre-build",
        title: Text::new(
            format!("Docker executor: install the CA in the {distro} job image"),
            format!("Docker executor: {distro} のジョブイメージに CA をインストール"),
        ),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(template, &values(context)),
        notes: vec![
            Text::new(
                "Runs before every job, so tools in the job (curl, wget, a second git clone, package managers) trust the CA. It needs the volume of runner-docker-volumes.",
                "各ジョブの前に実行されるので、ジョブ内のツール(curl・wget・2 回目の git clone・パッケージマネージャー)が CA を信頼します。runner-docker-volumes のボリュームが必要です。",
            ),
            Text::new(
                "The commands depend on the image: pick the job image distribution in the parameters. Faster: bake the CA into your own job image.",
                "コマンドはイメージによって異なります。パラメーターでジョブイメージのディストリビューションを選びます。CA を組み込んだ独自イメージを使えばより速くなります。",
            ),
        ],
        dangerous: false,
    }
}
