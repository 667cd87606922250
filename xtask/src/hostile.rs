//! `cargo xtask hostile` (and a step of `cargo xtask bench`): `certchain serve` (release)
//! on 127.0.0.1 under the attacks of the security issue, one server each, stopped by its
//! process id. Writes `target/bench/hostile.md`; a bound not met fails the step.
//!
//! 1. One analysis slot (`--analysis-slots 1`) and the RSA-exponent input (`rsa_bomb`)
//!    sent again and again: the other clients' answers must come within 1 s. Then the
//!    server's CPU is watched with no request: an analysis whose request was abandoned
//!    cannot be stopped, and this shows whether one still runs.
//! 2. 20 clients that each send a 1 MiB body (`-----BEGIN CERTIFICATE-----` lines) and
//!    never read the answer: the server's RSS must stay under 200 MB.
//! 3. 5,000 connections that send a few header bytes and fall silent: every one must be
//!    closed within the header timeout (10 s by default), plus 2 s.

use std::fmt::Write as _;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::load::{rss_kb, start_server_with};
use crate::process::{err, root, target_dir, Result};
use crate::rsa_bomb;

/// How long the other clients of step 1 may wait for an answer.
const PROMPT: Duration = Duration::from_secs(1);
/// The RSS bound of step 2.
const MAX_RSS_MB: f64 = 200.0;
/// The header timeout the server runs with (its default), and the margin of step 3.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
const MARGIN: Duration = Duration::from_secs(2);

/// One step's figures, and whether its bound was met.
struct Outcome {
    title: &'static str,
    text: String,
    ok: bool,
}

/// Runs the three steps; `CERTCHAIN_HOSTILE_SECS` sets the length of steps 1 and 2
/// (default 30).
pub fn hostile() -> Result {
    let secs = std::env::var("CERTCHAIN_HOSTILE_SECS").ok().and_then(|s| s.parse().ok());
    let length = Duration::from_secs(secs.unwrap_or(30));
    let outcomes = [slow_analysis(length)?, unread_answers(length)?, silent_connections()?];
    let mut report = String::from("# certchain serve under hostile load\n\n");
    for outcome in &outcomes {
        let verdict = if outcome.ok { "met" } else { "NOT MET" };
        let _ = write!(report, "## {} — {verdict}\n\n{}\n", outcome.title, outcome.text);
    }
    let out = target_dir().join("bench").join("hostile.md");
    std::fs::create_dir_all(target_dir().join("bench"))?;
    std::fs::write(&out, &report)?;
    println!("{report}");
    eprintln!("==> wrote {}", out.display());
    if outcomes.iter().all(|o| o.ok) {
        Ok(())
    } else {
        Err(err(format!("hostile: a bound was not met, see {}", out.display())))
    }
}

/// A raw HTTP/1.1 request that closes the connection.
fn post(path: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    [head.as_bytes(), body].concat()
}

/// Sends `request` and reads the whole answer; its status (0: none) and how long it took.
fn exchange(addr: &str, request: &[u8], patience: Duration) -> (u16, Duration) {
    let started = Instant::now();
    let status = (|| -> std::io::Result<u16> {
        let mut stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(patience))?;
        stream.write_all(request)?;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let head = String::from_utf8_lossy(&answer[..answer.len().min(32)]).into_owned();
        Ok(head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0))
    })()
    .unwrap_or(0);
    (status, started.elapsed())
}

/// The process's CPU time (user + system), in clock ticks (`/proc/PID/stat` fields 14, 15).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    tick(11) + tick(12)
}

/// Threads of `pid` whose name starts with `prefix`.
fn threads_named(pid: u32, prefix: &str) -> usize {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
        .filter(|name| name.starts_with(prefix))
        .count()
}

