//! Snapshots (insta) of the reports of the fixture chains in tests/fixtures/inputs, evaluated at
//! [`NOW`] (2026-11-22T00:00:00Z).
//!
//! Each snapshot is a compact projection of the Report: what a reviewer must read to judge
//! the behaviour (verdict, roles, paths, findings, trust, bundles), without what churns (PEM
//! bodies, fingerprints, days left, fixes). A changed snapshot is a changed behaviour: read the
//! diff, then accept it with `INSTA_UPDATE=always cargo test -p certchain-tests --test snapshots`.

use certchain_core::report::Report;
use certchain_core::{analyze, Code, Options, Source, UnixTime};
use certchain_tests::NOW;
use serde_json::{json, Value};

const HOST: &str = "gitlab.example.com";
const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/inputs");
const BENCH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bench");

fn source(dir: &str, name: &str) -> Source {
    let path = format!("{dir}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: Some(name.into()), bytes }
}

/// The report of the fixture files `names` (one input), trusting `trust` (or the public roots).
fn report(names: &[&str], trust: &[&str], host: Option<&str>) -> Report {
    let sources: Vec<Source> = names.iter().map(|n| source(INPUTS, n)).collect();
    let trust = trust.iter().map(|n| source(INPUTS, n)).collect();
    let options =
        Options { now: UnixTime(NOW), host: host.map(str::to_string), trust, ..Options::default() };
    analyze(&sources, &options)
}

/// The stable, readable part of a report.
fn project(r: &Report) -> Value {
    let paths: Vec<Value> = r
        .paths
        .iter()
        .map(|p| {
            json!({
                "certificates": p.certificates,
                "end": p.end,
                "anchor": p.anchor,
                "valid": p.valid,
                "errors": p.errors,
            })
        })
        .collect();
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code,
                "severity": f.severity,
                "certificates": f.certificates,
                "message": f.message.en,
            })
        })
        .collect();
    let b = &r.bundles;
    let bundles: serde_json::Map<String, Value> =
        [("fullchain", &b.fullchain), ("ca_bundle", &b.ca_bundle), ("runner_crt", &b.runner_crt)]
            .into_iter()
            .filter_map(|(name, bundle)| {
                let bundle = bundle.as_ref()?;
                let value =
                    json!({ "filename": bundle.filename, "certificates": bundle.certificates });
                Some((name.to_string(), value))
            })
            .collect();
    let certificates: Vec<Value> = r
        .certificates
        .iter()
        .map(|c| {
            let mut value = json!({
                "index": c.index,
                "subject": c.subject,
                "issuer": c.issuer,
                "role": c.role,
                "self_signed": c.self_signed,
                "source": c.source,
            });
            if let Some(first) = c.duplicate_of {
                value["duplicate_of"] = json!(first);
            }
            value
        })
        .collect();
    let private_keys: Vec<&str> = r.input.private_keys.iter().map(|k| k.kind.as_str()).collect();
    json!({
        "valid": r.valid,
        "kind": r.kind,
        "host": r.host,
        "summary": r.summary.en,
        "chain": r.chain,
        "paths": paths,
        "findings": findings,
        "trust": { "end": r.trust.end, "clients_need_ca_file": r.trust.clients_need_ca_file },
        "bundles": bundles,
        "certificates": certificates,
        "input": {
            "formats": r.input.formats,
            "sources": r.input.sources,
            "blocks": r.input.blocks,
            "private_keys": private_keys,
        },
    })
}

/// Snapshot `value` as `name`, with `description` (the input) in the snapshot's header.
fn snapshot(name: &str, description: &str, value: &Value) {
    insta::with_settings!({ description => description, omit_expression => true }, {
        insta::assert_json_snapshot!(name, value);
    });
}

/// Snapshot the projected report of `names` (trusting `trust`) for [`HOST`].
fn snapshot_report(name: &str, names: &[&str], trust: &[&str]) {
    let mut description = format!("{} --host {HOST}", names.join(" "));
    for t in trust {
        description.push_str(&format!(" --trust {t}"));
    }
    snapshot(name, &description, &project(&report(names, trust, Some(HOST))));
}

#[test]
fn s_client_showcerts() {
    snapshot_report("s_client_showcerts", &["s_client-showcerts.txt"], &[]);
}

#[test]
fn s_client_leaf_only() {
    snapshot_report("s_client_leaf_only", &["s_client-leaf-only.txt"], &[]);
}

#[test]
fn s_client_leaf_only_in_japanese() {
    let r = report(&["s_client-leaf-only.txt"], &[], Some(HOST));
    let messages: Vec<Value> =
        r.findings.iter().map(|f| json!({ "code": f.code, "message": f.message.ja })).collect();
    let value = json!({ "summary": r.summary.ja, "findings": messages });
    snapshot("s_client_leaf_only_ja", "s_client-leaf-only.txt --host gitlab.example.com", &value);
}

#[test]
fn fullchain_untrusted() {
    snapshot_report("fullchain", &["fullchain.pem"], &[]);
}

#[test]
fn fullchain_trusted_with_its_root() {
    snapshot_report("fullchain_trust_root", &["fullchain.pem"], &["root.pem"]);
}

#[test]
fn glued_pem() {
    snapshot_report("glued", &["glued.pem"], &[]);
}

#[test]
fn pkcs7_der() {
    snapshot_report("chain_p7b", &["chain.p7b"], &[]);
}

#[test]
fn three_der_files_in_the_wrong_order() {
    snapshot_report("der_wrong_order", &["root.der", "leaf.der", "intermediate.der"], &[]);
}

#[test]
fn bundle_with_a_private_key() {
    snapshot_report("bundle_with_key", &["bundle-with-key.pem"], &[]);
}

#[test]
fn kubernetes_secret() {
    snapshot_report("secret_yaml", &["secret.yaml"], &[]);
}

#[test]
fn x509_text_noout_dump() {
    snapshot_report("x509_text_noout", &["x509-text-noout.txt"], &[]);
}

#[test]
fn debian_trust_store() {
    let r = analyze(
        &[source(BENCH, "debian-ca-certificates.crt")],
        &Options { now: UnixTime(NOW), ..Options::default() },
    );
    let codes: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
    let value = json!({
        "kind": r.kind,
        "summary": r.summary.en,
        "certificates": r.certificates.len(),
        "findings": codes,
    });
    snapshot("debian_trust_store", "fixtures/bench/debian-ca-certificates.crt, no host", &value);
}
