//! What explain reads: the analysis' facts, borrowed before the Report is assembled (the
//! Report is built last, from these and the explained messages).

use serde::Serialize;

use crate::catalogue::Text;
use crate::diagnose::Finding;
use crate::recommend::{Bundles, Certificate, Trust};

/// The facts of one analysis that a message is explained against.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// A valid path to a trust anchor was found.
    pub valid: bool,
    /// The one-line summary.
    pub summary: &'a Text,
    /// The host that was checked, when one was given.
    pub host: Option<&'a str>,
    /// Evaluation time, RFC 3339.
    pub now: &'a str,
    /// Every certificate's summary, in input order.
    pub certificates: &'a [Certificate],
    /// The best path, leaf first.
    pub chain: &'a [usize],
    /// Where the best path ends.
    pub trust: &'a Trust,
    /// The files handed back.
    pub bundles: &'a Bundles,
    /// The findings, in report order.
    pub findings: &'a [Finding],
}

/// A known TLS error message found in the input, explained.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorMessage {
    /// Stable snake_case code (see docs/findings.md, "Error messages").
    pub code: &'static str,
    /// Index of the source (file) it was in, from 0.
    pub source: usize,
    /// Line in that source, from 1.
    pub line: usize,
    /// The line as pasted: trimmed, shortened, credentials in URLs masked.
    pub excerpt: String,
    /// What the message means.
    pub meaning: Text,
    /// Which certificate or setting is at fault, from this report when it can tell.
    pub cause: Text,
    /// How to fix it.
    pub fix: Text,
    /// Ids of the snippets that fix it (see `snippets::render`).
    pub snippets: Vec<&'static str>,
    /// Indices into `certificates` it is about.
    pub certificates: Vec<usize>,
}
