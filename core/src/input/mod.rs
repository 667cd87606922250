//! Input extraction: turn whatever people paste into certificate blocks.
//!
//! `extract` detects and tolerates every form listed in DESIGN.md ("Inputs to tolerate"):
//! PEM bundles (CRLF, indentation, text around blocks, END/BEGIN glued on one line, old
//! labels), `openssl s_client` transcripts, `openssl x509 -text` and `pkcs12 -nokeys` dumps,
//! DER, PKCS#7 (DER and PEM, BER indefinite length), base64 without armor and Kubernetes
//! Secret / kubeconfig YAML. Private keys are detected, reported by kind and line, and their
//! content is dropped on the spot: nothing downstream can echo it.
//!
//! Each form lives in its own file; text forms share `parse(&str, &Scope, &mut Extracted)`
//! (`binary::parse` takes `&[u8]`). `ber` and `pkcs7` are the bounded decoders under them,
//! `der` says what decoded bytes hold, `detect` picks the form of each source.
//! Nothing here decides whether a block *is* a valid certificate: that is `cert::parse`.

use serde::Serialize;

use crate::catalogue::Text;
use crate::code::Code;

use crate::bounds::{InputBounds, Reached};

pub use secrets::{cut_keys, key_spans, without_private_keys, KeySpan, KEY_REMOVED};

mod b64;
mod base64_raw;
mod ber;
mod binary;
mod der;
mod detect;
mod k8s_secret;
mod newlines;
mod pem;
mod pem_body;
mod pkcs12_dump;
mod pkcs7;
mod private_key;
mod s_client;
mod secrets;
mod x509_text;

#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod fixture_tests_binary;
#[cfg(test)]
mod testing;

/// One input file (or stdin, or the paste area), as bytes.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// File name when there is one (`None` for stdin or a paste).
    pub name: Option<String>,
    /// The raw bytes: text or binary.
    pub bytes: Vec<u8>,
}

impl Source {
    /// A source made from pasted text.
    pub fn text(text: &str) -> Self {
        Self { name: None, bytes: text.as_bytes().to_vec() }
    }
}

/// The form a block (or a whole source) was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PEM armor (`-----BEGIN CERTIFICATE-----`).
    Pem,
    /// Raw `openssl s_client` output.
    SClient,
    /// `openssl x509 -text` dump (text around a PEM block).
    X509Text,
    /// `openssl pkcs12 -nokeys` dump (Bag Attributes before each block).
    Pkcs12Dump,
    /// Binary DER certificate(s).
    Der,
    /// PKCS#7 / CMS SignedData in DER or BER.
    Pkcs7Der,
    /// PKCS#7 in PEM armor (`-----BEGIN PKCS7-----`).
    Pkcs7Pem,
    /// Base64 of DER without armor.
    Base64,
    /// Kubernetes Secret or kubeconfig YAML/JSON with base64 values.
    K8sSecret,
}

/// Where a block came from: enough for a message to point at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Index of the source (file) in the input, from 0.
    pub file: usize,
    /// 1-based line of the block's first line in that source; 0 for binary input.
    pub line: usize,
    /// The form it was found in.
    pub format: Format,
    /// PEM label, YAML key or PKCS#7 position: whatever names it in the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A candidate certificate: DER bytes and where they came from.
#[derive(Debug, Clone)]
pub struct Block {
    /// The certificate's DER (exactly one certificate, trailing data removed).
    pub der: Vec<u8>,
    /// Where it was found.
    pub origin: Origin,
}

/// What went wrong with a piece of input. Becomes a finding; the rest is still analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// PEM armor that is broken: no END, bad base64, a truncated body.
    MalformedPem,
    /// Bytes that decode but are not a certificate (or a CSR, a CRL, garbage).
    UnparsableBlock,
}

/// A piece of input that could not be used, with a specific reason.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Which kind of problem.
    pub kind: ProblemKind,
    /// Where.
    pub origin: Origin,
    /// Why, in English and Japanese (no key material, no long dumps).
    pub detail: Text,
}

