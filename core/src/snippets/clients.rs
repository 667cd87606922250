//! Clients given the private CA one at a time: git, curl, Docker and containerd, and the
//! environment variables many programs read. Offered for a private CA only.

use super::params::Os;
use super::template::fill;
use super::trust_stores::{ca_file, which_file};
use super::{Context, Snippet};

/// The client snippets; none when clients need no CA file (a public root).
pub fn offer(context: &Context) -> Vec<Snippet> {
    let Some(ca) = ca_file(context) else {
        return Vec::new();
    };
    vec![git(context, ca), curl(context, ca), docker(context, ca), env_vars(context, ca)]
}

/// `http.<url>.sslCAInfo`: git config docs, `http.<url>.*` (URL matching).
fn git(context: &Context, ca: &str) -> Snippet {
    let url = context.url();
    let values = [
        ("copy", format!("~/.config/git/certs/{}-ca.pem", context.host)),
        ("setting", format!("http.{url}.sslCAInfo")),
        ("remote", format!("{url}group/project.git")),
        ("ca_file", ca.into()),
        ("url", url),
    ];
    Snippet {
        target: "git-sslcainfo",
        title: crate::text!("snippet-git-sslcainfo"),
        filename: "git-sslcainfo.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/git-sslcainfo.sh"), &values),
        notes: vec![
            crate::text!("snippet-git-sslcainfo.url-match", url = context.url()),
            crate::text!("snippet-git-sslcainfo.windows"),
            which_file(context, ca),
        ],
        dangerous: false,
    }
}

fn curl(context: &Context, ca: &str) -> Snippet {
    let values = [("url", context.url()), ("host", context.host.clone()), ("ca_file", ca.into())];
    Snippet {
        target: "curl-cacert",
        title: crate::text!("snippet-curl-cacert"),
        filename: "curl-cacert.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/curl-cacert.sh"), &values),
        notes: vec![crate::text!("snippet-curl-cacert.cacert"), which_file(context, ca)],
        dangerous: false,
    }
}

/// The registry's name as image names write it: `host`, or `host:port` when the port is
/// not 443 (Docker docs, "Verify repository client with certificates").
fn registry(context: &Context) -> String {
    match context.port {
        Some(port) if port != 443 => format!("{}:{port}", context.host),
        _ => context.host.clone(),
    }
}

fn docker(context: &Context, ca: &str) -> Snippet {
    let registry = registry(context);
    let docker_dir = format!("/etc/docker/certs.d/{registry}");
    let containerd_dir = format!("/etc/containerd/certs.d/{registry}");
    let values = [
        ("registry", registry.clone()),
        ("ca_file", ca.into()),
        ("docker_ca", format!("{docker_dir}/ca.crt")),
        ("docker_dir", docker_dir),
        ("image", format!("{registry}/group/project/image:tag")),
        ("containerd_ca", format!("{containerd_dir}/ca.crt")),
        ("hosts_toml", format!("{containerd_dir}/hosts.toml")),
        ("containerd_dir", containerd_dir),
        ("server", format!("https://{registry}")),
    ];
    Snippet {
        target: "docker-certs-d",
        title: crate::text!("snippet-docker-certs-d"),
        filename: "docker-certs-d.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/docker-certs-d.sh"), &values),
        notes: vec![
            crate::text!("snippet-docker-certs-d.folder", registry = registry),
            crate::text!("snippet-docker-certs-d.ca-crt"),
            crate::text!("snippet-docker-certs-d.containerd"),
            which_file(context, ca),
        ],
        dangerous: false,
    }
}

/// The system's PEM bundle on each OS, what the replacing variables must still include
/// (Windows has none: its template sets no replacing variable to a combined file).
fn system_bundle(os: Os) -> &'static str {
    match os {
        Os::Debian | Os::Alpine | Os::Windows => "/etc/ssl/certs/ca-certificates.crt",
        Os::Rhel => "/etc/pki/tls/certs/ca-bundle.crt",
        Os::Macos => "/etc/ssl/cert.pem",
    }
}

fn env_vars(context: &Context, ca: &str) -> Snippet {
    let windows = context.params.os == Os::Windows;
    let values = [
        ("host", context.host.clone()),
        ("ca_file", if windows { format!(".\\{ca}") } else { ca.into() }),
        ("system_bundle", system_bundle(context.params.os).into()),
        ("ca_copy", format!("~/.config/certs/{}-ca.pem", context.host)),
        ("bundle", format!("~/.config/certs/system-plus-{}.pem", context.host)),
    ];
    let (template, language, filename) = if windows {
        (include_str!("templates/ca-env-vars.ps1"), "powershell", "ca-env-vars.ps1")
    } else {
        (include_str!("templates/ca-env-vars.sh"), "shell", "ca-env-vars.sh")
    };
    Snippet {
        target: "ca-env-vars",
        title: crate::text!("snippet-ca-env-vars"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            crate::text!("snippet-ca-env-vars.replace"),
            crate::text!("snippet-ca-env-vars.at-start"),
            crate::text!("snippet-ca-env-vars.windows-runner"),
            which_file(context, ca),
        ],
        dangerous: false,
    }
}