/// Step 1: the RSA-exponent input on the one slot, other clients beside it.
fn slow_analysis(length: Duration) -> Result<Outcome> {
    let server = start_server_with(None, &["--analysis-slots", "1"])?;
    let pid = server.child.id();
    let bomb = post("/api/v1/analyze", "text/plain", rsa_bomb::chain_pem().as_bytes());
    let inputs = root().join("tests/fixtures/inputs");
    let chain = std::fs::read_to_string(inputs.join("fullchain.pem"))?
        + &std::fs::read_to_string(inputs.join("root.pem"))?;
    let running = Arc::new(AtomicBool::new(true));
    let attacker = {
        let (addr, running) = (server.addr.clone(), running.clone());
        thread::spawn(move || {
            let mut answers = Vec::new();
            while running.load(Ordering::Relaxed) {
                answers.push(exchange(&addr, &bomb, Duration::from_secs(30)));
            }
            answers
        })
    };
    thread::sleep(Duration::from_millis(500));
    let clients: Vec<_> = (0..4u64)
        .map(|client| {
            let (addr, running, chain) = (server.addr.clone(), running.clone(), chain.clone());
            thread::spawn(move || {
                let mut answers = Vec::new();
                let mut n = client;
                while running.load(Ordering::Relaxed) {
                    // A line after the PEM makes each request new (no cache hit).
                    let body = format!("{chain}request {n}\n");
                    let path = "/api/v1/analyze?host=gitlab.example.com";
                    answers.push(exchange(
                        &addr,
                        &post(path, "text/plain", body.as_bytes()),
                        PROMPT * 30,
                    ));
                    n += 4;
                }
                answers
            })
        })
        .collect();
    thread::sleep(length);
    running.store(false, Ordering::Relaxed);
    let others: Vec<(u16, Duration)> =
        clients.into_iter().flat_map(|c| c.join().unwrap_or_default()).collect();
    let bombs = attacker.join().unwrap_or_default();
    let (idle_cpu, analysis_threads) = quiet_cpu(pid);
    drop(server);
    Ok(slow_analysis_report(&others, &bombs, idle_cpu, analysis_threads))
}

/// With no request: the share of one core the server used over 5 s, and its analysis
/// threads (an abandoned analysis runs on a thread of its own, beside the slot's).
fn quiet_cpu(pid: u32) -> (f64, usize) {
    // Let answers in flight finish first.
    thread::sleep(Duration::from_secs(1));
    let before = cpu_ticks(pid);
    thread::sleep(Duration::from_secs(5));
    let used = cpu_ticks(pid).saturating_sub(before) as f64 / 100.0;
    (used / 5.0 * 100.0, threads_named(pid, "certchain-analy"))
}

fn slow_analysis_report(
    others: &[(u16, Duration)],
    bombs: &[(u16, Duration)],
    idle_cpu: f64,
    analysis_threads: usize,
) -> Outcome {
    let late = others.iter().filter(|(s, t)| *s != 200 || *t > PROMPT).count();
    let slowest = others.iter().map(|(_, t)| *t).max().unwrap_or_default();
    let statuses = |answers: &[(u16, Duration)]| {
        let mut counts = std::collections::BTreeMap::<u16, usize>::new();
        for (status, _) in answers {
            *counts.entry(*status).or_default() += 1;
        }
        counts.iter().map(|(s, n)| format!("{s}: {n}")).collect::<Vec<_>>().join(", ")
    };
    let bomb_slowest = bombs.iter().map(|(_, t)| *t).max().unwrap_or_default();
    let text = format!(
        "`--analysis-slots 1`; one client sends the RSA-exponent chain (16,384-bit modulus, \
         480,000-bit exponent) again and again, 4 others send a 3-certificate chain.\n\n\
         - other clients: {} answers ({}), {late} not 200 within 1 s, slowest {} ms\n\
         - the RSA-exponent chain: {} answers ({}), slowest {} ms\n\
         - afterwards, with no request: {idle_cpu:.0}% of a core over 5 s, {analysis_threads} \
         analysis threads (1 is the slot; more, or CPU in use, is an abandoned analysis that \
         still runs)\n",
        others.len(),
        statuses(others),
        slowest.as_millis(),
        bombs.len(),
        statuses(bombs),
        bomb_slowest.as_millis(),
    );
    Outcome {
        title: "One analysis slot and the RSA-exponent input",
        text,
        ok: late == 0 && !others.is_empty(),
    }
}

/// The server's RSS sampled every 250 ms while `running`; the largest, in KiB.
fn sample_rss(pid: u32, running: Arc<AtomicBool>) -> thread::JoinHandle<u64> {
    thread::spawn(move || {
        let mut max = 0;
        while running.load(Ordering::Relaxed) {
            max = max.max(rss_kb(pid));
            thread::sleep(Duration::from_millis(250));
        }
        max
    })
}

