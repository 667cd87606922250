//! What the report says about a message: which certificate is at fault, and which client
//! must change. Shared by every family.

use super::Explanation;
use crate::code::Code;
use crate::host::Target;
use crate::report::{Certificate, PathEnd, Report, Role, Text};

/// Snippets that fix the server's chain.
pub(super) const SERVER_SNIPPETS: &[&str] =
    &["nginx", "apache", "haproxy", "gitlab-omnibus", "traefik"];

/// The report a message is explained against, and the host the message talks to.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// The report being built (certificates, chain, trust, findings).
    pub report: &'a Report,
    /// Evaluation time, Unix seconds.
    pub now: i64,
    /// The host of the message's URL, else the report's host.
    pub host: Option<&'a str>,
    /// The port of the message's URL, when it names one.
    pub port: Option<u16>,
}

/// The client that printed the message: who must trust the CA, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Client {
    /// GitLab Runner (Go): registering, polling jobs, uploading artifacts.
    Runner,
    /// The Docker host or Kubernetes node pulling an image for the runner.
    Registry,
    /// git (in a job or on a host).
    Git,
    /// curl.
    Curl,
    /// Any OpenSSL client (`openssl s_client`, `openssl verify`, a library).
    OpenSsl,
    /// A Java program.
    Java,
    /// A Python program.
    Python,
    /// A Node.js program.
    Node,
}

impl Client {
    fn name(self) -> (&'static str, &'static str) {
        match self {
            Client::Runner => ("GitLab Runner", "GitLab Runner"),
            Client::Registry => (
                "the Docker host or Kubernetes node that pulls the image",
                "イメージを取得する Docker ホストまたは Kubernetes ノード",
            ),
            Client::Git => ("git", "git"),
            Client::Curl => ("curl", "curl"),
            Client::OpenSsl => ("the client", "クライアント"),
            Client::Java => ("the Java runtime", "Java ランタイム"),
            Client::Python => ("Python", "Python"),
            Client::Node => ("Node.js", "Node.js"),
        }
    }

