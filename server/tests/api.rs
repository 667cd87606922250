//! The HTTP service without a socket: `certchain::serve::app` driven with `oneshot`. Every
//! endpoint, every error path, the headers, the limits, and the OpenAPI document against
//! the real routes.
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use certchain::serve::{app, Config, OPENAPI};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/inputs");
const NOW: &str = "2026-11-22T00:00:00Z";
const URL: &str = "https://gitlab.example.com:8443/";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{INPUTS}/{name}")).unwrap()
}

fn text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

/// The status, headers and body of one request.
struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The error code of a JSON error answer.
    fn code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or_default().to_string()
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

async fn send(router: Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer { status, headers, body }
}

fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

async fn call(request: Request<Body>) -> Answer {
    send(app(&Config::default()), request).await
}

fn chain_json() -> Value {
    json!({
        "input": text("fullchain.pem"),
        "host": URL,
        "now": NOW,
        "trust": text("root.pem"),
    })
}

/// An empty host is no host (a form or template left blank), not an invalid one.
#[tokio::test]
async fn an_empty_host_is_no_host() {
    let answer = call(post("/api/v1/analyze?host=", "text/plain", text("fullchain.pem"))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    assert!(answer.json().get("host").is_none());
    let body = serde_json::json!({"input": text("fullchain.pem"), "host": " "}).to_string();
    let answer = call(post("/api/v1/analyze", "application/json", body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
}

#[tokio::test]
async fn analyze_takes_json_and_returns_the_report() {
    let answer = call(post("/api/v1/analyze", "application/json", chain_json().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    let report = answer.json();
    assert_eq!(report["valid"], json!(true), "{report}");
    assert_eq!(report["host"], json!("gitlab.example.com"));
    assert_eq!(report["now"], json!(NOW));
    assert_eq!(report["chain"].as_array().map(Vec::len), Some(2));
    assert_eq!(answer.header(header::CONTENT_TYPE), "application/json");
}

#[tokio::test]
async fn analyze_takes_a_raw_body_with_options_in_the_query() {
    let uri = format!("/api/v1/analyze?host=gitlab.example.com&now={NOW}");
    let answer =
        call(post(&uri, "text/plain; charset=utf-8", text("s_client-showcerts.txt"))).await;
    assert_eq!(answer.status, StatusCode::OK);
    let report = answer.json();
    assert_eq!(report["input"]["formats"], json!(["s_client"]));
    let codes: Vec<&str> =
        report["findings"].as_array().unwrap().iter().filter_map(|f| f["code"].as_str()).collect();
    assert_eq!(codes, ["missing_root"]);
    let der = call(post(
        &format!("/api/v1/analyze?now={NOW}"),
        "application/pkix-cert",
        fixture("leaf.der"),
    ))
    .await;
    assert_eq!(der.status, StatusCode::OK);
    assert_eq!(der.json()["input"]["formats"], json!(["der"]));
}

/// A multipart body by hand: (field name, file name, bytes).
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "certchain-test-boundary";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").bytes(),
        );
        if let Some(file) = file {
            body.extend(
                format!("; filename=\"{file}\"\r\nContent-Type: application/octet-stream").bytes(),
            );
        }
        body.extend(b"\r\n\r\n");
        body.extend(*bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn analyze_takes_a_multipart_upload_of_several_files() {
    let leaf = fixture("leaf.der");
    let intermediate = fixture("intermediate.pem");
    let root = fixture("root.pem");
    let (content_type, body) = multipart(&[
        ("file", Some("leaf.der"), &leaf),
        ("file", Some("intermediate.pem"), &intermediate),
        ("trust", Some("root.pem"), &root),
        ("host", None, b"gitlab.example.com"),
        ("now", None, NOW.as_bytes()),
    ]);
    let answer = call(post("/api/v1/analyze", &content_type, body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    let report = answer.json();
    assert_eq!(report["valid"], json!(true), "{report}");
    assert_eq!(report["input"]["sources"], json!(2));
}

#[tokio::test]
async fn snippets_render_for_the_input_and_the_parameters() {
    let mut request = chain_json();
    request["params"] = json!({"executor": "kubernetes", "namespace": "ci"});
    request["targets"] = json!(["runner-k8s-secret", "runner-config-toml"]);
    let answer = call(post("/api/v1/snippets", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    let list = answer.json();
    let targets: Vec<&str> =
        list.as_array().unwrap().iter().filter_map(|s| s["target"].as_str()).collect();
    assert_eq!(targets, ["runner-k8s-secret", "runner-config-toml"]);
    assert!(list[0]["body"].as_str().unwrap().contains("--namespace ci"));
    assert!(list[1]["body"]
        .as_str()
        .unwrap()
        .contains("url = \"https://gitlab.example.com:8443/\""));

    request["targets"] = json!(["apache-tomcat"]);
    let answer = call(post("/api/v1/snippets", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.code(), "target_not_offered");
    let message = answer.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.starts_with("unknown target \"apache-tomcat\"; the targets are"), "{message}");
    assert!(message.contains("runner-certs-dir"), "{message}");
    let uri = format!(
        "/api/v1/snippets?now={NOW}&host={URL}&param=executor%3Dhelm&target=runner-helm-values"
    );
    let answer =
        call(post(&uri, "text/plain", format!("{}{}", text("fullchain.pem"), text("root.pem"))))
            .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
}

#[tokio::test]
async fn every_bad_request_gets_a_json_4xx_that_says_what_is_wrong() {
    let cases: Vec<(Request<Body>, StatusCode, &str, &str)> = vec![
        (
            post("/api/v1/analyze", "application/json", "{\"input\": "),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "EOF",
        ),
        (
            post("/api/v1/analyze", "application/json", "{\"input\": \"x\", \"colour\": 1}"),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "unknown field `colour`",
        ),
        (
            post("/api/v1/analyze", "application/json", "{\"input_base64\": \"***\"}"),
            StatusCode::BAD_REQUEST,
            "invalid_base64",
            "not base64",
        ),
        (
            post("/api/v1/analyze", "application/json", "{}"),
            StatusCode::BAD_REQUEST,
            "empty_input",
            "no input",
        ),
        (
            post("/api/v1/analyze", "text/plain", ""),
            StatusCode::BAD_REQUEST,
            "empty_input",
            "no input",
        ),
        (
            post("/api/v1/analyze", "text/plain", " \n\t"),
            StatusCode::BAD_REQUEST,
            "empty_input",
            "no input",
        ),
        (
            post("/api/v1/analyze?now=yesterday", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "invalid_time",
            "RFC 3339",
        ),
        (
            post("/api/v1/analyze?host=gitlab%20example.com", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "invalid_host",
            "is not a host name",
        ),
        (
            post(
                "/api/v1/analyze",
                "application/json",
                r#"{"input":"x","host":"h.example:99999"}"#,
            ),
            StatusCode::BAD_REQUEST,
            "invalid_host",
            "from 1 to 65535",
        ),
        (
            post("/api/v1/analyze?colour=red", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "invalid_field",
            "unknown query parameter \"colour\"",
        ),
        (
            post("/api/v1/snippets?param=os%3Dbeos", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "invalid_param",
            "os must be one of",
        ),
        (
            post("/api/v1/snippets?param=os", "text/plain", "x"),
            StatusCode::BAD_REQUEST,
            "invalid_param",
            "KEY=VALUE",
        ),
        (
            post("/api/v1/analyze", "application/xml", "<x/>"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "application/xml",
        ),
        (
            post("/api/v1/analyze", "application/x-www-form-urlencoded", "a=b"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "--data-binary",
        ),
        (
            Request::post("/api/v1/analyze").body(Body::from("x")).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "no Content-Type",
        ),
        (
            post("/api/v1/analyze", "multipart/form-data", "x"),
            StatusCode::BAD_REQUEST,
            "malformed_multipart",
            "boundary",
        ),
        (
            get("/api/v1/analyze"),
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "GET is not allowed",
        ),
        (get("/api/v2/analyze"), StatusCode::NOT_FOUND, "not_found", "/api/openapi.json"),
    ];
    for (request, status, code, words) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = call(request).await;
        assert_eq!(answer.status, status, "{what}: {}", String::from_utf8_lossy(&answer.body));
        assert_eq!(answer.code(), code, "{what}");
        let message = answer.json()["error"]["message"].as_str().unwrap_or_default().to_string();
        assert!(message.contains(words), "{what}: {message}");
        assert!(
            openapi_error_codes().contains(&code.to_string()),
            "{code} is not in the OpenAPI Error enum"
        );
    }
}

#[tokio::test]
async fn binary_garbage_is_a_report_not_an_error() {
    let garbage: Vec<u8> =
        (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let answer = call(post("/api/v1/analyze", "application/octet-stream", garbage)).await;
    assert_eq!(answer.status, StatusCode::OK);
    let report = answer.json();
    assert_eq!(report["kind"], json!("empty"));
    let unreadable = &report["findings"][1];
    assert_eq!(unreadable["code"], json!("unparsable_block"), "{report}");
    let message = unreadable["message"]["en"].as_str().unwrap();
    assert!(message.contains("neither a DER certificate nor PKCS#7"), "{message}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_in_every_form() {
    let config = Config { max_body: 1000, ..Config::default() };
    let big = "A".repeat(1001);
    let (content_type, multipart_body) = multipart(&[("file", Some("big.pem"), big.as_bytes())]);
    let requests = [
        post("/api/v1/analyze", "text/plain", big.clone()),
        post("/api/v1/analyze", "application/json", json!({ "input": big }).to_string()),
        post("/api/v1/snippets", &content_type, multipart_body),
    ];
    for request in requests {
        let answer = send(app(&config), request).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(answer.code(), "body_too_large");
        assert!(answer.json()["error"]["message"].as_str().unwrap().contains("1000 bytes"));
    }
    // A declared length over the limit is refused before the body arrives.
    let (declared, _keep_open) = endless();
    let (mut parts, body) = declared.into_parts();
    parts.headers.insert(header::CONTENT_LENGTH, "99999999".parse().unwrap());
    let answer = send(app(&config), Request::from_parts(parts, body)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let small = send(app(&config), post("/api/v1/analyze", "text/plain", "A".repeat(999))).await;
    assert_eq!(small.status, StatusCode::OK);
}

/// A request whose body never ends: it holds its place until dropped.
fn endless() -> (Request<Body>, tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>) {
    let (sender, receiver) = tokio::sync::mpsc::channel(1);
    let stream = futures_stream(receiver);
    (post("/api/v1/analyze", "text/plain", Body::from_stream(stream)), sender)
}

fn futures_stream(
    mut receiver: tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx))
}

#[tokio::test]
async fn the_api_sheds_load_at_its_limit_and_stops_slow_requests() {
    let config =
        Config { max_concurrent: 1, timeout: Duration::from_millis(300), ..Config::default() };
    let router = app(&config);
    let (slow, _keep_open) = endless();
    let first = tokio::spawn(send(router.clone(), slow));
    tokio::time::sleep(Duration::from_millis(50)).await;
    let second = send(router.clone(), post("/api/v1/analyze", "text/plain", "x")).await;
    assert_eq!(second.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(second.code(), "overloaded");
    let health = send(router.clone(), get("/healthz")).await;
    assert_eq!(health.status, StatusCode::OK, "health is outside the API's limit");
    let first = first.await.unwrap();
    assert_eq!(first.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(first.code(), "timeout");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_a_request_id() {
    for uri in ["/healthz", "/api/v1/analyze", "/api/openapi.json", "/metrics", "/nothing-here"] {
        let answer = call(get(uri)).await;
        assert_eq!(answer.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
        assert_eq!(answer.header(header::REFERRER_POLICY), "no-referrer", "{uri}");
        let csp = answer.header(header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(!csp.contains("http:") && !csp.contains("https:"), "{uri}: {csp}");
        assert!(
            !answer.header(header::HeaderName::from_static("x-request-id")).is_empty(),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn json_answers_are_compressed_when_the_client_accepts_it() {
    let request = Request::post("/api/v1/analyze")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_ENCODING, "br;q=0, gzip")
        .body(Body::from(chain_json().to_string()))
        .unwrap();
    let answer = call(request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CONTENT_ENCODING), "gzip");
    let mut plain = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&answer.body[..]), &mut plain)
        .unwrap();
    let report: Value = serde_json::from_slice(&plain).unwrap();
    assert_eq!(report["valid"], json!(true));
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_status() {
    let router = app(&Config::default());
    send(router.clone(), post("/api/v1/analyze", "text/plain", text("leaf.pem"))).await;
    send(router.clone(), post("/api/v1/analyze", "application/xml", "x")).await;
    send(router.clone(), get("/no/such/page")).await;
    let answer = send(router, get("/metrics")).await;
    let text = String::from_utf8(answer.body).unwrap();
    assert!(
        text.contains("certchain_http_requests_total{route=\"/api/v1/analyze\",status=\"200\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("certchain_http_requests_total{route=\"/api/v1/analyze\",status=\"415\"} 1"),
        "{text}"
    );
    assert!(!text.contains("/no/such/page"), "raw paths must not become labels: {text}");
    assert!(text.contains("# TYPE certchain_http_request_duration_seconds histogram"));
}

fn openapi() -> Value {
    serde_json::from_str(OPENAPI).unwrap()
}

fn openapi_error_codes() -> Vec<String> {
    let codes = &openapi()["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
        ["code"]["enum"];
    codes.as_array().unwrap().iter().filter_map(|c| c.as_str().map(str::to_string)).collect()
}

/// A request that the operation answers with 200; `/api/v1/fetch` fetches from `tls`.
fn valid_request(method: &Method, path: &str, tls: &support::Server) -> Request<Body> {
    match (method, path) {
        (&Method::POST, _) => post(path, "application/json", chain_json().to_string()),
        (_, "/api/v1/fetch") => get(&format!("{path}?target=127.0.0.1:{}", tls.port())),
        _ => get(path),
    }
}

/// A TLS server on 127.0.0.1, and a service allowed to fetch from it.
async fn fetchable() -> (support::Server, Config) {
    let pki = support::Pki::new(None);
    let tls = support::tls_server(vec![pki.leaf.der.clone()], &pki.leaf.key).await;
    let config = Config {
        allow_fetch: vec!["127.0.0.1/32".parse().unwrap()],
        fetch_ports: vec![tls.port()],
        ..Config::default()
    };
    (tls, config)
}

#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let (tls, config) = fetchable().await;
    let call = |request| send(app(&config), request);
    let served = call(get("/api/openapi.json")).await;
    assert_eq!(served.json(), openapi());
    let doc = openapi();
    let paths = doc["paths"].as_object().unwrap();
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().unwrap() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let answer = call(valid_request(&method, path, &tls)).await;
            assert_eq!(answer.status, StatusCode::OK, "{method} {path}");
            let documented = operation["responses"]["200"]["content"].as_object().unwrap();
            let media_type =
                answer.header(header::CONTENT_TYPE).split(';').next().unwrap().to_string();
            assert!(
                documented.contains_key(&media_type),
                "{method} {path}: {media_type} not documented"
            );
            // Every other method on a documented path is refused, not served.
            let other = if method == Method::GET { Method::DELETE } else { Method::GET };
            let refused = call(
                Request::builder().method(other.clone()).uri(path).body(Body::empty()).unwrap(),
            )
            .await;
            assert_eq!(refused.status, StatusCode::METHOD_NOT_ALLOWED, "{other} {path}");
        }
    }
    // Every endpoint the service has is documented.
    for path in [
        "/api/v1/analyze",
        "/api/v1/snippets",
        "/api/v1/fetch",
        "/api/openapi.json",
        "/healthz",
        "/readyz",
        "/metrics",
    ] {
        assert!(paths.contains_key(path), "{path} is served but not documented");
    }
    // The Report schema lists exactly the fields a report always has.
    let report =
        call(post("/api/v1/analyze", "application/json", chain_json().to_string())).await.json();
    let mut always: Vec<&str> =
        report.as_object().unwrap().keys().map(String::as_str).filter(|k| *k != "host").collect();
    always.sort_unstable();
    let schema = &doc["components"]["schemas"]["Report"];
    let mut required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    required.sort_unstable();
    assert_eq!(always, required);
    let properties = schema["properties"].as_object().unwrap();
    for key in report.as_object().unwrap().keys() {
        assert!(properties.contains_key(key), "Report.{key} is not documented");
    }
}

#[tokio::test]
async fn the_same_request_is_answered_from_the_cache_and_any_change_is_not() {
    let router = app(&Config::default());
    let request = || post("/api/v1/analyze", "application/json", chain_json().to_string());
    let first = send(router.clone(), request()).await;
    let second = send(router.clone(), request()).await;
    assert_eq!(first.header(header::HeaderName::from_static("x-certchain-cache")), "miss");
    assert_eq!(second.header(header::HeaderName::from_static("x-certchain-cache")), "hit");
    assert_eq!(first.body, second.body);
    let mut later = chain_json();
    later["now"] = json!("2030-01-01T00:00:00Z");
    let third =
        send(router.clone(), post("/api/v1/analyze", "application/json", later.to_string())).await;
    assert_eq!(third.header(header::HeaderName::from_static("x-certchain-cache")), "miss");
    assert_eq!(third.json()["now"], json!("2030-01-01T00:00:00Z"));
    let snippets = send(
        router.clone(),
        post("/api/v1/snippets", "application/json", chain_json().to_string()),
    )
    .await;
    assert_eq!(snippets.header(header::HeaderName::from_static("x-certchain-cache")), "miss");
    assert!(snippets.json().is_array());
    let off = app(&Config { cache_entries: 0, ..Config::default() });
    send(off.clone(), request()).await;
    let again = send(off, request()).await;
    assert_eq!(again.header(header::HeaderName::from_static("x-certchain-cache")), "miss");
}

/// Regression (amplification): `targets: ["nginx"] * 110000` answered 161 MB.
#[tokio::test]
async fn snippet_targets_are_deduplicated_in_every_form_and_capped() {
    let mut request = chain_json();
    request["targets"] = json!(vec!["nginx"; 20_000]);
    let answer = call(post("/api/v1/snippets", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    assert_eq!(answer.json().as_array().map(Vec::len), Some(1));
    let query = format!("/api/v1/snippets?now={NOW}&host={URL}{}", "&target=nginx".repeat(500));
    let body = format!("{}{}", text("fullchain.pem"), text("root.pem"));
    let answer = call(post(&query, "text/plain", body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    assert_eq!(answer.json().as_array().map(Vec::len), Some(1));
    let chain = fixture("fullchain.pem");
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("file", Some("c.pem"), &chain)];
    parts.extend(std::iter::repeat_n(("target", None, &b"nginx"[..]), 500));
    let (content_type, body) = multipart(&parts);
    let answer = call(post("/api/v1/snippets", &content_type, body)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", String::from_utf8_lossy(&answer.body));
    assert_eq!(answer.json().as_array().map(Vec::len), Some(1));
    // More different targets than there are is refused before any work.
    let names: Vec<String> = (0..31).map(|i| format!("target-{i}")).collect();
    request["targets"] = json!(names);
    let answer = call(post("/api/v1/snippets", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), "too_many_targets");
    assert!(openapi_error_codes().contains(&answer.code()));
    assert!(answer.json()["error"]["message"].as_str().unwrap().contains("there are 30"));
}

/// Regression (amplification): `trust: ["x"] * 200000` answered 119 MB, one note each.
#[tokio::test]
async fn input_and_trust_sources_are_capped_with_the_limit_named() {
    let mut request = chain_json();
    request["trust"] = json!(vec!["x"; 65]);
    let answer = call(post("/api/v1/analyze", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.code(), "too_many_sources");
    assert!(openapi_error_codes().contains(&answer.code()));
    let message = answer.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.contains("65 trust sources; at most 64"), "{message}");
    request["trust"] = json!(vec![text("root.pem"); 64]);
    let answer = call(post("/api/v1/analyze", "application/json", request.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "64 is within the bound");
    let leaf = fixture("leaf.pem");
    for field in ["file", "trust"] {
        let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("file", Some("leaf.pem"), &leaf)];
        parts.extend(std::iter::repeat_n((field, Some("x.pem"), &leaf[..]), 65));
        let (content_type, body) = multipart(&parts);
        let answer = call(post("/api/v1/analyze", &content_type, body)).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{field}");
        assert_eq!(answer.code(), "too_many_sources", "{field}");
        assert!(answer.json()["error"]["message"].as_str().unwrap().contains("at most 64"));
    }
}

#[tokio::test]
async fn an_answer_over_the_limit_is_refused_and_never_built() {
    let small = Config { max_answer: 1000, ..Config::default() };
    for path in ["/api/v1/analyze", "/api/v1/snippets"] {
        let answer =
            send(app(&small), post(path, "application/json", chain_json().to_string())).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert_eq!(answer.code(), "answer_too_large", "{path}");
        assert!(openapi_error_codes().contains(&answer.code()));
        let message = answer.json()["error"]["message"].as_str().unwrap().to_string();
        assert!(message.contains("1000 bytes (--max-answer)"), "{message}");
    }
    let answer = call(post("/api/v1/analyze", "application/json", chain_json().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.len() > 1000);
}

#[tokio::test]
async fn api_and_operations_answers_are_not_stored_by_caches() {
    let (slow, _keep_open) = endless();
    let late = Config { timeout: Duration::from_millis(100), ..Config::default() };
    let timed_out = send(app(&late), slow).await;
    assert_eq!(timed_out.status, StatusCode::SERVICE_UNAVAILABLE);
    let answers = [
        call(post("/api/v1/analyze", "application/json", chain_json().to_string())).await,
        call(post("/api/v1/analyze", "application/json", "{")).await,
        call(get("/api/v1/nothing")).await,
        call(get("/api/v1/fetch?target=127.0.0.1")).await,
        call(get("/api/openapi.json")).await,
        call(get("/healthz")).await,
        call(get("/readyz")).await,
        call(get("/metrics")).await,
        timed_out,
    ];
    for answer in answers {
        assert_eq!(answer.header(header::CACHE_CONTROL), "no-store", "{}", answer.status);
    }
}

/// `request` with these extra headers.
fn with(mut request: Request<Body>, headers: &[(&'static str, &'static str)]) -> Request<Body> {
    for (name, value) in headers {
        request.headers_mut().insert(*name, value.parse().unwrap());
    }
    request
}

const EVIL: [(&str, &str); 2] =
    [("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")];

/// Regression: any page a portal user visited could make the service analyse and fetch
/// with "simple" requests (no preflight).
#[tokio::test]
async fn cross_origin_requests_are_refused() {
    let (tls, config) = fetchable().await;
    let chain = text("fullchain.pem");
    let (multipart_type, multipart_body) = multipart(&[("file", None, chain.as_bytes())]);
    let fetch = format!("/api/v1/fetch?target=127.0.0.1:{}", tls.port());
    let simple = || {
        vec![
            post("/api/v1/analyze", "text/plain", chain.clone()),
            post("/api/v1/snippets", &multipart_type, multipart_body.clone()),
            get(&fetch),
        ]
    };
    // A page of another site: Fetch Metadata says so (a GET from <img> has no Origin).
    for request in simple() {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = send(app(&config), with(request, &EVIL[..1])).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{what}");
        assert_eq!(answer.code(), "cross_origin_refused", "{what}");
        assert!(openapi_error_codes().contains(&answer.code()));
        assert!(answer.json()["error"]["message"].as_str().unwrap().contains("--allow-origin"));
        assert_eq!(answer.header(header::CACHE_CONTROL), "no-store");
        assert!(answer.header(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_empty());
    }
    // Same site is still another origin; an older browser sends Origin only.
    let refused: [&[(&'static str, &'static str)]; 3] = [
        &EVIL,
        &[("sec-fetch-site", "same-site"), ("origin", "https://portal.example.com")],
        &[("origin", "http://evil.example"), ("host", "certchain.example")],
    ];
    for headers in refused {
        let answer = send(app(&config), with(simple().remove(0), headers)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{headers:?}");
    }
    // curl and scripts (neither header), the same origin, and the user typing the URL.
    let taken: [&[(&'static str, &'static str)]; 4] = [
        &[],
        &[("sec-fetch-site", "same-origin"), ("origin", "http://certchain.example")],
        &[("sec-fetch-site", "none")],
        &[("origin", "http://certchain.example:8080"), ("host", "certchain.example:8080")],
    ];
    for headers in taken {
        for request in simple() {
            let what = format!("{} {} {headers:?}", request.method(), request.uri());
            let answer = send(app(&config), with(request, headers)).await;
            assert_eq!(answer.status, StatusCode::OK, "{what}");
        }
    }
}

#[tokio::test]
async fn an_allowed_origin_may_call_the_api_with_cors() {
    let config = Config {
        allow_origins: vec!["https://portal.example.com".parse().unwrap()],
        ..Config::default()
    };
    let portal = [("sec-fetch-site", "cross-site"), ("origin", "https://portal.example.com")];
    let request = post("/api/v1/analyze", "application/json", chain_json().to_string());
    let answer = send(app(&config), with(request, &portal)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "https://portal.example.com");
    assert!(answer.header(header::ACCESS_CONTROL_EXPOSE_HEADERS).contains("x-request-id"));
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/v1/analyze")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .body(Body::empty())
        .unwrap();
    let answer = send(app(&config), with(preflight, &portal)).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "https://portal.example.com");
    assert!(answer.header(header::ACCESS_CONTROL_ALLOW_METHODS).contains("POST"));
    assert!(answer.header(header::ACCESS_CONTROL_ALLOW_HEADERS).contains("content-type"));
    // Another origin is still refused, its preflight too.
    let request = post("/api/v1/analyze", "text/plain", text("fullchain.pem"));
    assert_eq!(send(app(&config), with(request, &EVIL)).await.status, StatusCode::FORBIDDEN);
}

/// Regression: a client's `x-request-id` went into text logs as it was, so it could forge
/// log fields.
#[tokio::test]
async fn a_client_request_id_is_kept_only_when_short_and_safe() {
    let id = header::HeaderName::from_static("x-request-id");
    let kept = call(with(get("/healthz"), &[("x-request-id", "portal-7f3a.2")])).await;
    assert_eq!(kept.header(id.clone()), "portal-7f3a.2");
    let long = Box::leak("a".repeat(65).into_boxed_str());
    for forged in ["x status=200 path=/admin", "a}b", "\"quoted\"", long] {
        let answer = call(with(get("/healthz"), &[("x-request-id", forged)])).await;
        let given = answer.header(id.clone());
        assert_ne!(given, forged);
        assert!(
            given.split_once('-').is_some_and(|(start, n)| {
                start.bytes().all(|b| b.is_ascii_hexdigit()) && n.parse::<u64>().is_ok()
            }),
            "{forged:?} was replaced by {given:?}"
        );
    }
}
