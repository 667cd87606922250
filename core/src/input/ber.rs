//! BER/DER elements as certchain's readers need them: the identifier, the contents and the
//! whole encoding of one element, without interpreting its contents.
//!
//! The reading is done by `asn1-rs` (the ASN.1 layer of `der-parser`, already compiled in
//! through `x509-parser`): [`asn1_rs::Header`] reads identifier and length octets and
//! [`asn1_rs::Any`] finds where an element ends, BER indefinite lengths included (X.690
//! §8.1.3.6; Windows exports PKCS#7 that way). This module only turns its answers into the
//! [`Tlv`] view the readers share and its errors into messages a user can act on. It never
//! panics; `asn1-rs` resolves an indefinite length within a fixed depth (its
//! `MAX_RECURSION`), so hostile nesting stops at [`MAX_INDEFINITE_DEPTH`].

use std::fmt;

use asn1_rs::{Any, FromBer, Header, Length, Needed};

/// Deepest nesting of indefinite-length elements accepted inside one element: `asn1-rs`
/// stops at a recursion depth of 50, which counts the end-of-contents level too.
pub(super) const MAX_INDEFINITE_DEPTH: usize = 49;

/// Longest definite length accepted: what 4 length octets hold (X.690 §8.1.3.5).
const MAX_DEFINITE_LEN: u64 = u32::MAX as u64;

/// Identifier octets of the universal and context tags this module's users look at.
pub(super) mod id {
    /// INTEGER (X.690 §8.3).
    pub(in crate::input) const INTEGER: u8 = 0x02;
    /// BIT STRING (X.690 §8.6).
    pub(in crate::input) const BIT_STRING: u8 = 0x03;
    /// OCTET STRING, primitive (X.690 §8.7).
    pub(in crate::input) const OCTET_STRING: u8 = 0x04;
    /// OBJECT IDENTIFIER (X.690 §8.19).
    pub(in crate::input) const OID: u8 = 0x06;
    /// UTCTime (X.680 §47).
    pub(in crate::input) const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime (X.680 §46).
    pub(in crate::input) const GENERALIZED_TIME: u8 = 0x18;
    /// SEQUENCE, constructed.
    pub(in crate::input) const SEQUENCE: u8 = 0x30;
    /// SET, constructed.
    pub(in crate::input) const SET: u8 = 0x31;
    /// `[0]`, context-specific, constructed.
    pub(in crate::input) const CONTEXT_0: u8 = 0xa0;
}

/// Why bytes could not be read as a TLV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BerError {
    /// The input ends inside an identifier or length.
    TruncatedHeader,
    /// A definite length announces more bytes than follow.
    TruncatedContents {
        /// Bytes the length announces.
        announced: usize,
        /// Bytes that follow the header.
        available: usize,
    },
    /// A length this reader refuses: reserved `0xFF`, more than 4 octets' worth, or the
    /// indefinite form on a primitive element.
    BadLength,
    /// A tag number longer than `asn1-rs` reads (5 octets), or cut inside.
    BadTag,
    /// Indefinite lengths nested deeper than [`MAX_INDEFINITE_DEPTH`].
    TooDeep,
    /// An indefinite-length element whose end-of-contents octets never come (or whose
    /// contents are cut before them).
    MissingEndOfContents,
}

impl BerError {
    /// The reason in every language.
    pub(super) fn describe(&self) -> crate::catalogue::Text {
        match self {
            Self::TruncatedHeader => crate::text!("input-ber-truncated-header"),
            Self::TruncatedContents { announced, available } => crate::text!(
                "input-ber-truncated-contents",
                announced = announced,
                available = available,
            ),
            Self::BadLength => crate::text!("input-ber-bad-length"),
            Self::BadTag => crate::text!("input-ber-bad-tag"),
            Self::TooDeep => crate::text!("input-ber-too-deep", depth = MAX_INDEFINITE_DEPTH),
            Self::MissingEndOfContents => crate::text!("input-ber-missing-end-of-contents"),
        }
    }
}

impl fmt::Display for BerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe().en)
    }
}

/// One element: its first identifier octet, its contents and its whole encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tlv<'a> {
    /// First identifier octet (class, constructed bit and low tag number).
    pub(super) id: u8,
    /// The contents octets (for an indefinite length: without the end-of-contents octets).
    pub(super) contents: &'a [u8],
    /// The whole element, header and end-of-contents included.
    pub(super) encoded: &'a [u8],
}

