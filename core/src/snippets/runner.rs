//! GitLab Runner on a host: the `<host>.crt` in its certs folder, `tls-ca-file` in
//! config.toml, `gitlab-runner register --tls-ca-file`, and the openssl commands that fetch
//! and check the CA file (GitLab Runner docs, "Self-signed certificates or custom
//! Certification Authorities"). Offered for a private CA only: a chain that ends at a public
//! root needs a fixed server chain instead, not a CA file on every runner.

use super::params::{Executor, Os};
use super::template::fill;
use super::{Context, Snippet};
use crate::catalogue::Text;

/// The runner snippets for a private CA. The Helm chart configures the runner itself
/// (`certsSecretName`, see `kubernetes`), so a Helm install gets only the openssl commands.
pub fn offer(context: &Context) -> Vec<Snippet> {
    if !context.private_ca() {
        return Vec::new();
    }
    let mut offered = Vec::new();
    if context.params.executor != Executor::Helm {
        offered.extend([certs_dir(context), config_toml(context), register(context)]);
    }
    offered.extend([download(context), verify(context)]);
    offered
}

/// The file certchain hands out (`<host>.crt` of the report).
pub fn source_file(context: &Context) -> String {
    let runner_crt = context.report.bundles.runner_crt.as_ref();
    runner_crt.map_or_else(|| runner_file(context), |b| b.filename.clone())
}

/// The name the runner looks for: the host without the port, `.crt`.
pub fn runner_file(context: &Context) -> String {
    format!("{}.crt", context.host)
}

fn windows(context: &Context) -> bool {
    context.params.os == Os::Windows
}

/// The certs folder: `/etc/gitlab-runner/certs/` as root, `~/.gitlab-runner/certs/` if not
/// (a `path` placeholder keeps the `~/` expandable), and `C:\GitLab-Runner\certs\` on
/// Windows.
fn certs_dir_path(context: &Context) -> &'static str {
    match (windows(context), context.params.runner_as_root) {
        (true, _) => "C:\\GitLab-Runner\\certs\\",
        (false, true) => "/etc/gitlab-runner/certs/",
        (false, false) => "~/.gitlab-runner/certs/",
    }
}

/// The home of the runner's user in files nothing expands (config.toml, Docker binds): the
/// `gitlab-runner` user of the packages; the notes say to change it.
pub const RUNNER_HOME: &str = "/home/gitlab-runner";

/// `tls-ca-file` for the shell (register, checks).
pub fn ca_path(context: &Context) -> String {
    format!("{}{}", certs_dir_path(context), runner_file(context))
}

/// `tls-ca-file` as an absolute path, for config.toml and Docker binds.
pub fn absolute_ca_path(context: &Context) -> String {
    let path = ca_path(context);
    match path.strip_prefix('~') {
        Some(rest) => format!("{RUNNER_HOME}{rest}"),
        None => path,
    }
}

fn config_path(context: &Context) -> &'static str {
    match (windows(context), context.params.runner_as_root) {
        (true, _) => "C:\\GitLab-Runner\\config.toml",
        (false, true) => "/etc/gitlab-runner/config.toml",
        (false, false) => "~/.gitlab-runner/config.toml",
    }
}

/// `sudo ` for a runner run as root, nothing for one run as its user.
fn sudo(context: &Context) -> &'static str {
    if context.params.runner_as_root {
        "sudo "
    } else {
        ""
    }
}

/// The note for a runner run as a user: which home the absolute paths assume.
fn home_note() -> Text {
    crate::text!("snippet-note-runner-home", home = RUNNER_HOME)
}

/// The third note of `runner-certs-dir`: where else the runner looks, or, on Windows, why the
/// folder alone is not enough.
fn where_else(context: &Context) -> Text {
    if windows(context) {
        return crate::text!("snippet-runner-certs-dir.windows");
    }
    crate::text!("snippet-runner-certs-dir.elsewhere")
}

fn certs_dir(context: &Context) -> Snippet {
    let file = runner_file(context);
    let (template, language, filename) = if windows(context) {
        (include_str!("templates/runner-certs-dir.ps1"), "powershell", "install-runner-ca.ps1")
    } else {
        (include_str!("templates/runner-certs-dir.sh"), "shell", "install-runner-ca.sh")
    };
    let source = if windows(context) {
        format!(".\\{}", source_file(context))
    } else {
        source_file(context)
    };
    let values = [
        ("dir", certs_dir_path(context).to_string()),
        ("dest", ca_path(context)),
        ("source", source),
        ("sudo", sudo(context).to_string()),
    ];
    Snippet {
        target: "runner-certs-dir",
        title: crate::text!("snippet-runner-certs-dir"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            crate::text!(
                "snippet-runner-certs-dir.named-after-host",
                file = file,
                url = context.url()
            ),
            crate::text!("snippet-runner-certs-dir.ca-only-pem"),
            where_else(context),
            crate::text!("snippet-runner-certs-dir.runner-only"),
        ],
        dangerous: false,
    }
}

