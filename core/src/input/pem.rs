//! PEM armor (RFC 7468), read laxly: armor anywhere on a line (also END and BEGIN glued),
//! text around blocks, indentation, RFC 1421 headers, JSON `\n` escapes, missing padding.
//!
//! The decoding is done by the `pem` crate. What stays here is what `pem` does not do: find
//! armor inside noise (one scanner, [`armors`], shared with the private-key cutting of
//! `secrets.rs`), pair BEGIN and END lines and name their lines when they do not match,
//! clean the body (`pem_body.rs`: e-mail quotes, JSON escapes, CRLF, indentation; `b64.rs`:
//! characters checked line by line, padding restored), and classify the label. The clean
//! armor is then handed to [`pem::parse`].

use super::der::{self, Reading, What};
use super::{b64, pem_body, private_key, Extracted, Problem, ProblemKind, Scope};
use crate::catalogue::Text;

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";
/// Longest label accepted; real ones are under 30 characters.
const MAX_LABEL_LEN: usize = 64;

/// Reads every PEM block of `text`.
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    let lines = LineIndex::new(text);
    for found in armors(text) {
        let label = found.label;
        let armor = Armor {
            label,
            line: lines.line_of(found.begin),
            body_line: lines.line_of(found.body_start),
        };
        match found.end {
            Some((end_label, body_end, _)) => {
                let body = text.get(found.body_start..body_end).unwrap_or_default();
                close(&armor, end_label, lines.line_of(body_end), body, scope, out);
            }
            None => {
                let at = scope.describe_line(armor.line);
                let detail = crate::text!("input-pem-no-end", label = label, at = at);
                unterminated(&armor, detail, scope, out);
            }
        }
    }
}

/// One BEGIN line found by [`armors`], with its END when it has one.
pub(super) struct Armored<'a> {
    /// Where `-----BEGIN` starts.
    pub begin: usize,
    /// The label of the BEGIN line.
    pub label: &'a str,
    /// Where the body starts (after the BEGIN line's closing dashes).
    pub body_start: usize,
    /// The END: its label, where the body ends, where the END line's dashes end.
    pub end: Option<(&'a str, usize, usize)>,
    /// Where the next BEGIN starts (or the end of the text): a block without END stops here.
    pub next_begin: usize,
}

/// Every PEM armor of `text` in order: the one scanner for certificates (`parse`) and for
/// the private keys that must be cut out (`secrets`). The END is searched only up to the
/// next BEGIN: a missing END cannot swallow a block, and the scan stays linear.
pub(super) fn armors(text: &str) -> impl Iterator<Item = Armored<'_>> {
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let begin = find_from(text, pos, BEGIN)?;
        let Some((label, body_start)) = boundary(text, begin + BEGIN.len()) else {
            pos = begin + BEGIN.len();
            continue;
        };
        let next_begin = find_from(text, body_start, BEGIN).unwrap_or(text.len());
        let end = find_end(text, body_start, next_begin);
        pos = end.map_or(next_begin, |(_, _, after)| after);
        return Some(Armored { begin, label, body_start, end, next_begin });
    })
}

/// Whether `text` holds PEM armor.
pub(super) fn is_armored(text: &str) -> bool {
    labels(text).next().is_some()
}

/// The labels of the BEGIN lines of `text`, in order.
pub(super) fn labels(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices(BEGIN)
        .filter_map(|(begin, _)| boundary(text, begin + BEGIN.len()).map(|(label, _)| label))
}

/// RFC 7468 §8 (`PKCS7`) and §9 (`CMS`), plus labels seen in the wild.
pub(super) fn is_pkcs7_label(label: &str) -> bool {
    matches!(label, "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS" | "CERTIFICATE CHAIN")
}

struct Armor<'a> {
    label: &'a str,
    line: usize,
    body_line: usize,
}

