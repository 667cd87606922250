//! GitLab Runner's Docker executor: the CA mapped into every job container as
//! `/etc/gitlab-runner/certs/ca.crt` (the helper image installs it, GitLab Runner 13.3+),
//! and a `pre_build_script` that installs it in the job image, which does not (GitLab Runner
//! docs, "Trusting TLS certificates for Docker and Kubernetes executors").

use super::params::{Distro, Executor, Os};
use super::runner::{absolute_ca_path, runner_file, RUNNER_HOME};
use super::template::fill;
use super::{Context, Snippet};
use crate::catalogue::Text;

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
    crate::text!("snippet-runner-docker-volumes")
}

fn volumes(context: &Context) -> Snippet {
    let mut notes = vec![
        crate::text!("snippet-runner-docker-volumes.helper-image"),
        crate::text!("snippet-runner-docker-volumes.one-file"),
    ];
    if !context.params.runner_as_root {
        notes.push(crate::text!("snippet-runner-docker-volumes.absolute-path", home = RUNNER_HOME));
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
            crate::text!(
                "snippet-runner-docker-volumes.windows-folder",
                file = runner_file(context)
            ),
            crate::text!("snippet-runner-docker-volumes.windows-import"),
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
        title: crate::text!("snippet-runner-docker-pre-build", distro = distro),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(template, &values(context)),
        notes: vec![
            crate::text!("snippet-runner-docker-pre-build.every-job"),
            crate::text!("snippet-runner-docker-pre-build.per-image"),
        ],
        dangerous: false,
    }
}