/// Reads the element at the start of `input`; returns it and the bytes after it.
pub(super) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), BerError> {
    let id = *input.first().ok_or(BerError::TruncatedHeader)?;
    let (after_header, header) = Header::from_ber(input).map_err(header_error)?;
    if let Length::Definite(announced) = header.length() {
        let available = after_header.len();
        if announced as u64 > MAX_DEFINITE_LEN {
            return Err(BerError::BadLength);
        }
        if announced > available {
            return Err(BerError::TruncatedContents { announced, available });
        }
    }
    let (rest, any) = Any::from_ber(input).map_err(contents_error)?;
    let encoded = input.get(..input.len() - rest.len()).ok_or(BerError::TruncatedHeader)?;
    Ok((Tlv { id, contents: any.data, encoded }, rest))
}

/// Errors of `asn1-rs` on identifier and length octets.
fn header_error(error: asn1_rs::Err<asn1_rs::Error>) -> BerError {
    match error {
        asn1_rs::Err::Incomplete(_) => BerError::TruncatedHeader,
        asn1_rs::Err::Error(asn1_rs::Error::InvalidTag)
        | asn1_rs::Err::Failure(asn1_rs::Error::InvalidTag) => BerError::BadTag,
        _ => BerError::BadLength,
    }
}

/// Errors of `asn1-rs` while it looks for the end of an element's contents: the definite
/// case is checked before, so these come from an indefinite length.
fn contents_error(error: asn1_rs::Err<asn1_rs::Error>) -> BerError {
    use asn1_rs::Error;
    match error {
        asn1_rs::Err::Incomplete(Needed::Size(_) | Needed::Unknown)
        | asn1_rs::Err::Error(Error::Incomplete(_))
        | asn1_rs::Err::Failure(Error::Incomplete(_)) => BerError::MissingEndOfContents,
        asn1_rs::Err::Error(Error::BerMaxDepth) | asn1_rs::Err::Failure(Error::BerMaxDepth) => {
            BerError::TooDeep
        }
        asn1_rs::Err::Error(Error::InvalidTag) | asn1_rs::Err::Failure(Error::InvalidTag) => {
            BerError::BadTag
        }
        _ => BerError::BadLength,
    }
}

/// The elements inside `contents`, in order; stops after the first error.
pub(super) fn children(contents: &[u8]) -> Children<'_> {
    Children { rest: contents, failed: false }
}

/// Iterator over consecutive elements (see [`children`]).
#[derive(Debug, Clone)]
pub(super) struct Children<'a> {
    rest: &'a [u8],
    failed: bool,
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<Tlv<'a>, BerError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        match read(self.rest) {
            Ok((tlv, rest)) => {
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(error) => {
                self.failed = true;
                Some(Err(error))
            }
        }
    }
}

