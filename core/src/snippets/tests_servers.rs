//! The server, trust-store and client snippets: what is offered for a private CA and for a
//! public root, and what the bodies say.

use super::{render, Params, Snippet};
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

/// x509-limbo's online::cloudflare.com: leaf and intermediate as the site sends them, ending
/// at a Mozilla root certchain knows.
fn public_root_report() -> Report {
    let limbo = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/limbo/limbo.json");
    let text = std::fs::read(limbo).unwrap_or_else(|e| panic!("{limbo}: {e}"));
    let suite: serde_json::Value = serde_json::from_slice(&text).unwrap_or_default();
    let cases = suite["testcases"].as_array().cloned().unwrap_or_default();
    let case = cases.iter().find(|c| c["id"] == "online::cloudflare.com");
    let case = case.unwrap_or_else(|| panic!("online::cloudflare.com is in limbo.json"));
    let mut pem = case["peer_certificate"].as_str().unwrap_or_default().to_string();
    for intermediate in case["untrusted_intermediates"].as_array().into_iter().flatten() {
        pem.push_str(intermediate.as_str().unwrap_or_default());
    }
    let when = 1_773_360_000; // 2026-03-13: inside the leaf's validity
    let options =
        Options { now: UnixTime(when), host: Some("cloudflare.com".into()), ..Options::default() };
    analyze(&[Source::text(&pem)], &options)
}

fn params(pairs: &[(&str, &str)]) -> Params {
    let mut params = Params::default();
    for (key, value) in pairs {
        assert_eq!(params.set(key, value), Ok(()), "{key}={value}");
    }
    params
}

/// The report's host has no port: a port comes from the `url` parameter.
fn on_8443() -> Params {
    params(&[("url", "https://gitlab.example.com:8443/")])
}

fn snippet(report: &Report, params: &Params, target: &str) -> Snippet {
    let found = render(report, params).into_iter().find(|s| s.target == target);
    found.unwrap_or_else(|| panic!("{target} is offered"))
}

fn targets(report: &Report) -> Vec<&'static str> {
    render(report, &Params::default()).iter().map(|s| s.target).collect()
}

const SERVERS: [&str; 5] = ["gitlab-omnibus", "nginx", "apache", "haproxy", "traefik"];
const PRIVATE_ONLY: [&str; 7] = [
    "gitlab-trusted-certs",
    "trust-store",
    "trust-store-java",
    "git-sslcainfo",
    "curl-cacert",
    "docker-certs-d",
    "ca-env-vars",
];

#[test]
fn a_private_ca_gets_servers_trust_stores_and_clients_in_order() {
    let offered = targets(&private_ca_report("gitlab.example.com"));
    // The runner and job snippets come first (tests.rs); these follow, in this order.
    let offered: Vec<&str> = offered.into_iter().skip_while(|t| *t != "gitlab-omnibus").collect();
    let expected = [
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
        "ca-env-vars",
    ];
    assert_eq!(offered, expected);
}

#[test]
fn a_public_root_chain_gets_the_servers_and_nothing_that_hands_out_a_ca() {
    let report = public_root_report();
    assert!(!report.trust.clients_need_ca_file);
    let offered = targets(&report);
    assert_eq!(offered, SERVERS, "a public chain: fix the server, not the clients");
    assert!(PRIVATE_ONLY.iter().all(|t| !offered.contains(t)), "{offered:?}");
}

#[test]
fn a_public_root_chain_checks_the_gitlab_server_without_a_ca_file() {
    let omnibus = snippet(&public_root_report(), &Params::default(), "gitlab-omnibus");
    let body = omnibus.body;
    assert!(body.contains("echo | openssl s_client -connect cloudflare.com:443"), "{body}");
    assert!(
        omnibus.notes[0].en.contains("no CA file is needed on runners"),
        "{:?}",
        omnibus.notes[0]
    );
    let private = private_ca_report("gitlab.example.com");
    let body = snippet(&private, &Params::default(), "gitlab-omnibus").body;
    assert!(body.contains("openssl s_client -CAfile ca-bundle.pem -connect"), "{body}");
}

