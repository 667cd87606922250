//! The body of a PEM block as people paste it: RFC 1421 headers to skip, JSON string
//! escapes to undo (PEM copied out of a JSON document or a log line), and e-mail quote
//! marks (`> `) to drop.
//!
//! Written here because the `pem` crate, which decodes the cleaned body (see `pem.rs`),
//! reads only RFC 7468 armor as a tool writes it, and these are the ways people break it.

use std::borrow::Cow;

/// The body as (line, piece) for base64 decoding: e-mail quote marks dropped, JSON escapes
/// (`\n`, `\/`, `\u002b`) undone, and RFC 1421 §4.6 header lines (`Proc-Type:`,
/// `DEK-Info:`) left out.
pub(super) fn pieces(body: &str, first_line: usize) -> Vec<(usize, Cow<'_, str>)> {
    let mut pieces = Vec::new();
    for (index, line) in body.split('\n').enumerate() {
        let number = first_line + index;
        match unescape_json(unquoted(line)) {
            // Nothing was unescaped: the line itself, with no newline in it.
            Cow::Borrowed(line) if !is_header(line) => pieces.push((number, Cow::Borrowed(line))),
            Cow::Borrowed(_) => {}
            Cow::Owned(unescaped) => {
                let kept = unescaped.split('\n').filter(|piece| !is_header(piece));
                pieces.extend(kept.map(|piece| (number, Cow::Owned(piece.to_owned()))));
            }
        }
    }
    pieces
}

/// A line of a quoted e-mail reply (`> ` once per quoting level, RFC 3676 §4.5) without its
/// quote marks; `>` is not in the base64 alphabet (RFC 4648 §4), so nothing else is lost.
fn unquoted(line: &str) -> &str {
    line.trim_start_matches(['>', ' ', '\t'])
}

/// RFC 1421 §4.6 / RFC 7468 §2: `Name: value` encapsulated header lines.
fn is_header(piece: &str) -> bool {
    piece.split_once(':').is_some_and(|(name, _)| {
        let name = name.trim();
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Undoes the JSON string escapes found in pasted PEM (RFC 8259 §7); `\\n` (escaped twice)
/// counts as a newline too. Unknown escapes are kept, so they show up as bad characters.
fn unescape_json(line: &str) -> Cow<'_, str> {
    if !line.contains('\\') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        while chars.peek() == Some(&'\\') {
            chars.next();
        }
        match chars.next() {
            Some('n' | 'r' | 't') => out.push('\n'),
            Some('/') => out.push('/'),
            Some('u') => out.push(unicode_escape(&mut chars).unwrap_or('\\')),
            Some(other) => out.extend(['\\', other]),
            None => out.push('\\'),
        }
    }
    out.into()
}

fn unicode_escape(chars: &mut impl Iterator<Item = char>) -> Option<char> {
    let hex: String = chars.take(4).collect();
    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_quote_marks_are_dropped() {
        assert_eq!(unquoted("> > MIIB+/=="), "MIIB+/==");
        assert_eq!(unquoted(">MIIB"), "MIIB");
        assert_eq!(unquoted("  MIIB"), "MIIB");
        let found: Vec<String> =
            pieces("\n> QUJD\n>> REVG\n", 1).into_iter().map(|(_, p)| p.into_owned()).collect();
        assert_eq!(found, ["", "QUJD", "REVG", ""]);
    }

    #[test]
    fn json_escapes_are_undone() {
        assert_eq!(unescape_json(r"a\\nb\u002Bc\q\/"), "a\nb+c\\q/");
        assert_eq!(unescape_json(r"\u00zz"), "\\");
        assert_eq!(unescape_json("plain"), "plain");
    }

    #[test]
    fn headers_are_skipped_and_lines_kept() {
        let body = "\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB\n\nQUJD\\nREVG\nR0hJ\n";
        let found: Vec<(usize, String)> = pieces(body, 7)
            .into_iter()
            .filter(|(_, p)| !p.is_empty())
            .map(|(line, p)| (line, p.into_owned()))
            .collect();
        let expected =
            vec![(11, "QUJD".to_owned()), (11, "REVG".to_owned()), (12, "R0hJ".to_owned())];
        assert_eq!(found, expected);
        assert!(is_header("Content-Domain: RFC822"));
        assert!(!is_header("MIIB+/=="));
        assert!(!is_header(": x"));
    }
}
