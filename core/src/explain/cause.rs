//! What the report says about a message: which certificate is at fault, and which client
//! must change. Shared by every family.

use super::Explanation;
use super::Facts;
use crate::catalogue::Text;
use crate::chain::PathEnd;
use crate::code::Code;
use crate::host::Target;
use crate::recommend::{Certificate, Role};

/// Snippets that fix the server's chain.
pub(super) const SERVER_SNIPPETS: &[&str] =
    &["nginx", "apache", "haproxy", "gitlab-omnibus", "traefik"];

/// The facts a message is explained against, and the host the message talks to.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// The analysis' facts (certificates, chain, trust, findings).
    pub facts: Facts<'a>,
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
    /// The client's key in the catalogue's selectors (`{ $client -> [runner] … }`).
    fn key(self) -> &'static str {
        match self {
            Client::Runner => "runner",
            Client::Registry => "registry",
            Client::Git => "git",
            Client::Curl => "curl",
            Client::OpenSsl => "openssl",
            Client::Java => "java",
            Client::Python => "python",
            Client::Node => "node",
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
    /// The scene of `facts` at `now`.
    pub fn new(facts: Facts<'a>, now: i64) -> Self {
        Self { facts, now, host: facts.host, port: None }
    }

    /// The same scene, about the host a message names (when it names one).
    pub(super) fn with_host<'b>(&self, target: Option<&'b Target>) -> Scene<'b>
    where
        'a: 'b,
    {
        let Some(target) = target else { return *self };
        Scene { facts: self.facts, now: self.now, host: Some(&target.host), port: target.port }
    }

    /// The report has certificates to name.
    pub(super) fn has_certificates(&self) -> bool {
        !self.facts.certificates.is_empty()
    }

    /// The leaf of the best path.
    pub(super) fn leaf(&self) -> Option<&'a Certificate> {
        let first = self.facts.certificates.get(*self.facts.chain.first()?)?;
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
            cause: crate::text!("explain-no-chain-cause"),
            fix: crate::text!(
                "explain-no-chain-fix",
                command = command,
                port = if self.port.is_some() { "given" } else { "default" },
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
        let report = self.facts;
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
            cause: crate::text!("explain-without-showcerts-cause"),
            fix: crate::text!("explain-without-showcerts-fix", command = self.fetch_command()),
            snippets: client.ca_snippets(),
            certificates: Vec::new(),
        }
    }

    /// The server does not send the issuer of `certs[0]`.
    pub(super) fn missing_intermediate(&self, certs: &[usize]) -> Verdict {
        let c = certs.first().and_then(|&i| self.facts.certificates.get(i));
        let (label, issuer) = c.map(|c| (label(c), c.issuer.clone())).unwrap_or_default();
        Verdict {
            cause: crate::text!(
                "explain-missing-intermediate-cause",
                issuer = issuer,
                label = label
            ),
            fix: crate::text!("explain-missing-intermediate-fix"),
            snippets: SERVER_SNIPPETS.to_vec(),
            certificates: certs.to_vec(),
        }
    }

    fn private_ca(&self, client: Client, anchor: &str, top: Option<usize>) -> Verdict {
        let top_cert = top.and_then(|i| self.facts.certificates.get(i));
        let anchor = match top_cert {
            Some(c) if c.self_signed => label(c),
            _ => format!("\"{anchor}\""),
        };
        Verdict {
            cause: crate::text!("explain-private-ca-cause", anchor = anchor, client = client.key()),
            fix: crate::text!("explain-private-ca-fix", client = client.key()),
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
            cause: crate::text!("explain-public-chain-cause", anchor = anchor),
            fix: crate::text!("explain-public-chain-fix", command = command, sha = sha),
            snippets,
            certificates: leaf.map(|c| c.index).into_iter().collect(),
        }
    }

    fn other_errors(&self) -> Verdict {
        let summary = self.facts.summary;
        Verdict {
            cause: crate::text!("explain-chain-problems-cause", summary = summary),
            fix: crate::text!("explain-chain-problems-fix"),
            snippets: Vec::new(),
            certificates: self.facts.chain.to_vec(),
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
