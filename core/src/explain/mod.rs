//! Error messages: the log people paste with (or instead of) their certificates, recognised
//! line by line and explained against the report.
//!
//! Two steps, each family of messages sharing one signature:
//! - `recognise(line: &str) -> Option<Message>`: the exact wording of one tool (Go's
//!   `crypto/x509`, OpenSSL, git and curl, GitLab Runner, MKE, Python/Java/Node), with the
//!   names, paths and times it carries;
//! - `explain(&Message, &Scene) -> Explanation`: what it means, and which certificate or
//!   setting is at fault, read from the report when it has certificates.
//!
//! The scan is linear in the input: PEM blocks (certificates and private keys alike) are
//! skipped whole, binary sources are not read, and a line is only matched when it holds one
//! of a few key words. At most [`MAX_MESSAGES`] distinct messages are kept.

mod cause;
mod excerpt;
mod facts;
pub use excerpt::mask_secrets;
mod git_curl;
mod go_x509;
mod lines;
mod mke;
mod openssl;
mod runner;
mod runtimes;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::catalogue::Text;
use crate::catalogue::{self, Lang};
use crate::host::Target;

pub use cause::Scene;
pub use facts::{ErrorMessage, Facts};

/// Every error-message code, by family. Stable: scripts and the snippets depend on them.
pub const CODES: &[&str] = &[
    "x509_unknown_authority",
    "x509_unknown_authority_registry",
    "x509_hostname_mismatch",
    "x509_expired",
    "x509_legacy_common_name",
    "openssl_unable_to_get_local_issuer",
    "openssl_self_signed_in_chain",
    "openssl_self_signed",
    "openssl_unable_to_verify_first",
    "openssl_expired",
    "gnutls_verification_failed",
    "curl_ssl_certificate_problem",
    "runner_failed_to_parse_pem",
    "mke_privileged_forbidden",
    "python_certificate_verify_failed",
    "java_pkix_path_building_failed",
    "node_unable_to_get_issuer_cert_locally",
    "node_self_signed_cert_in_chain",
    "node_unable_to_verify_leaf_signature",
];

/// Most distinct messages reported; the rest are counted in a note.
pub const MAX_MESSAGES: usize = 50;

/// A recognised message, with what its wording carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Message {
    /// Go `crypto/x509`.
    Go(go_x509::Go),
    /// An OpenSSL verify error, however it was printed.
    OpenSsl(openssl::Reason),
    /// git/curl over GnuTLS or OpenSSL.
    GitCurl(git_curl::GitCurl),
    /// GitLab Runner's own messages.
    Runner(runner::Runner),
    /// Mirantis Kubernetes Engine's admission controller.
    Mke(mke::Mke),
    /// Python, Java and Node.js.
    Runtime(runtimes::Runtime),
}

impl Message {
    /// The stable code.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Message::Go(m) => m.code(),
            Message::OpenSsl(r) => r.code(),
            Message::GitCurl(m) => m.code(),
            Message::Runner(m) => m.code(),
            Message::Mke(_) => mke::CODE,
            Message::Runtime(m) => m.code(),
        }
    }
}

/// What a message means and how to fix it, for one report.
#[derive(Debug, Clone)]
pub(crate) struct Explanation {
    pub meaning: Text,
    pub cause: Text,
    pub fix: Text,
    pub snippets: Vec<&'static str>,
    pub certificates: Vec<usize>,
}

/// The first family that knows the line. The more specific wordings come first: curl and
/// Python quote OpenSSL's reasons, Go's expiry message contains OpenSSL's.
fn recognise(line: &str) -> Option<Message> {
    mke::recognise(line)
        .or_else(|| runner::recognise(line))
        .or_else(|| go_x509::recognise(line))
        .or_else(|| git_curl::recognise(line))
        .or_else(|| runtimes::recognise(line))
        .or_else(|| openssl::recognise(line))
}

/// A message found in the input, not yet explained.
#[derive(Debug, Clone)]
pub struct Found {
    source: usize,
    line: usize,
    excerpt: String,
    host: Option<Target>,
    message: Message,
}

/// What the scan of the sources found.
#[derive(Debug, Clone, Default)]
pub struct Scanned {
    found: Vec<Found>,
    /// Distinct messages past [`MAX_MESSAGES`].
    cut: usize,
    /// Lines that repeat a message already listed.
    repeated: usize,
}

impl Scanned {
    /// How many messages will be reported.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// No message was recognised.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// Recognise the error messages in the text of every source (`Extracted::texts`: decoded,
/// keys cut), in input order. A message repeated (the same wording about the same names) is
/// listed once, at its first line.
pub fn scan(texts: &[Option<String>]) -> Scanned {
    let mut out = Scanned::default();
    let mut seen = HashSet::new();
    for (index, text) in texts.iter().enumerate() {
        let Some(text) = text else { continue };
        for (number, line) in lines::outside_pem(text) {
            let Some(message) = lines::worth_matching(line).then(|| recognise(line)).flatten()
            else {
                continue;
            };
            let host = excerpt::host_in(line);
            if !seen.insert((message.clone(), host.clone())) {
                out.repeated += 1;
            } else if out.found.len() == MAX_MESSAGES {
                out.cut += 1;
            } else {
                let excerpt = excerpt::excerpt(line);
                out.found.push(Found { source: index, line: number, excerpt, host, message });
            }
        }
    }
    out
}

/// Explain what `scan` found against the analysis' facts, and say in notes what was left
/// out. `now` is the evaluation time (Unix seconds).
pub fn explain_all(facts: Facts<'_>, scanned: Scanned, now: i64) -> Explained {
    let scene = Scene::new(facts, now);
    let messages = scanned.found.into_iter().map(|found| explain(found, &scene)).collect();
    // The input's notes are plain strings: the catalogue's English.
    let mut notes = Vec::new();
    if scanned.repeated > 0 {
        let note =
            catalogue::render(Lang::En, "explain-note-repeated", &[("count", &scanned.repeated)]);
        notes.push(note);
    }
    if scanned.cut > 0 {
        let args: [(&str, &dyn std::fmt::Display); 2] =
            [("max", &MAX_MESSAGES), ("count", &scanned.cut)];
        notes.push(catalogue::render(Lang::En, "explain-note-cut", &args));
    }
    Explained { messages, notes }
}

/// The messages explained, and the notes about those left out.
#[derive(Debug, Clone)]
pub struct Explained {
    /// Each message found, explained, in input order.
    pub messages: Vec<ErrorMessage>,
    /// Notes for the report's input (repeated lines, messages over the cap).
    pub notes: Vec<String>,
}

fn explain(found: Found, scene: &Scene<'_>) -> ErrorMessage {
    let scene = scene.with_host(found.host.as_ref());
    let e = match &found.message {
        Message::Go(m) => go_x509::explain(m, &scene),
        Message::OpenSsl(r) => openssl::explain(r, &scene),
        Message::GitCurl(m) => git_curl::explain(m, &scene),
        Message::Runner(m) => runner::explain(m, &scene),
        Message::Mke(m) => mke::explain(m, &scene),
        Message::Runtime(m) => runtimes::explain(m, &scene),
    };
    debug_assert!(CODES.contains(&found.message.code()), "undocumented code");
    ErrorMessage {
        code: found.message.code(),
        source: found.source,
        line: found.line,
        excerpt: found.excerpt,
        meaning: e.meaning,
        cause: e.cause,
        fix: e.fix,
        snippets: e.snippets,
        certificates: e.certificates,
    }
}
