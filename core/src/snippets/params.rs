//! The parameters of the snippets, and their descriptions for forms (`--param KEY=VALUE`
//! on the command line, the snippets panel in the web app).

use serde::Serialize;

use crate::catalogue::Text;

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
    /// macOS.
    Macos,
}

/// The Linux distribution of the job image (what `pre_build_script` and job scripts run on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distro {
    /// Debian or Ubuntu (`apt-get`, `update-ca-certificates`).
    Debian,
    /// Alpine (`apk`, `update-ca-certificates`).
    Alpine,
    /// RHEL, Fedora, UBI (`dnf`, `update-ca-trust`).
    Rhel,
}

/// The Kubernetes distribution the runner is deployed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cluster {
    /// Upstream Kubernetes rules (Pod Security Admission).
    Kubernetes,
    /// Mirantis Kubernetes Engine: its own admission controller guards `privileged`.
    Mke,
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
    /// The job image's distribution.
    pub job_os: Distro,
    /// Kubernetes namespace of the runner.
    pub namespace: String,
    /// Kubernetes Secret holding the CA file.
    pub secret: String,
    /// The runner's Kubernetes service account (the Helm chart names it `<release>-gitlab-runner`).
    pub service_account: String,
    /// The Kubernetes distribution.
    pub cluster: Cluster,
    /// Jobs build images with Docker-in-Docker, which needs privileged pods.
    pub dind: bool,
    /// The runner runs as root (its certs folder is /etc/gitlab-runner/certs/).
    pub runner_as_root: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            url: String::new(),
            executor: Executor::Docker,
            os: Os::Debian,
            job_os: Distro::Debian,
            namespace: "gitlab-runner".into(),
            secret: "gitlab-runner-certs".into(),
            service_account: "gitlab-runner-gitlab-runner".into(),
            cluster: Cluster::Kubernetes,
            dind: false,
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
const SYSTEMS: [(&str, Os); 5] = [
    ("debian", Os::Debian),
    ("alpine", Os::Alpine),
    ("rhel", Os::Rhel),
    ("windows", Os::Windows),
    ("macos", Os::Macos),
];
const DISTROS: [(&str, Distro); 3] =
    [("debian", Distro::Debian), ("alpine", Distro::Alpine), ("rhel", Distro::Rhel)];
const CLUSTERS: [(&str, Cluster); 2] = [("kubernetes", Cluster::Kubernetes), ("mke", Cluster::Mke)];
const YES_NO: [(&str, bool); 2] = [("yes", true), ("no", false)];

fn names<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
    table.iter().map(|(n, _)| *n).collect()
}

fn name_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> String {
    table.iter().find(|(_, v)| *v == value).map(|(n, _)| n.to_string()).unwrap_or_default()
}

/// A field labelled with catalogue message `label`.
fn field(key: &'static str, label: &str, value: String, choices: Vec<&'static str>) -> Field {
    Field { key, label: crate::text!(label), value, choices }
}

/// The value called `value` in `table`, or an error naming the allowed ones.
fn pick<T: Copy>(key: &str, value: &str, table: &[(&'static str, T)]) -> Result<T, String> {
    table.iter().find(|(n, _)| *n == value).map(|(_, v)| *v).ok_or_else(|| {
        let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        let value = format!("{value:?}");
        crate::text!(
            "snippet-param-error-choice",
            key = key,
            choices = names.join(", "),
            value = value
        )
        .en
    })
}

/// The parameters of `params` as form fields, in display order.
pub fn fields(params: &Params) -> Vec<Field> {
    let text = |value: &String| value.clone();
    vec![
        field("url", "snippet-param-url", text(&params.url), vec![]),
        field(
            "executor",
            "snippet-param-executor",
            name_of(&EXECUTORS, params.executor),
            names(&EXECUTORS),
        ),
        field("os", "snippet-param-os", name_of(&SYSTEMS, params.os), names(&SYSTEMS)),
        field("job_os", "snippet-param-job-os", name_of(&DISTROS, params.job_os), names(&DISTROS)),
        field("namespace", "snippet-param-namespace", text(&params.namespace), vec![]),
        field("secret", "snippet-param-secret", text(&params.secret), vec![]),
        field(
            "service_account",
            "snippet-param-service-account",
            text(&params.service_account),
            vec![],
        ),
        field(
            "cluster",
            "snippet-param-cluster",
            name_of(&CLUSTERS, params.cluster),
            names(&CLUSTERS),
        ),
        field("dind", "snippet-param-dind", name_of(&YES_NO, params.dind), names(&YES_NO)),
        field(
            "runner_as_root",
            "snippet-param-runner-as-root",
            name_of(&YES_NO, params.runner_as_root),
            names(&YES_NO),
        ),
    ]
}

/// The GitLab URL: empty (the report's host), or a host name or IP with an optional scheme,
/// port and path (`https://gitlab.example.com:8443/gitlab/`). It goes into shell commands,
/// TOML and YAML, so only the characters of host names (RFC 1123) and plain paths pass.
fn gitlab_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    // Target::read lets only the characters of host names (RFC 1123) and IP addresses through.
    let host_ok = crate::host::Target::parse(value).is_some();
    let path_ok =
        super::url_path(value).chars().all(|c| c.is_ascii_alphanumeric() || "/._~-".contains(c));
    let scheme_ok =
        value.split_once("://").is_none_or(|(scheme, _)| scheme.eq_ignore_ascii_case("https"));
    if host_ok && path_ok && scheme_ok && !value.contains(['@', '?', '#', ' ']) {
        return Ok(value.to_string());
    }
    Err(crate::text!("snippet-param-error-url", value = format!("{value:?}")).en)
}

/// A Kubernetes object name (RFC 1123 label: lowercase letters, digits and `-`, at most 63,
/// starting and ending with a letter or digit): anything else would be pasted into YAML and
/// shell commands, so it is refused here with the rule.
fn kubernetes_name(key: &str, value: &str) -> Result<String, String> {
    let value = value.trim();
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let ends_ok = !value.starts_with('-') && !value.ends_with('-');
    if !value.is_empty() && value.len() <= 63 && value.chars().all(allowed) && ends_ok {
        return Ok(value.to_string());
    }
    Err(crate::text!(
        "snippet-param-error-kubernetes-name",
        key = key,
        value = format!("{value:?}")
    )
    .en)
}

impl Params {
    /// Sets `key` to `value`; an unknown key or value is an error that says what is allowed.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "url" => self.url = gitlab_url(value)?,
            "executor" => self.executor = pick(key, value, &EXECUTORS)?,
            "os" => self.os = pick(key, value, &SYSTEMS)?,
            "job_os" => self.job_os = pick(key, value, &DISTROS)?,
            "namespace" => self.namespace = kubernetes_name(key, value)?,
            "secret" => self.secret = kubernetes_name(key, value)?,
            "service_account" => self.service_account = kubernetes_name(key, value)?,
            "cluster" => self.cluster = pick(key, value, &CLUSTERS)?,
            "dind" => self.dind = pick(key, value, &YES_NO)?,
            "runner_as_root" => self.runner_as_root = pick(key, value, &YES_NO)?,
            _ => {
                let keys: Vec<&str> = fields(self).iter().map(|f| f.key).collect();
                let key = format!("{key:?}");
                return Err(crate::text!(
                    "snippet-param-error-unknown",
                    key = key,
                    known = keys.join(", ")
                )
                .en);
            }
        }
        Ok(())
    }
}
