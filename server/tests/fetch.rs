//! Live fetching against real servers on 127.0.0.1 only (rustls and a small HTTP server in
//! this process, see `support`): the chain in the order sent, its findings, AIA chasing,
//! every refusal of the SSRF guards, and `certchain fetch`. Addresses of the other
//! forbidden classes are only ever given to the guard: nothing connects to them.
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::IpAddr;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use certchain::fetch::guard::{forbidden_class, Class};
use certchain::fetch::{FetchError, Guard, Host, Pattern};
use certchain::serve::{app, Config};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use support::{Pki, Server};
use tower::ServiceExt;

const BIN: &str = env!("CARGO_BIN_EXE_certchain");

fn patterns(list: &[&str]) -> Vec<Pattern> {
    list.iter().map(|p| p.parse().unwrap()).collect()
}

/// A service that may fetch from 127.0.0.1 on these ports.
fn local(ports: &[u16], aia: bool) -> Config {
    Config {
        allow_fetch: patterns(&["127.0.0.1/32"]),
        fetch_ports: ports.to_vec(),
        aia,
        ..Config::default()
    }
}

/// Status and JSON body of one request.
async fn call(config: &Config, request: Request<Body>) -> (StatusCode, Value) {
    let response = app(config).oneshot(request).await.unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&body)));
    (status, json)
}

async fn fetch(config: &Config, query: &str) -> (StatusCode, Value) {
    let request = Request::get(format!("/api/v1/fetch?{query}")).body(Body::empty()).unwrap();
    call(config, request).await
}

/// A 200 report of `server`, with a service allowed to reach it.
async fn report_of(server: &Server) -> Value {
    let (status, report) =
        fetch(&local(&[server.port()], false), &format!("target=127.0.0.1:{}", server.port()))
            .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    report
}

fn codes(report: &Value) -> Vec<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["code"].to_string()).collect()
}

fn common_names(report: &Value) -> Vec<String> {
    let certs = report["certificates"].as_array().unwrap();
    certs
        .iter()
        .map(|c| c["common_name"].as_str().unwrap().replace("certchain fetch test ", ""))
        .collect()
}

