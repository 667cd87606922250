//! Writing a value into a snippet so that it stays one value: a shell word, a PowerShell
//! string, a TOML or YAML string, a Ruby string, a bare configuration word, or a comment.
//!
//! Every value a template receives goes through one of these (the placeholder names its
//! kind, `{{sh:file}}`, see `template`). Host names and file names reach the snippets only
//! after `host::Target::read` accepted them, so in practice they need no quoting; the quoting
//! is the second wall, and the tests (`tests/tests/snippets/hostile.rs`) run it against every
//! byte. Hand-written because no crate covers these grammars for the web build: the TOML
//! and YAML functions are checked against the `toml` and `serde_yaml` parsers in the tests.

/// Bytes that stand bare in a POSIX shell word without meaning anything else (the set of
/// Python's `shlex.quote`): no expansion, globbing, splitting, redirection or comment.
fn is_shell_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"@%+=:,./_-".contains(&b)
}

/// The NUL character cannot be part of a command argument, a file name or a text file
/// value (C strings end at it); it is shown as U+FFFD wherever it would go.
fn without_nul(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains('\0') {
        value.replace('\0', "\u{fffd}").into()
    } else {
        value.into()
    }
}

/// One bash word that bash reads back as `value` (POSIX.1-2024 XCU §2.2):
/// bare when every byte is [safe](is_shell_safe); in single quotes otherwise, where nothing
/// is special but the closing quote (`'` is written `'\''`); and as a `$'…'` string when
/// `value` holds a [hidden](crate::escape::is_hidden) character, so that no line break,
/// terminal escape or bidi control is written raw (§2.2.4 dollar-single-quotes, in bash,
/// zsh, ksh and POSIX.1-2024), each byte of such a character as `\xHH`.
pub fn sh(value: &str) -> String {
    let value = without_nul(value);
    if !value.is_empty() && value.bytes().all(is_shell_safe) {
        return value.into_owned();
    }
    if crate::escape::has_hidden(&value) {
        return dollar_single_quoted(&value);
    }
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// [`sh`] for a path that may start with `~/`: the tilde stays bare so the shell expands it
/// to the user's home (XCU §2.6.1), the rest is quoted.
pub fn sh_path(value: &str) -> String {
    match value.strip_prefix("~/") {
        Some(rest) if !rest.is_empty() => format!("~/{}", sh(rest)),
        Some(_) => "~/".into(),
        None => sh(value),
    }
}

fn dollar_single_quoted(value: &str) -> String {
    let mut out = String::from("$'");
    for c in value.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\'' => out.push_str(r"\'"),
            // Bytes, not `\u`: bash decodes `\u` only in a UTF-8 locale.
            c if crate::escape::is_hidden(c) => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A PowerShell verbatim string: single quotes, inside which only a quote is special and is
/// doubled. PowerShell counts the typographic single quotes U+2018–U+201B as quotes too
/// (PowerShell language specification §2.3.5.2, `single-quote-character`). A verbatim
/// string cannot escape anything, so a value with [hidden](crate::escape::is_hidden)
/// characters becomes an expression that adds them as `[char]` codes: `('a' + [char]0x202E)`.
pub fn ps(value: &str) -> String {
    let value = without_nul(value);
    if !crate::escape::has_hidden(&value) {
        return ps_verbatim(&value);
    }
    let mut parts = Vec::new();
    let mut run = String::new();
    for c in value.chars() {
        if crate::escape::is_hidden(c) {
            if !run.is_empty() {
                parts.push(ps_verbatim(&std::mem::take(&mut run)));
            }
            parts.push(ps_char(c));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        parts.push(ps_verbatim(&run));
    }
    // `[string]` first: `[char] + [char]` would add the codes as numbers.
    format!("([string]{})", parts.join(" + "))
}

fn ps_verbatim(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// One character as PowerShell code: `[char]0x202E`, or `[char]::ConvertFromUtf32(0x…)`
/// beyond the BMP (a `[char]` is one UTF-16 unit).
fn ps_char(c: char) -> String {
    let code = u32::from(c);
    if code <= 0xffff {
        format!("[char]0x{code:04X}")
    } else {
        format!("[char]::ConvertFromUtf32(0x{code:X})")
    }
}

/// A TOML basic string (TOML 1.0 "Strings"): `"` and `\` escaped, the control characters
/// (all but tab) written `\uXXXX`, everything else as is.
pub fn toml(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if crate::escape::is_hidden(c) => unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML double-quoted scalar (YAML 1.2.2 §7.3.1): `"` and `\` escaped, and every
/// character outside the printable set (§5.1), plus the line breaks NEL, LS and PS and the
/// byte order mark, escaped, so the value stays on its line in any YAML 1.1 or 1.2 reader.
pub fn yaml(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if crate::escape::is_hidden(c) || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                unicode_escape(&mut out, c)
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML scalar as people write it: plain when that reads back as the same string in YAML
/// 1.1 and 1.2 (letters, digits and `._/:-`, starting with a letter or `/`, not ending with `:`,
/// and not one of the words YAML 1.1 reads as a boolean or null), else [`yaml`].
pub fn yaml_scalar(value: &str) -> String {
    const WORDS: [&str; 12] =
        ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "na"];
    let plain = value.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        && value.chars().all(|c| c.is_ascii_alphanumeric() || "._/:-".contains(c))
        && !value.ends_with(':')
        && !value.contains(": ")
        && !WORDS.contains(&value.to_ascii_lowercase().as_str());
    if plain {
        value.to_string()
    } else {
        yaml(value)
    }
}

/// A Ruby double-quoted string (for `gitlab.rb`): `"`, `\` and `#` escaped (so `#{…}`,
/// `#@x` and `#$x` interpolate nothing), control characters written `\u{XX}`.
pub fn ruby(value: &str) -> String {
    let mut out = String::from("\"");
    for c in without_nul(value).chars() {
        match c {
            '"' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if crate::escape::is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A word of a server configuration (nginx, Apache, HAProxy, Traefik paths): the characters
/// of host names, IP addresses, ports and paths only. nginx expands `$name` even in quotes,
/// so there is no quoting to rely on: any other character becomes `_`.
pub fn word(value: &str) -> String {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "._-:/[]".contains(c);
    let cleaned: String = value.chars().map(|c| if allowed(c) { c } else { '_' }).collect();
    if cleaned.is_empty() {
        "_".into()
    } else {
        cleaned
    }
}

/// Text in a comment (`# … for {{host}}`): the hidden characters written as escapes
/// (`crate::escape::visible`), so a line break cannot end the comment.
pub fn comment(value: &str) -> String {
    crate::escape::visible(&without_nul(value)).into_owned()
}

fn unicode_escape(out: &mut String, c: char) {
    let code = u32::from(c);
    if code <= 0xffff {
        out.push_str(&format!("\\u{code:04X}"));
    } else {
        out.push_str(&format!("\\U{code:08X}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_stay_bare_when_safe_and_are_quoted_otherwise() {
        assert_eq!(sh("gitlab.example.com.crt"), "gitlab.example.com.crt");
        assert_eq!(sh("https://h:8443/x/"), "https://h:8443/x/");
        assert_eq!(sh(""), "''");
        assert_eq!(sh("$(touch pwned).crt"), "'$(touch pwned).crt'");
        assert_eq!(sh("it's"), r"'it'\''s'");
        assert_eq!(sh("a\nb'c\\"), r"$'a\x0ab\'c\\'");
        assert_eq!(sh("~root"), "'~root'");
        assert_eq!(sh("a\0b"), "'a\u{fffd}b'");
    }

    #[test]
    fn powershell_doubles_every_single_quote_form() {
        assert_eq!(ps("C:\\x\\a.crt"), "'C:\\x\\a.crt'");
        assert_eq!(ps("a'b\u{2019}c$(x)"), "'a''b\u{2019}\u{2019}c$(x)'");
    }

    #[test]
    fn toml_yaml_and_ruby_escape_what_their_grammar_needs() {
        assert_eq!(toml("C:\\a\"b\n\u{7f}"), r#""C:\\a\"b\n\u007F""#);
        assert_eq!(yaml("a\"\\\u{85}\u{2028}\u{feff}"), r#""a\"\\\u0085\u2028\uFEFF""#);
        assert_eq!(ruby("#{`id`}\"\\\n"), r#""\#{`id`}\"\\\u{a}""#);
    }

    #[test]
    fn words_and_comments_cannot_leave_their_place() {
        assert_eq!(word("gitlab.example.com"), "gitlab.example.com");
        assert_eq!(word("[::1]:8443"), "[::1]:8443");
        assert_eq!(word("$host;\n}"), "_host___");
        assert_eq!(word(""), "_");
        assert_eq!(comment("a\nrm -rf /"), "a\\u{000a}rm -rf /");
    }
}