/// What a label announces.
enum LabelKind {
    Certificate,
    TrustedCertificate,
    Pkcs7,
    PrivateKey(String),
    /// Not a certificate: what it is, as `input-not-a-certificate` names it.
    Other(&'static str),
}

fn label_kind(label: &str, body: &str) -> LabelKind {
    if let Some(kind) = private_key::pem_kind(label, body) {
        return LabelKind::PrivateKey(kind);
    }
    let other = LabelKind::Other;
    match label {
        // RFC 7468 §5; `X509 CERTIFICATE` is the pre-RFC OpenSSL label.
        "CERTIFICATE" | "X509 CERTIFICATE" | "X.509 CERTIFICATE" => LabelKind::Certificate,
        // OpenSSL's trusted certificate: the certificate then X509_CERT_AUX trust settings.
        "TRUSTED CERTIFICATE" => LabelKind::TrustedCertificate,
        label if is_pkcs7_label(label) => LabelKind::Pkcs7,
        // RFC 7468 §7 (and the pre-RFC `NEW CERTIFICATE REQUEST`).
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => other("csr"),
        // RFC 7468 §6.
        "X509 CRL" => other("crl"),
        // RFC 7468 §13 and RFC 8017 RSAPublicKey.
        "PUBLIC KEY" | "RSA PUBLIC KEY" => other("public-key"),
        // RFC 7468 §12.
        "ATTRIBUTE CERTIFICATE" => other("attribute-certificate"),
        "DH PARAMETERS" | "X9.42 DH PARAMETERS" | "EC PARAMETERS" | "DSA PARAMETERS" => {
            other("parameters")
        }
        _ => other("other-label"),
    }
}

fn close(
    armor: &Armor<'_>,
    end_label: &str,
    end_line: usize,
    body: &str,
    scope: &Scope,
    out: &mut Extracted,
) {
    if end_label != armor.label {
        let (begin, end) = (scope.describe_line(armor.line), scope.describe_line(end_line));
        let detail = crate::text!(
            "input-pem-end-mismatch",
            label = armor.label,
            end_label = end_label,
            begin = begin,
            end = end,
        );
        return unterminated(armor, detail, scope, out);
    }
    let origin = scope.origin(armor.line, Some(armor.label));
    let (labelled_certificate, first_only) = match label_kind(armor.label, body) {
        LabelKind::PrivateKey(kind) => {
            return private_key::note(out, kind, scope, armor.line, Some(armor.label))
        }
        LabelKind::Other(kind) => {
            let detail = crate::text!("input-not-a-certificate", kind = kind, label = armor.label);
            return out.push_problem(Problem {
                kind: ProblemKind::UnparsableBlock,
                origin,
                detail,
            });
        }
        LabelKind::Certificate => (true, false),
        LabelKind::TrustedCertificate => (true, true),
        LabelKind::Pkcs7 => (false, false),
    };
    let where_line = |line| scope.describe_line(line);
    let pieces = pem_body::pieces(body, armor.body_line);
    let lines = pieces.iter().map(|(line, piece)| (*line, piece.as_ref()));
    let decoded = b64::canonical_lines(lines)
        .map_err(|error| error.describe(where_line))
        .and_then(|base64| decode(armor.label, &base64));
    let der = match decoded {
        Ok(der) => der,
        Err(why) => {
            let at = where_line(armor.line);
            let detail =
                crate::text!("input-pem-block-unreadable", label = armor.label, at = at, why = why);
            return out.push_problem(Problem { kind: ProblemKind::MalformedPem, origin, detail });
        }
    };
    let (label, size, line, place) = (armor.label.to_owned(), der.len(), armor.line, scope.clone());
    let what = What::new(move || {
        let at = place.describe_line(line);
        crate::text!("input-pem-block", label = label, bytes = size, at = at)
    });
    let reading = Reading {
        broken: ProblemKind::MalformedPem,
        labelled_certificate,
        first_only,
        ..Reading::plain(origin, what)
    };
    der::read_all(&der, &reading, out);
}

/// Decodes a block the lax pass made clean (`base64`: canonical, RFC 4648 §3) with
/// [`pem::parse`], from a strict RFC 7468 §2 armor: 64-column lines, no headers.
fn decode(label: &str, base64: &str) -> Result<Vec<u8>, Text> {
    let mut armor = String::with_capacity(base64.len() + base64.len() / 64 + 2 * label.len() + 40);
    armor.push_str(&format!("{BEGIN}{label}{DASHES}\n"));
    for line in base64.as_bytes().chunks(64) {
        armor.push_str(std::str::from_utf8(line).unwrap_or_default());
        armor.push('\n');
    }
    armor.push_str(&format!("{END}{label}{DASHES}\n"));
    pem::parse(armor)
        .map(pem::Pem::into_contents)
        .map_err(|error| crate::text!("input-pem-armor-undecodable", error = error))
}

/// A BEGIN without its END: reported; a private key is still noted (and not read).
fn unterminated(armor: &Armor<'_>, detail: Text, scope: &Scope, out: &mut Extracted) {
    if let Some(kind) = private_key::pem_kind(armor.label, "") {
        private_key::note(out, kind, scope, armor.line, Some(armor.label));
    }
    let origin = scope.origin(armor.line, Some(armor.label));
    out.push_problem(Problem { kind: ProblemKind::MalformedPem, origin, detail });
}

/// The label after `-----BEGIN ` / `-----END ` starting at `label_start`, and where the
/// armor line's closing dashes end. RFC 7468 §3: the label is on the same line.
fn boundary(text: &str, label_start: usize) -> Option<(&str, usize)> {
    let rest = text.get(label_start..)?;
    // Look for the closing dashes only within reach of a label: the scan stays linear.
    let mut reach = rest.len().min(MAX_LABEL_LEN + DASHES.len());
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    let label_len = rest.get(..reach)?.find(DASHES)?;
    let label = rest.get(..label_len)?;
    let printable = label.chars().all(|c| c.is_ascii_graphic() || c == ' ');
    if label.is_empty() || label_len > MAX_LABEL_LEN || !printable {
        return None;
    }
    // Tolerate extra dashes after the label, but not the dashes of a glued next line.
    let mut after = label_start + label_len + DASHES.len();
    while let Some(tail) = text.get(after..) {
        if !tail.starts_with('-') || tail.starts_with(BEGIN) || tail.starts_with(END) {
            break;
        }
        after += 1;
    }
    Some((label, after))
}

/// The first END in `text[from..limit]`: (label, where the body ends, where the END ends).
fn find_end(text: &str, from: usize, limit: usize) -> Option<(&str, usize, usize)> {
    let region = text.get(from..limit)?;
    let mut search = 0;
    while let Some(found) = region.get(search..)?.find(END) {
        let end_start = from + search + found;
        if let Some((label, after)) = boundary(text, end_start + END.len()) {
            return Some((label, end_start, after));
        }
        search += found + END.len();
    }
    None
}

fn find_from(text: &str, from: usize, needle: &str) -> Option<usize> {
    memchr::memmem::find(text.get(from..)?.as_bytes(), needle.as_bytes()).map(|found| from + found)
}

/// Byte offset -> 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
        Self { starts: std::iter::once(0).chain(newlines).collect() }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::testing::{
        assert_certificates_parse, ders, extract_text, pem, places, INTERMEDIATE_DER, LEAF_DER,
    };
    use super::super::{Extracted, ProblemKind};

