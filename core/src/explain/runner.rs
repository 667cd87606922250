//! GitLab Runner's own messages. `network/client.go` (`addTLSCA`) logs
//! `Failed to parse PEM in <file>` when `x509.CertPool.AppendCertsFromPEM` finds no PEM
//! certificate in the tls-ca-file or `certs/<host>.crt`: the runner then falls back to the
//! system store, and the next request fails with "certificate signed by unknown authority".

use super::cause::Scene;
use super::{Explanation, Message};

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
    let have_ca = scene.facts.bundles.runner_crt.as_ref().map(|b| b.filename.clone());
    let ca = if have_ca.is_some() { "report" } else { "paste" };
    Explanation {
        meaning: crate::text!("explain-runner-no-pem-meaning", file = file),
        cause: crate::text!("explain-runner-no-pem-cause", file = file),
        fix: crate::text!(
            "explain-runner-no-pem-fix",
            file = file,
            ca = ca,
            name = have_ca.unwrap_or_default(),
            host = host,
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
