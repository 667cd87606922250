//! GitLab Runner's own messages. `network/client.go` (`addTLSCA`) logs
//! `Failed to parse PEM in <file>` when `x509.CertPool.AppendCertsFromPEM` finds no PEM
//! certificate in the tls-ca-file or `certs/<host>.crt`: the runner then falls back to the
//! system store, and the next request fails with "certificate signed by unknown authority".

use super::cause::Scene;
use super::{Explanation, Message};
use crate::report::Text;

/// A GitLab Runner message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Runner {
    /// The CA file holds no PEM certificate.
    FailedToParsePem { file: String },
}

impl Runner {
    pub(super) fn code(&self) -> &'static str {
        match self {
            Runner::FailedToParsePem { .. } => "runner_failed_to_parse_pem",
        }
    }
}

const PARSE_PEM: &str = "Failed to parse PEM in ";

pub(super) fn recognise(line: &str) -> Option<Message> {
    let rest = &line[line.find(PARSE_PEM)? + PARSE_PEM.len()..];
    let file = rest.split(|c: char| c.is_whitespace() || c == '"').next().unwrap_or_default();
    Some(Message::Runner(Runner::FailedToParsePem { file: file.to_string() }))
}

pub(super) fn explain(m: &Runner, scene: &Scene<'_>) -> Explanation {
    let Runner::FailedToParsePem { file } = m;
    let host = scene.host.unwrap_or("<host>");
    let have_ca = scene.report.bundles.runner_crt.as_ref().map(|b| b.filename.clone());
    let (use_en, use_ja) = match &have_ca {
        Some(name) => (
            format!(" Or use the {name} of this report: PEM, CA certificates only."),
            format!("またはこのレポートの {name}(PEM、CA 証明書のみ)を使ってください。"),
        ),
        None => (
            format!(" Or paste the chain here and use the {host}.crt certchain makes from it."),
            format!(
                "またはチェーンをここに貼り付け、certchain が作る {host}.crt を使ってください。"
            ),
        ),
    };
    Explanation {
        meaning: Text::new(
            format!("GitLab Runner found no PEM certificate in {file}: it ignores the file and verifies with the system trust store only, so requests to GitLab then fail with \"x509: certificate signed by unknown authority\"."),
            format!("GitLab Runner が {file} に PEM 形式の証明書を見つけられませんでした。このファイルは無視されてシステムのトラストストアだけで検証されるため、GitLab へのリクエストは \"x509: certificate signed by unknown authority\" で失敗します。"),
        ),
        cause: Text::new(
            format!("{file} is not PEM: most often a DER (binary) certificate saved as .crt, or a file holding something else (a private key, a PKCS#12/.pfx, an HTML page, an empty file)."),
            format!("{file} が PEM ではありません。多くは .crt という名前で保存された DER(バイナリ)形式の証明書か、別のもの(秘密鍵、PKCS#12/.pfx、HTML ページ、空のファイル)です。"),
        ),
        fix: Text::new(
            format!("Convert a DER certificate: `openssl x509 -inform DER -in {file} -outform PEM -out {file}.pem`, then replace the file with it (it must start with -----BEGIN CERTIFICATE-----).{use_en}"),
            format!("DER 形式なら変換してください: `openssl x509 -inform DER -in {file} -outform PEM -out {file}.pem`。変換したファイルで置き換えます(-----BEGIN CERTIFICATE----- で始まる必要があります)。{use_ja}"),
        ),
        snippets: vec!["runner-certs-dir", "runner-download-ca", "runner-verify"],
        certificates: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_read_from_logrus_text_and_json() {
        let plain = "ERROR: Failed to parse PEM in /etc/gitlab-runner/certs/gitlab.example.com.crt";
        let logfmt = "time=\"2024-01-01T00:00:00Z\" level=error msg=\"Failed to parse PEM in /etc/gitlab-runner/certs/gitlab.example.com.crt\"";
        for line in [plain, logfmt] {
            assert_eq!(
                recognise(line),
                Some(Message::Runner(Runner::FailedToParsePem {
                    file: "/etc/gitlab-runner/certs/gitlab.example.com.crt".into()
                }))
            );
        }
    }
}
