//! Snippets rendered from real fixture chains.

use super::{fields, render, Group, Os, Params, Snippet};
use crate::report::{ErrorMessage, Text};
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

fn body<'a>(snippets: &'a [Snippet], target: &str) -> &'a str {
    snippets.iter().find(|s| s.target == target).map_or("", |s| s.body.as_str())
}

fn with(pairs: &[(&str, &str)]) -> Params {
    let mut params = Params::default();
    for (key, value) in pairs {
        assert_eq!(params.set(key, value), Ok(()), "{key}={value}");
    }
    params
}

#[test]
fn a_private_ca_with_the_docker_executor_gets_runner_docker_and_job_snippets() {
    let report = private_ca_report("https://gitlab.example.com:8443/");
    assert_eq!(
        targets(&report, &Params::default()),
        [
            "runner-certs-dir",
            "runner-config-toml",
            "runner-register",
            "runner-download-ca",
            "runner-verify",
            "runner-docker-volumes",
            "runner-docker-pre-build",
            "ci-curl-ca-file",
            "ci-git-ssl-no-verify",
            "gitlab-omnibus",
            "gitlab-trusted-certs",
            "nginx",
            "apache",
            "haproxy",
            "traefik",
            "trust-store",
            "trust-store-java",
            "git-sslcainfo",
            "curl-cacert",
            "docker-certs-d",
            "ca-env-vars"
        ]
    );
}

#[test]
fn the_runner_file_is_named_after_the_host_without_the_port() {
    let report = private_ca_report("https://gitlab.example.com:8443/");
    let snippets = render(&report, &with(&[("url", "https://gitlab.example.com:8443/")]));
    assert!(body(&snippets, "runner-certs-dir")
        .contains("/etc/gitlab-runner/certs/gitlab.example.com.crt"));
    assert!(body(&snippets, "runner-verify")
        .contains("-connect gitlab.example.com:8443 -servername gitlab.example.com"));
    let toml = body(&snippets, "runner-config-toml");
    assert!(toml.contains("url = \"https://gitlab.example.com:8443/\""), "{toml}");
    assert!(toml.contains("tls-ca-file = \"/etc/gitlab-runner/certs/gitlab.example.com.crt\""));
    let volumes = body(&snippets, "runner-docker-volumes");
    assert!(volumes.contains(
        "\"/etc/gitlab-runner/certs/gitlab.example.com.crt:/etc/gitlab-runner/certs/ca.crt:ro\""
    ));
}

#[test]
fn without_a_url_parameter_the_report_host_is_used() {
    let report = private_ca_report("https://gitlab.internal:8443/");
    let snippets = render(&report, &Params::default());
    let toml = body(&snippets, "runner-config-toml");
    assert!(toml.contains("url = \"https://gitlab.internal/\""), "{toml}");
}

