//! What decoded bytes hold (certificates, PKCS#7, a key, a CSR...) and turning them into
//! blocks, key notes and problems. Shared by every form once its text is decoded.
//!
//! The elements are read by `asn1-rs` (see [`super::ber`]); PKCS#7 is opened by
//! [`super::pkcs7`], and each certificate is parsed later by x509-parser (`cert::parse`).
//! Telling a certificate from a CRL, a CSR, a key or a PKCS#12 archive is done here by the
//! shape of the outer fields, not by a full parse: a certificate that x509-parser refuses
//! must still become a block, so that its finding can say why.

use std::rc::Rc;

use super::ber::{self, id, Tlv};
use crate::catalogue::Text;

use super::{pkcs7, private_key, Extracted, Origin, PrivateKeyNote, Problem, ProblemKind};

/// A raw private key is at most 66 bytes (a P-521 scalar): leading bytes of inputs that
/// short are never shown, since they could be the key itself.
const MAX_RAW_KEY_LEN: usize = 66;

/// What one element holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An X.509 certificate (by its shape; `cert::parse` decides if it is valid).
    Certificate,
    /// A PKCS#7 / CMS ContentInfo.
    Pkcs7,
    /// A private key of the named form.
    PrivateKey(&'static str),
    /// Something well known that is not a certificate: what it is, as
    /// `input-not-a-certificate` names it.
    NotCertificate(&'static str),
    /// Nothing recognised.
    Unknown,
}

/// How to read one piece of decoded bytes and how to word what goes wrong.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    /// Origin given to everything found.
    pub(super) origin: Origin,
    /// Noun phrase naming the piece and its size in messages, e.g. "binary input of 12 bytes".
    pub(super) what: What,
    /// Problem kind for broken encodings (MalformedPem inside PEM armor).
    pub(super) broken: ProblemKind,
    /// A PEM CERTIFICATE label: an unrecognised first element is still a candidate block,
    /// for `cert::parse` to explain.
    pub(super) labelled_certificate: bool,
    /// Read only the first element (TRUSTED CERTIFICATE: OpenSSL trust data follows).
    pub(super) first_only: bool,
    /// The bytes may be a private key in a form not recognised: never show any of them.
    pub(super) may_be_key: bool,
}

impl Reading {
    /// A reading of plain decoded bytes (not under a PEM label).
    pub(super) fn plain(origin: Origin, what: What) -> Self {
        Self {
            origin,
            what,
            broken: ProblemKind::UnparsableBlock,
            labelled_certificate: false,
            first_only: false,
            may_be_key: false,
        }
    }
}

/// A [`Reading`]'s noun phrase, worded only when a message needs it: most readings never go
/// wrong, and wording one is two catalogue renderings (and the place's, inside it).
#[derive(Clone)]
pub(super) struct What(Rc<dyn Fn() -> Text>);

impl What {
    /// The phrase `make` words.
    pub(super) fn new(make: impl Fn() -> Text + 'static) -> Self {
        Self(Rc::new(make))
    }

    /// The phrase.
    pub(super) fn text(&self) -> Text {
        (self.0)()
    }
}

impl std::fmt::Debug for What {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.text(), f)
    }
}

/// Classifies one element by its shape.
pub(super) fn kind_of(tlv: &Tlv<'_>) -> Kind {
    if tlv.id != id::SEQUENCE {
        return Kind::Unknown;
    }
    if pkcs7::is_content_info(tlv) {
        return Kind::Pkcs7;
    }
    if let Some(kind) = private_key::der_kind(tlv) {
        return Kind::PrivateKey(kind);
    }
    signed_kind(tlv).or_else(|| other_kind(tlv)).unwrap_or(Kind::Unknown)
}

/// Reads every element of `bytes` and records what each one is.
pub(super) fn read_all(bytes: &[u8], reading: &Reading, out: &mut Extracted) {
    let mut rest = bytes;
    let mut index = 0usize;
    while !rest.is_empty() {
        let offset = bytes.len() - rest.len();
        let tlv = match ber::read(rest) {
            Ok((tlv, after)) => {
                rest = after;
                tlv
            }
            Err(error) => {
                let sequence = rest.first() == Some(&id::SEQUENCE);
                let detail = if sequence && offset == 0 {
                    crate::text!(
                        "input-der-unreadable",
                        what = reading.what.text(),
                        why = error.describe()
                    )
                } else {
                    unrecognised(reading, bytes, offset)
                };
                let kind = if sequence { reading.broken } else { ProblemKind::UnparsableBlock };
                return push_problem(out, kind, &reading.origin, detail);
            }
        };
        if !read_one(&tlv, index, reading, bytes, offset, out) || reading.first_only {
            return;
        }
        index += 1;
    }
}