#[test]
fn gitlab_gets_the_full_chain_under_the_host_name_and_the_port_in_external_url() {
    let report = private_ca_report("gitlab.example.com");
    let body = snippet(&report, &on_8443(), "gitlab-omnibus").body;
    for line in [
        "sudo cp fullchain.pem /etc/gitlab/ssl/gitlab.example.com.crt",
        "external_url \"https://gitlab.example.com:8443\"",
        "nginx['ssl_certificate'] = \"/etc/gitlab/ssl/gitlab.example.com.crt\"",
        "nginx['ssl_certificate_key'] = \"/etc/gitlab/ssl/gitlab.example.com.key\"",
        "sudo gitlab-ctl reconfigure",
        "sudo gitlab-ctl hup nginx",
    ] {
        assert!(body.contains(line), "{line} in\n{body}");
    }
}

#[test]
fn haproxy_concatenates_leaf_then_chain_then_key() {
    let report = private_ca_report("gitlab.example.com");
    let body = snippet(&report, &on_8443(), "haproxy").body;
    let cat =
        "cat fullchain.pem gitlab.example.com.key > /etc/haproxy/certs/gitlab.example.com.pem";
    assert!(body.contains(cat), "{body}");
    assert!(
        body.contains("bind :8443 ssl crt /etc/haproxy/certs/gitlab.example.com.pem"),
        "{body}"
    );
    // fullchain.pem is the leaf first, then the intermediate, without the root.
    let fullchain = report.bundles.fullchain.as_ref().map(|b| b.pem.clone()).unwrap_or_default();
    assert_eq!(fullchain, format!("{LEAF}{INTERMEDIATE}").replace("\r\n", "\n"));
}

#[test]
fn each_os_gets_its_own_trust_store_commands() {
    let report = private_ca_report("gitlab.example.com");
    let expected = [
        ("debian", "shell", "sudo awk -v prefix=/usr/local/share/ca-certificates/gitlab.example.com-ca- '/-----BEGIN CERTIFICATE-----/ { n++ } n { print > (prefix n \".crt\") }' ca-bundle.pem\nsudo update-ca-certificates"),
        ("alpine", "shell", "apk add --no-cache ca-certificates"),
        ("rhel", "shell", "sudo cp ca-bundle.pem /etc/pki/ca-trust/source/anchors/gitlab.example.com-ca.pem\nsudo update-ca-trust extract"),
        ("macos", "shell", "sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain gitlab.example.com-root.pem"),
        ("windows", "powershell", "Import-Certificate -FilePath $root -CertStoreLocation Cert:\\LocalMachine\\Root"),
    ];
    for (os, language, line) in expected {
        let store = snippet(&report, &params(&[("os", os)]), "trust-store");
        assert_eq!(store.language, language, "{os}");
        assert!(store.body.contains(line), "{os}: {line}\nin\n{}", store.body);
    }
    let windows = snippet(&report, &params(&[("os", "windows")]), "trust-store").body;
    assert!(windows.contains("certutil -addstore -f Root"), "{windows}");
    let alpine = snippet(&report, &params(&[("os", "alpine")]), "trust-store").body;
    assert!(!alpine.contains("sudo"), "Alpine has no sudo by default:\n{alpine}");
}

#[test]
fn the_trust_store_notes_name_the_docker_host_and_the_file() {
    let store =
        snippet(&private_ca_report("gitlab.example.com"), &Params::default(), "trust-store");
    let notes: Vec<&str> = store.notes.iter().map(|n| n.en.as_str()).collect();
    assert!(notes[0].starts_with("ca-bundle.pem is the CA file certchain gave"), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("Kubernetes node") && n.contains("restart docker")));
    assert!(store.notes.iter().all(|n| !n.ja.is_empty() && n.ja != n.en));
}

