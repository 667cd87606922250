//! The soak step of `cargo xtask bench`: `certchain serve` (release) on 127.0.0.1 under
//! mixed valid and hostile requests from 8 client threads for CERTCHAIN_SOAK_SECS (default
//! 600), the server's RSS sampled every second. Expected: no 5xx, every answer within 1 s,
//! RSS flat within 10% after the first minute. Writes `target/bench/soak.md`; a figure over
//! these bounds is reported there and fails the step (it is a bench, not a timed test).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::load::{rss_kb, start_server};
use crate::process::{err, root, target_dir, Result};

const CLIENTS: usize = 8;
const SLOW: Duration = Duration::from_secs(1);

/// One kind of request in the mix: a name, and its raw HTTP/1.1 request for the n-th send.
struct Kind {
    name: &'static str,
    request: Box<dyn Fn(u64) -> Vec<u8> + Send + Sync>,
}

fn http(method: &str, path: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    [head.as_bytes(), body].concat()
}

/// The same request every time.
fn fixed(name: &'static str, method: &str, path: &str, content_type: &str, body: &[u8]) -> Kind {
    let request = http(method, path, content_type, body);
    Kind { name, request: Box::new(move |_| request.clone()) }
}

/// A text input with a different line after it each time (text around PEM is allowed), so
/// that every answer is a fresh analysis, not one from the service's cache.
fn distinct(name: &'static str, path: &'static str, json: bool, text: String) -> Kind {
    let request = move |n: u64| {
        let input = format!("{text}request {n}\n");
        if json {
            let body =
                format!("{{\"input\": {input:?}, \"host\": \"https://gitlab.example.com:8443/\"}}");
            http("POST", path, "application/json", body.as_bytes())
        } else {
            http("POST", path, "text/plain", input.as_bytes())
        }
    };
    Kind { name, request: Box::new(request) }
}

/// Valid and hostile requests, each sent in turn by every client.
fn mix() -> Result<Vec<Kind>> {
    let inputs = root().join("tests/fixtures/inputs");
    let read = |name: &str| std::fs::read_to_string(inputs.join(name));
    let chain = read("fullchain.pem")? + &read("root.pem")?;
    let nested: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 50_000).flatten().collect();
    let garbage: Vec<u8> =
        (0..64_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let analyze = "/api/v1/analyze?host=gitlab.example.com";
    let octets = "application/octet-stream";
    Ok(vec![
        distinct("analyze, chain as text", analyze, false, chain.clone()),
        distinct("analyze, JSON", "/api/v1/analyze", true, chain.clone()),
        distinct("snippets, JSON", "/api/v1/snippets", true, chain.clone()),
        distinct(
            "analyze, bundle with a private key",
            analyze,
            false,
            read("bundle-with-key.pem")?,
        ),
        distinct("analyze, s_client transcript", analyze, false, read("s_client-showcerts.txt")?),
        fixed("analyze, 64 KB of binary garbage", "POST", analyze, octets, &garbage),
        fixed("analyze, 50,000 nested indefinite lengths", "POST", analyze, octets, &nested),
        fixed(
            "analyze, 2 MiB body (over the limit)",
            "POST",
            analyze,
            "text/plain",
            &vec![b'A'; 2 << 20],
        ),
        fixed(
            "analyze, malformed JSON",
            "POST",
            "/api/v1/analyze",
            "application/json",
            b"{\"input\": ",
        ),
        fixed("analyze, empty body", "POST", analyze, "text/plain", b""),
        fixed("analyze, wrong content type", "POST", analyze, "image/png", chain.as_bytes()),
        fixed("fetch, not enabled", "GET", "/api/v1/fetch?target=127.0.0.1:443", "text/plain", b""),
        fixed("healthz", "GET", "/healthz", "text/plain", b""),
        fixed("unknown path", "GET", "/api/v1/nothing-here", "text/plain", b""),
    ])
}

/// Sends one request; the status code (0 when the exchange failed) and how long it took.
fn exchange(addr: &str, request: &[u8]) -> (u16, Duration) {
    let started = Instant::now();
    let status = (|| -> std::io::Result<u16> {
        let mut stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        // A body over the limit may be refused before it is all sent: that is fine.
        let _ = stream.write_all(request);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let head = String::from_utf8_lossy(&answer[..answer.len().min(32)]).into_owned();
        Ok(head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0))
    })()
    .unwrap_or(0);
    (status, started.elapsed())
}

