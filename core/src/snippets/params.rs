//! The parameters of the snippets, and their descriptions for forms (`--param KEY=VALUE`
//! on the command line, the snippets panel in the web app).

use serde::Serialize;

use crate::report::Text;

/// How the GitLab Runner runs jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Executor {
    /// Jobs run on the runner's host.
    Shell,
    /// Jobs run in Docker containers.
    Docker,
    /// Jobs run in Kubernetes pods.
    Kubernetes,
    /// The runner is installed by the gitlab-runner Helm chart (Kubernetes executor).
    Helm,
}

/// The runner host's operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Os {
    /// Debian or Ubuntu.
    Debian,
    /// Alpine Linux.
    Alpine,
    /// RHEL, Fedora, Rocky, Alma.
    Rhel,
    /// Windows.
    Windows,
}

/// The parameters of the snippets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    /// The GitLab URL (`https://gitlab.example.com:8443/`); empty: the report's host.
    pub url: String,
    /// The runner's executor.
    pub executor: Executor,
    /// The runner host's OS.
    pub os: Os,
    /// Kubernetes namespace of the runner.
    pub namespace: String,
    /// Kubernetes Secret holding the CA file.
    pub secret: String,
    /// The runner runs as root (its certs folder is /etc/gitlab-runner/certs/).
    pub runner_as_root: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            url: String::new(),
            executor: Executor::Docker,
            os: Os::Debian,
            namespace: "gitlab-runner".into(),
            secret: "gitlab-runner-certs".into(),
            runner_as_root: true,
        }
    }
}

/// One parameter, described for a form.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// `--param` key.
    pub key: &'static str,
    /// Label.
    pub label: Text,
    /// Current value, as text.
    pub value: String,
    /// Allowed values; empty for free text.
    pub choices: Vec<&'static str>,
}

const EXECUTORS: [(&str, Executor); 4] = [
    ("shell", Executor::Shell),
    ("docker", Executor::Docker),
    ("kubernetes", Executor::Kubernetes),
    ("helm", Executor::Helm),
];
const SYSTEMS: [(&str, Os); 4] =
    [("debian", Os::Debian), ("alpine", Os::Alpine), ("rhel", Os::Rhel), ("windows", Os::Windows)];
const YES_NO: [&str; 2] = ["yes", "no"];

fn name_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> String {
    table.iter().find(|(_, v)| *v == value).map(|(n, _)| n.to_string()).unwrap_or_default()
}

fn field(
    key: &'static str,
    en: &str,
    ja: &str,
    value: String,
    choices: Vec<&'static str>,
) -> Field {
    Field { key, label: Text::new(en, ja), value, choices }
}

/// The value called `value` in `table`, or an error naming the allowed ones.
fn pick<T: Copy>(key: &str, value: &str, table: &[(&'static str, T)]) -> Result<T, String> {
    table.iter().find(|(n, _)| *n == value).map(|(_, v)| *v).ok_or_else(|| {
        let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        format!("{key} must be one of {}, not {value:?}", names.join(", "))
    })
}

/// The parameters of `params` as form fields, in display order.
pub fn fields(params: &Params) -> Vec<Field> {
    let yes_no = if params.runner_as_root { "yes" } else { "no" };
    vec![
        field("url", "GitLab URL", "GitLab の URL", params.url.clone(), vec![]),
        field(
            "executor",
            "Runner executor",
            "Runner の executor",
            name_of(&EXECUTORS, params.executor),
            EXECUTORS.iter().map(|(n, _)| *n).collect(),
        ),
        field(
            "os",
            "Runner host OS",
            "Runner ホストの OS",
            name_of(&SYSTEMS, params.os),
            SYSTEMS.iter().map(|(n, _)| *n).collect(),
        ),
        field(
            "namespace",
            "Kubernetes namespace",
            "Kubernetes の namespace",
            params.namespace.clone(),
            vec![],
        ),
        field("secret", "Secret name", "Secret 名", params.secret.clone(), vec![]),
        field(
            "runner_as_root",
            "Runner runs as root",
            "Runner を root で実行",
            yes_no.into(),
            YES_NO.to_vec(),
        ),
    ]
}

impl Params {
    /// Sets `key` to `value`; an unknown key or value is an error that says what is allowed.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "url" => self.url = value.trim().to_string(),
            "executor" => self.executor = pick(key, value, &EXECUTORS)?,
            "os" => self.os = pick(key, value, &SYSTEMS)?,
            "namespace" => self.namespace = value.trim().to_string(),
            "secret" => self.secret = value.trim().to_string(),
            "runner_as_root" => {
                self.runner_as_root = match value {
                    "yes" | "true" => true,
                    "no" | "false" => false,
                    _ => return Err(format!("runner_as_root must be yes or no, not {value:?}")),
                }
            }
            _ => {
                let keys: Vec<&str> = fields(self).iter().map(|f| f.key).collect();
                return Err(format!("unknown parameter {key:?}; known: {}", keys.join(", ")));
            }
        }
        Ok(())
    }
}
