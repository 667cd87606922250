//! `{{kind:name}}` placeholders in the snippet templates: the kind says how the value is
//! written where it stands (see `quote`), so no value reaches a template unquoted.
//!
//! | kind      | written as                                                    |
//! |-----------|---------------------------------------------------------------|
//! | `sh`      | one shell word (`quote::sh`)                                  |
//! | `path`    | a shell word whose leading `~/` still expands (`~/'…'`)       |
//! | `ps`      | a PowerShell string (`quote::ps`)                             |
//! | `toml`    | a TOML basic string (`quote::toml`)                           |
//! | `yaml`    | a YAML scalar (`quote::yaml_scalar`)                          |
//! | `ruby`    | a Ruby string (`quote::ruby`)                                 |
//! | `word`    | a bare word of a server configuration (`quote::word`)         |
//! | `comment` | text in a comment or prose, hidden characters escaped         |
//! | `code`    | a fragment the snippet's Rust code built from quoted parts    |
//!
//! Anything else between double braces (Helm's `{{.Release.Namespace}}`) is left as is.

use super::quote;

/// `template` with each `{{kind:name}}` of `values` replaced by the value written for its
/// kind. A placeholder left over is a bug in a template; the tests render every target and
/// look for `{{`.
pub fn fill<V: AsRef<str>>(template: &str, values: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        let placeholder = &after[..close];
        match placeholder.split_once(':').and_then(|(kind, name)| written(kind, name, values)) {
            Some(text) => out.push_str(&text),
            None => {
                out.push_str("{{");
                out.push_str(placeholder);
                out.push_str("}}");
            }
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// The value called `name`, written for `kind`; `None` for an unknown kind or name.
fn written<V: AsRef<str>>(kind: &str, name: &str, values: &[(&str, V)]) -> Option<String> {
    let value = values.iter().find(|(n, _)| *n == name)?.1.as_ref();
    Some(match kind {
        "sh" => quote::sh(value),
        "path" => quote::sh_path(value),
        "ps" => quote::ps(value),
        "toml" => quote::toml(value),
        "yaml" => quote::yaml_scalar(value),
        "ruby" => quote::ruby(value),
        "word" => quote::word(value),
        "comment" => quote::comment(value),
        "code" => value.to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds [`written`] knows.
    const KINDS: [&str; 9] =
        ["sh", "path", "ps", "toml", "yaml", "ruby", "word", "comment", "code"];

    #[test]
    fn every_placeholder_of_every_template_names_a_known_kind() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/snippets/templates");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for (at, _) in text.match_indices("{{") {
                let inner = text[at + 2..].split("}}").next().unwrap_or_default();
                if inner.starts_with('.') {
                    continue; // Helm's own template syntax, kept as is.
                }
                let kind = inner.split_once(':').map(|(kind, _)| kind);
                assert!(
                    kind.is_some_and(|k| KINDS.contains(&k)),
                    "{}: {{{{{inner}}}}} names no known kind",
                    entry.path().display()
                );
                seen += 1;
            }
        }
        assert!(seen > 100, "only {seen} placeholders found in {dir}");
    }

    #[test]
    fn each_kind_quotes_its_way_and_unknown_braces_stay() {
        let values = [("v", "a b"), ("h", "~/x y")];
        let filled = fill(
            "{{sh:v}} {{path:h}} {{toml:v}} {{yaml:v}} {{code:v}} {{.Release.Namespace}} {{sh:nope}}",
            &values,
        );
        assert_eq!(filled, "'a b' ~/'x y' \"a b\" \"a b\" a b {{.Release.Namespace}} {{sh:nope}}");
    }

    #[test]
    fn a_value_holding_braces_is_not_filled_again() {
        assert_eq!(fill("{{code:a}}{{code:b}}", &[("a", "{{code:b}}"), ("b", "x")]), "{{code:b}}x");
    }
}
