//! Language runtimes: Python's `ssl` (`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify
//! failed: <OpenSSL reason> (_ssl.c:1129)`), Java's PKIX validator (`PKIX path building
//! failed: …SunCertPathBuilderException: unable to find valid certification path to requested
//! target`) and Node.js's error codes (OpenSSL's verify error names, e.g.
//! `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`).

use super::cause::{Client, Scene};
use super::openssl::{self, Reason};
use super::{Explanation, Message};

/// A runtime's verification failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Runtime {
    /// Python, with OpenSSL's reason when it is one certchain knows.
    Python(Option<Reason>),
    /// Java: no trusted path to the server's certificate.
    Java,
    /// Node.js: the reason its error code names, and our code for it.
    Node(Reason, &'static str),
}

/// Node.js error codes (OpenSSL's `X509_V_ERR_*` names) and their reasons.
const NODE_CODES: &[(&str, Reason, &str)] = &[
    (
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        Reason::UnableToGetLocalIssuer,
        "node_unable_to_get_issuer_cert_locally",
    ),
    ("SELF_SIGNED_CERT_IN_CHAIN", Reason::SelfSignedInChain, "node_self_signed_cert_in_chain"),
    (
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        Reason::UnableToVerifyFirst,
        "node_unable_to_verify_leaf_signature",
    ),
];

impl Runtime {
    pub(super) fn code(&self) -> &'static str {
        match self {
            Runtime::Python(_) => "python_certificate_verify_failed",
            Runtime::Java => "java_pkix_path_building_failed",
            Runtime::Node(_, code) => code,
        }
    }
}

pub(super) fn recognise(line: &str) -> Option<Message> {
    let runtime = if line.contains("CERTIFICATE_VERIFY_FAILED") {
        Runtime::Python(Reason::find(line))
    } else if line.contains("PKIX path building failed") {
        Runtime::Java
    } else {
        let &(_, reason, code) = NODE_CODES.iter().find(|(name, _, _)| line.contains(name))?;
        Runtime::Node(reason, code)
    };
    Some(Message::Runtime(runtime))
}

pub(super) fn explain(m: &Runtime, scene: &Scene<'_>) -> Explanation {
    match *m {
        Runtime::Python(Some(reason)) => openssl::explain_for(reason, Client::Python, scene),
        Runtime::Python(None) => {
            scene.untrusted(Client::Python).explained(crate::text!("explain-python-meaning"))
        }
        Runtime::Java => {
            scene.untrusted(Client::Java).explained(crate::text!("explain-java-meaning"))
        }
        Runtime::Node(reason, _) => openssl::explain_for(reason, Client::Node, scene),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_java_and_node_lines() {
        let python = "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)";
        assert_eq!(
            recognise(python),
            Some(Message::Runtime(Runtime::Python(Some(Reason::UnableToGetLocalIssuer))))
        );
        let java = "javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target";
        assert_eq!(recognise(java), Some(Message::Runtime(Runtime::Java)));
        let node = "  code: 'SELF_SIGNED_CERT_IN_CHAIN'";
        let Some(Message::Runtime(m)) = recognise(node) else { panic!("node") };
        assert_eq!(m.code(), "node_self_signed_cert_in_chain");
        let leaf = "Error: unable to verify the first certificate { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }";
        let Some(Message::Runtime(m)) = recognise(leaf) else { panic!("node leaf") };
        assert_eq!(m.code(), "node_unable_to_verify_leaf_signature");
    }
}