#[test]
fn java_imports_every_ca_certificate_under_its_own_alias() {
    let body =
        snippet(&private_ca_report("gitlab.example.com"), &Params::default(), "trust-store-java")
            .body;
    assert!(body.contains("awk -v prefix=\"$dir\"/gitlab.example.com-ca- "), "{body}");
    assert!(body.contains("grep -F gitlab.example.com-ca-"), "{body}");
    assert!(body.contains("for cert in \"$dir\"/*.crt; do"), "{body}");
    assert!(body.contains("keytool -importcert -noprompt -cacerts -storepass changeit"), "{body}");
    assert!(body.contains("-alias \"$(basename \"$cert\" .crt)\" -file \"$cert\""), "{body}");
}

#[test]
fn clients_use_the_url_for_git_and_host_port_for_docker_only_off_443() {
    let report = private_ca_report("gitlab.example.com");
    let git = snippet(&report, &on_8443(), "git-sslcainfo").body;
    assert!(git.contains("git config --global http.https://gitlab.example.com:8443/.sslCAInfo ~/.config/git/certs/gitlab.example.com-ca.pem"), "{git}");
    let docker = snippet(&report, &on_8443(), "docker-certs-d").body;
    assert!(
        docker.contains("sudo cp ca-bundle.pem /etc/docker/certs.d/gitlab.example.com:8443/ca.crt"),
        "{docker}"
    );
    assert!(
        docker.contains("ca = \"/etc/containerd/certs.d/gitlab.example.com:8443/ca.crt\""),
        "{docker}"
    );
    let on_443 = params(&[("url", "https://gitlab.example.com:443/")]);
    let docker = snippet(&report, &on_443, "docker-certs-d").body;
    assert!(docker.contains("/etc/docker/certs.d/gitlab.example.com/ca.crt"), "{docker}");
    let curl = snippet(&report, &on_8443(), "curl-cacert").body;
    assert!(curl.contains("curl --cacert ca-bundle.pem"), "{curl}");
    assert!(curl.contains("https://gitlab.example.com:8443/"), "{curl}");
}

#[test]
fn env_vars_say_which_replace_and_build_a_bundle_with_the_system_cas() {
    let report = private_ca_report("gitlab.example.com");
    let rhel = snippet(&report, &params(&[("os", "rhel")]), "ca-env-vars");
    assert!(
        rhel.body.contains("cat /etc/pki/tls/certs/ca-bundle.crt ca-bundle.pem > \"$bundle\""),
        "{}",
        rhel.body
    );
    for line in [
        "export SSL_CERT_FILE=\"$bundle\"",
        "export REQUESTS_CA_BUNDLE=\"$bundle\"",
        "export CURL_CA_BUNDLE=\"$bundle\"",
        "export GIT_SSL_CAINFO=\"$bundle\"",
        "ca=~/.config/certs/gitlab.example.com-ca.pem\n",
        "export NODE_EXTRA_CA_CERTS=\"$ca\"",
    ] {
        assert!(rhel.body.contains(line), "{line}");
    }
    assert!(
        rhel.notes[0].en.contains("REPLACE")
            && rhel.notes[0].en.contains("Only NODE_EXTRA_CA_CERTS ADDS")
    );
    let debian = snippet(&report, &Params::default(), "ca-env-vars").body;
    assert!(debian.contains("cat /etc/ssl/certs/ca-certificates.crt ca-bundle.pem"), "{debian}");
    let windows = snippet(&report, &params(&[("os", "windows")]), "ca-env-vars");
    assert_eq!(windows.language, "powershell");
}

#[test]
fn every_new_snippet_has_notes_in_both_languages_and_no_placeholder() {
    for os in ["debian", "alpine", "rhel", "macos", "windows"] {
        let params = params(&[("os", os), ("url", "https://gitlab.example.com:8443/")]);
        for snippet in render(&private_ca_report("gitlab.example.com"), &params) {
            assert!(!snippet.body.contains("{{"), "{os} {}: {}", snippet.target, snippet.body);
            assert!(!snippet.notes.is_empty(), "{} has no notes", snippet.target);
            for note in &snippet.notes {
                assert!(!note.en.is_empty() && !note.ja.is_empty(), "{}", snippet.target);
            }
            let runner_or_job =
                ["runner-", "ci-", "mke-", "k8s-"].iter().any(|p| snippet.target.starts_with(p));
            assert!(runner_or_job || !snippet.dangerous, "{}", snippet.target);
        }
    }
}
