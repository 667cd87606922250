//! Text from the input shown to a person: control and invisible formatting characters
//! written as escapes, so a certificate cannot move the cursor, print a fake line, or
//! reorder what is around it.
//!
//! A name in a certificate is whatever its issuer wrote (RFC 5280 §4.1.2.4 allows any
//! UTF8String). Shown as is, a CR or LF in a CN prints a line of its own in a terminal, an
//! ESC starts a terminal escape sequence, and a Unicode bidi override (U+202E) makes
//! `moc.elpmaxe.baltig` read as `gitlab.example.com` (Unicode TR #9; CVE-2021-42574 is the
//! same trick in source code). [`visible`] is the one routine every surface uses.

use std::borrow::Cow;

/// `text` with every [hidden](is_hidden) character written as `\u{XXXX}`. Borrowed when
/// nothing needed escaping: the common case costs no copy.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds a character [`visible`] escapes.
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(is_hidden)
}

/// Control characters (Unicode Cc: C0, DEL, C1), the line and paragraph separators (Zl,
/// Zp), and the format characters (Cf) that change how text around them is drawn or hide
/// themselves: bidi embeddings, overrides, isolates and marks, zero-width characters, the
/// byte order mark, soft hyphen, interlinear annotations, invisible operators and tags.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_borrowed_unchanged() {
        for name in ["gitlab.example.com", "Example CA, Inc.", "認証局 ルート", "CN=a\\,b"] {
            assert!(matches!(visible(name), Cow::Borrowed(n) if n == name));
        }
    }

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(visible("a\r\n✔ valid"), "a\\u{000d}\\u{000a}✔ valid");
        assert_eq!(visible("\u{1b}[2J"), "\\u{001b}[2J");
        assert_eq!(visible("\u{202e}moc.elpmaxe"), "\\u{202e}moc.elpmaxe");
        assert_eq!(visible("a\u{200b}b\u{feff}"), "a\\u{200b}b\\u{feff}");
        assert_eq!(visible("\u{85}\u{2029}\u{e0041}"), "\\u{0085}\\u{2029}\\u{e0041}");
    }

    #[test]
    fn every_char_below_0x20_and_in_c1_is_hidden() {
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(is_hidden(c), "{:x}", u32::from(c));
            assert!(!visible(&c.to_string()).contains(c));
        }
        assert!(!is_hidden(' ') && !is_hidden('é') && !is_hidden('\u{3000}'));
    }
}
