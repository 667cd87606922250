//! Real parsers for the generated files: TOML (the `toml` crate), YAML (serde_yaml) with
//! Kubernetes objects, GitLab CI files and Helm values checked for their required fields,
//! shell with `bash -n`, PowerShell kept to the cmdlets the GitLab and Microsoft docs show.

use std::io::Write;
use std::process::{Command, Stdio};

use certchain_core::snippets::Snippet;
use serde_yaml::Value;

/// Ok when the body is a valid file of its language; else why not.
pub fn check(snippet: &Snippet) -> Result<(), String> {
    match snippet.language {
        "toml" => toml_file(&snippet.body),
        "yaml" => yaml_file(&snippet.filename, &snippet.body),
        "shell" => bash_n(&snippet.body),
        "powershell" => powershell(&snippet.body),
        "apache" => apache(&snippet.body),
        // Loaded by a real nginx in tests/tests/nginx_proof.rs.
        "nginx" | "text" => Ok(()),
        other => Err(format!("no checker for language {other:?}")),
    }
}

fn toml_file(body: &str) -> Result<(), String> {
    body.parse::<toml::Table>().map(drop).map_err(|e| format!("TOML: {e}"))
}

fn yaml_file(filename: &str, body: &str) -> Result<(), String> {
    let mut documents = Vec::new();
    for document in serde_yaml::Deserializer::from_str(body) {
        documents.push(
            serde_yaml::with::singleton_map_recursive::deserialize::<Value, _>(document)
                .map_err(|e| format!("YAML: {e}"))?,
        );
    }
    if documents.is_empty() {
        return Err("YAML: no document".into());
    }
    for document in &documents {
        if document.get("apiVersion").is_some() {
            kubernetes_object(document)?;
        } else if filename == ".gitlab-ci.yml" {
            gitlab_ci(document)?;
        } else if filename == "values.yaml" {
            helm_values(document)?;
        }
    }
    Ok(())
}

fn text<'a>(value: &'a Value, path: &[&str]) -> Result<&'a str, String> {
    let mut at = value;
    for key in path {
        at = at.get(key).ok_or_else(|| format!("missing {}", path.join(".")))?;
    }
    at.as_str()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("{} is not a string", path.join(".")))
}

fn list<'a>(value: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    value
        .get(key)
        .and_then(Value::as_sequence)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| format!("{key} must be a non-empty list"))
}

/// The fields the API server requires of the kinds the snippets generate.
fn kubernetes_object(object: &Value) -> Result<(), String> {
    text(object, &["apiVersion"])?;
    text(object, &["metadata", "name"])?;
    match text(object, &["kind"])? {
        "ClusterRoleBinding" | "RoleBinding" => {
            for key in ["kind", "name", "apiGroup"] {
                text(object, &["roleRef", key])?;
            }
            for subject in list(object, "subjects")? {
                text(subject, &["kind"])?;
                text(subject, &["name"])?;
                if text(subject, &["kind"])? == "ServiceAccount" {
                    text(subject, &["namespace"])?;
                }
            }
            Ok(())
        }
        "ClusterRole" | "Role" => {
            for rule in list(object, "rules")? {
                list(rule, "verbs")?;
            }
            Ok(())
        }
        "PodSecurityPolicy" => {
            for strategy in ["runAsUser", "seLinux", "supplementalGroups", "fsGroup"] {
                text(object, &["spec", strategy, "rule"])?;
            }
            Ok(())
        }
        "Namespace" | "Secret" | "ConfigMap" => Ok(()),
        other => Err(format!("unchecked kind {other}")),
    }
}

/// GitLab CI keywords that are not jobs.
const CI_KEYWORDS: [&str; 9] = [
    "default",
    "variables",
    "stages",
    "image",
    "services",
    "before_script",
    "after_script",
    "workflow",
    "include",
];

/// Every job has a script; `default` may only hold job keywords.
fn gitlab_ci(document: &Value) -> Result<(), String> {
    let map = document.as_mapping().ok_or("a .gitlab-ci.yml is a mapping")?;
    for (key, value) in map {
        let key = key.as_str().ok_or("keys are strings")?;
        if CI_KEYWORDS.contains(&key) {
            continue;
        }
        list(value, "script").map_err(|e| format!("job {key}: {e}"))?;
    }
    Ok(())
}

/// The chart needs gitlabUrl; runners.config is TOML the chart renders.
fn helm_values(document: &Value) -> Result<(), String> {
    text(document, &["gitlabUrl"])?;
    let config = text(document, &["runners", "config"])?;
    toml_file(config).map_err(|e| format!("runners.config: {e}"))
}

fn bash_n(body: &str) -> Result<(), String> {
    let mut child = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run bash: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(body.as_bytes()).map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("bash -n: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

/// Apache httpd configuration: every `<Section>` closed by its `</Section>` in order, and
/// every other line a `Directive argument…` (httpd docs, "Configuration Files": syntax).
fn apache(body: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(closing) = line.strip_prefix("</") {
            let name = closing.trim_end_matches('>');
            if open.pop().as_deref() != Some(name) {
                return Err(format!("Apache: </{name}> closes nothing open"));
            }
        } else if let Some(opening) = line.strip_prefix('<') {
            if !line.ends_with('>') {
                return Err(format!("Apache: unterminated section {line:?}"));
            }
            open.push(
                opening.split_whitespace().next().unwrap_or("").trim_end_matches('>').to_string(),
            );
        } else if !line
            .split_whitespace()
            .next()
            .is_some_and(|d| d.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(format!("Apache: {line:?} is not a directive"));
        }
    }
    match open.pop() {
        Some(name) => Err(format!("Apache: <{name}> is never closed")),
        None => Ok(()),
    }
}

/// The commands the GitLab Runner and Microsoft certificate docs use; a line continued
/// with a backtick continues the same command.
const POWERSHELL_COMMANDS: [&str; 8] = [
    "New-Item",
    "Copy-Item",
    "Restart-Service",
    "Import-Certificate",
    "certutil",
    ".\\gitlab-runner.exe",
    "Get-ChildItem",
    "Set-Content",
];

fn powershell(body: &str) -> Result<(), String> {
    let mut continued = false;
    for line in body.lines().map(str::trim) {
        let command = line.split_whitespace().next().unwrap_or("");
        let allowed = line.is_empty()
            || line.starts_with('#')
            || continued
            || command.starts_with('$')
            || POWERSHELL_COMMANDS.contains(&command);
        if !allowed {
            return Err(format!("PowerShell: {command:?} is not a command the docs show"));
        }
        let code = !line.starts_with('#');
        if code && (line.matches('\'').count() % 2 == 1 || line.matches('"').count() % 2 == 1) {
            return Err(format!("PowerShell: unbalanced quotes in {line:?}"));
        }
        continued = line.ends_with('`');
    }
    Ok(())
}