/// A private key found in the input. Only its kind and place are kept, never its content.
#[derive(Debug, Clone, Serialize)]
pub struct PrivateKeyNote {
    /// Human name of the key form, e.g. "RSA (PKCS#1)", "PKCS#8", "encrypted PKCS#8", "OpenSSH".
    pub kind: String,
    /// Where it was.
    pub origin: Origin,
}

/// One `N s:... i:...` entry of the "Certificate chain" section of `openssl s_client`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentCertificate {
    /// Position in the chain the server sent (0 = leaf).
    pub depth: usize,
    /// The `s:` line (subject), as printed by OpenSSL.
    pub subject: String,
    /// The `i:` line (issuer), as printed by OpenSSL.
    pub issuer: String,
}

/// What an `openssl s_client` transcript says besides the certificates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SClientInfo {
    /// The certificates the server sent, from the "Certificate chain" section.
    pub sent: Vec<SentCertificate>,
    /// Whether the transcript carries one PEM block per sent certificate (`-showcerts`).
    pub showcerts: bool,
    /// `Verify return code: N (text)`: N.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_code: Option<i64>,
    /// `Verify return code: N (text)`: text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_text: Option<String>,
}

/// Everything `extract` found, in input order.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Certificate candidates in input order (duplicates kept).
    pub blocks: Vec<Block>,
    /// Pieces that could not be used.
    pub problems: Vec<Problem>,
    /// Private keys that were found and dropped.
    pub private_keys: Vec<PrivateKeyNote>,
    /// s_client metadata when a source is an s_client transcript.
    pub s_client: Option<SClientInfo>,
    /// The form of each source, in source order.
    pub formats: Vec<Format>,
    /// Short remarks about the input worth showing (e.g. "x509 -text dump without PEM"), in
    /// every language (the report keeps their English in `InputReport::notes`).
    pub notes: Vec<Text>,
    /// The text of each source as the readers saw it (see [`source_text`]), in source order;
    /// `None` for binary input and for a source past [`InputBounds::max_input_bytes`]. Kept
    /// so that the error-message scan (`explain::scan`) reads the same text without decoding
    /// and cutting keys a second time.
    pub texts: Vec<Option<String>>,
    /// Bounds reached while reading; what was within them was still read.
    pub reached: Vec<Reached>,
    /// The bounds this reading applies.
    bounds: InputBounds,
    /// Blocks not kept because of a bound: past the count, and too large (count, largest).
    over_count: usize,
    oversized: (usize, usize),
    /// Problems kept, and past the first [`crate::bounds::FINDINGS_PER_CODE`] of their kind
    /// (counted only), by [`ProblemKind`].
    problems_kept: [usize; 2],
    problems_over: [usize; 2],
}

impl Extracted {
    /// Keeps a problem, unless [`crate::bounds::FINDINGS_PER_CODE`] of its kind are kept already:
    /// then it is only counted (a megabyte of broken BEGIN lines is 58,000 problems).
    fn push_problem(&mut self, problem: Problem) {
        let kind = problem.kind as usize;
        let Some(kept) = self.problems_kept.get_mut(kind) else { return };
        if *kept < crate::bounds::FINDINGS_PER_CODE {
            *kept += 1;
            self.problems.push(problem);
        } else if let Some(over) = self.problems_over.get_mut(kind) {
            *over += 1;
        }
    }

    /// The problems counted but not kept, as (finding code, severity, count).
    pub fn problems_not_kept(&self) -> Vec<(Code, crate::code::Severity, usize)> {
        let error = crate::code::Severity::Error;
        let over = |kind: ProblemKind| self.problems_over[kind as usize];
        vec![
            (Code::MalformedPem, error, over(ProblemKind::MalformedPem)),
            (Code::UnparsableBlock, error, over(ProblemKind::UnparsableBlock)),
        ]
    }

    /// Keeps a certificate block unless a bound says no (the refusal is tallied for the
    /// bound's finding). Every reader hands its blocks over here; only kept ones are copied.
    fn push_block(&mut self, der: &[u8], origin: Origin) {
        let size = der.len();
        if size > self.bounds.max_certificate_bytes {
            self.oversized = (self.oversized.0 + 1, self.oversized.1.max(size));
        } else if self.blocks.len() >= self.bounds.max_certificates {
            self.over_count += 1;
        } else {
            self.blocks.push(Block { der: der.to_vec(), origin });
        }
    }

