//! PKCS#7 / CMS SignedData (`.p7b`, `.p7c`): the certificates it carries, DER or BER.
//!
//! "Certs-only" files made by `openssl crl2pkcs7 -nocrl` are the common case; streamed
//! signatures (`openssl cms -sign -stream`) and Windows exports use BER indefinite lengths.
//!
//! The elements are read by `asn1-rs` (through [`super::ber`]) and OIDs are named by
//! [`asn1_rs::Oid`]. The walk down ContentInfo → SignedData → `certificates` is written
//! here, three fields deep, because no crate does it for BER: RustCrypto's `cms` is built on
//! `der`, which reads DER only and refuses indefinite lengths, and der-parser has no CMS
//! types. Each certificate is handed on as its exact encoding, for x509-parser to read.

use std::borrow::Cow;
use std::fmt;

use asn1_rs::Oid;

use super::ber::{self, id, BerError, Tlv};

/// DER contents of the OID 1.2.840.113549.1.7 (RFC 2315 §14: `pkcs-7`).
const PKCS7_ARC: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
/// Last arc of `signedData` (RFC 2315 §14, RFC 5652 §5.1: 1.2.840.113549.1.7.2).
const SIGNED_DATA: u8 = 2;

/// What a PKCS#7 that cannot give certificates is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pkcs7Error {
    /// The BER is broken.
    Ber(BerError),
    /// Not a ContentInfo with a PKCS#7 content type.
    NotContentInfo,
    /// A ContentInfo of another type (enveloped, digested...): no certificate list.
    NotSignedData(String),
    /// A SignedData whose fields are not where RFC 5652 puts them.
    Malformed(&'static str),
}

impl fmt::Display for Pkcs7Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe().en)
    }
}

impl Pkcs7Error {
    /// The reason in every language.
    pub(super) fn describe(&self) -> crate::catalogue::Text {
        match self {
            Self::Ber(error) => error.describe(),
            Self::NotContentInfo => crate::text!("input-pkcs7-not-content-info"),
            Self::NotSignedData(oid) => crate::text!("input-pkcs7-not-signed-data", oid = oid),
            // `what` names the missing or misplaced field, in ASN.1's words.
            Self::Malformed(what) => crate::text!("input-pkcs7-malformed", what = what),
        }
    }
}

impl From<BerError> for Pkcs7Error {
    fn from(error: BerError) -> Self {
        Self::Ber(error)
    }
}

/// Whether `tlv` looks like a PKCS#7 ContentInfo: a SEQUENCE starting with a pkcs-7 OID.
pub(super) fn is_content_info(tlv: &Tlv<'_>) -> bool {
    tlv.id == id::SEQUENCE
        && matches!(ber::children(tlv.contents).next(),
            Some(Ok(oid)) if oid.id == id::OID && oid.contents.starts_with(PKCS7_ARC))
}

/// The certificates a ContentInfo carries, each as its exact encoding, in order.
pub(super) fn certificates<'a>(content_info: &Tlv<'a>) -> Result<Vec<&'a [u8]>, Pkcs7Error> {
    let signed_data = signed_data(content_info)?;
    let certificate_set = certificate_set(&signed_data)?;
    let Some(set) = certificate_set else {
        return Ok(Vec::new());
    };
    let mut certificates = Vec::new();
    for choice in ber::children(set.contents) {
        let choice = choice?;
        // RFC 5652 §10.2.2: CertificateChoices; only the plain `certificate` (a SEQUENCE)
        // is an X.509 certificate. Extended and attribute certificates are [0]..[3].
        if choice.id == id::SEQUENCE {
            certificates.push(choice.encoded);
        }
    }
    Ok(certificates)
}

/// RFC 5652 §3 (RFC 2315 §7): ContentInfo ::= SEQUENCE { contentType OID,
/// content [0] EXPLICIT ANY DEFINED BY contentType }.
fn signed_data<'a>(content_info: &Tlv<'a>) -> Result<Tlv<'a>, Pkcs7Error> {
    if content_info.id != id::SEQUENCE {
        return Err(Pkcs7Error::NotContentInfo);
    }
    let mut fields = ber::children(content_info.contents);
    let oid = fields.next().ok_or(Pkcs7Error::NotContentInfo)??;
    if oid.id != id::OID || !oid.contents.starts_with(PKCS7_ARC) {
        return Err(Pkcs7Error::NotContentInfo);
    }
    if oid.contents.len() != PKCS7_ARC.len() + 1 || oid.contents.last() != Some(&SIGNED_DATA) {
        return Err(Pkcs7Error::NotSignedData(oid_name(oid.contents)));
    }
    let explicit = fields.next().ok_or(Pkcs7Error::Malformed("no content"))??;
    if explicit.id != id::CONTEXT_0 {
        return Err(Pkcs7Error::Malformed("the content is not tagged [0]"));
    }
    let (signed_data, _) = ber::read(explicit.contents)?;
    if signed_data.id != id::SEQUENCE {
        return Err(Pkcs7Error::Malformed("the content is not a SEQUENCE"));
    }
    Ok(signed_data)
}

