//! Trust stores: the private CA added to the operating system's store (for `params.os`) and
//! to Java's cacerts. Offered when clients need a CA file and certchain has one to give.

use super::params::Os;
use super::quote;
use super::template::fill;
use super::{Context, Snippet};
use crate::catalogue::Text;
use crate::chain::PathEnd;

/// The trust-store snippets for a private CA; none for a chain that ends at a public root.
pub fn offer(context: &Context) -> Vec<Snippet> {
    let Some(ca) = ca_file(context) else {
        return Vec::new();
    };
    vec![system(context, ca), java(context, ca)]
}

/// The CA file clients are given (`ca-bundle.pem`: intermediates, then the root), when the
/// chain ends at a CA that clients do not trust by default.
pub(super) fn ca_file<'a>(context: &Context<'a>) -> Option<&'a str> {
    let report = context.report;
    if !report.trust.clients_need_ca_file || !context.private_ca() {
        return None;
    }
    report.bundles.ca_bundle.as_ref().map(|b| b.filename.as_str())
}

/// The shell line that writes each certificate of `ca_file` to its own file
/// `<dir>/<name>1.crt`, `<dir>/<name>2.crt`… (`openssl rehash`, run by
/// `update-ca-certificates` and by GitLab's reconfigure, skips a file holding several
/// certificates; keytool reads one). `dir` is a folder, or [`DIR_VARIABLE`].
/// awk's `-v` reads backslash escapes in its value (POSIX awk, "-v assignment"): the name
/// is a host name, which has none.
pub(super) fn one_file_per_certificate(ca_file: &str, dir: &str, name: &str, sudo: bool) -> String {
    let sudo = if sudo { "sudo " } else { "" };
    let dir = if dir == DIR_VARIABLE { dir.to_string() } else { quote::sh(dir) };
    format!(
        "{sudo}awk -v prefix={dir}/{} '/-----BEGIN CERTIFICATE-----/ {{ n++ }} n {{ print > (prefix n \".crt\") }}' {}",
        quote::sh(name),
        quote::sh(ca_file)
    )
}

/// The folder made by `mktemp -d` in the Java snippet, as the shell writes it.
const DIR_VARIABLE: &str = "\"$dir\"";

/// The CA file ends at an intermediate: the root was neither in the input nor given as trust.
fn without_root(context: &Context) -> bool {
    context.report.trust.end == Some(PathEnd::MissingIssuer)
}

/// Notes every trust-store snippet shares, after the OS's own.
fn common_notes(context: &Context, ca: &str) -> Vec<Text> {
    vec![which_file(context, ca)]
}

/// What the CA file certchain gave holds, and that the root must be added when the input
/// had none (Go accepts an intermediate as its anchor; OpenSSL's tools, Python before 3.13,
/// macOS and Windows want a root).
pub(super) fn which_file(context: &Context, ca: &str) -> Text {
    if without_root(context) {
        return crate::text!("snippet-note-ca-file-without-root", ca = ca);
    }
    crate::text!("snippet-note-ca-file", ca = ca, host = context.host)
}

/// The operating system's store, for `params.os`.
fn system(context: &Context, ca: &str) -> Snippet {
    let (template, language, filename, mut notes) = match context.params.os {
        Os::Debian => (
            include_str!("templates/trust-store-debian.sh"),
            "shell",
            "install-ca.sh",
            debian_notes(),
        ),
        Os::Alpine => (
            include_str!("templates/trust-store-alpine.sh"),
            "shell",
            "install-ca.sh",
            debian_notes(),
        ),
        Os::Rhel => {
            (include_str!("templates/trust-store-rhel.sh"), "shell", "install-ca.sh", rhel_notes())
        }
        Os::Macos => (
            include_str!("templates/trust-store-macos.sh"),
            "shell",
            "install-ca.sh",
            macos_notes(),
        ),
        Os::Windows => (
            include_str!("templates/trust-store-windows.ps1"),
            "powershell",
            "install-ca.ps1",
            windows_notes(),
        ),
    };
    let name = format!("{}-ca-", context.host);
    let split = one_file_per_certificate(
        ca,
        "/usr/local/share/ca-certificates",
        &name,
        context.params.os != Os::Alpine,
    );
    // `security add-trusted-cert -r trustRoot` only takes a self-signed certificate.
    let result = if without_root(context) { "trustAsRoot" } else { "trustRoot" };
    let host = &context.host;
    let ca_file = if context.params.os == Os::Windows { format!(".\\{ca}") } else { ca.into() };
    let values = [
        ("host", host.clone()),
        ("connect", context.connect()),
        ("ca_file", ca_file),
        ("ca_name", ca.to_string()),
        ("split", split),
        ("result", result.to_string()),
        (
            "root_file",
            format!("{host}-root.{}", if context.params.os == Os::Windows { "crt" } else { "pem" }),
        ),
        ("anchor", format!("/etc/pki/ca-trust/source/anchors/{host}-ca.pem")),
    ];
    let mut all = common_notes(context, ca);
    all.append(&mut notes);
    let linux = matches!(context.params.os, Os::Debian | Os::Alpine | Os::Rhel);
    all.extend(linux.then(|| crate::text!("snippet-trust-store.nodes")));
    Snippet {
        target: "trust-store",
        title: crate::text!("snippet-trust-store"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: all,
        dangerous: false,
    }
}

fn debian_notes() -> Vec<Text> {
    vec![crate::text!("snippet-trust-store.debian")]
}

fn rhel_notes() -> Vec<Text> {
    vec![crate::text!("snippet-trust-store.rhel")]
}

fn macos_notes() -> Vec<Text> {
    vec![crate::text!("snippet-trust-store.macos")]
}

fn windows_notes() -> Vec<Text> {
    vec![crate::text!("snippet-trust-store.windows")]
}

/// Java's cacerts: one alias per certificate.
fn java(context: &Context, ca: &str) -> Snippet {
    let name = format!("{}-ca-", context.host);
    let values = [
        ("host", context.host.clone()),
        ("split", one_file_per_certificate(ca, DIR_VARIABLE, &name, false)),
        ("alias_prefix", name),
    ];
    let mut notes = vec![
        crate::text!("snippet-trust-store-java.one-alias-each"),
        crate::text!("snippet-trust-store-java.jdk8"),
        crate::text!("snippet-trust-store-java.system-store"),
    ];
    notes.extend(common_notes(context, ca));
    Snippet {
        target: "trust-store-java",
        title: crate::text!("snippet-trust-store-java"),
        filename: "install-ca-java.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/trust-store-java.sh"), &values),
        notes,
        dangerous: false,
    }
}