#[tokio::test]
async fn a_good_chain_is_reported_as_sent() {
    let pki = Pki::new(None);
    let chain = vec![pki.leaf.der.clone(), pki.lower.der.clone(), pki.upper.der.clone()];
    let server = support::tls_server(chain, &pki.leaf.key).await;
    let report = report_of(&server).await;
    assert_eq!(common_names(&report), ["leaf", "lower CA", "upper CA"]);
    assert_eq!(report["chain"], json!([0, 1, 2]));
    assert_eq!(report["host"], json!("127.0.0.1"));
    assert_eq!(report["input"]["formats"], json!(["der"]));
    // The private root is not sent: the chain is right, clients need the root.
    assert_eq!(codes(&report), [r#""missing_root""#], "{report}");
}

#[tokio::test]
async fn a_chain_in_the_wrong_order_is_reported_as_sent() {
    let pki = Pki::new(None);
    let chain = vec![pki.leaf.der.clone(), pki.upper.der.clone(), pki.lower.der.clone()];
    let server = support::tls_server(chain, &pki.leaf.key).await;
    let report = report_of(&server).await;
    assert_eq!(common_names(&report), ["leaf", "upper CA", "lower CA"]);
    assert_eq!(report["chain"], json!([0, 2, 1]));
    assert!(codes(&report).contains(&r#""wrong_order""#.to_string()), "{report}");
}

#[tokio::test]
async fn a_leaf_alone_misses_its_intermediate() {
    let pki = Pki::new(None);
    let server = support::tls_server(vec![pki.leaf.der.clone()], &pki.leaf.key).await;
    let report = report_of(&server).await;
    assert_eq!(common_names(&report), ["leaf"]);
    assert!(codes(&report).contains(&r#""missing_intermediate""#.to_string()), "{report}");
}

#[tokio::test]
async fn the_servername_is_sent_and_checked() {
    let pki = Pki::new(None);
    let server = support::tls_server(vec![pki.leaf.der.clone()], &pki.leaf.key).await;
    let query = format!("target=127.0.0.1:{}&servername=gitlab.example.com", server.port());
    let (status, report) = fetch(&local(&[server.port()], false), &query).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["host"], json!("gitlab.example.com"));
    assert!(codes(&report).contains(&r#""hostname_mismatch""#.to_string()), "{report}");
}

/// A leaf-only TLS server whose PKI names its issuers on a local AIA server.
async fn leaf_only_with_aia() -> (Pki, Server, Server) {
    let aia_listener = support::listener().await;
    let base = format!("http://{}", aia_listener.local_addr().unwrap());
    let pki = Pki::new(Some(&base));
    let aia = support::http_server(aia_listener, pki.aia_files());
    let tls = support::tls_server(vec![pki.leaf.der.clone()], &pki.leaf.key).await;
    (pki, tls, aia)
}

fn fetched_from(report: &Value) -> Vec<Option<String>> {
    let certs = report["certificates"].as_array().unwrap();
    certs
        .iter()
        .map(|c| c["fetched_from"].as_str().map(|u| u.rsplit('/').next().unwrap().to_string()))
        .collect()
}

#[tokio::test]
async fn aia_completes_a_leaf_alone_and_marks_what_it_fetched() {
    let (_pki, tls, aia) = leaf_only_with_aia().await;
    let config = local(&[tls.port(), aia.port()], true);
    let query = format!("target=127.0.0.1:{}", tls.port());
    let (status, report) = fetch(&config, &query).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(common_names(&report), ["leaf", "lower CA", "upper CA", "root"]);
    let fetched = fetched_from(&report);
    assert_eq!(
        fetched,
        [None, Some("lower.der".into()), Some("upper.der".into()), Some("root.der".into())]
    );
    assert_eq!(report["trust"]["end"], json!("private_root"), "{report}");
    assert!(!codes(&report).iter().any(|c| c.contains("missing")), "{report}");
    assert_eq!(aia.hits(), 3);
    // The same service again: the issuers come from its cache.
    let app = app(&config);
    for _ in 0..2 {
        let request = Request::get(format!("/api/v1/fetch?{query}")).body(Body::empty()).unwrap();
        assert_eq!(app.clone().oneshot(request).await.unwrap().status(), StatusCode::OK);
    }
    assert_eq!(aia.hits(), 6, "the second request of one service is served from its cache");
}

#[tokio::test]
async fn without_aia_nothing_is_downloaded() {
    let (_pki, tls, aia) = leaf_only_with_aia().await;
    let (status, report) = fetch(
        &local(&[tls.port(), aia.port()], false),
        &format!("target=127.0.0.1:{}", tls.port()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(common_names(&report), ["leaf"]);
    assert_eq!(aia.hits(), 0);
}

#[tokio::test]
async fn an_aia_download_the_guard_refuses_is_a_note_not_an_error() {
    let (_pki, tls, aia) = leaf_only_with_aia().await;
    // The AIA server's port is not in the list.
    let (status, report) =
        fetch(&local(&[tls.port()], true), &format!("target=127.0.0.1:{}", tls.port())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(common_names(&report), ["leaf"]);
    let notes = report["input"]["notes"].to_string();
    assert!(
        notes.contains(&format!("port {} is not a port this server fetches from", aia.port())),
        "{notes}"
    );
    assert_eq!(aia.hits(), 0);
}

#[tokio::test]
async fn analyze_completes_a_pasted_leaf_from_aia() {
    let (pki, _tls, aia) = leaf_only_with_aia().await;
    let body = json!({ "input": pki.leaf.pem }).to_string();
    let request = Request::post("/api/v1/analyze")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let (status, report) = call(&local(&[aia.port()], true), request).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(common_names(&report), ["leaf", "lower CA", "upper CA", "root"]);
    assert_eq!(fetched_from(&report)[1], Some("lower.der".into()));
}

/// The status, code and message of a refused fetch.
async fn refused(config: &Config, query: &str) -> (StatusCode, String, String) {
    let (status, body) = fetch(config, query).await;
    let error = &body["error"];
    (status, error["code"].as_str().unwrap().into(), error["message"].as_str().unwrap().into())
}

#[tokio::test]
async fn fetching_is_off_unless_allowed() {
    let (status, code, message) = refused(&Config::default(), "target=127.0.0.1:443").await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_disabled"));
    assert!(message.contains("--allow-fetch PATTERN"), "{message}");
}

#[tokio::test]
async fn every_forbidden_address_class_is_refused_by_target() {
    // Name patterns never unlock an address: these are refused before any connection.
    let config = Config { allow_fetch: patterns(&["*", "*.example.com"]), ..Config::default() };
    let cases = [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("[::1]", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("[::]", "unspecified"),
        ("0.1.2.3", "this network"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("[fd12:3456::1]", "private"),
        ("[fc00::1]", "private"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("169.254.169.254", "cloud metadata"),
        ("[fd00:ec2::254]", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("[fe80::1]", "link-local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("[ff02::1]", "multicast"),
        ("255.255.255.255", "broadcast"),
        ("240.0.0.1", "reserved"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("[::ffff:169.254.169.254]", "cloud metadata"),
        ("[::ffff:10.0.0.1]", "private"),
        ("[::10.0.0.1]", "private"),
        ("[64:ff9b::a9fe:a9fe]", "cloud metadata"),
        // The forms the issue found open: SIIT, 6to4, NAT64 local-use, site-local,
        // benchmarking, IETF protocol assignments; and Teredo, documentation.
        ("[::ffff:0:a9fe:a9fe]", "cloud metadata"),
        ("[2002:a9fe:a9fe::1]", "cloud metadata"),
        ("[2002:7f00:1::1]", "loopback"),
        ("[64:ff9b:1::a9fe:a9fe]", "local-use NAT64"),
        ("[fec0::1]", "site-local"),
        ("198.18.0.1", "benchmarking"),
        ("198.19.255.254", "benchmarking"),
        ("192.0.0.170", "IETF protocol assignment"),
        ("[2001:0:a00:1::808:808]", "private"),
        ("192.0.2.1", "documentation"),
        ("[2001:db8::1]", "documentation"),
    ];
    for (target, class) in cases {
        let (status, code, message) = refused(&config, &format!("target={target}")).await;
        assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_forbidden"), "{target}");
        assert!(message.contains(class), "{target}: {message}");
        assert!(message.contains("allow it explicitly with --allow-fetch"), "{target}: {message}");
    }
}

#[tokio::test]
async fn the_refusal_names_the_rule_and_the_way_out() {
    let config = Config { allow_fetch: patterns(&["*"]), ..Config::default() };
    let (_, _, message) = refused(&config, "target=127.0.0.1").await;
    assert_eq!(
        message,
        "127.0.0.1 is a loopback address (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3); \
         allow it explicitly with --allow-fetch 127.0.0.1/32"
    );
    let (_, _, message) = refused(&config, "target=[::ffff:10.1.2.3]:8443").await;
    assert!(message.ends_with("--allow-fetch 10.1.2.3/32"), "{message}");
}

#[tokio::test]
async fn a_name_that_resolves_to_loopback_is_refused() {
    let config = Config { allow_fetch: patterns(&["localhost", "*"]), ..Config::default() };
    let (status, code, message) = refused(&config, "target=localhost").await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_forbidden"));
    assert!(message.starts_with("localhost resolves to "), "{message}");
    assert!(message.contains("loopback"), "{message}");
}

#[tokio::test]
async fn hosts_and_ports_outside_the_lists_are_refused() {
    let config = Config { allow_fetch: patterns(&["*.example.com"]), ..Config::default() };
    let (status, code, message) = refused(&config, "target=gitlab.example.org").await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_forbidden"));
    assert!(message.contains("matches no --allow-fetch pattern"), "{message}");
    // An address outside every network, with name patterns only.
    let (_, code, message) = refused(&config, "target=8.8.8.8").await;
    assert_eq!(code, "fetch_forbidden");
    assert!(message.contains("matches no --allow-fetch pattern"), "{message}");
    let (status, code, message) = refused(&config, "target=gitlab.example.com:22").await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_forbidden"));
    assert!(
        message.contains(
            "port 22 is not a port this server fetches from (443, 8443, 636, 993, 995, 465)"
        ),
        "{message}"
    );
}

#[tokio::test]
async fn a_network_pattern_unlocks_exactly_its_addresses() {
    let pki = Pki::new(None);
    let server = support::tls_server(vec![pki.leaf.der.clone()], &pki.leaf.key).await;
    let mut config = local(&[server.port()], false);
    config.allow_fetch = patterns(&["127.0.0.2/32"]);
    let (status, code, _) = refused(&config, &format!("target=127.0.0.1:{}", server.port())).await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "fetch_forbidden"));
    config.allow_fetch = patterns(&["127.0.0.0/8"]);
    let (status, _) = fetch(&config, &format!("target=127.0.0.1:{}", server.port())).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn malformed_targets_are_400() {
    let config = local(&[443], false);
    for query in [
        "",
        "target=",
        "target=a%20b",
        "target=host:0",
        "target=127.0.0.1&servername=a%20b",
        "target=x&other=1",
    ] {
        let (status, body) = fetch(&config, query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        let code = body["error"]["code"].as_str().unwrap();
        assert!(["invalid_target", "invalid_query"].contains(&code), "{query}: {code}");
    }
}

#[tokio::test]
async fn failures_of_the_remote_are_422_with_the_reason() {
    // A port nothing listens on: bound, then closed.
    let closed = support::listener().await.local_addr().unwrap().port();
    let (status, code, message) =
        refused(&local(&[closed], false), &format!("target=127.0.0.1:{closed}")).await;
    assert_eq!((status, code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "fetch_failed"));
    assert!(message.contains("refused the connection"), "{message}");
    let plain = support::plain_server().await;
    let (status, code, message) =
        refused(&local(&[plain.port()], false), &format!("target=127.0.0.1:{}", plain.port()))
            .await;
    assert_eq!((status, code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "fetch_failed"));
    assert!(message.contains("did not answer with TLS"), "{message}");
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

#[test]
fn the_classes_of_special_addresses() {
    let cases: [(&str, Option<Class>); 14] = [
        ("127.0.0.1", Some(Class::Loopback)),
        ("::1", Some(Class::Loopback)),
        ("10.255.0.1", Some(Class::Private)),
        ("100.64.0.0", Some(Class::SharedCgnat)),
        ("169.254.169.254", Some(Class::CloudMetadata)),
        ("fd00:ec2::254", Some(Class::CloudMetadata)),
        ("fe80::abcd", Some(Class::LinkLocal)),
        ("::ffff:192.168.0.1", Some(Class::Private)),
        // Public addresses, and the neighbours of the forbidden ranges.
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("100.128.0.1", None),
        ("172.32.0.1", None),
        ("169.255.0.1", None),
        ("::ffff:8.8.8.8", None),
    ];
    for (addr, class) in cases {
        assert_eq!(forbidden_class(ip(addr)), class, "{addr}");
    }
}

#[tokio::test]
async fn the_guard_checks_addresses_without_connecting() {
    let guard = Guard::new(patterns(&["*", "10.1.0.0/16"]), vec![443]);
    let admit = |text: &str| {
        let guard = guard.clone();
        let host = Host::parse(text).unwrap();
        async move { guard.admit(&host, 443).await.map(|_| ()) }
    };
    // A network pattern unlocks a private address; a neighbour stays refused.
    assert_eq!(admit("10.1.2.3").await, Ok(()));
    assert_eq!(admit("::ffff:10.1.2.3").await, Ok(()));
    assert!(
        matches!(admit("10.2.0.1").await, Err(FetchError::Forbidden(m)) if m.contains("private"))
    );
    // A public address needs a network pattern: `*` is for names.
    assert!(
        matches!(admit("8.8.8.8").await, Err(FetchError::Forbidden(m)) if m.contains("matches no"))
    );
    assert_eq!(
        Guard::new(Vec::new(), vec![443])
            .admit(&Host::parse("10.1.2.3").unwrap(), 443)
            .await
            .map(|_| ()),
        Err(FetchError::Disabled)
    );
    // The CLI's guard lets everything through.
    assert!(Guard::open().admit(&Host::parse("169.254.169.254").unwrap(), 22).await.is_ok());
}

/// `certchain ARGS`, run off the async threads so the servers of this process keep serving.
async fn certchain(args: Vec<String>) -> (i32, String, String) {
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(BIN)
            .args(&args)
            .env_remove("CERTCHAIN_LANG")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
        (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_prints_the_chain_a_local_server_sends() {
    let pki = Pki::new(None);
    let chain = vec![pki.leaf.der.clone(), pki.upper.der.clone(), pki.lower.der.clone()];
    let server = support::tls_server(chain, &pki.leaf.key).await;
    let target = format!("127.0.0.1:{}", server.port());
    let (code, stdout, stderr) = certchain(vec!["fetch".into(), target.clone()]).await;
    assert_eq!(code, 1, "error findings: exit 1\n{stdout}{stderr}");
    assert!(stdout.contains("certchain fetch test leaf"), "{stdout}");
    assert!(stdout.contains("wrong_order"), "{stdout}");
    let (code, stdout, _) =
        certchain(vec!["fetch".into(), target, "--format".into(), "json".into()]).await;
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(common_names(&report), ["leaf", "upper CA", "lower CA"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_chases_aia_and_marks_the_downloads() {
    let (_pki, tls, _aia) = leaf_only_with_aia().await;
    let args = vec![
        "fetch".into(),
        format!("127.0.0.1:{}", tls.port()),
        "--aia".into(),
        "--aia-allow-private".into(),
    ];
    let (_, stdout, stderr) = certchain(args).await;
    assert!(stdout.contains("fetched from http://127.0.0.1:"), "{stdout}{stderr}");
    assert!(stdout.contains("lower.der"), "{stdout}");
}

/// The AIA URL comes from the remote certificate: the CLI does not follow it to loopback
/// (or any special-purpose address) unless the user says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_downloads_aia_from_public_addresses_only_unless_told() {
    let (_pki, tls, aia) = leaf_only_with_aia().await;
    let args = vec![
        "fetch".into(),
        format!("127.0.0.1:{}", tls.port()),
        "--aia".into(),
        "--format".into(),
        "json".into(),
    ];
    let (_, stdout, stderr) = certchain(args).await;
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert_eq!(common_names(&report), ["leaf"]);
    let notes = report["input"]["notes"].to_string();
    assert!(notes.contains("is a loopback address"), "{notes}");
    assert!(notes.contains("--aia-allow-private"), "{notes}");
    assert_eq!(aia.hits(), 0, "nothing was downloaded");
    let (code, _, stderr) =
        certchain(vec!["fetch".into(), "127.0.0.1:1".into(), "--aia-allow-private".into()]).await;
    assert_eq!(code, 2, "--aia-allow-private without --aia is a usage error");
    assert!(stderr.contains("--aia"), "{stderr}");
}

/// An AIA URL that serves an internal page: dropped with a note naming the URL, and
/// nothing of the page in the report (no excerpt, no unreadable block, no size).
#[tokio::test]
async fn an_aia_answer_that_is_not_der_is_dropped_without_its_content() {
    let aia_listener = support::listener().await;
    let base = format!("http://{}", aia_listener.local_addr().unwrap());
    let pki = Pki::new(Some(&base));
    let page = "<html><title>internal-admin-console</title>\n\
                x509: certificate signed by unknown authority\n\
                -----BEGIN CERTIFICATE-----\nc2VjcmV0LWludGVybmFsLXRva2Vu\n</html>\n";
    let aia = support::http_server(aia_listener, vec![("/lower.der".into(), page.into())]);
    let body = json!({ "input": pki.leaf.pem }).to_string();
    let request = Request::post("/api/v1/analyze")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let (status, report) = call(&local(&[aia.port()], true), request).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(aia.hits(), 1);
    assert_eq!(common_names(&report), ["leaf"]);
    let notes = report["input"]["notes"].to_string();
    assert!(notes.contains(&format!("{base}/lower.der")), "{notes}");
    assert!(notes.contains("not a DER certificate or PKCS#7"), "{notes}");
    let text = report.to_string();
    for leaked in ["internal-admin-console", "c2VjcmV0"] {
        assert!(!text.contains(leaked), "the page's {leaked:?} is in the report: {text}");
    }
    assert_eq!(report["error_messages"], json!([]), "{report}");
    assert!(!codes(&report).iter().any(|c| c.contains("unparsable_block")), "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_says_why_a_fetch_failed() {
    let closed = support::listener().await.local_addr().unwrap().port();
    let (code, _, stderr) = certchain(vec!["fetch".into(), format!("127.0.0.1:{closed}")]).await;
    assert_eq!(code, 2);
    assert!(stderr.contains("refused the connection"), "{stderr}");
}
