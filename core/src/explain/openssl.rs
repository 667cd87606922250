//! OpenSSL's verify errors (`X509_verify_cert_error_string`, crypto/x509/x509_txt.c), however
//! they are printed: `verify error:num=20:unable to get local issuer certificate`,
//! `Verify return code: 21 (unable to verify the first certificate)`, `error 10 at 0 depth
//! lookup: certificate has expired`. curl, git, Python and Node quote the same texts.

use super::cause::{label, Client, Scene, Verdict, SERVER_SNIPPETS};
use super::{go_x509, Explanation, Message};
use crate::code::Code;

/// An OpenSSL verify error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Reason {
    /// 20 `X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY`.
    UnableToGetLocalIssuer,
    /// 19 `X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN`.
    SelfSignedInChain,
    /// 18 `X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT`.
    SelfSigned,
    /// 21 `X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE`.
    UnableToVerifyFirst,
    /// 10 `X509_V_ERR_CERT_HAS_EXPIRED`.
    Expired,
}

/// Texts of OpenSSL 1.x and 3.x (3.0 writes "self-signed"), longest first: the chain
/// variant contains the plain one.
const TEXTS: &[(&str, Reason)] = &[
    ("self signed certificate in certificate chain", Reason::SelfSignedInChain),
    ("self-signed certificate in certificate chain", Reason::SelfSignedInChain),
    ("unable to get local issuer certificate", Reason::UnableToGetLocalIssuer),
    ("unable to verify the first certificate", Reason::UnableToVerifyFirst),
    ("self signed certificate", Reason::SelfSigned),
    ("self-signed certificate", Reason::SelfSigned),
    ("certificate has expired", Reason::Expired),
];

impl Reason {
    pub(super) fn code(self) -> &'static str {
        match self {
            Reason::UnableToGetLocalIssuer => "openssl_unable_to_get_local_issuer",
            Reason::SelfSignedInChain => "openssl_self_signed_in_chain",
            Reason::SelfSigned => "openssl_self_signed",
            Reason::UnableToVerifyFirst => "openssl_unable_to_verify_first",
            Reason::Expired => "openssl_expired",
        }
    }

    /// The reason OpenSSL's text names, anywhere in `text`.
    pub(super) fn find(text: &str) -> Option<Reason> {
        TEXTS.iter().find(|(t, _)| text.contains(t)).map(|&(_, r)| r)
    }
}

pub(super) fn recognise(line: &str) -> Option<Message> {
    Reason::find(line).map(Message::OpenSsl)
}

pub(super) fn explain(reason: &Reason, scene: &Scene<'_>) -> Explanation {
    explain_for(*reason, Client::OpenSsl, scene)
}

/// The explanation of `reason` printed by `client` (curl, git, Python and Node reuse it).
pub(super) fn explain_for(reason: Reason, client: Client, scene: &Scene<'_>) -> Explanation {
    match reason {
        Reason::UnableToGetLocalIssuer => {
            scene.untrusted(client).explained(crate::text!("explain-openssl-local-issuer-meaning"))
        }
        Reason::SelfSignedInChain => scene
            .untrusted(client)
            .explained(crate::text!("explain-openssl-self-signed-in-chain-meaning")),
        Reason::SelfSigned => self_signed(client, scene),
        Reason::UnableToVerifyFirst => first_certificate(client, scene),
        Reason::Expired => go_x509::past_end(None, None, scene),
    }
}

/// Depth 0 is self-signed: the server's own certificate is its only CA.
fn self_signed(client: Client, scene: &Scene<'_>) -> Explanation {
    let meaning = crate::text!("explain-openssl-self-signed-meaning");
    let Some(leaf) = scene.facts.chain.first().and_then(|&i| scene.facts.certificates.get(i))
    else {
        return scene.ask_for_chain(client.ca_snippets()).explained(meaning);
    };
    Verdict {
        cause: crate::text!("explain-openssl-self-signed-cause", leaf = label(leaf)),
        fix: crate::text!("explain-openssl-self-signed-fix"),
        snippets: client.ca_snippets(),
        certificates: vec![leaf.index],
    }
    .explained(meaning)
}

/// Only the leaf came and its issuer is unknown: most often the server sends no intermediate.
fn first_certificate(client: Client, scene: &Scene<'_>) -> Explanation {
    let meaning = crate::text!("explain-openssl-first-certificate-meaning");
    let leaf_gap = scene.facts.findings.iter().find(|f| f.code == Code::MissingIntermediate);
    match leaf_gap {
        Some(f) => scene.missing_intermediate(&f.certificates).explained(meaning),
        None if scene.has_certificates() => scene.untrusted(client).explained(meaning),
        None => scene.ask_for_chain(SERVER_SNIPPETS.to_vec()).explained(meaning),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_client_and_verify_lines() {
        let cases = [
            (
                "verify error:num=20:unable to get local issuer certificate",
                Reason::UnableToGetLocalIssuer,
            ),
            (
                "Verify return code: 19 (self signed certificate in certificate chain)",
                Reason::SelfSignedInChain,
            ),
            (
                "Verify return code: 19 (self-signed certificate in certificate chain)",
                Reason::SelfSignedInChain,
            ),
            ("verify error:num=18:self-signed certificate", Reason::SelfSigned),
            ("verify error:num=18:self signed certificate", Reason::SelfSigned),
            (
                "Verify return code: 21 (unable to verify the first certificate)",
                Reason::UnableToVerifyFirst,
            ),
            ("error 10 at 0 depth lookup: certificate has expired", Reason::Expired),
        ];
        for (line, reason) in cases {
            assert_eq!(recognise(line), Some(Message::OpenSsl(reason)), "{line}");
        }
        assert_eq!(recognise("Verify return code: 0 (ok)"), None);
    }
}
