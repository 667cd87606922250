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

/// `certchain serve ARGS` on 127.0.0.1; the server and the lines it printed first.
fn start(args: &[&str], lines: usize) -> (Server, Vec<String>, std::process::ChildStderr) {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let printed = (0..lines)
        .map(|_| {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            line.trim().rsplit("http://").next().unwrap().trim_end_matches('/').to_string()
        })
        .collect();
    let stderr = child.stderr.take().unwrap();
    (Server(child), printed, stderr)
}

/// Stops `server` with SIGTERM and returns its logs.
fn stop(mut server: Server, stderr: std::process::ChildStderr) -> String {
    let status = Command::new("kill").args(["-TERM", &server.0.id().to_string()]).status().unwrap();
    assert!(status.success());
    let mut logs = String::new();
    BufReader::new(stderr).read_to_string(&mut logs).unwrap();
    assert!(server.0.wait().unwrap().success(), "{logs}");
    logs
}

/// Regression: a client's x-request-id went into the text logs as it was.
#[test]
fn a_forged_request_id_does_not_reach_the_text_logs() {
    let (server, printed, stderr) = start(&["--log", "text"], 1);
    let addr = &printed[0];
    let forged = "x method=DELETE path=/admin status=200";
    let request = format!(
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nx-request-id: {forged}\r\nConnection: close\r\n\r\n"
    );
    let answer = exchange(addr, request.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(!answer.contains(forged), "{answer}");
    let logs = stop(server, stderr);
    assert!(logs.contains("path=/healthz"), "{logs}");
    assert!(!logs.contains("/admin") && !logs.contains("DELETE"), "{logs}");
}

#[test]
fn metrics_can_be_served_on_their_own_address_only() {
    let (server, printed, stderr) = start(&["--metrics-listen", "127.0.0.1:0"], 2);
    let (public, private) = (&printed[0], printed[1].trim_end_matches("/metrics"));
    let ask = |addr: &str| {
        exchange(
            addr,
            format!("GET /metrics HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    let scraped = ask(private);
    assert!(scraped.starts_with("HTTP/1.1 200"), "{scraped}");
    assert!(scraped.contains("certchain_build_info"), "{scraped}");
    let health = exchange(
        public,
        format!("GET /healthz HTTP/1.1\r\nHost: {public}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let hidden = ask(public);
    assert!(hidden.starts_with("HTTP/1.1 404"), "{hidden}");
    assert!(ask(private).contains("route=\"/healthz\""), "the public port's requests are counted");
    stop(server, stderr);
}

mod connections {
    //! The accept loop in-process, on 127.0.0.1, with short limits.
    use std::time::{Duration, Instant};

    use certchain::serve::{app, serve, Config, Limits};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::sync::oneshot;

    /// A served app; stopped (gracefully) when dropped.
    struct Running {
        addr: std::net::SocketAddr,
        _stop: oneshot::Sender<()>,
    }

    async fn running(limits: Limits) -> Running {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(serve(listener, app(&Config::default()), limits, async move {
            let _ = stopped.await;
        }));
        Running { addr, _stop: stop }
    }

    fn limits(header_ms: u64, idle_ms: u64, max_connections: usize) -> Limits {
        Limits {
            max_connections,
            header_timeout: Duration::from_millis(header_ms),
            idle_timeout: Duration::from_millis(idle_ms),
            write_timeout: Duration::from_secs(5),
        }
    }

    /// Reads until the server closes; what it sent, and when it closed (from `since`).
    async fn until_closed(stream: &mut TcpStream, since: Instant) -> (String, Duration) {
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer));
        assert!(read.await.is_ok(), "the connection was not closed within 10 s");
        (String::from_utf8_lossy(&answer).into_owned(), since.elapsed())
    }

    const HEALTH: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

    /// Regression: 5,000 connections that sent a few header bytes and fell silent were
    /// held for 130 s and more.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_slow_loris_connection_is_closed_at_the_header_timeout() {
        let server = running(limits(300, 3000, 64)).await;
        let mut partial = TcpStream::connect(server.addr).await.unwrap();
        let started = Instant::now();
        partial.write_all(b"GET / HTTP/1.1\r\nHo").await.unwrap();
        let (answer, took) = until_closed(&mut partial, started).await;
        assert!(!answer.contains(" 200 "), "{answer}");
        assert!(
            took >= Duration::from_millis(250) && took < Duration::from_millis(1500),
            "{took:?}"
        );
        // A byte every 100 ms does not keep a head alive either.
        let mut trickle = TcpStream::connect(server.addr).await.unwrap();
        let started = Instant::now();
        let mut closed_after = None;
        for byte in b"GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if trickle.write_all(&[*byte]).await.is_err() {
                closed_after = Some(started.elapsed());
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let closed_after = closed_after.expect("the trickling client was never cut");
        assert!(closed_after < Duration::from_millis(1500), "{closed_after:?}");
        // A silent new connection waits the header timeout, not the idle one.
        let mut silent = TcpStream::connect(server.addr).await.unwrap();
        let (_, took) = until_closed(&mut silent, Instant::now()).await;
        assert!(took < Duration::from_millis(1500), "{took:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_kept_alive_connection_is_closed_after_the_idle_timeout() {
        let server = running(limits(200, 900, 64)).await;
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        stream.write_all(HEALTH).await.unwrap();
        let mut first = [0u8; 12];
        stream.read_exact(&mut first).await.unwrap();
        assert_eq!(&first, b"HTTP/1.1 200");
        let answered = Instant::now();
        // Answered; waiting longer than the header timeout is fine between requests.
        tokio::time::sleep(Duration::from_millis(400)).await;
        stream.write_all(HEALTH).await.unwrap();
        let (answer, _) = until_closed(&mut stream, answered).await;
        assert!(answer.contains("HTTP/1.1 200 OK"), "the second request was answered: {answer}");
        let idle = answered.elapsed();
        assert!(idle >= Duration::from_millis(1200) && idle < Duration::from_secs(3), "{idle:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn connections_over_the_cap_are_answered_503_and_closed() {
        let server = running(limits(5000, 5000, 2)).await;
        let held = [
            TcpStream::connect(server.addr).await.unwrap(),
            TcpStream::connect(server.addr).await.unwrap(),
        ];
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut third = TcpStream::connect(server.addr).await.unwrap();
        let (answer, took) = until_closed(&mut third, Instant::now()).await;
        assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
        assert!(answer.contains(r#""code":"overloaded""#), "{answer}");
        assert!(took < Duration::from_secs(1), "{took:?}");
        // A place frees when a connection ends.
        drop(held);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut next = TcpStream::connect(server.addr).await.unwrap();
        next.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let (answer, _) = until_closed(&mut next, Instant::now()).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
}