    /// Snippets that make this client trust a CA file.
    pub(super) fn ca_snippets(self) -> Vec<&'static str> {
        match self {
            Client::Runner => vec!["runner-certs-dir", "runner-config-toml"],
            Client::Registry => vec!["docker-certs-d", "trust-store"],
            Client::Git => vec!["git-sslcainfo", "runner-docker-pre-build", "trust-store"],
            Client::Curl => vec!["curl-cacert", "ci-curl-ca-file", "trust-store"],
            Client::OpenSsl => vec!["trust-store", "curl-cacert"],
            Client::Java => vec!["trust-store-java"],
            Client::Python | Client::Node => vec!["ca-env-vars", "trust-store"],
        }
    }

    /// How this client is given a CA file.
    fn ca_fix(self) -> Text {
        match self {
            Client::Runner => Text::new(
                "Put the CA file at /etc/gitlab-runner/certs/<host>.crt (PEM), or set tls-ca-file in the [[runners]] section of config.toml, then restart the runner (gitlab-runner restart), as the runner docs say after a certificate change.",
                "CA ファイル(PEM)を /etc/gitlab-runner/certs/<host>.crt に置くか、config.toml の [[runners]] セクションで tls-ca-file を指定し、Runner を再起動してください(gitlab-runner restart。証明書を変更したら再起動するよう公式ドキュメントにあります)。",
            ),
            Client::Registry => Text::new(
                "Add the CA to the trust store of every Docker host or Kubernetes node that pulls images (/etc/docker/certs.d/<registry>/ca.crt for Docker, the system trust store plus a restart of containerd for Kubernetes). The runner's tls-ca-file and certs directory do not apply to image pulls.",
                "イメージを取得するすべての Docker ホストまたは Kubernetes ノードのトラストストアに CA を追加してください(Docker は /etc/docker/certs.d/<レジストリ>/ca.crt、Kubernetes はシステムのトラストストアに追加して containerd を再起動)。Runner の tls-ca-file や certs ディレクトリはイメージの取得には効きません。",
            ),
            Client::Git => Text::new(
                "Give git the CA file: `git config --global http.sslCAInfo /path/ca.crt`, or install it in the trust store of the job image before the clone.",
                "git に CA ファイルを指定してください: `git config --global http.sslCAInfo /path/ca.crt`。またはクローンの前にジョブイメージのトラストストアへインストールしてください。",
            ),
            Client::Curl => Text::new(
                "Give curl the CA file (`curl --cacert /path/ca.crt`), or install it in the system trust store (update-ca-certificates).",
                "curl に CA ファイルを指定する(`curl --cacert /path/ca.crt`)か、システムのトラストストアにインストールしてください(update-ca-certificates)。",
            ),
            Client::OpenSsl => Text::new(
                "Install the CA file in the client's trust store (update-ca-certificates), or pass it explicitly (`-CAfile`, `--cacert`).",
                "CA ファイルをクライアントのトラストストアにインストールする(update-ca-certificates)か、明示的に指定してください(`-CAfile`、`--cacert`)。",
            ),
            Client::Java => Text::new(
                "Import the CA into the truststore of the JVM that runs the program (`keytool -importcert -cacerts -alias my-ca -file ca.crt`).",
                "プログラムを実行する JVM のトラストストアに CA をインポートしてください(`keytool -importcert -cacerts -alias my-ca -file ca.crt`)。",
            ),
            Client::Python => Text::new(
                "Point Python at the CA file (SSL_CERT_FILE, or REQUESTS_CA_BUNDLE for requests), or install it in the system trust store.",
                "Python に CA ファイルを指定してください(SSL_CERT_FILE、requests なら REQUESTS_CA_BUNDLE)。またはシステムのトラストストアにインストールしてください。",
            ),
            Client::Node => Text::new(
                "Start Node.js with NODE_EXTRA_CA_CERTS=/path/ca.crt (it adds the CA to Node's built-in roots).",
                "NODE_EXTRA_CA_CERTS=/path/ca.crt を指定して Node.js を起動してください(Node 組み込みのルートに CA が追加されます)。",
            ),
        }
    }
}

/// A cause and fix read from the report.
pub(super) struct Verdict {
    pub cause: Text,
    pub fix: Text,
    pub snippets: Vec<&'static str>,
    pub certificates: Vec<usize>,
}

impl Verdict {
    /// With the family's meaning: the whole explanation.
    pub(super) fn explained(self, meaning: Text) -> Explanation {
        Explanation {
            meaning,
            cause: self.cause,
            fix: self.fix,
            snippets: self.snippets,
            certificates: self.certificates,
        }
    }
}

impl<'a> Scene<'a> {
    /// The scene of `report` at `now`.
    pub fn new(report: &'a Report, now: i64) -> Self {
        Self { report, now, host: report.host.as_deref(), port: None }
    }