/// RFC 5652 §5.1: SignedData ::= SEQUENCE { version, digestAlgorithms SET,
/// encapContentInfo SEQUENCE, certificates [0] IMPLICIT CertificateSet OPTIONAL,
/// crls [1] IMPLICIT OPTIONAL, signerInfos SET }. RFC 2315 §9.1 has the same layout.
fn certificate_set<'a>(signed_data: &Tlv<'a>) -> Result<Option<Tlv<'a>>, Pkcs7Error> {
    let mut fields = ber::children(signed_data.contents);
    let expected = [
        (id::INTEGER, "no version"),
        (id::SET, "no digestAlgorithms"),
        (id::SEQUENCE, "no encapContentInfo"),
    ];
    for (expected_id, missing) in expected {
        let field = fields.next().ok_or(Pkcs7Error::Malformed(missing))??;
        if field.id != expected_id {
            return Err(Pkcs7Error::Malformed(missing));
        }
    }
    match fields.next() {
        Some(field) => {
            let field = field?;
            Ok((field.id == id::CONTEXT_0).then_some(field))
        }
        None => Ok(None),
    }
}

/// Dotted form of a pkcs-7 OID's DER contents (X.690 §8.19), with its type name if known.
fn oid_name(contents: &[u8]) -> String {
    let dotted = Oid::new(Cow::Borrowed(contents)).to_id_string();
    let name = match contents.strip_prefix(PKCS7_ARC) {
        Some([1]) => "data",
        Some([3]) => "envelopedData",
        Some([4]) => "signedAndEnvelopedData",
        Some([5]) => "digestedData",
        Some([6]) => "encryptedData",
        _ => return dotted,
    };
    format!("{name} ({dotted})")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Wraps `contents` in a definite-length TLV with identifier `id`.
    fn tlv(id: u8, contents: &[u8]) -> Vec<u8> {
        let mut out = vec![id];
        let len = contents.len();
        if len < 0x80 {
            out.push(len as u8);
        } else {
            out.extend([0x82, (len >> 8) as u8, len as u8]);
        }
        out.extend_from_slice(contents);
        out
    }

    fn oid(last: u8) -> Vec<u8> {
        let mut contents = PKCS7_ARC.to_vec();
        contents.push(last);
        tlv(id::OID, &contents)
    }

    fn signed_data_with(certs: &[&[u8]]) -> Vec<u8> {
        let mut fields = tlv(id::INTEGER, &[1]);
        fields.extend(tlv(id::SET, &[]));
        fields.extend(tlv(id::SEQUENCE, &oid(1)));
        if !certs.is_empty() {
            fields.extend(tlv(id::CONTEXT_0, &certs.concat()));
        }
        fields.extend(tlv(id::SET, &[]));
        let mut content_info = oid(SIGNED_DATA);
        content_info.extend(tlv(id::CONTEXT_0, &tlv(id::SEQUENCE, &fields)));
        tlv(id::SEQUENCE, &content_info)
    }

    fn certificates_of(der: &[u8]) -> Result<Vec<Vec<u8>>, Pkcs7Error> {
        let (content_info, _) = ber::read(der).unwrap();
        certificates(&content_info).map(|certs| certs.iter().map(|c| c.to_vec()).collect())
    }

    #[test]
    fn slices_each_certificate_exactly() {
        let first = tlv(id::SEQUENCE, &tlv(id::INTEGER, &[1]));
        let second = tlv(id::SEQUENCE, &[0x55; 200]);
        let attribute_certificate = tlv(0xa1, &[0x01]);
        let der = signed_data_with(&[&first, &attribute_certificate, &second]);
        let (content_info, _) = ber::read(&der).unwrap();
        assert!(is_content_info(&content_info));
        assert_eq!(certificates_of(&der).unwrap(), vec![first, second]);
    }

    #[test]
    fn signed_data_without_certificates_gives_none() {
        assert_eq!(certificates_of(&signed_data_with(&[])).unwrap(), Vec::<Vec<u8>>::new());
    }

    #[test]
    fn other_content_types_are_named() {
        let mut content_info = oid(3);
        content_info.extend(tlv(id::CONTEXT_0, &tlv(id::SEQUENCE, &[])));
        let der = tlv(id::SEQUENCE, &content_info);
        let error = certificates_of(&der).unwrap_err();
        assert_eq!(
            error,
            Pkcs7Error::NotSignedData("envelopedData (1.2.840.113549.1.7.3)".to_owned())
        );
    }

    #[test]
    fn a_sequence_that_is_not_content_info_is_refused() {
        let der = tlv(id::SEQUENCE, &tlv(id::INTEGER, &[1]));
        let (tlv_read, _) = ber::read(&der).unwrap();
        assert!(!is_content_info(&tlv_read));
        assert_eq!(certificates_of(&der), Err(Pkcs7Error::NotContentInfo));
    }

    #[test]
    fn missing_fields_are_reported() {
        let mut content_info = oid(SIGNED_DATA);
        content_info.extend(tlv(id::CONTEXT_0, &tlv(id::SEQUENCE, &tlv(id::INTEGER, &[1]))));
        let der = tlv(id::SEQUENCE, &content_info);
        assert_eq!(certificates_of(&der), Err(Pkcs7Error::Malformed("no digestAlgorithms")));
    }

    #[test]
    fn pkcs7_oids_are_named_with_their_arcs() {
        assert_eq!(oid_name(&[PKCS7_ARC, &[5]].concat()), "digestedData (1.2.840.113549.1.7.5)");
        assert_eq!(oid_name(&[PKCS7_ARC, &[0x81, 0x00]].concat()), "1.2.840.113549.1.7.128");
    }
}