fn executor_name(context: &Context) -> &'static str {
    match (context.params.executor, windows(context)) {
        (Executor::Shell, _) => "shell",
        (Executor::Docker, false) => "docker",
        (Executor::Docker, true) => "docker-windows",
        (Executor::Kubernetes | Executor::Helm, _) => "kubernetes",
    }
}

/// The placeholders of the runner templates, with `tls-ca-file` written as `ca_path`.
fn runner_values(context: &Context, ca_path: String) -> Vec<(&'static str, String)> {
    vec![
        ("host", context.host.clone()),
        ("url", context.url()),
        ("executor", executor_name(context).into()),
        ("ca_path", ca_path),
        ("config_path", config_path(context).into()),
    ]
}

fn config_toml(context: &Context) -> Snippet {
    // Nothing expands `~` in config.toml: the path is absolute.
    let values = runner_values(context, absolute_ca_path(context));
    let mut notes = vec![
        crate::text!("snippet-runner-config-toml.merge"),
        crate::text!("snippet-runner-config-toml.https"),
    ];
    if !context.params.runner_as_root && !windows(context) {
        notes.push(home_note());
    }
    Snippet {
        target: "runner-config-toml",
        title: crate::text!("snippet-runner-config-toml"),
        filename: "config.toml".into(),
        language: "toml",
        body: fill(include_str!("templates/runner-config.toml"), &values),
        notes,
        dangerous: false,
    }
}

/// Flags the executor needs at registration, each on its own continued line.
fn executor_flags(context: &Context, continuation: &str) -> String {
    match (context.params.executor, windows(context)) {
        (Executor::Docker, false) => format!("\n  --docker-image ubuntu:24.04 {continuation}"),
        (Executor::Docker, true) => format!(
            "\n  --docker-image 'mcr.microsoft.com/windows/servercore:ltsc2022' {continuation}"
        ),
        _ => String::new(),
    }
}

fn register(context: &Context) -> Snippet {
    let mut values = runner_values(context, ca_path(context));
    let (template, language, filename, continuation) = if windows(context) {
        (include_str!("templates/runner-register.ps1"), "powershell", "register-runner.ps1", "`")
    } else {
        (include_str!("templates/runner-register.sh"), "shell", "register-runner.sh", "\\")
    };
    values.push(("executor_flags", executor_flags(context, continuation)));
    values.push(("sudo", sudo(context).to_string()));
    Snippet {
        target: "runner-register",
        title: crate::text!("snippet-runner-register"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            crate::text!("snippet-runner-register.ca-first"),
            crate::text!("snippet-runner-register.token"),
        ],
        dangerous: false,
    }
}

fn download(context: &Context) -> Snippet {
    let values = [
        ("connect", context.connect()),
        ("host", context.host.clone()),
        ("url", context.url()),
        ("file", runner_file(context)),
        ("capture", format!("{}.s_client.txt", context.host)),
        ("dest", ca_path(context).replace('\\', "/")),
    ];
    Snippet {
        target: "runner-download-ca",
        title: crate::text!("snippet-runner-download-ca"),
        filename: "download-ca.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-download-ca.sh"), &values),
        notes: vec![
            crate::text!("snippet-runner-download-ca.pin"),
            crate::text!("snippet-runner-download-ca.root"),
        ],
        dangerous: false,
    }
}

fn partial_chain_note(macos: bool) -> Text {
    if macos {
        return crate::text!("snippet-runner-verify.partial-chain-macos");
    }
    crate::text!("snippet-runner-verify.partial-chain")
}

fn verify(context: &Context) -> Snippet {
    let ca_path = if context.params.executor == Executor::Helm || windows(context) {
        runner_file(context)
    } else {
        ca_path(context)
    };
    // -partial_chain accepts an intermediate in the file as the anchor, as the runner (Go)
    // does; macOS's openssl is LibreSSL, which has no such option.
    let macos = context.params.os == Os::Macos;
    let partial_chain = if macos { "" } else { " -partial_chain" };
    let values = [
        ("ca_path", ca_path),
        ("partial_chain", partial_chain.into()),
        ("connect", context.connect()),
        ("host", context.host.clone()),
    ];
    Snippet {
        target: "runner-verify",
        title: crate::text!("snippet-runner-verify"),
        filename: "verify-ca.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-verify.sh"), &values),
        notes: vec![
            crate::text!("snippet-runner-verify.exit-codes"),
            crate::text!("snippet-runner-verify.servername"),
            partial_chain_note(macos),
        ],
        dangerous: false,
    }
}