/// The first `max` children of `contents`, or `None` when one of them cannot be read.
pub(super) fn first_children(contents: &[u8], max: usize) -> Option<Vec<Tlv<'_>>> {
    children(contents).take(max).collect::<Result<Vec<_>, _>>().ok()
}
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_definite_lengths() {
        let short = [0x04, 0x02, 0xaa, 0xbb, 0xff];
        let (tlv, rest) = read(&short).unwrap();
        assert_eq!((tlv.id, tlv.contents, rest), (0x04, &[0xaa, 0xbb][..], &[0xff][..]));

        let mut long = vec![0x04, 0x82, 0x01, 0x00];
        long.extend(std::iter::repeat_n(7u8, 256));
        let (tlv, rest) = read(&long).unwrap();
        assert_eq!((tlv.contents.len(), tlv.encoded.len(), rest.len()), (256, 260, 0));
    }

    #[test]
    fn reads_indefinite_length_with_nested_indefinite_elements() {
        // SEQUENCE (indef) { [0] (indef) { INTEGER 5 } EOC, NULL } EOC, then one extra byte.
        let ber = [0x30, 0x80, 0xa0, 0x80, 0x02, 0x01, 0x05, 0, 0, 0x05, 0x00, 0, 0, 0x99];
        let (tlv, rest) = read(&ber).unwrap();
        assert_eq!(tlv.encoded.len(), 13);
        assert_eq!(tlv.contents, &ber[2..11]);
        assert_eq!(rest, &[0x99]);
        let kids: Vec<u8> = children(tlv.contents).map(|k| k.unwrap().id).collect();
        assert_eq!(kids, vec![0xa0, 0x05]);
    }

    #[test]
    fn rejects_truncation_and_reserved_forms() {
        assert_eq!(read(&[]), Err(BerError::TruncatedHeader));
        assert_eq!(read(&[0x30]), Err(BerError::TruncatedHeader));
        assert_eq!(read(&[0x30, 0x82, 0x01]), Err(BerError::TruncatedHeader));
        assert_eq!(
            read(&[0x30, 0x05, 0x01]),
            Err(BerError::TruncatedContents { announced: 5, available: 1 })
        );
        assert_eq!(read(&[0x30, 0xff]), Err(BerError::BadLength));
        assert_eq!(read(&[0x30, 0x85, 1, 1, 1, 1, 1]), Err(BerError::BadLength));
        // Indefinite length on a primitive element.
        assert_eq!(read(&[0x04, 0x80, 0, 0]), Err(BerError::BadLength));
        // End-of-contents with a non-zero length: asn1-rs reads it as an ordinary element,
        // so the real marker never comes.
        assert_eq!(read(&[0x30, 0x80, 0x00, 0x01, 0x00]), Err(BerError::MissingEndOfContents));
        // More than 4 octets' worth of length.
        assert_eq!(read(&[0x30, 0x85, 1, 0, 0, 0, 0]), Err(BerError::BadLength));
        assert_eq!(read(&[0x1f, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01]), Err(BerError::BadTag));
    }

    #[test]
    fn high_tag_numbers_are_read() {
        let (tlv, rest) = read(&[0x9f, 0x81, 0x01, 0x01, 0x42]).unwrap();
        assert_eq!((tlv.id, tlv.contents, rest.len()), (0x9f, &[0x42][..], 0));
    }

    #[test]
    fn indefinite_without_end_of_contents_is_an_error() {
        assert_eq!(read(&[0x30, 0x80, 0x02, 0x01, 0x05]), Err(BerError::MissingEndOfContents));
        assert_eq!(read(&[0x30, 0x80]), Err(BerError::MissingEndOfContents));
        // A definite element cut inside an indefinite one: the marker is missing too.
        assert_eq!(read(&[0x30, 0x80, 0x04, 0x09, 0x01]), Err(BerError::MissingEndOfContents));
    }

    #[test]
    fn ten_thousand_nested_indefinite_levels_stop_at_the_depth_limit() {
        let deep: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 10_000).flatten().collect();
        assert_eq!(read(&deep), Err(BerError::TooDeep));
        let mut closed = deep.clone();
        closed.extend(std::iter::repeat_n(0u8, 20_000));
        assert_eq!(read(&closed), Err(BerError::TooDeep));
    }

    #[test]
    fn exactly_the_depth_limit_is_accepted() {
        let mut ber: Vec<u8> =
            std::iter::repeat_n([0x30u8, 0x80], MAX_INDEFINITE_DEPTH).flatten().collect();
        ber.extend(std::iter::repeat_n(0u8, 2 * MAX_INDEFINITE_DEPTH));
        let (tlv, rest) = read(&ber).unwrap();
        assert_eq!((tlv.encoded.len(), rest.len()), (ber.len(), 0));
        let mut one_more: Vec<u8> =
            std::iter::repeat_n([0x30u8, 0x80], MAX_INDEFINITE_DEPTH + 1).flatten().collect();
        one_more.extend(std::iter::repeat_n(0u8, 2 * MAX_INDEFINITE_DEPTH + 2));
        assert_eq!(read(&one_more), Err(BerError::TooDeep));
    }

    #[test]
    fn first_children_fails_on_a_broken_child() {
        assert_eq!(first_children(&[0x02, 0x01, 0x00, 0x02, 0x05], 4), None);
        let kids = first_children(&[0x02, 0x01, 0x00, 0x05, 0x00, 0x01, 0x01, 0xff], 2).unwrap();
        assert_eq!(kids.iter().map(|k| k.id).collect::<Vec<_>>(), vec![0x02, 0x05]);
    }
}