/// Records one element; returns false when reading should stop.
fn read_one(
    tlv: &Tlv<'_>,
    index: usize,
    reading: &Reading,
    bytes: &[u8],
    offset: usize,
    out: &mut Extracted,
) -> bool {
    let origin = &reading.origin;
    match kind_of(tlv) {
        Kind::Certificate => out.push_block(tlv.encoded, origin.clone()),
        Kind::Unknown if index == 0 && reading.labelled_certificate => {
            out.push_block(tlv.encoded, origin.clone());
        }
        Kind::Pkcs7 => read_pkcs7(tlv, reading, out),
        Kind::PrivateKey(kind) => {
            out.private_keys.push(PrivateKeyNote { kind: kind.to_owned(), origin: origin.clone() });
        }
        Kind::NotCertificate(reason) => {
            let detail = crate::text!("input-not-a-certificate", kind = reason, label = "");
            push_problem(out, ProblemKind::UnparsableBlock, origin, detail);
        }
        Kind::Unknown => {
            let detail = unrecognised(reading, bytes, offset);
            push_problem(out, ProblemKind::UnparsableBlock, origin, detail);
            return false;
        }
    }
    true
}

fn read_pkcs7(tlv: &Tlv<'_>, reading: &Reading, out: &mut Extracted) {
    let origin = &reading.origin;
    let certificates = match pkcs7::certificates(tlv) {
        Ok(certificates) if certificates.is_empty() => {
            let detail = crate::text!("input-pkcs7-empty", what = reading.what.text());
            return push_problem(out, ProblemKind::UnparsableBlock, origin, detail);
        }
        Ok(certificates) => certificates,
        Err(error) => {
            let detail = crate::text!(
                "input-pkcs7-unreadable",
                what = reading.what.text(),
                why = error.describe()
            );
            return push_problem(out, ProblemKind::UnparsableBlock, origin, detail);
        }
    };
    // RFC 5652 §10.2.2: each `certificate` choice is a Certificate (RFC 5280 §4.1). A
    // SEQUENCE of another shape comes from a damaged list (a length that swallowed part of
    // the next certificate makes its fields look like elements): it is left out and said.
    let (certificates, others): (Vec<&[u8]>, Vec<&[u8]>) =
        certificates.into_iter().partition(|der| looks_like_certificate(der));
    if !others.is_empty() {
        let amount = if others.len() == 1 { "one" } else { "other" };
        let count = others.len();
        let detail = crate::text!(
            "input-pkcs7-not-certificates",
            count = count,
            amount = amount,
            what = reading.what.text()
        );
        push_problem(out, ProblemKind::UnparsableBlock, origin, detail);
    }
    let container = origin.label.clone().unwrap_or_else(|| "PKCS#7".to_owned());
    let total = certificates.len();
    for (position, der) in certificates.into_iter().enumerate() {
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("container", &container), ("position", &(position + 1)), ("total", &total)];
        let label = super::english("input-pkcs7-certificate-label", &args);
        out.push_block(der, Origin { label: Some(label), ..origin.clone() });
    }
}

/// Whether one element of a PKCS#7 certificate list has a certificate's shape.
fn looks_like_certificate(der: &[u8]) -> bool {
    ber::read(der).is_ok_and(|(tlv, _)| signed_kind(&tlv) == Some(Kind::Certificate))
}

/// RFC 5280 §4.1 Certificate, §5.1 CertificateList and RFC 2986 §4 CertificationRequest
/// all are SEQUENCE { to-be-signed SEQUENCE, AlgorithmIdentifier SEQUENCE, BIT STRING }:
/// the to-be-signed part tells them apart.
fn signed_kind(tlv: &Tlv<'_>) -> Option<Kind> {
    let outer = ber::first_children(tlv.contents, 4)?;
    let ids: Vec<u8> = outer.iter().map(|child| child.id).collect();
    if ids != [id::SEQUENCE, id::SEQUENCE, id::BIT_STRING] {
        return None;
    }
    let tbs = ber::first_children(outer.first()?.contents, 6)?;
    let tbs_ids: Vec<u8> = tbs.iter().map(|child| child.id).collect();
    let time = |position: usize| {
        matches!(tbs_ids.get(position), Some(&id::UTC_TIME | &id::GENERALIZED_TIME))
    };
    match tbs_ids.as_slice() {
        // RFC 5280 §4.1: version [0] EXPLICIT (v2, v3), or a v1 serial then
        // signature, issuer, validity SEQUENCEs.
        [id::CONTEXT_0, ..] => Some(Kind::Certificate),
        [id::INTEGER, id::SEQUENCE, id::SEQUENCE, id::SEQUENCE, ..] => Some(Kind::Certificate),
        // RFC 5280 §5.1.2: [version,] signature, issuer, thisUpdate Time.
        [id::INTEGER, id::SEQUENCE, id::SEQUENCE, ..] if time(3) => Some(Kind::NotCertificate(CRL)),
        [id::SEQUENCE, id::SEQUENCE, ..] if time(2) => Some(Kind::NotCertificate(CRL)),
        // RFC 2986 §4.1: version, subject, subjectPKInfo, attributes [0].
        [id::INTEGER, id::SEQUENCE, id::SEQUENCE, id::CONTEXT_0] => Some(Kind::NotCertificate(CSR)),
        _ => None,
    }
}

