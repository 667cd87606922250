//! `certchain serve` as a process on 127.0.0.1: it answers, its JSON logs carry request ids
//! and never the query, the body, a certificate or a key, and SIGTERM stops it cleanly.
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_certchain");
const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/inputs");

/// The server process, killed by its id if the test ends early.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 exchange; the whole answer as text.
fn exchange(addr: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn the_service_logs_requests_without_their_content_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--log", "json"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let addr = first.trim().rsplit("http://").next().unwrap().trim_end_matches('/').to_string();

    let bundle = std::fs::read_to_string(format!("{INPUTS}/bundle-with-key.pem")).unwrap();
    let key_line =
        bundle.lines().skip_while(|l| !l.contains("PRIVATE KEY")).nth(1).unwrap().to_string();
    let request = format!(
        "POST /api/v1/analyze?host=secret-portal.example HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{bundle}",
        bundle.len()
    );
    let answer = exchange(&addr, request.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("x-request-id: "), "{answer}");
    assert!(!answer.contains(&key_line), "the key came back in the answer");
    let health = exchange(
        &addr,
        format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");

    let status = Command::new("kill").args(["-TERM", &server.0.id().to_string()]).status().unwrap();
    assert!(status.success());
    let mut logs = String::new();
    BufReader::new(stderr).read_to_string(&mut logs).unwrap();
    let mut server = server;
    let exit = server.0.wait().unwrap();
    assert!(exit.success(), "exit {exit:?}\n{logs}");
    assert!(logs.contains("certchain: stopping"), "{logs}");

    let requests: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|l| l["span"]["path"].is_string())
        .collect();
    assert_eq!(requests.len(), 2, "one line per request:\n{logs}");
    assert_eq!(requests[0]["span"]["path"], "/api/v1/analyze");
    assert_eq!(requests[0]["fields"]["status"], 200, "{}", requests[0]);
    assert!(requests[0]["span"]["id"].as_str().is_some_and(|id| id.contains('-')));
    for secret in [key_line.as_str(), "PRIVATE KEY", "BEGIN CERTIFICATE", "secret-portal", "MII"] {
        assert!(!logs.contains(secret), "the log holds {secret:?}:\n{logs}");
    }
}