/// Per kind: status counts, slowest answer, answers over [`SLOW`].
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, u64>,
    slowest: Duration,
    slow: u64,
}

/// Runs the soak; `CERTCHAIN_SOAK_SECS` sets its length.
pub fn soak() -> Result {
    let secs: u64 =
        std::env::var("CERTCHAIN_SOAK_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(600);
    let server = start_server(None)?;
    let pid = server.child.id();
    let kinds = Arc::new(mix()?);
    let tallies: Arc<Mutex<Vec<Tally>>> =
        Arc::new(Mutex::new(kinds.iter().map(|_| Tally::default()).collect()));
    let running = Arc::new(AtomicBool::new(true));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (kinds, tallies, running) = (kinds.clone(), tallies.clone(), running.clone());
            let addr = server.addr.clone();
            thread::spawn(move || {
                let mut i = client as u64;
                while running.load(Ordering::Relaxed) {
                    let k = (i % kinds.len() as u64) as usize;
                    let (status, took) = exchange(&addr, &(kinds[k].request)(i));
                    if let Ok(mut t) = tallies.lock() {
                        let t = &mut t[k];
                        *t.statuses.entry(status).or_default() += 1;
                        t.slowest = t.slowest.max(took);
                        t.slow += u64::from(took > SLOW);
                    }
                    i += 1;
                }
            })
        })
        .collect();
    let mut rss = Vec::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(secs) {
        rss.push(rss_kb(pid));
        thread::sleep(Duration::from_secs(1));
    }
    running.store(false, Ordering::Relaxed);
    for c in clients {
        let _ = c.join();
    }
    drop(server);
    let tallies = tallies.lock().map_err(|_| err("a client thread panicked"))?;
    let (table, ok) = render(&kinds, &tallies, &rss, secs);
    let out = target_dir().join("bench").join("soak.md");
    std::fs::create_dir_all(target_dir().join("bench"))?;
    std::fs::write(&out, &table)?;
    println!("{table}");
    eprintln!("==> wrote {}", out.display());
    if ok {
        Ok(())
    } else {
        Err(err(format!("soak: a bound was not met, see {}", out.display())))
    }
}

/// The report, and whether every bound was met.
fn render(kinds: &[Kind], tallies: &[Tally], rss: &[u64], secs: u64) -> (String, bool) {
    let total: u64 = tallies.iter().flat_map(|t| t.statuses.values()).sum();
    let server_errors: u64 = tallies
        .iter()
        .flat_map(|t| t.statuses.iter())
        .filter(|(s, _)| **s >= 500 || **s == 0)
        .map(|(_, n)| n)
        .sum();
    let slow: u64 = tallies.iter().map(|t| t.slow).sum();
    let after_warm_up = rss.get(60.min(rss.len().saturating_sub(1))).copied().unwrap_or(0);
    let end = rss.last().copied().unwrap_or(0);
    let max = rss.iter().copied().max().unwrap_or(0);
    let growth =
        if after_warm_up == 0 { 0.0 } else { (end as f64 / after_warm_up as f64 - 1.0) * 100.0 };
    let mut out = format!(
        "{CLIENTS} clients, {secs} s, certchain serve (release) on 127.0.0.1: {total} requests, \
         {server_errors} 5xx or failed exchanges, {slow} answers over 1 s; RSS {:.1} MB at 1 min, \
         {:.1} MB at the end ({growth:+.1}%), {:.1} MB at most.\n\n\
         RSS each minute (MB): {}.\n\n\
         | Request | Answers (status: count) | Slowest |\n|---|---|---|\n",
        after_warm_up as f64 / 1024.0,
        end as f64 / 1024.0,
        max as f64 / 1024.0,
        rss.iter()
            .step_by(60)
            .map(|kb| format!("{:.1}", *kb as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (kind, t) in kinds.iter().zip(tallies) {
        let statuses: Vec<String> = t.statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} ms |",
            kind.name,
            statuses.join(", "),
            t.slowest.as_millis()
        );
    }
    (out, server_errors == 0 && slow == 0 && growth < 10.0 && total > 0)
}