/// PKCS#12 archives and bare public keys.
fn other_kind(tlv: &Tlv<'_>) -> Option<Kind> {
    let children = ber::first_children(tlv.contents, 4)?;
    match children.as_slice() {
        // RFC 7292 §4: PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, .. }
        [version, auth_safe, ..]
            if version.id == id::INTEGER
                && version.contents == [3]
                && pkcs7::is_content_info(auth_safe) =>
        {
            Some(Kind::NotCertificate(PKCS12))
        }
        // RFC 5280 §4.1: SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }
        [algorithm, key] if algorithm.id == id::SEQUENCE && key.id == id::BIT_STRING => {
            Some(Kind::NotCertificate(PUBLIC_KEY))
        }
        _ => None,
    }
}

/// Kinds of `Kind::NotCertificate`, as `input-not-a-certificate` names them.
const CSR: &str = "csr";
const CRL: &str = "crl";
const PUBLIC_KEY: &str = "bare-public-key";
const PKCS12: &str = "pkcs12";

/// "... is neither a DER certificate nor PKCS#7", with leading bytes when that is safe.
fn unrecognised(reading: &Reading, bytes: &[u8], offset: usize) -> Text {
    let rest = bytes.get(offset..).unwrap_or_default();
    let shown = if reading.may_be_key { None } else { leading_bytes(bytes, rest) };
    crate::text!(
        "input-der-unrecognised",
        at = if offset == 0 { "start" } else { "offset" },
        offset = offset,
        length = rest.len(),
        first = if shown.is_some() { "shown" } else { "hidden" },
        bytes = shown.unwrap_or_default(),
        what = reading.what.text(),
    )
}

/// The first bytes of `rest`, `0x30 0x82 …`, unless the whole input could be a raw key.
fn leading_bytes(whole: &[u8], rest: &[u8]) -> Option<String> {
    if whole.len() <= MAX_RAW_KEY_LEN || rest.is_empty() {
        return None;
    }
    let shown: Vec<String> = rest.iter().take(4).map(|byte| format!("0x{byte:02x}")).collect();
    Some(shown.join(" "))
}

