//! Servers that send the chain: the fixed full chain (leaf first, then the intermediates, no
//! root) in their TLS configuration; and GitLab's own trust of a private CA for the
//! connections it makes.

use super::quote;
use super::template::fill;
use super::trust_stores::{ca_file, one_file_per_certificate};
use super::{Context, Snippet};
use crate::catalogue::Text;
use crate::chain::PathEnd;

/// The server snippets; none when the report has no full chain to serve.
pub fn offer(context: &Context) -> Vec<Snippet> {
    let Some(fullchain) = &context.report.bundles.fullchain else {
        return Vec::new();
    };
    let fullchain = fullchain.filename.as_str();
    let mut snippets = vec![gitlab_omnibus(context, fullchain)];
    snippets.extend(gitlab_trusted_certs(context));
    snippets.extend([
        nginx(context, fullchain),
        apache(context, fullchain),
        haproxy(context, fullchain),
        traefik(context, fullchain),
    ]);
    if context.report.trust.end == Some(PathEnd::PublicRoot) {
        for snippet in &mut snippets {
            snippet.notes.insert(0, public_root_note());
        }
    }
    snippets
}

/// A chain that ends at a public root needs the server fixed, never a CA file on clients.
fn public_root_note() -> Text {
    crate::text!("snippet-note-public-root")
}

/// The port the server listens on: the URL's, else 443.
fn port(context: &Context) -> String {
    context.port.unwrap_or(443).to_string()
}

/// The private key is never given to certchain: every server snippet names it `<host>.key`.
fn key_note(context: &Context) -> Text {
    let key = format!("{}.key", context.host);
    crate::text!("snippet-note-server-key", key = key)
}

/// GitLab Linux package (Omnibus): `/etc/gitlab/ssl/<host>.crt` with the full chain
/// (GitLab docs, "Configure HTTPS manually").
fn gitlab_omnibus(context: &Context, fullchain: &str) -> Snippet {
    let ca_option =
        ca_file(context).map(|f| format!(" -CAfile {}", quote::sh(f))).unwrap_or_default();
    let host = &context.host;
    let values = [
        ("host", host.clone()),
        ("fullchain", fullchain.to_string()),
        ("crt_path", format!("/etc/gitlab/ssl/{host}.crt")),
        ("key", format!("{host}.key")),
        ("key_path", format!("/etc/gitlab/ssl/{host}.key")),
        ("external_url", format!("https://{}", context.authority())),
        ("connect", context.connect()),
        ("ca_option", ca_option),
    ];
    Snippet {
        target: "gitlab-omnibus",
        title: crate::text!("snippet-gitlab-omnibus"),
        filename: "install-gitlab-certificate.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/gitlab-omnibus.sh"), &values),
        notes: vec![
            crate::text!(
                "snippet-gitlab-omnibus.full-chain",
                host = context.host,
                fullchain = fullchain
            ),
            key_note(context),
            crate::text!("snippet-gitlab-omnibus.letsencrypt"),
            crate::text!("snippet-gitlab-omnibus.reload"),
        ],
        dangerous: false,
    }
}

/// GitLab's own outgoing connections trust `/etc/gitlab/trusted-certs/` (GitLab docs,
/// "Install custom public certificates"); only for a private CA.
fn gitlab_trusted_certs(context: &Context) -> Option<Snippet> {
    let ca = ca_file(context)?;
    let prefix = format!("/etc/gitlab/trusted-certs/{}-ca-", context.host);
    let name = format!("{}-ca-", context.host);
    let split = one_file_per_certificate(ca, "/etc/gitlab/trusted-certs", &name, true);
    let values = [("split", split)];
    Some(Snippet {
        target: "gitlab-trusted-certs",
        title: crate::text!("snippet-gitlab-trusted-certs"),
        filename: "gitlab-trusted-certs.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/gitlab-trusted-certs.sh"), &values),
        notes: vec![
            crate::text!("snippet-gitlab-trusted-certs.outgoing", host = context.host),
            crate::text!("snippet-gitlab-trusted-certs.one-file-each", ca = ca, prefix = prefix),
            crate::text!("snippet-gitlab-trusted-certs.docker"),
        ],
        dangerous: false,
    })
}

