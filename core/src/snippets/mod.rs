//! Configuration snippets that use the files of a report: rendered from the [`Report`]
//! plus [`Params`], offered only when they make sense for it.
//!
//! One file per target family; each has the same signature, `offer(&Context) -> Vec<Snippet>`.
//! Templates are text files (`templates/`) with `{{name}}` placeholders.
//! The web app lists whatever [`render`] returns and edits [`Params`] through [`fields`], so
//! a new target needs no change there.

mod ci;
mod clients;
mod docker;
mod kubernetes;
mod params;
mod privileged;
pub mod quote;
mod runner;
mod servers;
mod template;
mod trust_stores;

use serde::Serialize;

use crate::catalogue::Text;
use crate::host::Target;
use crate::report::Report;

pub use params::{fields, Cluster, Distro, Executor, Field, Os, Params};

/// One configuration snippet.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    /// Stable id (`runner-certs-dir`, `nginx`…): what `--target` selects.
    pub target: &'static str,
    /// What it is.
    pub title: Text,
    /// Where it goes (a file name or path), for download.
    pub filename: String,
    /// Syntax of the body (`toml`, `yaml`, `nginx`, `shell`, `powershell`…).
    pub language: &'static str,
    /// The text to use.
    pub body: String,
    /// Caveats, most important first.
    pub notes: Vec<Text>,
    /// Weakens security (skips verification, grants cluster-admin): a last resort, said
    /// first in the notes; the UIs mark it.
    pub dangerous: bool,
}

/// What every target family reads.
pub struct Context<'a> {
    /// The analysis.
    pub report: &'a Report,
    /// The user's parameters.
    pub params: &'a Params,
    /// Host clients connect to (from the params, else the report), without port.
    pub host: String,
    /// Port, when one was given.
    pub port: Option<u16>,
    /// Path of GitLab under the host (`/` unless GitLab runs under a relative URL).
    pub path: String,
}

/// The path of a URL (`https://h:8443/gitlab/?x` → `/gitlab/`), always starting and ending
/// with `/`.
pub(crate) fn url_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or_default().trim_matches('/');
    if path.is_empty() {
        "/".into()
    } else {
        format!("/{path}/")
    }
}

/// A pasted error message with this code makes the snippets that fix it relevant, whatever
/// the parameters say.
const MKE_PRIVILEGED: &str = "mke_privileged_forbidden";

impl Context<'_> {
    /// `host` or `host:port`; an IPv6 address in brackets (RFC 3986 §3.2.2).
    pub fn authority(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.address()),
            None => self.address(),
        }
    }

    /// The host as it goes before a port: an IPv6 address in brackets.
    fn address(&self) -> String {
        crate::host::bracketed(&self.host)
    }

    /// `https://host[:port]/path/`.
    pub fn url(&self) -> String {
        format!("https://{}{}", self.authority(), self.path)
    }

    /// `host:port`, with 443 when no port was given (what `openssl s_client -connect` needs).
    pub fn connect(&self) -> String {
        format!("{}:{}", self.address(), self.port.unwrap_or(443))
    }

    /// The chain ends at a CA that clients must be given (private CA, or `--trust`): the
    /// runner's `<host>.crt` exists.
    pub fn private_ca(&self) -> bool {
        self.report.bundles.runner_crt.is_some()
    }

    /// The runner runs in Kubernetes (Kubernetes executor, or the Helm chart), or MKE
    /// refused one of its pods.
    pub fn kubernetes(&self) -> bool {
        matches!(self.params.executor, Executor::Kubernetes | Executor::Helm)
            || self.pasted(MKE_PRIVILEGED)
    }

    /// An error message with `code` was pasted.
    pub fn pasted(&self, code: &str) -> bool {
        self.report.error_messages.iter().any(|m| m.code == code)
    }

    /// The cluster is MKE: the parameter says so, or MKE's privileged error was pasted.
    pub fn mke(&self) -> bool {
        self.params.cluster == Cluster::Mke || self.pasted(MKE_PRIVILEGED)
    }

    /// The runner's namespace and service account: the parameters when set, else the
    /// `non-admin user "NS:SA"` of a pasted MKE error, else the defaults.
    pub fn account(&self) -> (String, String) {
        let defaults = Params::default();
        let (namespace, account) = (&self.params.namespace, &self.params.service_account);
        let set = *namespace != defaults.namespace || *account != defaults.service_account;
        let pasted = self.report.error_messages.iter().filter(|m| m.code == MKE_PRIVILEGED);
        let from_error = pasted.filter_map(|m| mke_user(&m.excerpt)).next();
        match from_error {
            Some(found) if !set => found,
            _ => (namespace.clone(), account.clone()),
        }
    }

    /// Jobs need privileged pods (Docker-in-Docker): the parameter says so, or MKE refused
    /// a privileged pod.
    pub fn dind(&self) -> bool {
        self.params.dind || self.pasted(MKE_PRIVILEGED)
    }
}