    /// The same scene, about the host a message names (when it names one).
    pub(super) fn with_host<'b>(&self, target: Option<&'b Target>) -> Scene<'b>
    where
        'a: 'b,
    {
        let Some(target) = target else { return *self };
        Scene { report: self.report, now: self.now, host: Some(&target.host), port: target.port }
    }

    /// The report has certificates to name.
    pub(super) fn has_certificates(&self) -> bool {
        !self.report.certificates.is_empty()
    }

    /// The leaf of the best path.
    pub(super) fn leaf(&self) -> Option<&'a Certificate> {
        let first = self.report.certificates.get(*self.report.chain.first()?)?;
        (first.role == Role::Leaf).then_some(first)
    }

    /// `openssl s_client` for the host (or a placeholder).
    pub(super) fn fetch_command(&self) -> String {
        let host = self.host.unwrap_or("HOST");
        let port = self.port.unwrap_or(443);
        let address = crate::host::bracketed(host);
        format!(
            "openssl s_client -showcerts -connect {address}:{port} -servername {host} </dev/null"
        )
    }

    /// Without certificates: how to get them, so the next report can name the one at fault.
    pub(super) fn ask_for_chain(&self, snippets: Vec<&'static str>) -> Verdict {
        let command = self.fetch_command();
        Verdict {
            cause: Text::new(
                "No certificate was pasted with the log, so certchain cannot tell which certificate is at fault.",
                "ログと一緒に証明書が貼り付けられていないため、どの証明書が原因かは判定できません。",
            ),
            fix: Text::new(
                format!("Get the chain the server sends, from the machine that fails: `{command}`{}, and paste its output together with the log.", if self.port.is_some() { "" } else { " (use the port of the URL if it is not 443)" }),
                format!("失敗するマシンからサーバーが送るチェーンを取得してください: `{command}`{}。その出力をログと一緒に貼り付けてください。", if self.port.is_some() { "" } else { "(URL のポートが 443 でなければ置き換えてください)" }),
            ),
            snippets,
            certificates: Vec::new(),
        }
    }

    /// The client does not trust the chain: why, from how the best path ends.
    pub(super) fn untrusted(&self, client: Client) -> Verdict {
        if !self.has_certificates() {
            return self.ask_for_chain(client.ca_snippets());
        }
        let report = self.report;
        let has = |code: Code| report.findings.iter().any(|f| f.code == code);
        if has(Code::SClientLeafOnly) && has(Code::MissingIntermediate) {
            return self.capture_without_showcerts(client);
        }
        if let Some(f) = report.findings.iter().find(|f| f.code == Code::MissingIntermediate) {
            return self.missing_intermediate(&f.certificates);
        }
        let top = report.chain.last().copied();
        let anchor = report.trust.anchor.clone().unwrap_or_default();
        match report.trust.end {
            Some(PathEnd::PrivateRoot | PathEnd::UserAnchor | PathEnd::MissingIssuer) => {
                self.private_ca(client, &anchor, top)
            }
            Some(PathEnd::PublicRoot) if report.valid => self.public_chain_fine(client, &anchor),
            _ => self.other_errors(),
        }
    }

    /// The pasted s_client output lacks what the server sent (no `-showcerts`): the error
    /// is about the last certificate the server sent, which is not here.
    fn capture_without_showcerts(&self, client: Client) -> Verdict {
        Verdict {
            cause: Text::new(
                "The client could not find the issuer of the last certificate the server sent, but this s_client output was captured without -showcerts and holds only the first one: which CA is missing cannot be told from it. Most often it is your private root CA, missing from the client's trust store.",
                "クライアントはサーバーが送った最後の証明書の発行者を見つけられませんでした。しかしこの s_client の出力は -showcerts なしで取得されていて最初の 1 枚しか含まないため、どの CA が足りないかは分かりません。多くの場合、クライアントのトラストストアに無いプライベートなルート CA です。",
            ),
            fix: Text::new(
                format!("Capture again with `{}` and paste the whole output: certchain then names the missing CA and makes the CA file for the client.", self.fetch_command()),
                format!("`{}` で取得し直し、出力全体を貼り付けてください。certchain が不足している CA を特定し、クライアント用の CA ファイルを作成します。", self.fetch_command()),
            ),
            snippets: client.ca_snippets(),
            certificates: Vec::new(),
        }
    }

    /// The server does not send the issuer of `certs[0]`.
    pub(super) fn missing_intermediate(&self, certs: &[usize]) -> Verdict {
        let c = certs.first().and_then(|&i| self.report.certificates.get(i));
        let (label, issuer) = c.map(|c| (label(c), c.issuer.clone())).unwrap_or_default();
        Verdict {
            cause: Text::new(
                format!("The server does not send the intermediate \"{issuer}\", the issuer of {label}: clients that do not already hold it cannot build the chain."),
                format!("サーバーが {label} の発行者である中間証明書「{issuer}」を送っていません。これを持たないクライアントはチェーンを構築できません。"),
            ),
            fix: Text::new(
                "Fix the server, not the clients: configure it with the leaf followed by its intermediates (the fullchain.pem of this report), then reload it.",
                "直すのはクライアントではなくサーバーです。リーフの後に中間証明書を続けたファイル(このレポートの fullchain.pem)を設定し、リロードしてください。",
            ),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: certs.to_vec(),
        }
    }

    fn private_ca(&self, client: Client, anchor: &str, top: Option<usize>) -> Verdict {
        let (en, ja) = client.name();
        let top_cert = top.and_then(|i| self.report.certificates.get(i));
        let anchor = match top_cert {
            Some(c) if c.self_signed => label(c),
            _ => format!("\"{anchor}\""),
        };
        let fix = client.ca_fix();
        Verdict {
            cause: Text::new(
                format!("The server's chain ends at the private CA {anchor}; {en} does not trust it."),
                format!("サーバーのチェーンはプライベート CA {anchor} で終わっていますが、{ja}はこの CA を信頼していません。"),
            ),
            fix: Text::new(
                format!("{} The CA file is the ca-bundle.pem / <host>.crt of this report (CA certificates only, never the server certificate).", fix.en),
                format!("{} CA ファイルはこのレポートの ca-bundle.pem / <host>.crt です(CA 証明書のみ。サーバー証明書ではありません)。", fix.ja),
            ),
            snippets: client.ca_snippets(),
            certificates: top.into_iter().collect(),
        }
    }

    fn public_chain_fine(&self, client: Client, anchor: &str) -> Verdict {
        let leaf = self.leaf();
        let sha = leaf.map(|c| c.sha256.clone()).unwrap_or_default();
        let host = self.host.unwrap_or("HOST");
        let command = format!("openssl s_client -connect {host}:443 -servername {host} </dev/null | openssl x509 -noout -fingerprint -sha256");
        let mut snippets = vec!["trust-store"];
        if client == Client::Java {
            snippets.push("trust-store-java");
        }
        Verdict {
            cause: Text::new(
                format!("The chain pasted is fine: it ends at the public root \"{anchor}\". Either the client's trust store is out of date, or a TLS-intercepting proxy replaced the certificate on the way."),
                format!("貼り付けられたチェーンに問題はなく、公的ルート「{anchor}」で終わっています。クライアントのトラストストアが古いか、TLS を傍受するプロキシが途中で証明書を差し替えています。"),
            ),
            fix: Text::new(
                format!("On the failing machine run `{command}` and compare with the leaf's SHA-256 here ({sha}). Different: a proxy intercepts TLS, and its CA must be trusted. The same: update the client's CA certificates package."),
                format!("失敗するマシンで `{command}` を実行し、ここにあるリーフの SHA-256({sha})と比べてください。異なる場合はプロキシが TLS を傍受しているので、その CA を信頼させる必要があります。同じ場合はクライアントの CA 証明書パッケージを更新してください。"),
            ),
            snippets,
            certificates: leaf.map(|c| c.index).into_iter().collect(),
        }
    }

    fn other_errors(&self) -> Verdict {
        let summary = &self.report.summary;
        Verdict {
            cause: Text::new(
                format!("The chain itself has problems: {}", summary.en),
                format!("チェーン自体に問題があります: {}", summary.ja),
            ),
            fix: Text::new(
                "Fix the findings listed in this report, most severe first.",
                "このレポートの指摘事項を、重大なものから順に修正してください。",
            ),
            snippets: Vec::new(),
            certificates: self.report.chain.clone(),
        }
    }
}

/// How a certificate is named: `#1 "R3"`.
pub(super) fn label(c: &Certificate) -> String {
    format!("#{} \"{}\"", c.index, c.common_name.clone().unwrap_or_else(|| c.subject.clone()))
}

/// Labels, comma-separated.
pub(super) fn labels<'a>(certs: impl IntoIterator<Item = &'a Certificate>) -> String {
    certs.into_iter().map(label).collect::<Vec<_>>().join(", ")
}
