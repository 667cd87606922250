//! git and curl: libcurl's messages over GnuTLS (`vtls/gtls.c`: "server certificate
//! verification failed. CAfile: %s CRLfile: %s") and over OpenSSL (`vtls/openssl.c`: "SSL
//! certificate problem: %s" with OpenSSL's verify text).

use super::cause::{Client, Scene};
use super::openssl::{self, Reason};
use super::{Explanation, Message};

/// A git or curl TLS message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum GitCurl {
    /// GnuTLS: verification failed against the CA file named (`none` when there is none).
    GnutlsVerificationFailed { ca_file: String },
    /// OpenSSL: the verify error (when certchain knows it), its text, and whether git
    /// printed it (`unable to access '…'`) rather than curl.
    SslCertificateProblem { reason: Option<Reason>, text: String, git: bool },
}

impl GitCurl {
    pub(super) fn code(&self) -> &'static str {
        match self {
            GitCurl::GnutlsVerificationFailed { .. } => "gnutls_verification_failed",
            GitCurl::SslCertificateProblem { .. } => "curl_ssl_certificate_problem",
        }
    }
}

const GNUTLS: &str = "server certificate verification failed. CAfile: ";
const CURL: &str = "SSL certificate problem: ";

pub(super) fn recognise(line: &str) -> Option<Message> {
    let m = if let Some(i) = line.find(GNUTLS) {
        let rest = &line[i + GNUTLS.len()..];
        let ca_file = rest.split(" CRLfile:").next().unwrap_or(rest).trim().to_string();
        GitCurl::GnutlsVerificationFailed { ca_file }
    } else if let Some(i) = line.find(CURL) {
        let text = line[i + CURL.len()..].trim_end_matches(['\'', '"', ')', '.']).trim();
        let git = line.contains("unable to access");
        GitCurl::SslCertificateProblem { reason: Reason::find(text), text: text.to_string(), git }
    } else {
        return None;
    };
    Some(Message::GitCurl(m))
}

fn client(git: bool) -> Client {
    if git {
        Client::Git
    } else {
        Client::Curl
    }
}

pub(super) fn explain(m: &GitCurl, scene: &Scene<'_>) -> Explanation {
    match m {
        GitCurl::GnutlsVerificationFailed { ca_file } => gnutls(ca_file, scene),
        GitCurl::SslCertificateProblem { reason: Some(reason), text, git } => {
            let mut e = openssl::explain_for(*reason, client(*git), scene);
            e.meaning =
                crate::text!("explain-curl-refused-known", text = text, meaning = e.meaning);
            e
        }
        GitCurl::SslCertificateProblem { reason: None, text, git } => scene
            .untrusted(client(*git))
            .explained(crate::text!("explain-curl-refused", text = text)),
    }
}

fn gnutls(ca_file: &str, scene: &Scene<'_>) -> Explanation {
    let meaning = if ca_file == "none" {
        crate::text!("explain-gnutls-no-ca-file-meaning")
    } else {
        crate::text!("explain-gnutls-meaning", ca_file = ca_file)
    };
    let mut e = scene.untrusted(Client::Git).explained(meaning);
    if ca_file != "none" && !ca_file.is_empty() {
        e.fix = crate::text!("explain-gnutls-fix", ca_file = ca_file, fix = e.fix);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnutls_gives_the_ca_file() {
        let line = "fatal: unable to access 'https://gitlab.example.com/group/project.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none";
        assert_eq!(
            recognise(line),
            Some(Message::GitCurl(GitCurl::GnutlsVerificationFailed {
                ca_file: "/etc/ssl/certs/ca-certificates.crt".into()
            }))
        );
    }

    #[test]
    fn curl_gives_the_openssl_reason() {
        let line = "fatal: unable to access 'https://gitlab.example.com/g/p.git/': SSL certificate problem: unable to get local issuer certificate";
        assert_eq!(
            recognise(line),
            Some(Message::GitCurl(GitCurl::SslCertificateProblem {
                reason: Some(Reason::UnableToGetLocalIssuer),
                text: "unable to get local issuer certificate".into(),
                git: true,
            }))
        );
        let other = "curl: (60) SSL certificate problem: certificate is not yet valid";
        assert!(matches!(
            recognise(other),
            Some(Message::GitCurl(GitCurl::SslCertificateProblem { reason: None, .. }))
        ));
    }
}
