//! Lax base64 (RFC 4648 §4) as found in PEM bodies, Kubernetes values and bare pastes:
//! whitespace anywhere, padding optional, errors that name the line and the character.
//!
//! This is the lax pass only: [`canonical_lines`] checks the characters (so that an error
//! names its line) and makes the text canonical; the decoding itself is done by a strict
//! decoder, the `pem` crate for PEM armor (see `pem.rs`) and the `base64` crate's standard
//! engine for unarmored values ([`decode_lines`]).

use base64::Engine as _;

use crate::catalogue::Text;

/// The standard alphabet (RFC 4648 §4), by value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why base64 text could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Base64Error {
    /// No base64 character at all.
    Empty,
    /// A character outside the alphabet, on the given line.
    BadCharacter {
        /// Line number (as given by the caller).
        line: usize,
        /// The character.
        character: char,
    },
    /// Base64 characters after `=` padding, on the given line.
    DataAfterPadding {
        /// Line number.
        line: usize,
    },
    /// A length that no base64 encoding has (one stray character at the end).
    Truncated,
}

impl Base64Error {
    /// The reason in English and Japanese; `where_line` renders a line number.
    pub(super) fn describe(&self, where_line: impl Fn(usize) -> Text) -> Text {
        match self {
            Self::Empty => crate::text!("input-base64-empty"),
            Self::BadCharacter { line, character } => crate::text!(
                "input-base64-bad-character",
                character = shown(*character),
                at = where_line(*line),
            ),
            Self::DataAfterPadding { line } => {
                crate::text!("input-base64-data-after-padding", at = where_line(*line))
            }
            Self::Truncated => crate::text!("input-base64-truncated"),
        }
    }
}

/// Decodes base64 given as `(line number, text)` pieces; whitespace is ignored.
pub(super) fn decode_lines<'a>(
    pieces: impl IntoIterator<Item = (usize, &'a str)>,
) -> Result<Vec<u8>, Base64Error> {
    let canonical = canonical_lines(pieces)?;
    let standard = base64::engine::general_purpose::STANDARD;
    standard.decode(canonical).map_err(|_| Base64Error::Truncated)
}

/// The base64 of `(line number, text)` pieces as a strict decoder wants it (RFC 4648 §3):
/// whitespace dropped, `=` padding restored, and the unused low bits of the last character
/// cleared (§3.5), as the lax reading always tolerated them. Errors name the line.
pub(super) fn canonical_lines<'a>(
    pieces: impl IntoIterator<Item = (usize, &'a str)>,
) -> Result<String, Base64Error> {
    let mut data = String::new();
    let mut padding_line = None;
    for (line, piece) in pieces {
        // Most pieces are a whole line of the alphabet: copied at once.
        if padding_line.is_none() && piece.bytes().all(is_alphabet) {
            data.push_str(piece);
            continue;
        }
        for character in piece.chars() {
            match character {
                c if c.is_whitespace() => {}
                '=' => padding_line = padding_line.or(Some(line)),
                c if c.is_ascii_alphanumeric() || c == '+' || c == '/' => {
                    if padding_line.is_some() {
                        return Err(Base64Error::DataAfterPadding { line });
                    }
                    data.push(c);
                }
                character => return Err(Base64Error::BadCharacter { line, character }),
            }
        }
    }
    canonical(data)
}

/// Whether `byte` is one of the 64 characters of the alphabet (RFC 4648 §4, table 1).
fn is_alphabet(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() | (byte == b'+') | (byte == b'/')
}

/// Whether `byte` may stand in base64 text: the alphabet or the `=` pad (RFC 4648 §4).
/// Without short-circuits, so that a loop over a line is one branch-free pass.
pub(super) fn is_base64_character(byte: u8) -> bool {
    is_alphabet(byte) | (byte == b'=')
}

/// Whether `text` is made only of base64 characters and whitespace, with at least `min`
/// base64 characters.
pub(super) fn is_base64_text(text: &str, min: usize) -> bool {
    let mut count = 0usize;
    for character in text.chars() {
        if u8::try_from(character).is_ok_and(is_base64_character) {
            count += 1;
        } else if !character.is_whitespace() {
            return false;
        }
    }
    count >= min
}

fn canonical(mut data: String) -> Result<String, Base64Error> {
    if data.is_empty() {
        return Err(Base64Error::Empty);
    }
    let (unused_bits, padding) = match data.len() % 4 {
        1 => return Err(Base64Error::Truncated),
        2 => (0x0f, "=="),
        3 => (0x03, "="),
        _ => (0, ""),
    };
    if let Some(last) = data.pop() {
        let value = ALPHABET.iter().position(|&c| char::from(c) == last).unwrap_or_default();
        let cleared = ALPHABET.get(value & !unused_bits).copied().unwrap_or(b'A');
        data.push(char::from(cleared));
    }
    data.push_str(padding);
    Ok(data)
}

/// A character as it can be shown in a message: quoted, control characters escaped.
fn shown(character: char) -> String {
    format!("'{}'", character.escape_debug())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn decodes_across_lines_with_or_without_padding() {
        assert_eq!(decode_lines([(1, "aGVs"), (2, " bG8=\t")]).unwrap(), b"hello");
        assert_eq!(decode_lines([(1, "aGVsbG8")]).unwrap(), b"hello");
        assert_eq!(decode_lines([(1, "aGVsbA==")]).unwrap(), b"hell");
    }

    #[test]
    fn names_the_line_and_character_of_an_error() {
        let error = decode_lines([(3, "aGVs"), (4, "bG!8")]).unwrap_err();
        assert_eq!(error, Base64Error::BadCharacter { line: 4, character: '!' });
        let at = |line: usize| crate::text!("input-line", line = line);
        let why = error.describe(at);
        assert_eq!(why.en, "line 4 has '!', which is not a base64 character");
        assert_eq!(why.ja, "4 行目に base64 ではない文字 '!' があります");
        let error = decode_lines([(1, "aGVs\u{1}")]).unwrap_err();
        assert!(error.describe(at).en.contains("'\\u{1}'"));
    }

    #[test]
    fn canonical_text_is_padded_with_unused_bits_cleared() {
        assert_eq!(canonical_lines([(1, "aGVsbG8")]).unwrap(), "aGVsbG8=");
        assert_eq!(canonical_lines([(1, "aGVsbA"), (2, "")]).unwrap(), "aGVsbA==");
        // 'B' and 'D' carry bits past the last byte: cleared, as the lax reading ignored them.
        assert_eq!(canonical_lines([(1, "aGVsbB")]).unwrap(), "aGVsbA==");
        assert_eq!(canonical_lines([(1, "aGVsbG9")]).unwrap(), "aGVsbG8=");
        assert_eq!(decode_lines([(1, "aGVsbB==")]).unwrap(), b"hell");
    }

    #[test]
    fn rejects_empty_stray_and_run_together_input() {
        assert_eq!(decode_lines([(1, "  ")]), Err(Base64Error::Empty));
        assert_eq!(decode_lines([(1, "aGVsb")]), Err(Base64Error::Truncated));
        assert_eq!(
            decode_lines([(1, "aGVsbA=="), (2, "aGVs")]),
            Err(Base64Error::DataAfterPadding { line: 2 })
        );
    }

    #[test]
    fn base64_text_needs_enough_characters_and_nothing_else() {
        assert!(is_base64_text("TUlJQ\n  +/==\n", 5));
        assert!(!is_base64_text("TUlJQ", 6));
        assert!(!is_base64_text("TUlJQ: x", 1));
    }
}
