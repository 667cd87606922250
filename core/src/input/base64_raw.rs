//! Base64 of DER without armor (RFC 4648 §4): the whole input, or paragraphs separated by
//! blank lines, as `base64 cert.der` or a web form prints it.

use super::der::{self, Reading, What};
use super::{b64, Extracted, Problem, ProblemKind, Scope};

/// Fewest base64 characters for a text to be taken as base64 (a certificate has hundreds).
const MIN_CHARS: usize = 64;

/// Whether `text` is nothing but base64 and whitespace.
pub(super) fn is_base64(text: &str) -> bool {
    b64::is_base64_text(text, MIN_CHARS)
}

/// Reads each base64 chunk as DER.
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    for chunk in chunks(text) {
        let Some(&(first_line, _)) = chunk.first() else {
            continue;
        };
        let origin = scope.origin(first_line, None);
        match b64::decode_lines(chunk) {
            Ok(bytes) => {
                let size = bytes.len();
                let what = What::new(move || {
                    crate::text!("input-base64-text", line = first_line, bytes = size)
                });
                der::read_all(&bytes, &Reading::plain(origin, what), out);
            }
            Err(error) => {
                let why = error.describe(|line| crate::text!("input-line", line = line));
                let detail =
                    crate::text!("input-base64-text-unreadable", line = first_line, why = why);
                let kind = ProblemKind::UnparsableBlock;
                out.push_problem(Problem { kind, origin, detail });
            }
        }
    }
}

/// Runs of non-blank lines; a line ending in `=` also closes a run, since padding ends
/// one encoding (two `base64 -w0` outputs pasted one under the other).
fn chunks(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut chunks = vec![Vec::new()];
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if !line.is_empty() {
            if let Some(current) = chunks.last_mut() {
                current.push((index + 1, line));
            }
        }
        if line.is_empty() || line.ends_with('=') {
            chunks.push(Vec::new());
        }
    }
    chunks.retain(|chunk| !chunk.is_empty());
    chunks
}

#[cfg(test)]
mod tests {
    use super::super::Format;
    use super::*;

    #[test]
    fn chunks_split_on_blank_lines_and_padding() {
        let text = "QUJD\nREVG\n\n\nR0hJ=\nSktM\n";
        let lines: Vec<Vec<usize>> = chunks(text)
            .iter()
            .map(|chunk| chunk.iter().map(|(line, _)| *line).collect())
            .collect();
        assert_eq!(lines, vec![vec![1, 2], vec![5], vec![6]]);
    }

    #[test]
    fn base64_of_something_else_is_reported_at_its_line() {
        let text = format!("\n\n{}\n", "QUFB".repeat(20));
        assert!(is_base64(&text));
        let mut out = Extracted::default();
        parse(&text, &Scope::new(2, Format::Base64), &mut out);
        assert!(out.blocks.is_empty());
        assert_eq!(out.problems.len(), 1);
        assert_eq!((out.problems[0].origin.file, out.problems[0].origin.line), (2, 3));
        assert!(out.problems[0].detail.en.starts_with(
            "the base64 text at line 3 (60 bytes decoded) is neither a DER certificate nor PKCS#7"
        ));
    }

    #[test]
    fn short_or_non_base64_text_is_not_base64() {
        assert!(!is_base64("aGVsbG8="));
        assert!(!is_base64(&format!("{} hello!", "QUFB".repeat(20))));
    }
}