    fn details(out: &Extracted) -> Vec<(ProblemKind, usize, &str)> {
        let problems = out.problems.iter();
        problems.map(|p| (p.kind, p.origin.line, p.detail.en.as_str())).collect()
    }

    #[test]
    fn glued_end_and_begin_on_one_line() {
        let text = pem("CERTIFICATE", LEAF_DER).trim_end().to_owned()
            + &pem("CERTIFICATE", INTERMEDIATE_DER);
        let out = extract_text(&text);
        assert_eq!(out.blocks.len(), 2);
        assert!(ders(&out) == [LEAF_DER, INTERMEDIATE_DER]);
        let glued_line = text.lines().position(|l| l.contains("----------")).unwrap() + 1;
        assert_eq!(places(&out), vec![(1, Some("CERTIFICATE")), (glued_line, Some("CERTIFICATE"))]);
        assert!(out.problems.is_empty());
    }

    #[test]
    fn json_escaped_pem_with_escaped_slashes() {
        let escaped = pem("CERTIFICATE", LEAF_DER).replace('\n', "\\n").replace('/', "\\/");
        let out = extract_text(&format!("{{\"certificate\": \"{escaped}\"}}"));
        assert_eq!(ders(&out), vec![LEAF_DER]);
        assert_eq!(places(&out), vec![(1, Some("CERTIFICATE"))]);
    }

    #[test]
    fn single_line_pem_with_spaces_and_missing_padding() {
        let one_line = pem("CERTIFICATE", INTERMEDIATE_DER).replace('\n', " ").replace('=', "");
        let out = extract_text(&format!("CERT={one_line}"));
        assert_eq!(ders(&out), vec![INTERMEDIATE_DER]);
    }