/// `non-admin user "NS:SA"` in MKE's error → (NS, SA), when both are Kubernetes names.
fn mke_user(line: &str) -> Option<(String, String)> {
    let after = &line[line.find("non-admin user \"")? + "non-admin user \"".len()..];
    let (namespace, account) = after[..after.find('"')?].split_once(':')?;
    let name = |s: &str| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    (name(namespace) && name(account)).then(|| (namespace.to_string(), account.to_string()))
}

/// Placeholder host when neither the params nor the report name one.
const EXAMPLE_HOST: &str = "gitlab.example.com";

/// What a snippet configures, for headings in the UIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// GitLab Runner itself, and its Docker and Kubernetes executors.
    Runner,
    /// `.gitlab-ci.yml` jobs.
    Jobs,
    /// The cluster the runner runs in (MKE, Pod Security Admission).
    Cluster,
    /// The servers that send the chain.
    Servers,
    /// The operating systems' and Java's trust stores.
    TrustStores,
    /// Clients: git, curl, Docker, environment variables.
    Clients,
}

impl Group {
    /// The heading.
    pub fn title(self) -> Text {
        crate::text!(match self {
            Group::Runner => "snippet-group-runner",
            Group::Jobs => "snippet-group-jobs",
            Group::Cluster => "snippet-group-cluster",
            Group::Servers => "snippet-group-servers",
            Group::TrustStores => "snippet-group-trust-stores",
            Group::Clients => "snippet-group-clients",
        })
    }
}

/// The one signature every family shares.
type Offer = fn(&Context) -> Vec<Snippet>;

/// The families, in display order, each with its group.
const FAMILIES: [(Group, Offer); 8] = [
    (Group::Runner, runner::offer),
    (Group::Runner, docker::offer),
    (Group::Runner, kubernetes::offer),
    (Group::Jobs, ci::offer),
    (Group::Cluster, privileged::offer),
    (Group::Servers, servers::offer),
    (Group::TrustStores, trust_stores::offer),
    (Group::Clients, clients::offer),
];

/// Every snippet that makes sense for `report` with `params`, by group, in a stable order;
/// groups with nothing to offer are left out.
pub fn render_grouped(report: &Report, params: &Params) -> Vec<(Group, Vec<Snippet>)> {
    let from_params = Target::parse(&params.url);
    let path = if from_params.is_some() { url_path(&params.url) } else { "/".into() };
    let target = from_params.or_else(|| report.host.as_deref().and_then(Target::parse));
    // The host goes into commands and file names: Target::read lets only the characters of
    // host names and IP addresses through.
    let (host, port) = match target {
        Some(t) => (t.host, t.port),
        None => (EXAMPLE_HOST.to_string(), None),
    };
    let context = Context { report, params, host, port, path };
    let mut grouped: Vec<(Group, Vec<Snippet>)> = Vec::new();
    for (group, offer) in FAMILIES {
        let offered = offer(&context);
        match grouped.last_mut() {
            Some((last, snippets)) if *last == group => snippets.extend(offered),
            _ => grouped.push((group, offered)),
        }
    }
    grouped.retain(|(_, snippets)| !snippets.is_empty());
    grouped
}

/// Every target a family can offer, in display order (a test keeps it equal to what the
/// families render).
pub const TARGETS: [&str; 30] = [
    "runner-certs-dir",
    "runner-config-toml",
    "runner-register",
    "runner-download-ca",
    "runner-verify",
    "runner-docker-volumes",
    "runner-docker-pre-build",
    "runner-k8s-secret",
    "runner-k8s-volume",
    "runner-k8s-job-script",
    "runner-helm-values",
    "ci-curl-ca-file",
    "ci-git-ssl-no-verify",
    "ci-dind",
    "mke-service-account-privileges",
    "mke-psp",
    "mke-cluster-admin",
    "k8s-pod-security-admission",
    "gitlab-omnibus",
    "gitlab-trusted-certs",
    "nginx",
    "apache",
    "haproxy",
    "traefik",
    "trust-store",
    "trust-store-java",
    "git-sslcainfo",
    "curl-cacert",
    "docker-certs-d",
    "ca-env-vars",
];

/// Why `target` is not among `offered`: no such target (with the list), or not offered for
/// this input (with what is, or why nothing is).
pub fn not_offered(target: &str, offered: &[Snippet]) -> String {
    let quoted = format!("{target:?}");
    if !TARGETS.contains(&target) {
        return crate::text!(
            "snippet-target-unknown",
            target = quoted,
            targets = TARGETS.join(", ")
        )
        .en;
    }
    let ids: Vec<&str> = offered.iter().map(|s| s.target).collect();
    if ids.is_empty() {
        return crate::text!("snippet-target-none-offered", target = quoted).en;
    }
    crate::text!("snippet-target-not-offered", target = quoted, offered = ids.join(", ")).en
}

/// Every snippet that makes sense for `report` with `params`, in a stable order.
pub fn render(report: &Report, params: &Params) -> Vec<Snippet> {
    render_grouped(report, params).into_iter().flat_map(|(_, snippets)| snippets).collect()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_servers;
