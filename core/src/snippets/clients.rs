//! Clients given the private CA one at a time: git, curl, Docker and containerd, and the
//! environment variables many programs read. Offered for a private CA only.

use super::params::Os;
use super::template::fill;
use super::trust_stores::{ca_file, which_file};
use super::{Context, Snippet};
use crate::report::Text;

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
        title: Text::new("git: trust the private CA for this host", "git: このホストでプライベート CA を信頼する"),
        filename: "git-sslcainfo.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/git-sslcainfo.sh"), &values),
        notes: vec![
            Text::new(
                format!("The setting applies to remotes whose URL starts with {}: same scheme, host and port. A remote written with another name or port for the same server does not match.", context.url()),
                format!("この設定は URL が {} で始まるリモートにだけ効きます (スキーム・ホスト・ポートが一致する場合)。同じサーバーでも別の名前やポートで書いたリモートには効きません。", context.url()),
            ),
            Text::new(
                "Git for Windows uses the Windows store (schannel) and ignores sslCAInfo unless `git config --global http.sslBackend openssl`; or add the CA with the trust-store snippet.",
                "Git for Windows は Windows のストア (schannel) を使い、`git config --global http.sslBackend openssl` を設定しない限り sslCAInfo を無視します。トラストストアのスニペットで CA を追加する方法もあります。",
            ),
            which_file(context, ca),
        ],
        dangerous: false,
    }
}

fn curl(context: &Context, ca: &str) -> Snippet {
    let values = [("url", context.url()), ("host", context.host.clone()), ("ca_file", ca.into())];
    Snippet {
        target: "curl-cacert",
        title: Text::new("curl: verify against the private CA", "curl: プライベート CA で検証する"),
        filename: "curl-cacert.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/curl-cacert.sh"), &values),
        notes: vec![
            Text::new(
                "--cacert replaces curl's default CAs for this command: it prints the HTTP status when the chain verifies, and \"SSL certificate problem\" when it does not.",
                "--cacert はこのコマンドに限り curl の既定の CA を置き換えます。チェーンの検証に成功すると HTTP ステータスを表示し、失敗すると「SSL certificate problem」と表示します。",
            ),
            which_file(context, ca),
        ],
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
        title: Text::new("Docker and containerd: trust the private CA for a registry", "Docker と containerd: レジストリでプライベート CA を信頼する"),
        filename: "docker-certs-d.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/docker-certs-d.sh"), &values),
        notes: vec![
            Text::new(
                format!("The folder is named after the registry as image names write it ({registry}: host, and :port when it is not 443). GitLab's container registry often has its own name (registry.example.com) or port (:5050): use that, as in `docker login`."),
                format!("フォルダー名はイメージ名に書くとおりのレジストリ名です ({registry}: ホスト名、443 以外ならポートも付けます)。GitLab のコンテナーレジストリは別の名前 (registry.example.com) やポート (:5050) のことが多いので、`docker login` に使う名前に合わせてください。"),
            ),
            Text::new(
                "Docker reads certs.d at each pull: no daemon restart. The file must be named ca.crt (a .cert file is a client certificate).",
                "Docker は pull のたびに certs.d を読むため、デーモンの再起動は不要です。ファイル名は ca.crt にします (.cert はクライアント証明書として扱われます)。",
            ),
            Text::new(
                "containerd reads hosts.toml only when its config.toml sets config_path = \"/etc/containerd/certs.d\" (under the CRI plugin's registry section); setting it needs `sudo systemctl restart containerd`, the files afterwards do not.",
                "containerd が hosts.toml を読むのは、config.toml で config_path = \"/etc/containerd/certs.d\" (CRI プラグインの registry セクション) を設定したときだけです。この設定の追加には `sudo systemctl restart containerd` が必要ですが、その後のファイル追加には不要です。",
            ),
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
        title: Text::new("Environment variables: point programs at the CA file", "環境変数: プログラムに CA ファイルを指定する"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            Text::new(
                "SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE and GIT_SSL_CAINFO REPLACE the program's default CAs: point them at a file with the system's CAs plus this CA, as built here. Only NODE_EXTRA_CA_CERTS ADDS to Node's own CAs.",
                "SSL_CERT_FILE・REQUESTS_CA_BUNDLE・CURL_CA_BUNDLE・GIT_SSL_CAINFO はプログラムの既定の CA を「置き換え」ます。ここで作るように、システムの CA にこの CA を加えたファイルを指定してください。NODE_EXTRA_CA_CERTS だけは Node の CA に「追加」します。",
            ),
            Text::new(
                "Programs read these variables when they start: set them before starting the program (or the service's environment), and rebuild the bundle when the system's CAs change. Adding the CA to the system trust store (trust-store) is usually simpler.",
                "これらの変数はプログラムの起動時に読まれます。起動前 (またはサービスの環境設定) に設定し、システムの CA が更新されたらバンドルを作り直してください。多くの場合、システムのトラストストアに CA を追加する (trust-store) ほうが簡単です。",
            ),
            Text::new(
                "On Windows, GitLab Runner reads neither these variables nor the system store (its docs): give it the CA with tls-ca-file (runner-config-toml).",
                "Windows の GitLab Runner はこれらの変数もシステムのストアも読みません(公式ドキュメント)。tls-ca-file で CA を指定します (runner-config-toml)。",
            ),
            which_file(context, ca),
        ],
        dangerous: false,
    }
}