    #[test]
    fn rfc1421_headers_and_x509_and_trusted_labels() {
        let with_headers = pem("X509 CERTIFICATE", LEAF_DER).replacen(
            '\n',
            "\nProc-Type: 4,CLEAR\nContent-Domain: RFC822\n\n",
            1,
        );
        let mut trusted_der = INTERMEDIATE_DER.to_vec();
        trusted_der.extend([0x30, 0x03, 0x0c, 0x01, b'x']); // X509_CERT_AUX { alias "x" }
        let text = with_headers + &pem("TRUSTED CERTIFICATE", &trusted_der);
        let out = extract_text(&text);
        assert_eq!(ders(&out), vec![LEAF_DER, INTERMEDIATE_DER]);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        assert_certificates_parse(&out);
    }

    #[test]
    fn begin_without_end_then_a_good_block() {
        let text = format!("-----BEGIN CERTIFICATE-----\nMIIB\n\n{}", pem("CERTIFICATE", LEAF_DER));
        let out = extract_text(&text);
        assert_eq!(ders(&out), vec![LEAF_DER]);
        assert_eq!(places(&out), vec![(4, Some("CERTIFICATE"))]);
        let expected = "BEGIN CERTIFICATE at line 1 has no matching END line";
        assert_eq!(details(&out), vec![(ProblemKind::MalformedPem, 1, expected)]);
    }

    #[test]
    fn truncated_block_then_a_good_block() {
        let full = pem("CERTIFICATE", INTERMEDIATE_DER);
        let mut lines: Vec<&str> = full.lines().collect();
        lines.drain(5..lines.len() - 1);
        let text = lines.join("\n") + "\n" + &pem("CERTIFICATE", LEAF_DER);
        let out = extract_text(&text);
        assert_eq!(ders(&out), vec![LEAF_DER]);
        let announced = INTERMEDIATE_DER.len() - 4;
        let expected = format!(
            "the CERTIFICATE block at line 1 (192 bytes decoded) cannot be read: it is \
             truncated: its DER header announces {announced} bytes, only 188 follow"
        );
        assert_eq!(details(&out), vec![(ProblemKind::MalformedPem, 1, expected.as_str())]);
    }

    #[test]
    fn bad_base64_character_names_line_and_character() {
        let text = pem("CERTIFICATE", LEAF_DER).replacen("MII", "MI!", 1);
        let out = extract_text(&format!("intro\n{text}"));
        assert!(out.blocks.is_empty());
        let expected =
            "CERTIFICATE block at line 2: line 3 has '!', which is not a base64 character";
        assert_eq!(details(&out), vec![(ProblemKind::MalformedPem, 2, expected)]);
    }

    #[test]
    fn empty_body_mismatched_end_and_non_certificate_labels() {
        let text = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n\
            -----BEGIN CERTIFICATE-----\nMIIB\n-----END X509 CRL-----\n\
            -----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n\
            -----BEGIN X509 CRL-----\nMIIB\n-----END X509 CRL-----\n\
            -----BEGIN FOO BAR-----\n-----END FOO BAR-----\n";
        let out = extract_text(text);
        assert!(out.blocks.is_empty());
        let malformed = ProblemKind::MalformedPem;
        let unparsable = ProblemKind::UnparsableBlock;
        assert_eq!(
            details(&out),
            vec![
                (malformed, 1, "CERTIFICATE block at line 1: it is empty"),
                (malformed, 3, "BEGIN CERTIFICATE at line 3 is closed by END X509 CRL at line 5"),
                (unparsable, 6, "a certificate signing request (CSR), not a certificate"),
                (unparsable, 9, "a certificate revocation list (CRL), not a certificate"),
                (unparsable, 12, "a PEM block labelled FOO BAR, not a certificate"),
            ]
        );
    }

    #[test]
    fn labels_and_boundaries() {
        assert_eq!(
            super::labels("x -----BEGIN A B----- y -----BEGIN C------").collect::<Vec<_>>(),
            vec!["A B", "C"]
        );
        assert!(!super::is_armored("-----BEGIN \n-----"));
        assert!(!super::is_armored("-----BEGIN CERTIFICATE"));
    }
}