fn push_problem(out: &mut Extracted, kind: ProblemKind, origin: &Origin, detail: Text) {
    out.push_problem(Problem { kind, origin: origin.clone(), detail });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::Format;
    use super::*;
    use crate::input::testing::{prim, tlv};

    fn reading(labelled_certificate: bool) -> Reading {
        let origin = Origin { file: 0, line: 0, format: Format::Der, label: None };
        let what = What::new(|| Text::new("binary input of N bytes", "N バイトのバイナリ入力"));
        Reading { labelled_certificate, ..Reading::plain(origin, what) }
    }

    /// A certificate-shaped SEQUENCE (v3 TBS), 20-odd bytes.
    fn certificate_shape() -> Vec<u8> {
        let tbs = tlv(id::SEQUENCE, &[&tlv(id::CONTEXT_0, &[&prim(id::INTEGER, &[2])])]);
        tlv(id::SEQUENCE, &[&tbs, &tlv(id::SEQUENCE, &[]), &prim(id::BIT_STRING, &[0])])
    }

    fn kind(der: &[u8]) -> Kind {
        kind_of(&ber::read(der).unwrap().0)
    }

    #[test]
    fn recognises_certificates_crls_csrs_and_public_keys() {
        assert_eq!(kind(&certificate_shape()), Kind::Certificate);
        let int = prim(id::INTEGER, &[0]);
        let seq = tlv(id::SEQUENCE, &[]);
        let time = prim(id::UTC_TIME, b"0");
        let signed = |tbs: Vec<u8>| tlv(id::SEQUENCE, &[&tbs, &seq, &prim(id::BIT_STRING, &[0])]);
        let crl = signed(tlv(id::SEQUENCE, &[&int, &seq, &seq, &time]));
        assert_eq!(kind(&crl), Kind::NotCertificate(CRL));
        let csr = signed(tlv(id::SEQUENCE, &[&int, &seq, &seq, &tlv(id::CONTEXT_0, &[])]));
        assert_eq!(kind(&csr), Kind::NotCertificate(CSR));
        let spki = tlv(id::SEQUENCE, &[&seq, &prim(id::BIT_STRING, &[0])]);
        assert_eq!(kind(&spki), Kind::NotCertificate(PUBLIC_KEY));
        assert_eq!(kind(&prim(id::INTEGER, &[1])), Kind::Unknown);
    }

    #[test]
    fn concatenated_certificates_are_all_taken_and_trailing_garbage_reported() {
        let mut bytes = certificate_shape();
        bytes.extend(certificate_shape());
        bytes.extend([0x01, 0x02, 0x03]);
        let mut out = Extracted::default();
        read_all(&bytes, &reading(false), &mut out);
        assert_eq!(out.blocks.len(), 2);
        assert_eq!(out.blocks[1].der, certificate_shape());
        assert_eq!(out.problems.len(), 1);
        let expected =
            "binary input of N bytes: 3 bytes at offset 28 are neither a DER certificate nor PKCS#7";
        assert!(out.problems[0].detail.en.starts_with(expected), "{}", out.problems[0].detail.en);
    }

    /// A certs-only PKCS#7 (RFC 5652 §5.1) whose certificate list holds `elements`.
    fn pkcs7_with(elements: &[&[u8]]) -> Vec<u8> {
        const SIGNED_DATA: [u8; 9] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
        const DATA: [u8; 9] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
        let list = tlv(id::CONTEXT_0, elements);
        let encapsulated = tlv(id::SEQUENCE, &[&prim(id::OID, &DATA)]);
        let version = prim(id::INTEGER, &[1]);
        let (digests, signers) = (tlv(id::SET, &[]), tlv(id::SET, &[]));
        let signed = tlv(id::SEQUENCE, &[&version, &digests, &encapsulated, &list, &signers]);
        tlv(id::SEQUENCE, &[&prim(id::OID, &SIGNED_DATA), &tlv(id::CONTEXT_0, &[&signed])])
    }

    #[test]
    fn pkcs7_elements_that_are_not_certificates_are_left_out_and_said() {
        let algorithm = tlv(id::SEQUENCE, &[&prim(id::OID, &[0x2a, 0x03])]);
        let name = tlv(id::SEQUENCE, &[&tlv(id::SET, &[])]);
        let bytes = pkcs7_with(&[&certificate_shape(), &algorithm, &name]);
        let mut out = Extracted::default();
        read_all(&bytes, &reading(false), &mut out);
        assert_eq!(out.blocks.len(), 1);
        assert_eq!(out.blocks[0].der, certificate_shape());
        assert_eq!(out.blocks[0].origin.label.as_deref(), Some("PKCS#7, certificate 1 of 1"));
        assert_eq!(out.problems.len(), 1);
        let detail = &out.problems[0].detail;
        assert!(detail.en.contains("holds 2 elements that are not certificates"), "{}", detail.en);
        assert!(detail.ja.contains("2 個"), "{}", detail.ja);
    }

    #[test]
    fn unknown_first_element_is_a_block_only_under_a_certificate_label() {
        let odd = tlv(id::SEQUENCE, &[&prim(id::INTEGER, &[1])]);
        let mut out = Extracted::default();
        read_all(&odd, &reading(true), &mut out);
        assert_eq!((out.blocks.len(), out.problems.len()), (1, 0));
        let mut out = Extracted::default();
        read_all(&odd, &reading(false), &mut out);
        assert_eq!((out.blocks.len(), out.problems.len()), (0, 1));
    }

    #[test]
    fn truncated_sequence_is_reported_with_lengths() {
        let mut bytes = certificate_shape();
        bytes.truncate(10);
        let mut out = Extracted::default();
        read_all(&bytes, &reading(false), &mut out);
        assert_eq!(
            out.problems[0].detail.en,
            "binary input of N bytes cannot be read: it is truncated: its DER header announces \
             12 bytes, only 8 follow"
        );
    }

    #[test]
    fn leading_bytes_are_hidden_for_inputs_a_raw_key_could_be() {
        let mut out = Extracted::default();
        read_all(&[0x42; 32], &reading(false), &mut out);
        assert_eq!(
            out.problems[0].detail.en,
            "binary input of N bytes is neither a DER certificate nor PKCS#7"
        );
        let mut out = Extracted::default();
        read_all(&[0x42; 100], &reading(false), &mut out);
        assert!(out.problems[0].detail.en.ends_with("(first bytes 0x42 0x42 0x42 0x42)"));
        let mut out = Extracted::default();
        let secret = Reading { may_be_key: true, ..reading(false) };
        read_all(&[0x42; 100], &secret, &mut out);
        assert!(!out.problems[0].detail.en.contains("0x42"));
    }
}