/// nginx: `ssl_certificate` takes the leaf then the intermediates in one file
/// (nginx docs, ngx_http_ssl_module). A whole `server` block: it loads as is.
fn nginx(context: &Context, fullchain: &str) -> Snippet {
    let port = port(context);
    let host = &context.host;
    let values = [
        ("host", host.clone()),
        ("port", port),
        ("cert_path", format!("/etc/nginx/ssl/{fullchain}")),
        ("key_path", format!("/etc/nginx/ssl/{host}.key")),
    ];
    Snippet {
        target: "nginx",
        title: crate::text!("snippet-nginx"),
        filename: format!("{}.conf", context.host),
        language: "nginx",
        body: fill(include_str!("templates/nginx.conf"), &values),
        notes: vec![
            crate::text!("snippet-nginx.copy", fullchain = fullchain),
            key_note(context),
            crate::text!("snippet-nginx.location"),
        ],
        dangerous: false,
    }
}

/// Apache httpd: since 2.4.8 `SSLCertificateFile` reads the intermediates after the leaf
/// (mod_ssl docs); `SSLCertificateChainFile` is obsolete.
fn apache(context: &Context, fullchain: &str) -> Snippet {
    let port = port(context);
    // Debian's ports.conf already listens on 443 with mod_ssl; another port needs its Listen.
    let listen = if port == "443" { String::new() } else { format!("Listen {port} https\n") };
    let host = &context.host;
    let values = [
        ("host", host.clone()),
        ("port", port),
        ("listen", listen),
        ("cert_path", format!("/etc/ssl/certs/{host}.fullchain.pem")),
        ("key_path", format!("/etc/ssl/private/{host}.key")),
    ];
    Snippet {
        target: "apache",
        title: crate::text!("snippet-apache"),
        filename: format!("{}-ssl.conf", context.host),
        language: "apache",
        body: fill(include_str!("templates/apache.conf"), &values),
        notes: vec![
            crate::text!("snippet-apache.save", fullchain = fullchain, host = context.host),
            crate::text!("snippet-apache.before-2-4-8"),
            key_note(context),
        ],
        dangerous: false,
    }
}

/// HAProxy: `crt` names one PEM with the certificate chain and the key (HAProxy docs, `crt`).
fn haproxy(context: &Context, fullchain: &str) -> Snippet {
    let host = &context.host;
    let pem = format!("/etc/haproxy/certs/{host}.pem");
    let key = format!("{host}.key");
    let combine = format!(
        "umask 077; cat {} {} > {}",
        quote::sh(fullchain),
        quote::sh(&key),
        quote::sh(&pem)
    );
    let values = [("combine", combine), ("pem", pem), ("port", port(context))];
    Snippet {
        target: "haproxy",
        title: crate::text!("snippet-haproxy"),
        filename: "install-haproxy-certificate.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/haproxy.sh"), &values),
        notes: vec![
            crate::text!("snippet-haproxy.order"),
            key_note(context),
            crate::text!("snippet-haproxy.mode"),
        ],
        dangerous: false,
    }
}

/// Traefik: `tls.certificates` in a file-provider dynamic configuration (Traefik docs, TLS).
fn traefik(context: &Context, fullchain: &str) -> Snippet {
    let host = &context.host;
    let values = [
        ("host", host.clone()),
        ("fullchain", fullchain.to_string()),
        ("cert_path", format!("/etc/traefik/certs/{host}.fullchain.pem")),
        ("key_path", format!("/etc/traefik/certs/{host}.key")),
    ];
    Snippet {
        target: "traefik",
        title: crate::text!("snippet-traefik"),
        filename: format!("{}-tls.yml", context.host),
        language: "yaml",
        body: fill(include_str!("templates/traefik.yml"), &values),
        notes: vec![
            crate::text!("snippet-traefik.save", fullchain = fullchain, host = context.host),
            crate::text!("snippet-traefik.sni"),
            key_note(context),
        ],
        dangerous: false,
    }
}
