//! Servers that send the chain: the fixed full chain (leaf first, then the intermediates, no
//! root) in their TLS configuration; and GitLab's own trust of a private CA for the
//! connections it makes.

use super::quote;
use super::template::fill;
use super::trust_stores::{ca_file, one_file_per_certificate};
use super::{Context, Snippet};
use crate::report::{PathEnd, Text};

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
    Text::new(
        "This chain ends at a public root that clients already trust (GitLab Runner included): no CA file is needed on runners or clients. Serve the full chain and they connect.",
        "このチェーンはクライアントが既に信頼している公開ルートで終わります(GitLab Runner も同様)。Runner やクライアントに CA ファイルは不要です。サーバーがフルチェーンを送れば接続できます。",
    )
}

/// The port the server listens on: the URL's, else 443.
fn port(context: &Context) -> String {
    context.port.unwrap_or(443).to_string()
}

/// The private key is never given to certchain: every server snippet names it `<host>.key`.
fn key_note(context: &Context) -> Text {
    let key = format!("{}.key", context.host);
    Text::new(
        format!("{key} stands for the server's private key (certchain never sees it): the key of the leaf certificate, readable only by root."),
        format!("{key} はサーバーの秘密鍵 (certchain には渡しません) です。リーフ証明書の鍵を、root だけが読めるように置きます。"),
    )
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
        title: Text::new("GitLab (Linux package): serve the full chain", "GitLab (Linux パッケージ): フルチェーンを送る"),
        filename: "install-gitlab-certificate.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/gitlab-omnibus.sh"), &values),
        notes: vec![
            Text::new(
                format!("/etc/gitlab/ssl/{}.crt must hold the full chain, leaf first ({fullchain}): with the leaf alone, runners and git fail with \"x509: certificate signed by unknown authority\" even when they trust the root.", context.host),
                format!("/etc/gitlab/ssl/{}.crt にはリーフを先頭にしたフルチェーン ({fullchain}) を入れます。リーフだけだと、ルートを信頼している Runner や git でも「x509: certificate signed by unknown authority」で失敗します。", context.host),
            ),
            key_note(context),
            Text::new(
                "letsencrypt['enable'] = false keeps GitLab from replacing these files with a Let's Encrypt certificate. Remove older external_url and nginx['ssl_*'] lines from gitlab.rb to keep it readable.",
                "letsencrypt['enable'] = false にすると、GitLab がこれらのファイルを Let's Encrypt の証明書で置き換えません。gitlab.rb に以前の external_url や nginx['ssl_*'] の行があれば、読みやすさのために削除してください。",
            ),
            Text::new(
                "After a renewal that only replaces the files, `sudo gitlab-ctl hup nginx` is enough; a changed gitlab.rb needs `sudo gitlab-ctl reconfigure`.",
                "ファイルを差し替えるだけの更新なら `sudo gitlab-ctl hup nginx` で足ります。gitlab.rb を変えたときは `sudo gitlab-ctl reconfigure` が必要です。",
            ),
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
        title: Text::new("GitLab: trust the private CA for its own connections", "GitLab: 自身の接続でプライベート CA を信頼する"),
        filename: "gitlab-trusted-certs.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/gitlab-trusted-certs.sh"), &values),
        notes: vec![
            Text::new(
                format!("This is for connections GitLab makes (webhooks, integrations, mirrors, its registry and Pages reaching {}), not for browsers or runners.", context.host),
                format!("これは GitLab 自身が行う接続 (Webhook、インテグレーション、ミラー、レジストリや Pages から {} への接続) のための設定で、ブラウザーや Runner のためのものではありません。", context.host),
            ),
            Text::new(
                format!("{ca} from certchain holds the chain's CA certificates; the command writes each one to its own file ({prefix}1.crt, …)."),
                format!("certchain の {ca} にはチェーンの CA 証明書が入っています。コマンドはそれを 1 枚ずつ別のファイル ({prefix}1.crt …) に書き出します。"),
            ),
            Text::new(
                "GitLab in Docker: do the same in the container's /etc/gitlab/trusted-certs/ (the mounted config volume), then reconfigure.",
                "Docker 版 GitLab では、コンテナーの /etc/gitlab/trusted-certs/ (マウントした設定ボリューム) に同じように置き、reconfigure します。",
            ),
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
        title: Text::new("nginx: serve the full chain", "nginx: フルチェーンを送る"),
        filename: format!("{}.conf", context.host),
        language: "nginx",
        body: fill(include_str!("templates/nginx.conf"), &values),
        notes: vec![
            Text::new(
                format!("Copy {fullchain} and the server's private key to /etc/nginx/ssl/, then `nginx -t && nginx -s reload`."),
                format!("{fullchain} とサーバーの秘密鍵を /etc/nginx/ssl/ に置き、`nginx -t && nginx -s reload` を実行します。"),
            ),
            key_note(context),
            Text::new(
                "The block loads as is; add your location { } lines (proxy_pass to the application) inside it.",
                "このブロックはそのまま読み込めます。location { } (アプリケーションへの proxy_pass など) はこの中に追加します。",
            ),
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
        title: Text::new("Apache httpd: serve the full chain", "Apache httpd: フルチェーンを送る"),
        filename: format!("{}-ssl.conf", context.host),
        language: "apache",
        body: fill(include_str!("templates/apache.conf"), &values),
        notes: vec![
            Text::new(
                format!("Save {fullchain} as /etc/ssl/certs/{}.fullchain.pem, then `apachectl configtest && apachectl graceful`.", context.host),
                format!("{fullchain} を /etc/ssl/certs/{}.fullchain.pem として保存し、`apachectl configtest && apachectl graceful` を実行します。", context.host),
            ),
            Text::new(
                "Before Apache 2.4.8, SSLCertificateFile took the leaf alone and the intermediates went in SSLCertificateChainFile; 2.4.8 and later read them from SSLCertificateFile.",
                "Apache 2.4.8 より前は SSLCertificateFile にリーフだけを置き、中間証明書は SSLCertificateChainFile に指定していました。2.4.8 以降は SSLCertificateFile から読みます。",
            ),
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
        title: Text::new("HAProxy: one PEM with the chain and the key", "HAProxy: チェーンと鍵を 1 つの PEM に"),
        filename: "install-haproxy-certificate.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/haproxy.sh"), &values),
        notes: vec![
            Text::new(
                "The leaf must come first, then its intermediates in order (the full chain file has them so); the key is conventionally appended last.",
                "リーフを先頭に、続いて中間証明書を順に並べます (フルチェーンのファイルはこの順です)。秘密鍵は慣例として最後に追加します。",
            ),
            key_note(context),
            Text::new(
                "The file holds the private key: keep it mode 600, owned by root.",
                "このファイルには秘密鍵が入るため、root 所有・パーミッション 600 のままにしてください。",
            ),
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
        title: Text::new("Traefik: serve the full chain", "Traefik: フルチェーンを送る"),
        filename: format!("{}-tls.yml", context.host),
        language: "yaml",
        body: fill(include_str!("templates/traefik.yml"), &values),
        notes: vec![
            Text::new(
                format!("Save {fullchain} as /etc/traefik/certs/{}.fullchain.pem (not the CA-only <host>.crt) and put this file in the file provider's directory (providers.file.directory in the static configuration); Traefik reloads it by itself.", context.host),
                format!("{fullchain} を /etc/traefik/certs/{}.fullchain.pem として保存し (CA だけの <host>.crt ではありません)、このファイルをファイルプロバイダーのディレクトリ (静的設定の providers.file.directory) に置きます。Traefik は自動で読み込み直します。", context.host),
            ),
            Text::new(
                "Traefik picks the certificate by the name the client asks for (SNI); clients that send no name get tls.stores.default.defaultCertificate.",
                "Traefik はクライアントが要求した名前 (SNI) で証明書を選びます。名前を送らないクライアントには tls.stores.default.defaultCertificate が使われます。",
            ),
            key_note(context),
        ],
        dangerous: false,
    }
}