#[test]
fn parameters_change_paths_and_scripts() {
    let report = private_ca_report("gitlab.example.com");
    let snippets = render(&report, &with(&[("runner_as_root", "no")]));
    let certs_dir = body(&snippets, "runner-certs-dir");
    assert!(
        certs_dir
            .contains("cp gitlab.example.com.crt ~/.gitlab-runner/certs/gitlab.example.com.crt"),
        "{certs_dir}"
    );
    assert!(!certs_dir.contains("sudo"), "a runner run as its user needs no sudo: {certs_dir}");
    assert!(body(&snippets, "runner-config-toml").contains(
        "tls-ca-file = \"/home/gitlab-runner/.gitlab-runner/certs/gitlab.example.com.crt\""
    ));
    assert!(body(&snippets, "runner-register")
        .contains("--tls-ca-file ~/.gitlab-runner/certs/gitlab.example.com.crt"));
    assert!(body(&snippets, "runner-docker-volumes")
        .contains("/home/gitlab-runner/.gitlab-runner/certs/gitlab.example.com.crt:"));
    let params = with(&[("os", "windows")]);
    assert_eq!(params.os, Os::Windows);
    let snippets = render(&report, &params);
    let certs_dir = snippets.iter().find(|s| s.target == "runner-certs-dir");
    assert_eq!(certs_dir.map(|s| s.language), Some("powershell"));
    assert!(body(&snippets, "runner-certs-dir")
        .contains(r"C:\GitLab-Runner\certs\gitlab.example.com.crt"));
    assert!(body(&snippets, "runner-config-toml")
        .contains(r#"tls-ca-file = "C:\\GitLab-Runner\\certs\\gitlab.example.com.crt""#));
    assert!(body(&snippets, "runner-register").contains("--executor 'docker-windows'"));
    assert!(body(&snippets, "runner-docker-volumes")
        .contains(r#""c:\\GitLab-Runner\\certs:C:\\GitLab-Runner\\certs:ro""#));
    assert!(!targets(&report, &params).contains(&"runner-docker-pre-build"));
    let alpine = render(&report, &with(&[("job_os", "alpine")]));
    assert!(body(&alpine, "runner-docker-pre-build").contains("apk add ca-certificates"));
}

#[test]
fn the_helm_chart_gets_a_secret_keyed_by_host_and_values_instead_of_host_files() {
    let report = private_ca_report("https://gitlab.example.com:8443/");
    let params = with(&[
        ("url", "https://gitlab.example.com:8443/"),
        ("executor", "helm"),
        ("namespace", "ci"),
        ("secret", "gitlab-ca"),
    ]);
    let offered = targets(&report, &params);
    assert_eq!(
        offered,
        [
            "runner-download-ca",
            "runner-verify",
            "runner-k8s-secret",
            "runner-k8s-volume",
            "runner-k8s-job-script",
            "runner-helm-values",
            "ci-curl-ca-file",
            "ci-git-ssl-no-verify",
            "gitlab-omnibus",
            "gitlab-trusted-certs",
            "nginx",
            "apache",
            "haproxy",
            "traefik",
            "trust-store",
            "trust-store-java",
            "git-sslcainfo",
            "curl-cacert",
            "docker-certs-d",
            "ca-env-vars"
        ]
    );
    let snippets = render(&report, &params);
    let secret = body(&snippets, "runner-k8s-secret");
    assert!(secret.contains("kubectl create secret generic gitlab-ca --namespace ci"), "{secret}");
    assert!(secret.contains("--from-file=ca.crt=gitlab.example.com.crt"), "{secret}");
    assert!(
        secret.contains("--from-file=gitlab.example.com.crt=gitlab.example.com.crt"),
        "{secret}"
    );
    let values = body(&snippets, "runner-helm-values");
    assert!(values.contains("gitlabUrl: https://gitlab.example.com:8443/"), "{values}");
    assert!(values.contains("certsSecretName: gitlab-ca"), "{values}");
    assert!(values.contains("namespace = \"{{.Release.Namespace}}\""), "{values}");
    assert!(!values.contains("privileged"), "{values}");
}

#[test]
fn docker_in_docker_on_mke_offers_every_way_past_its_admission_controller() {
    let report = private_ca_report("gitlab.example.com");
    let params = with(&[("executor", "kubernetes"), ("dind", "yes"), ("cluster", "mke")]);
    let snippets = render(&report, &params);
    let offered: Vec<&str> = snippets.iter().map(|s| s.target).collect();
    for target in [
        "ci-dind",
        "mke-service-account-privileges",
        "mke-psp",
        "mke-cluster-admin",
        "k8s-pod-security-admission",
    ] {
        assert!(offered.contains(&target), "{target} missing from {offered:?}");
    }
    let dangerous: Vec<&str> = snippets.iter().filter(|s| s.dangerous).map(|s| s.target).collect();
    assert_eq!(dangerous, ["ci-git-ssl-no-verify", "mke-cluster-admin"]);
    assert!(body(&snippets, "mke-service-account-privileges")
        .contains("gitlab-runner:gitlab-runner-gitlab-runner"));
    assert!(body(&snippets, "ci-dind").contains("tcp://docker:2375"));
    let generic = targets(&report, &with(&[("executor", "kubernetes"), ("dind", "yes")]));
    assert!(generic.contains(&"k8s-pod-security-admission"), "{generic:?}");
    assert!(!generic.iter().any(|t| t.starts_with("mke-")), "{generic:?}");
}

#[test]
fn a_pasted_mke_error_offers_the_mke_snippets_without_parameters() {
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    let mut report = analyze(&[Source::text("")], &options);
    assert!(targets(&report, &Params::default()).is_empty());
    report.error_messages.push(ErrorMessage {
        code: "mke_privileged_forbidden",
        source: 0,
        line: 1,
        excerpt: "pods \"runner-x\" is forbidden: non-admin user \"ci:my-runner\" [service account \"ci:default\"]. …".into(),
        meaning: Text::new("", ""),
        cause: Text::new("", ""),
        fix: Text::new("", ""),
        snippets: Vec::new(),
        certificates: Vec::new(),
    });
    let offered = targets(&report, &Params::default());
    assert_eq!(
        offered,
        [
            "ci-dind",
            "mke-service-account-privileges",
            "mke-psp",
            "mke-cluster-admin",
            "k8s-pod-security-admission"
        ]
    );
    // The account in the error is the one granted, unless the parameters name another.
    let snippets = render(&report, &Params::default());
    assert!(body(&snippets, "mke-service-account-privileges").contains("ci:my-runner"));
    assert!(body(&snippets, "mke-cluster-admin").contains("namespace: ci"));
    let chosen = render(&report, &with(&[("service_account", "other")]));
    assert!(body(&chosen, "mke-service-account-privileges").contains("gitlab-runner:other"));
}

#[test]
fn no_placeholder_is_left_in_any_body() {
    let report = private_ca_report("gitlab.example.com");
    for executor in ["shell", "docker", "kubernetes", "helm"] {
        for os in ["debian", "alpine", "rhel", "windows", "macos"] {
            let params =
                with(&[("executor", executor), ("os", os), ("dind", "yes"), ("cluster", "mke")]);
            for snippet in render(&report, &params) {
                let body = snippet.body.replace("{{.Release.Namespace}}", "");
                assert!(!body.contains("{{"), "{}: {}", snippet.target, snippet.body);
                assert!(!snippet.notes.is_empty(), "{} has no notes", snippet.target);
            }
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
fn a_trust_store_gets_no_insecure_snippet() {
    let store = include_str!("../../../tests/fixtures/bench/debian-ca-certificates.crt");
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    let report = analyze(&[Source::text(store)], &options);
    assert_eq!(report.kind, crate::report::InputKind::TrustStore);
    assert!(!report.valid);
    let offered = targets(&report, &Params::default());
    assert!(!offered.contains(&"ci-git-ssl-no-verify"), "{offered:?}");
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

#[test]
fn snippets_come_grouped_by_what_they_configure_in_the_order_of_render() {
    let report = private_ca_report("gitlab.example.com");
    let params = with(&[("executor", "kubernetes"), ("dind", "yes"), ("cluster", "mke")]);
    let grouped = super::render_grouped(&report, &params);
    let groups: Vec<Group> = grouped.iter().map(|(g, _)| *g).collect();
    assert_eq!(
        groups,
        [
            Group::Runner,
            Group::Jobs,
            Group::Cluster,
            Group::Servers,
            Group::TrustStores,
            Group::Clients
        ]
    );
    assert!(grouped.iter().all(|(_, s)| !s.is_empty()));
    let flat: Vec<&str> = grouped.iter().flat_map(|(_, s)| s.iter().map(|s| s.target)).collect();
    assert_eq!(flat, targets(&report, &params));
    let cluster = &grouped[2].1;
    assert!(cluster.iter().all(|s| s.target.starts_with("mke-") || s.target.starts_with("k8s-")));
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    let nothing = analyze(&[Source::text("")], &options);
    assert!(super::render_grouped(&nothing, &Params::default()).is_empty());
}

#[test]
fn a_gitlab_under_a_relative_url_keeps_its_path_and_a_bad_url_is_refused() {
    let report = private_ca_report("gitlab.example.com");
    let snippets = render(&report, &with(&[("url", "https://gitlab.example.com:8443/gitlab")]));
    let toml = body(&snippets, "runner-config-toml");
    assert!(toml.contains("url = \"https://gitlab.example.com:8443/gitlab/\""), "{toml}");
    let mut params = Params::default();
    for bad in [
        "https://evil.example;touch /tmp/x",
        "http://gitlab.example.com/",
        "https://a b/",
        "https://u:p@h/",
    ] {
        let error = params.set("url", bad).err().unwrap_or_default();
        assert!(error.starts_with("url must be an https:// URL"), "{bad}: {error}");
    }
    assert_eq!(params.url, "");
    let globbed = Params { url: "*.example.com".into(), ..Params::default() };
    let certs_dir = body(&render(&report, &globbed), "runner-certs-dir").to_string();
    assert!(!certs_dir.contains('*'), "{certs_dir}");
}

/// Without the root in the input, the CA file holds only the intermediate: every client and
/// trust-store snippet says so, and none claims "intermediates then the root".
#[test]
fn without_the_root_the_ca_file_notes_say_to_add_it() {
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    let report = analyze(&[Source::text(&format!("{LEAF}{INTERMEDIATE}"))], &options);
    let snippets = render(&report, &Params::default());
    for target in ["curl-cacert", "git-sslcainfo", "trust-store", "ca-env-vars"] {
        let snippet = snippets.iter().find(|s| s.target == target);
        let notes: Vec<&str> =
            snippet.map(|s| s.notes.iter().map(|n| n.en.as_str()).collect()).unwrap_or_default();
        assert!(
            notes.iter().any(|n| n.contains("holds only the chain's intermediates")),
            "{target}: {notes:?}"
        );
        assert!(
            !notes.iter().any(|n| n.contains("intermediates then the root")),
            "{target}: {notes:?}"
        );
    }
}
