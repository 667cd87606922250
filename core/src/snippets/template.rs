//! `{{name}}` placeholders in the snippet templates.

/// `template` with each `{{name}}` of `values` replaced. A placeholder left over is a bug in
/// a template; the tests render every target and look for `{{`.
pub fn fill<V: AsRef<str>>(template: &str, values: &[(&str, V)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{{{name}}}}}"), value.as_ref())
    })
}
