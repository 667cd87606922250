//! Snippets rendered from real fixture chains.

use super::{fields, render, Os, Params};
use crate::{analyze, Options, Report, Source, UnixTime};

const LEAF: &str = include_str!("../../../tests/fixtures/inputs/leaf.pem");
const INTERMEDIATE: &str = include_str!("../../../tests/fixtures/inputs/intermediate.pem");
const ROOT: &str = include_str!("../../../tests/fixtures/inputs/root.pem");
/// 2026-11-22T00:00:00Z, inside the fixtures' validity.
const NOW: i64 = 1_795_305_600;

fn private_ca_report(host: &str) -> Report {
    let options = Options {
        now: UnixTime(NOW),
        host: Some(host.into()),
        trust: vec![Source::text(ROOT)],
        ..Options::default()
    };
    analyze(&[Source::text(&format!("{LEAF}{INTERMEDIATE}"))], &options)
}

fn targets(report: &Report, params: &Params) -> Vec<&'static str> {
    render(report, params).iter().map(|s| s.target).collect()
}

#[test]
fn a_private_ca_gets_the_runner_snippets_and_the_server_chain() {
    let report = private_ca_report("https://gitlab.example.com:8443/");
    let offered = targets(&report, &Params::default());
    assert_eq!(offered[..3], ["runner-certs-dir", "runner-config-toml", "runner-register"]);
    assert!(offered.contains(&"nginx"), "{offered:?}");
}

#[test]
fn the_runner_file_is_named_after_the_host_without_the_port() {
    let report = private_ca_report("https://gitlab.example.com:8443/");
    let mut params = Params::default();
    params.set("url", "https://gitlab.example.com:8443/").unwrap_or_default();
    let snippets = render(&report, &params);
    let certs_dir = &snippets[0];
    assert!(certs_dir.body.contains("/etc/gitlab-runner/certs/gitlab.example.com.crt"));
    assert!(certs_dir
        .body
        .contains("-connect gitlab.example.com:8443 -servername gitlab.example.com"));
    let toml = &snippets[1];
    assert!(toml.body.contains("url = \"https://gitlab.example.com:8443/\""));
    assert!(toml
        .body
        .contains("tls-ca-file = \"/etc/gitlab-runner/certs/gitlab.example.com.crt\""));
}

#[test]
fn without_a_url_parameter_the_report_host_is_used() {
    let report = private_ca_report("https://gitlab.internal:8443/");
    let snippets = render(&report, &Params::default());
    assert!(
        snippets[1].body.contains("url = \"https://gitlab.internal/\""),
        "{}",
        snippets[1].body
    );
}

#[test]
fn parameters_change_paths_and_scripts() {
    let report = private_ca_report("gitlab.example.com");
    let mut params = Params::default();
    params.set("runner_as_root", "no").unwrap_or_default();
    let snippets = render(&report, &params);
    assert!(snippets[0].body.contains("~/.gitlab-runner/certs/gitlab.example.com.crt"));
    params.set("os", "windows").unwrap_or_default();
    assert_eq!(params.os, Os::Windows);
    let snippets = render(&report, &params);
    assert_eq!(snippets[0].language, "powershell");
    assert!(snippets[0].body.contains(r"C:\GitLab-Runner\certs\gitlab.example.com.crt"));
    assert!(snippets[1]
        .body
        .contains(r#"tls-ca-file = "C:\\GitLab-Runner\\certs\\gitlab.example.com.crt""#));
}

#[test]
fn no_placeholder_is_left_in_any_body() {
    let report = private_ca_report("gitlab.example.com");
    for os in ["debian", "windows"] {
        let mut params = Params::default();
        params.set("os", os).unwrap_or_default();
        for snippet in render(&report, &params) {
            assert!(!snippet.body.contains("{{"), "{}: {}", snippet.target, snippet.body);
            assert!(!snippet.notes.is_empty(), "{} has no notes", snippet.target);
        }
    }
}

#[test]
fn a_chain_without_a_ca_file_to_hand_out_gets_no_runner_snippets() {
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    let leaf_only = analyze(&[Source::text(LEAF)], &options);
    assert!(leaf_only.bundles.runner_crt.is_none());
    let offered = targets(&leaf_only, &Params::default());
    assert!(offered.iter().all(|t| !t.starts_with("runner-")), "{offered:?}");
}

#[test]
fn unknown_parameters_and_values_say_what_is_allowed() {
    let mut params = Params::default();
    let error = params.set("executor", "podman").err().unwrap_or_default();
    assert_eq!(error, "executor must be one of shell, docker, kubernetes, helm, not \"podman\"");
    let error = params.set("colour", "red").err().unwrap_or_default();
    assert!(error.starts_with("unknown parameter \"colour\"; known: url, executor, os"), "{error}");
    assert_eq!(params, Params::default());
}

#[test]
fn every_field_round_trips_through_set() {
    let mut params = Params::default();
    for field in fields(&Params::default()) {
        let value = field.choices.last().map_or("x".to_string(), |c| c.to_string());
        assert_eq!(params.set(field.key, &value), Ok(()), "{}", field.key);
        let now = fields(&params).into_iter().find(|f| f.key == field.key).map(|f| f.value);
        assert_eq!(now.as_deref(), Some(value.as_str()), "{}", field.key);
    }
}
