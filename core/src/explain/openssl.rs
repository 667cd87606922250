//! OpenSSL's verify errors (`X509_verify_cert_error_string`, crypto/x509/x509_txt.c), however
//! they are printed: `verify error:num=20:unable to get local issuer certificate`,
//! `Verify return code: 21 (unable to verify the first certificate)`, `error 10 at 0 depth
//! lookup: certificate has expired`. curl, git, Python and Node quote the same texts.

use super::cause::{label, Client, Scene, Verdict, SERVER_SNIPPETS};
use super::{go_x509, Explanation, Message};
use crate::code::Code;
use crate::report::Text;

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
        Reason::UnableToGetLocalIssuer => scene.untrusted(client).explained(Text::new(
            "The client could not find the issuer of the last certificate the server sent, neither in what the server sent nor in its own trust store.",
            "サーバーが送った最後の証明書の発行者が、サーバーが送ったものの中にもクライアントのトラストストアにも見つかりませんでした。",
        )),
        Reason::SelfSignedInChain => scene.untrusted(client).explained(Text::new(
            "The chain ends at a self-signed root that the client does not trust: a private CA, or the CA of a TLS-intercepting proxy.",
            "チェーンがクライアントの信頼していない自己署名ルートで終わっています。プライベート CA か、TLS を傍受するプロキシの CA です。",
        )),
        Reason::SelfSigned => self_signed(client, scene),
        Reason::UnableToVerifyFirst => first_certificate(client, scene),
        Reason::Expired => go_x509::past_end(None, None, scene),
    }
}

/// Depth 0 is self-signed: the server's own certificate is its only CA.
fn self_signed(client: Client, scene: &Scene<'_>) -> Explanation {
    let meaning = Text::new(
        "The server's certificate is self-signed: it is its own issuer, and the client does not trust it.",
        "サーバー証明書が自己署名です。自分自身が発行者で、クライアントはそれを信頼していません。",
    );
    let Some(leaf) = scene.report.chain.first().and_then(|&i| scene.report.certificates.get(i))
    else {
        return scene.ask_for_chain(client.ca_snippets()).explained(meaning);
    };
    Verdict {
        cause: Text::new(
            format!("{} is self-signed and no CA stands behind it.", label(leaf)),
            format!("{} は自己署名で、その背後に CA はありません。", label(leaf)),
        ),
        fix: Text::new(
            "Better: issue the server certificate from a CA (a private CA is fine) and give clients that CA. Meanwhile clients can trust this very certificate as their CA file (it is its own CA); it must then be replaced everywhere when it is renewed.",
            "推奨: CA(プライベート CA で構いません)からサーバー証明書を発行し、クライアントにはその CA を配布してください。当面は、この証明書自体をクライアントの CA ファイルとして信頼させることもできます(自分自身が CA です)。その場合、更新のたびにすべてのクライアントで差し替えが必要です。",
        ),
        snippets: client.ca_snippets(),
        certificates: vec![leaf.index],
    }
    .explained(meaning)
}

/// Only the leaf came and its issuer is unknown: most often the server sends no intermediate.
fn first_certificate(client: Client, scene: &Scene<'_>) -> Explanation {
    let meaning = Text::new(
        "The client could not verify the server's certificate itself: its issuer was neither sent by the server nor in the client's trust store. Most often the server sends its certificate without the intermediate.",
        "クライアントがサーバー証明書そのものを検証できませんでした。その発行者がサーバーから送られず、クライアントのトラストストアにもありません。多くの場合、サーバーが中間証明書を付けずに証明書を送っています。",
    );
    let leaf_gap = scene.report.findings.iter().find(|f| f.code == Code::MissingIntermediate);
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