/// Step 2: 20 clients, 1 MiB bodies, answers never read.
fn unread_answers(length: Duration) -> Result<Outcome> {
    const CLIENTS: usize = 20;
    // Longer than the write timeout (10 s): the server must give the answer up itself.
    const HOLD: Duration = Duration::from_secs(12);
    let server = start_server_with(None, &[])?;
    let pid = server.child.id();
    let line = b"-----BEGIN CERTIFICATE-----\n";
    let body: Vec<u8> =
        line.iter().copied().cycle().take((1 << 20) / line.len() * line.len()).collect();
    let request = Arc::new(post("/api/v1/analyze", "text/plain", &body));
    let running = Arc::new(AtomicBool::new(true));
    let sampler = sample_rss(pid, running.clone());
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (addr, request) = (server.addr.clone(), request.clone());
            thread::spawn(move || {
                let mut sent = 0;
                while started.elapsed() < length {
                    if let Ok(mut stream) = TcpStream::connect(&addr) {
                        sent += usize::from(stream.write_all(&request).is_ok());
                        thread::sleep(HOLD);
                    }
                }
                sent
            })
        })
        .collect();
    let sent: usize = clients.into_iter().map(|c| c.join().unwrap_or(0)).sum();
    thread::sleep(Duration::from_secs(1));
    let after = rss_kb(pid);
    running.store(false, Ordering::Relaxed);
    let max = sampler.join().unwrap_or(0);
    let (health, _) = exchange(
        &server.addr,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        PROMPT * 5,
    );
    drop(server);
    let max_mb = max as f64 / 1024.0;
    let text = format!(
        "{CLIENTS} clients, each sending `POST /api/v1/analyze` with 1 MiB of \
         `-----BEGIN CERTIFICATE-----` lines and holding the connection {} s without reading, \
         again and again for {} s: {sent} requests sent.\n\n\
         - RSS at most {max_mb:.1} MB (bound {MAX_RSS_MB} MB), {:.1} MB at the end\n\
         - `/healthz` afterwards: {health}\n",
        HOLD.as_secs(),
        length.as_secs(),
        after as f64 / 1024.0,
    );
    Ok(Outcome {
        title: "20 clients that send 1 MiB and never read the answer",
        text,
        ok: max_mb < MAX_RSS_MB && health == 200 && sent > 0,
    })
}

/// Step 3: 5,000 connections, a few header bytes each, then silence.
fn silent_connections() -> Result<Outcome> {
    const CONNECTIONS: usize = 5000;
    let server = start_server_with(None, &[])?;
    let pid = server.child.id();
    let running = Arc::new(AtomicBool::new(true));
    let sampler = sample_rss(pid, running.clone());
    let mut open = Vec::with_capacity(CONNECTIONS);
    let started = Instant::now();
    for _ in 0..CONNECTIONS {
        let mut stream = TcpStream::connect(&server.addr)
            .map_err(|e| err(format!("connection {}: {e} (ulimit -n?)", open.len() + 1)))?;
        let _ = stream.write_all(b"GET / HTTP/1.1\r\nHo");
        stream.set_nonblocking(true)?;
        open.push((stream, Instant::now()));
    }
    let opened = started.elapsed();
    // How long each connection lived, from its own opening to its end.
    let mut closed = Vec::with_capacity(CONNECTIONS);
    let give_up = Instant::now() + HEADER_TIMEOUT + MARGIN + Duration::from_secs(10);
    while !open.is_empty() && Instant::now() < give_up {
        open.retain_mut(|(stream, since)| {
            let mut buf = [0u8; 512];
            let gone = match stream.read(&mut buf) {
                Ok(0) => true,
                Ok(_) => false, // the 503 of a connection over the cap; its end follows
                Err(e) => e.kind() != ErrorKind::WouldBlock,
            };
            if gone {
                closed.push(since.elapsed());
            }
            !gone
        });
        thread::sleep(Duration::from_millis(50));
    }
    running.store(false, Ordering::Relaxed);
    let max = sampler.join().unwrap_or(0);
    drop(server);
    let last = closed.iter().max().copied().unwrap_or_default();
    let early = closed.iter().filter(|t| **t < Duration::from_secs(1)).count();
    let text = format!(
        "{CONNECTIONS} connections opened in {} ms, each sending `GET / HTTP/1.1\\r\\nHo` \
         and nothing more (default limits: 1,024 connections, 10 s header timeout).\n\n\
         - closed: {} of {CONNECTIONS}, {early} within 1 s of opening (over the cap: 503 and \
         closed); the longest lived {:.1} s (bound {} s)\n\
         - still open when the watch ended ({} s after the last opened): {}\n\
         - RSS at most {:.1} MB\n",
        opened.as_millis(),
        closed.len(),
        last.as_secs_f64(),
        (HEADER_TIMEOUT + MARGIN).as_secs(),
        (HEADER_TIMEOUT + MARGIN).as_secs() + 10,
        open.len(),
        max as f64 / 1024.0,
    );
    Ok(Outcome {
        title: "5,000 connections that fall silent",
        text,
        ok: open.is_empty() && last <= HEADER_TIMEOUT + MARGIN,
    })
}
