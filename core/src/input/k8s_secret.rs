//! Kubernetes Secret / kubeconfig YAML or JSON: `ca.crt: LS0t...`, `"tls.crt": "LS0t..."`,
//! `certificate-authority-data: LS0t...`. Values are base64 of PEM (or of DER).

use super::der::{self, Reading, What};
use super::{b64, newlines, pem, Extracted, Problem, ProblemKind, Scope};
use crate::catalogue::Text;

/// Shortest value taken as encoded certificate data.
const MIN_VALUE_LEN: usize = 16;

/// Whether `text` has at least one line with a certificate-like base64 value.
pub(super) fn is_secret(text: &str) -> bool {
    text.lines().any(|line| value_line(line).is_some())
}

/// Decodes every certificate-like value; origins point at the key's line and name the key.
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    for (index, line) in text.lines().enumerate() {
        if let Some(value) = value_line(line) {
            read_value(&value, index + 1, scope, out);
        }
    }
}

struct ValueLine<'a> {
    key: &'a str,
    value: &'a str,
}

/// `key: value`, `"key": "value",` or `- key: value` with a base64 value that is PEM
/// (`LS0t` = base64 of `---`) or DER (`MII`), or under a key named like a file or `*-data`.
fn value_line(line: &str) -> Option<ValueLine<'_>> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().trim_start_matches("- ").trim_matches(|c| c == '"' || c == '\'');
    let value = value.trim().trim_end_matches(',').trim_matches(|c| c == '"' || c == '\'');
    let plain = !key.is_empty()
        && !key.contains(char::is_whitespace)
        && !value.contains(char::is_whitespace)
        && b64::is_base64_text(value, MIN_VALUE_LEN);
    let certificate_like = value.starts_with("LS0t") || value.starts_with("MII");
    (plain && (certificate_like || is_file_like_key(key))).then_some(ValueLine { key, value })
}

fn is_file_like_key(key: &str) -> bool {
    [".crt", ".pem", ".cer", ".key", "-data"].iter().any(|suffix| key.ends_with(suffix))
}

/// Keys whose value is expected to be a private key: nothing of it may be shown.
fn is_key_name(key: &str) -> bool {
    key.ends_with(".key") || key.ends_with("key-data")
}

fn read_value(value: &ValueLine<'_>, line: usize, scope: &Scope, out: &mut Extracted) {
    let key = value.key;
    let origin = scope.origin(line, Some(key));
    let bytes = match b64::decode_lines([(line, value.value)]) {
        Ok(bytes) => bytes,
        Err(error) => {
            let why = error.describe(line_text);
            let detail =
                crate::text!("input-secret-value-not-base64", key = key, line = line, why = why);
            let kind = ProblemKind::UnparsableBlock;
            return out.push_problem(Problem { kind, origin, detail });
        }
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) if pem::is_armored(text) => {
            let text = newlines::normalize_newlines(text);
            pem::parse(&text, &scope.nested(line, key), out);
        }
        _ => {
            let (name, size) = (key.to_owned(), bytes.len());
            let what = What::new(move || {
                crate::text!("input-secret-value", key = name, line = line, bytes = size)
            });
            let reading = Reading { may_be_key: is_key_name(key), ..Reading::plain(origin, what) };
            der::read_all(&bytes, &reading, out);
        }
    }
}

/// "line N" in both languages.
fn line_text(line: usize) -> Text {
    crate::text!("input-line", line = line)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::Format;
    use super::*;

    #[test]
    fn finds_yaml_json_and_list_values() {
        let yaml = value_line("  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t").unwrap();
        assert_eq!(yaml.key, "ca.crt");
        let json = value_line(r#"    "tls.crt": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t","#).unwrap();
        assert_eq!((json.key, json.value), ("tls.crt", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"));
        assert!(value_line("- client-key-data: QUJDREVGR0hJSktMTU5PUA==").is_some());
    }

    #[test]
    fn ignores_ordinary_values() {
        assert!(value_line("  name: gitlab-tls").is_none());
        assert!(value_line("  password: QUJDREVGR0hJSktMTU5PUA==").is_none());
        assert!(value_line("  ca.crt: short").is_none());
        assert!(value_line("Session-ID: 5A2B03F1C0D3E4F5A6B7C8D9E0F1A2B3").is_none());
    }

    #[test]
    fn a_value_that_decodes_to_garbage_is_reported_at_its_key() {
        let text = "data:\n  tls.crt: QUJDREVGR0hJSktMTU5PUA==\n";
        let mut out = Extracted::default();
        parse(text, &Scope::new(0, Format::K8sSecret), &mut out);
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].origin.line, 2);
        assert_eq!(out.problems[0].origin.label.as_deref(), Some("tls.crt"));
        assert_eq!(
            out.problems[0].detail.en,
            "the tls.crt value at line 2 (16 bytes decoded) is neither a DER certificate nor PKCS#7"
        );
    }
}
