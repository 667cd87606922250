//! Trust stores: the private CA added to the operating system's store (for `params.os`) and
//! to Java's cacerts. Offered when clients need a CA file and certchain has one to give.

use super::params::Os;
use super::quote;
use super::template::fill;
use super::{Context, Snippet};
use crate::report::{PathEnd, Text};

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
        return Text::new(
            format!("{ca} is the CA file certchain gave, but it holds only the chain's intermediates: the root CA was not in the input. Add the root certificate to it first, or clients that need a root (OpenSSL's tools, Python before 3.13, macOS, Windows) will still fail."),
            format!("{ca} は certchain が出力した CA ファイルですが、チェーンの中間証明書しか入っていません (ルート CA が入力になかったため)。先にルート証明書を追加してください。ルートが必要なクライアント (OpenSSL のツール、3.13 より前の Python、macOS、Windows) は、このままでは失敗します。"),
        );
    }
    Text::new(
        format!("{ca} is the CA file certchain gave: the chain's CA certificates, intermediates then the root ({}.crt for GitLab Runner holds the same certificates).", context.host),
        format!("{ca} は certchain が出力した CA ファイルで、チェーンの CA 証明書 (中間証明書、続いてルート) が入っています (GitLab Runner 用の {}.crt も中身は同じです)。", context.host),
    )
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
    all.extend(linux.then(|| Text::new(
        "A Docker host or Kubernetes node that fails to pull executor or job images from a private registry with \"x509: certificate signed by unknown authority\" needs exactly this: the CA in the node's system store, then restart the runtime (`sudo systemctl restart docker` or `containerd`).",
        "プライベートレジストリから executor やジョブのイメージを pull するときに「x509: certificate signed by unknown authority」で失敗する Docker ホストや Kubernetes ノードには、まさにこの設定が必要です。ノードのシステムのトラストストアに CA を追加し、ランタイムを再起動します (`sudo systemctl restart docker` または `containerd`)。",
    )));
    Snippet {
        target: "trust-store",
        title: Text::new(
            "System trust store: trust the private CA",
            "システムのトラストストア: プライベート CA を信頼する",
        ),
        filename: filename.into(),
        language,
        body: fill(template, &values),
        notes: all,
        dangerous: false,
    }
}

fn debian_notes() -> Vec<Text> {
    vec![Text::new(
        "update-ca-certificates only reads PEM files whose name ends in .crt, and hashes one certificate per file: hence one file per CA certificate. Programs read the result, /etc/ssl/certs/ca-certificates.crt, when they start: restart long-running services.",
        "update-ca-certificates は名前が .crt で終わる PEM ファイルだけを読み、1 ファイル 1 証明書としてハッシュを作ります。そのため CA 証明書ごとにファイルを分けています。結果の /etc/ssl/certs/ca-certificates.crt はプログラムの起動時に読まれるため、常駐しているサービスは再起動してください。",
    )]
}

fn rhel_notes() -> Vec<Text> {
    vec![Text::new(
        "update-ca-trust extract rebuilds /etc/pki/tls/certs/ca-bundle.crt and the Java store from the anchors folder; programs read them when they start: restart long-running services.",
        "update-ca-trust extract は anchors フォルダーから /etc/pki/tls/certs/ca-bundle.crt と Java 用のストアを作り直します。これらはプログラムの起動時に読まれるため、常駐しているサービスは再起動してください。",
    )]
}

fn macos_notes() -> Vec<Text> {
    vec![Text::new(
        "Only the root goes into the keychain (-r trustRoot takes a self-signed certificate); the server must send its intermediates (the full chain). Homebrew's curl and OpenSSL do not read the keychain: give them the CA file (curl --cacert, SSL_CERT_FILE).",
        "キーチェーンにはルートだけを入れます (-r trustRoot は自己署名証明書にしか使えません)。中間証明書はサーバーが送る必要があります (フルチェーン)。Homebrew の curl や OpenSSL はキーチェーンを読まないため、CA ファイルを指定します (curl --cacert、SSL_CERT_FILE)。",
    )]
}

fn windows_notes() -> Vec<Text> {
    vec![Text::new(
        "Only the root goes into LocalMachine\\Root; the server must send its intermediates (the full chain). Git for Windows (schannel), PowerShell and .NET read this store; GitLab Runner on Windows does not (use tls-ca-file).",
        "LocalMachine\\Root にはルートだけを入れます。中間証明書はサーバーが送る必要があります (フルチェーン)。Git for Windows (schannel)、PowerShell、.NET はこのストアを読みますが、Windows の GitLab Runner は読みません (tls-ca-file を使います)。",
    )]
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
        Text::new(
            "keytool imports one certificate per alias and reads only the first certificate of a file: importing the CA file whole would add its first intermediate and miss the root. Each CA certificate therefore gets its own alias; with the intermediates trusted too, Java (which does not fetch missing intermediates) also accepts a server that sends only its leaf.",
            "keytool は 1 つのエイリアスに 1 枚の証明書を登録し、ファイルの先頭の証明書しか読みません。CA ファイルをそのまま取り込むと先頭の中間証明書だけが入り、ルートが漏れます。そこで CA 証明書ごとに別のエイリアスで登録します。中間証明書も信頼しておけば、不足した中間証明書を取りに行かない Java でも、リーフだけを送るサーバーを受け入れられます。",
        ),
        Text::new(
            "JDK 8: replace -cacerts with -keystore \"$JAVA_HOME/jre/lib/security/cacerts\" (JDK 9 and later: $JAVA_HOME/lib/security/cacerts). changeit is the default password. Restart the Java application.",
            "JDK 8 では -cacerts の代わりに -keystore \"$JAVA_HOME/jre/lib/security/cacerts\" を指定します (JDK 9 以降は $JAVA_HOME/lib/security/cacerts)。changeit は既定のパスワードです。Java アプリケーションを再起動してください。",
        ),
        Text::new(
            "On Debian/Ubuntu (ca-certificates-java) and RHEL, the JDK's cacerts is built from the system store: the trust-store snippet is enough there.",
            "Debian/Ubuntu (ca-certificates-java) と RHEL では JDK の cacerts はシステムのストアから作られるため、そちらではトラストストアのスニペットだけで足ります。",
        ),
    ];
    notes.extend(common_notes(context, ca));
    Snippet {
        target: "trust-store-java",
        title: Text::new(
            "Java: trust the private CA (cacerts)",
            "Java: プライベート CA を信頼する (cacerts)",
        ),
        filename: "install-ca-java.sh".into(),
        language: "shell",
        body: fill(include_str!("templates/trust-store-java.sh"), &values),
        notes,
        dangerous: false,
    }
}
