//! A small, bounded BER/DER TLV reader: just enough to slice certificates out of PKCS#7.
//!
//! It never panics and never recurses: an indefinite length is resolved by one loop with a
//! depth budget, and every length is checked against the bytes that are really there.

use std::fmt;

/// Deepest nesting of indefinite-length elements accepted inside one element.
pub(super) const MAX_INDEFINITE_DEPTH: usize = 32;

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
    /// A length this reader refuses: reserved `0xFF`, more than 4 length octets, or the
    /// indefinite form on a primitive element.
    BadLength,
    /// A tag number longer than 4 octets.
    BadTag,
    /// Indefinite lengths nested deeper than [`MAX_INDEFINITE_DEPTH`].
    TooDeep,
    /// An indefinite-length element whose end-of-contents octets never come.
    MissingEndOfContents,
}

impl BerError {
    /// The reason in English and Japanese.
    pub(super) fn describe(&self) -> crate::report::Text {
        let ja = match self {
            Self::TruncatedHeader => "DER のヘッダーの途中で終わっています".to_string(),
            Self::TruncatedContents { announced, available } => format!(
                "途中で切れています。DER のヘッダーは {announced} バイトを示していますが、続くのは {available} バイトだけです"
            ),
            Self::BadLength => "DER の長さが不正です".to_string(),
            Self::BadTag => "DER のタグが不正です".to_string(),
            Self::TooDeep => format!("不定長が {MAX_INDEFINITE_DEPTH} 段より深く入れ子になっています"),
            Self::MissingEndOfContents => "不定長の終わりを示すマーカーがありません".to_string(),
        };
        crate::report::Text::new(self.to_string(), ja)
    }
}

impl fmt::Display for BerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TruncatedHeader => write!(f, "it ends inside a DER header"),
            Self::TruncatedContents { announced, available } => write!(
                f,
                "it is truncated: its DER header announces {announced} bytes, only {available} follow"
            ),
            Self::BadLength => write!(f, "it has an invalid DER length"),
            Self::BadTag => write!(f, "it has an invalid DER tag"),
            Self::TooDeep => write!(
                f,
                "it nests indefinite lengths more than {MAX_INDEFINITE_DEPTH} levels deep"
            ),
            Self::MissingEndOfContents => {
                write!(f, "an indefinite length has no end-of-contents marker")
            }
        }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Length {
    Definite(usize),
    Indefinite,
}

#[derive(Debug, Clone, Copy)]
struct Header {
    id: u8,
    length: Length,
    size: usize,
}

/// Reads the element at the start of `input`; returns it and the bytes after it.
pub(super) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), BerError> {
    let header = read_header(input)?;
    let (contents_end, end) = match header.length {
        Length::Definite(len) => {
            let end = header.size.checked_add(len).ok_or(BerError::BadLength)?;
            if end > input.len() {
                let available = input.len().saturating_sub(header.size);
                return Err(BerError::TruncatedContents { announced: len, available });
            }
            (end, end)
        }
        Length::Indefinite => indefinite_end(input, header.size)?,
    };
    let contents = input.get(header.size..contents_end).ok_or(BerError::TruncatedHeader)?;
    let encoded = input.get(..end).ok_or(BerError::TruncatedHeader)?;
    let rest = input.get(end..).unwrap_or_default();
    Ok((Tlv { id: header.id, contents, encoded }, rest))
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

fn read_header(input: &[u8]) -> Result<Header, BerError> {
    let id = *input.first().ok_or(BerError::TruncatedHeader)?;
    let mut size = 1;
    // X.690 §8.1.2.4: tag numbers >= 31 follow in base-128 octets.
    if id & 0x1f == 0x1f {
        loop {
            let octet = *input.get(size).ok_or(BerError::TruncatedHeader)?;
            size += 1;
            if octet & 0x80 == 0 {
                break;
            }
            if size > 5 {
                return Err(BerError::BadTag);
            }
        }
    }
    let first = *input.get(size).ok_or(BerError::TruncatedHeader)?;
    size += 1;
    let length = match first {
        0x00..=0x7f => Length::Definite(usize::from(first)),
        // X.690 §8.1.3.2 a): the indefinite form is for constructed encodings only.
        0x80 if id & 0x20 != 0 => Length::Indefinite,
        0x80 | 0xff => return Err(BerError::BadLength),
        // X.690 §8.1.3.5: long form, 1 to 4 octets here.
        _ => {
            let count = usize::from(first & 0x7f);
            if count > 4 {
                return Err(BerError::BadLength);
            }
            let octets = input.get(size..size + count).ok_or(BerError::TruncatedHeader)?;
            size += count;
            let value = octets.iter().fold(0u64, |acc, &octet| (acc << 8) | u64::from(octet));
            Length::Definite(usize::try_from(value).map_err(|_| BerError::BadLength)?)
        }
    };
    Ok(Header { id, length, size })
}

/// X.690 §8.1.3.6: the contents of an indefinite-length element run until the matching
/// end-of-contents octets `00 00` (§8.1.5), after any nested elements, which may be
/// indefinite themselves. Returns (end of contents, end of the element).
fn indefinite_end(input: &[u8], start: usize) -> Result<(usize, usize), BerError> {
    let mut pos = start;
    let mut depth = 1usize;
    loop {
        let rest = input.get(pos..).unwrap_or_default();
        if rest.is_empty() {
            return Err(BerError::MissingEndOfContents);
        }
        let header = read_header(rest)?;
        let after_header = pos + header.size;
        match header.length {
            Length::Definite(0) if header.id == 0 => {
                depth -= 1;
                if depth == 0 {
                    return Ok((pos, after_header));
                }
                pos = after_header;
            }
            _ if header.id == 0 => return Err(BerError::BadLength),
            Length::Indefinite => {
                depth += 1;
                if depth > MAX_INDEFINITE_DEPTH {
                    return Err(BerError::TooDeep);
                }
                pos = after_header;
            }
            Length::Definite(len) => {
                let end = after_header.checked_add(len).ok_or(BerError::BadLength)?;
                if end > input.len() {
                    let available = input.len().saturating_sub(after_header);
                    return Err(BerError::TruncatedContents { announced: len, available });
                }
                pos = end;
            }
        }
    }
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
        // End-of-contents with a non-zero length.
        assert_eq!(read(&[0x30, 0x80, 0x00, 0x01, 0x00]), Err(BerError::BadLength));
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
        assert_eq!(
            read(&[0x30, 0x80, 0x04, 0x09, 0x01]),
            Err(BerError::TruncatedContents { announced: 9, available: 1 })
        );
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
    }

    #[test]
    fn first_children_fails_on_a_broken_child() {
        assert_eq!(first_children(&[0x02, 0x01, 0x00, 0x02, 0x05], 4), None);
        let kids = first_children(&[0x02, 0x01, 0x00, 0x05, 0x00, 0x01, 0x01, 0xff], 2).unwrap();
        assert_eq!(kids.iter().map(|k| k.id).collect::<Vec<_>>(), vec![0x02, 0x05]);
    }
}