    /// Turns the tallies into [`Reached`] entries, once reading is done.
    fn close_bounds(&mut self) {
        let bounds = self.bounds;
        if self.oversized.0 > 0 {
            let (count, largest) = self.oversized;
            let limit = bounds.max_certificate_bytes;
            self.reached.push(Reached::CertificateBytes { limit, count, largest });
        }
        if self.over_count > 0 {
            let limit = bounds.max_certificates;
            self.reached.push(Reached::Certificates { limit, skipped: self.over_count });
        }
    }
}

/// A text the report keeps as a plain string (a PKCS#7 certificate's
/// [`Origin::label`]): the catalogue's English.
fn english(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    crate::catalogue::render(crate::catalogue::Lang::En, id, args)
}

/// Detect and read every source; never fails (bad pieces become `problems`).
///
/// Several sources make one input (three DER files are one chain): blocks come in source
/// order and `Origin::file` is the index of the source.
pub fn extract(sources: &[Source]) -> Extracted {
    extract_within(sources, InputBounds::default())
}

/// [`extract`] within `bounds`: input past `max_input_bytes` is not read (a text source is
/// cut at a line end), and the certificate count and size bounds apply to every form.
pub fn extract_within(sources: &[Source], bounds: InputBounds) -> Extracted {
    let mut out = Extracted { bounds, ..Extracted::default() };
    let size: usize = sources.iter().map(|s| s.bytes.len()).sum();
    let mut left = bounds.max_input_bytes;
    for (file, source) in sources.iter().enumerate() {
        if source.bytes.len() <= left {
            detect::read_source(file, source, &mut out);
        } else if left > 0 {
            let cut = Source { name: source.name.clone(), bytes: cut_at_line(&source.bytes, left) };
            detect::read_source(file, &cut, &mut out);
        } else {
            out.texts.push(None);
        }
        left = left.saturating_sub(source.bytes.len());
    }
    if size > bounds.max_input_bytes {
        out.reached.push(Reached::InputBytes { limit: bounds.max_input_bytes, size });
    }
    out.close_bounds();
    out
}

/// The first `max` bytes, ending after the last newline in them when there is one (so a
/// text source keeps whole lines; binary input is simply cut).
fn cut_at_line(bytes: &[u8], max: usize) -> Vec<u8> {
    let head = &bytes[..max.min(bytes.len())];
    match head.iter().rposition(|&b| b == b'\n') {
        Some(end) => head[..=end].to_vec(),
        None => head.to_vec(),
    }
}

/// The text of a source as the readers see it (decoded, LF line ends, so line numbers agree
/// with [`Origin::line`], and every private key cut out by [`cut_keys`]), or `None` for
/// binary input.
pub fn source_text(bytes: &[u8]) -> Option<String> {
    let decoded = detect::decode(bytes)?;
    Some(cut_keys(&newlines::normalize_newlines(&decoded)).0)
}

/// Where the text being read sits in the input: builds the [`Origin`] of what is found.
#[derive(Debug, Clone)]
struct Scope {
    file: usize,
    format: Format,
    /// Set for text decoded from one line of the source (a Kubernetes value): origins
    /// then point at that line and carry that key as their label.
    outer: Option<(usize, String)>,
}

impl Scope {
    fn new(file: usize, format: Format) -> Self {
        Self { file, format, outer: None }
    }

    /// The scope of text decoded from the value of `key` at `line`.
    fn nested(&self, line: usize, key: &str) -> Self {
        Self { outer: Some((line, key.to_owned())), ..self.clone() }
    }

    fn origin(&self, line: usize, label: Option<&str>) -> Origin {
        let (line, label) = match &self.outer {
            Some((outer_line, key)) => (*outer_line, Some(key.clone())),
            None => (line, label.map(str::to_owned)),
        };
        Origin { file: self.file, line, format: self.format, label }
    }

    /// "line 12", or "line 3 of the decoded tls.crt" inside a nested value.
    fn describe_line(&self, line: usize) -> Text {
        match &self.outer {
            Some((_, key)) => crate::text!("input-line-decoded", line = line, key = key),
            None => crate::text!("input-line", line = line),
        }
    }
}
