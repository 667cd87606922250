//! GitLab Runner on a host: the `<host>.crt` in its certs folder, `tls-ca-file` in
//! config.toml, `gitlab-runner register --tls-ca-file`, and the openssl commands that fetch
//! and check the CA file (GitLab Runner docs, "Self-signed certificates or custom
//! Certification Authorities"). Offered for a private CA only: a chain that ends at a public
//! root needs a fixed server chain instead, not a CA file on every runner.

use super::params::{Executor, Os};
use super::template::fill;
use super::{Context, Snippet};
use crate::report::Text;

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
    Text::new(
        format!("Not run as root: {RUNNER_HOME} is the home of the gitlab-runner user; use the home of the user your runner runs as."),
        format!("root 以外で実行: {RUNNER_HOME} は gitlab-runner ユーザーのホームです。Runner を実行するユーザーのホームに置き換えてください。"),
    )
}

/// The third note of `runner-certs-dir`: where else the runner looks, or, on Windows, why the
/// folder alone is not enough.
fn where_else(context: &Context) -> Text {
    if windows(context) {
        return Text::new(
            "On Windows the runner does not read a certs folder when it runs as a service, and not the Windows store either: point tls-ca-file at this file (runner-config-toml).",
            "Windows では、サービスとして動く Runner は certs フォルダーも Windows の証明書ストアも読みません。tls-ca-file でこのファイルを指定します(runner-config-toml)。",
        );
    }
    Text::new(
        "Not as root, the runner reads ~/.gitlab-runner/certs/; ./certs/ in its working folder also works.",
        "root 以外で動かす場合は ~/.gitlab-runner/certs/ を読みます。作業フォルダーの ./certs/ も使えます。",
    )
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
        title: Text::new("GitLab Runner: the CA file in its certs folder", "GitLab Runner: certs フォルダーに CA ファイルを置く"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            Text::new(
                format!("The file is named after the host without the port: {file}, even for {}.", context.url()),
                format!("ファイル名はポートを除いたホスト名です: {file}({} の場合も同じ)。", context.url()),
            ),
            Text::new(
                "It holds the CA certificate(s), not the server certificate, and only PEM: the runner cannot read DER.",
                "中身は CA 証明書で、サーバー証明書ではありません。形式は PEM のみです(DER は読めません)。",
            ),
            where_else(context),
            Text::new(
                "This trusts the CA for the runner's own connections to GitLab (registration, job requests). Jobs in containers need it too: see the Docker and Kubernetes snippets.",
                "これは Runner 自身の GitLab への接続(登録・ジョブ取得)のための設定です。コンテナ内のジョブにも必要な場合は Docker / Kubernetes のスニペットを使います。",
            ),
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
        Text::new(
            "Merge into the existing [[runners]] entry for this URL (keep its token); the runner reloads config.toml by itself.",
            "この URL の既存の [[runners]] に追記します(token はそのまま)。Runner は config.toml を自動で再読み込みします。",
        ),
        Text::new(
            "If the runner was set up for http://, change url to the https:// address too.",
            "http:// で登録済みの場合は、url も https:// のアドレスに変更します。",
        ),
    ];
    if !context.params.runner_as_root && !windows(context) {
        notes.push(home_note());
    }
    Snippet {
        target: "runner-config-toml",
        title: Text::new(
            "GitLab Runner: tls-ca-file in config.toml",
            "GitLab Runner: config.toml の tls-ca-file",
        ),
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
        title: Text::new("GitLab Runner: register with --tls-ca-file", "GitLab Runner: --tls-ca-file 付きで登録"),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: vec![
            Text::new(
                "Put the CA file in place first (runner-certs-dir): registration is the first connection that needs it.",
                "先に CA ファイルを配置します(runner-certs-dir)。登録が最初にそれを必要とする接続です。",
            ),
            Text::new(
                "RUNNER_TOKEN is the runner authentication token (glrt-…) from GitLab: Settings → CI/CD → Runners → New project runner. Registration tokens (--registration-token) are deprecated since GitLab 15.6.",
                "RUNNER_TOKEN には GitLab の 設定 → CI/CD → Runner → 新しいプロジェクト Runner で作成した Runner 認証トークン(glrt-…)を設定します。登録トークン(--registration-token)は GitLab 15.6 から非推奨です。",
            ),
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
        title: Text::new("Fetch the CA file from the server with openssl", "openssl でサーバーから CA ファイルを取得"),
        filename: "download-ca.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-download-ca.sh"), &values),
        notes: vec![
            Text::new(
                "The docs' one-liner (kept as a comment) saves the server's own certificate. Go, and so the runner, accepts it as a pin, but it stops working when the certificate is renewed; the CA file certchain writes keeps working.",
                "ドキュメントの 1 行コマンド(コメントとして残しています)はサーバー自身の証明書を保存します。Go(つまり Runner)はこれを固定(ピン留め)として受け入れますが、証明書の更新で動かなくなります。certchain が書き出す CA ファイルは更新後も使えます。",
            ),
            Text::new(
                "A server sends its root only sometimes: when certchain says the root is missing, get it from your CA team, not from the network.",
                "サーバーがルート証明書を送るとは限りません。certchain がルートが無いと言う場合は、ネットワークからではなく CA の管理者から入手してください。",
            ),
        ],
        dangerous: false,
    }
}

fn partial_chain_note(macos: bool) -> Text {
    if macos {
        return Text::new(
            "macOS's openssl (LibreSSL) has no -partial_chain: with a file that holds no root it says 2 (unable to get issuer certificate) although the runner (Go) accepts the file.",
            "macOS の openssl (LibreSSL) には -partial_chain がありません。ルートを含まないファイルでは、Runner (Go) は受け入れるのに 2 (unable to get issuer certificate) と表示されます。",
        );
    }
    Text::new(
        "-partial_chain makes OpenSSL accept an intermediate in the file as the anchor, as the runner (Go) does; without it a file that holds no root gives 2 (unable to get issuer certificate).",
        "-partial_chain を付けると OpenSSL は Runner (Go) と同じくファイル内の中間証明書を信頼の起点として受け入れます。付けないとルートを含まないファイルでは 2 (unable to get issuer certificate) になります。",
    )
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
        title: Text::new("Check the CA file against the server", "CA ファイルをサーバーに対して確認"),
        filename: "verify-ca.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/runner-verify.sh"), &values),
        notes: vec![
            Text::new(
                "Anything but 0 (ok) means the runner will fail too: 20 (unable to get local issuer certificate) means the file lacks a CA or the server lacks an intermediate; 19 or 18 means the file is not the CA the server uses.",
                "0 (ok) 以外なら Runner も失敗します。20(unable to get local issuer certificate)はファイルに CA が足りないか、サーバーが中間証明書を送っていません。19 や 18 はファイルがサーバーの使う CA ではありません。",
            ),
            Text::new(
                "-servername matters: without it a server with several names may send another certificate.",
                "-servername は必須です。無いと複数の名前を持つサーバーが別の証明書を返すことがあります。",
            ),
            partial_chain_note(macos),
        ],
        dangerous: false,
    }
}
