//! The load step of `cargo xtask bench`: `certchain serve` (release) on 127.0.0.1 under
//! `wrk` at 64 connections, `GET /healthz` then `POST /api/v1/analyze` with a
//! 3-certificate chain, in one run, with the server's RSS sampled every second. Twice: with
//! wrk and the server sharing every core, then (with two cores or more) each on its own
//! cores, so that the load generator's own scheduling is not counted as the server's
//! latency. Writes `target/bench/load.md`. Figures, not assertions: the machine is shared.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::process::{capture, cmd, err, root, target_dir, Result};
use crate::run::certchain_bin;

/// Connections, as the issue asks.
const CONNECTIONS: &str = "64";

/// Where wrk and the server run.
struct Placement {
    title: &'static str,
    /// `taskset -c` lists, or `None` for every core.
    server_cpus: Option<String>,
    wrk_cpus: Option<String>,
    wrk_threads: usize,
}

impl Placement {
    fn shared() -> Self {
        Placement {
            title: "wrk and the server sharing every core",
            server_cpus: None,
            wrk_cpus: None,
            wrk_threads: 2,
        }
    }

    /// The server on all cores but the last, wrk on the last; `None` on one core or
    /// without `taskset`.
    fn separate() -> Option<Self> {
        let cores = thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let has_taskset =
            cmd("taskset").arg("--version").output().is_ok_and(|o| o.status.success());
        (cores >= 2 && has_taskset).then(|| Placement {
            title: "the server on its own cores, wrk on another (taskset)",
            server_cpus: Some(if cores == 2 { "0".into() } else { format!("0-{}", cores - 2) }),
            wrk_cpus: Some((cores - 1).to_string()),
            wrk_threads: 1,
        })
    }
}

/// `program`, under `taskset -c cpus` when pinned.
fn pinned(cpus: Option<&str>, program: &Path) -> Command {
    match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.arg("-c").arg(cpus).arg(program);
            c
        }
        None => Command::new(program),
    }
}

/// What one `wrk` run measured.
struct Load {
    label: &'static str,
    requests_per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
    rss_start_kb: u64,
    rss_end_kb: u64,
    rss_max_kb: u64,
}

/// The server, stopped (by its process id) when dropped.
pub struct Server {
    /// The `certchain serve` process.
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `certchain serve` (release) on a free loopback port, on the `cpus` given (`taskset -c`
/// execs it, so the process id is the server's).
pub fn start_server(cpus: Option<&str>) -> Result<Server> {
    start_server_with(cpus, &["--max-concurrent", "1024"])
}

/// [`start_server`] with these arguments after `serve --listen 127.0.0.1:0`.
pub fn start_server_with(cpus: Option<&str>, args: &[&str]) -> Result<Server> {
    let mut child = pinned(cpus, &certchain_bin())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        BufReader::new(stdout).read_line(&mut line)?;
    }
    let addr = line.trim().rsplit("http://").next().unwrap_or("").trim_end_matches('/').to_string();
    if addr.is_empty() {
        let _ = child.kill();
        return Err(err(format!("certchain serve did not say where it listens: {line:?}")));
    }
    Ok(Server { child, addr })
}

/// The resident set size of `pid`, in KiB (0 when it cannot be read).
pub fn rss_kb(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or("");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse().ok()).unwrap_or(0)
}

/// `wrk` against `url` for `secs`, with the server's RSS sampled each second.
fn wrk(
    placement: &Placement,
    label: &'static str,
    url: &str,
    script: Option<&Path>,
    secs: u64,
    pid: u32,
) -> Result<Load> {
    let samples = Arc::new(Mutex::new(vec![rss_kb(pid)]));
    let running = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (samples, running) = (samples.clone(), running.clone());
        thread::spawn(move || {
            while running.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_secs(1));
                if let Ok(mut s) = samples.lock() {
                    s.push(rss_kb(pid));
                }
            }
        })
    };
    let mut c = pinned(placement.wrk_cpus.as_deref(), Path::new("wrk"));
    let threads = format!("-t{}", placement.wrk_threads);
    c.args([threads.as_str(), "-c", CONNECTIONS, "-d", &format!("{secs}s"), "--latency"]);
    if let Some(script) = script {
        c.arg("-s").arg(script);
    }
    let output = capture(c.arg(url));
    running.store(false, Ordering::Relaxed);
    let _ = sampler.join();
    let output = output?;
    let samples = samples.lock().map(|s| s.clone()).unwrap_or_default();
    Ok(Load {
        label,
        requests_per_sec: number_after(&output, "Requests/sec:").unwrap_or(0.0),
        p50_ms: latency(&output, "50%").unwrap_or(f64::NAN),
        p99_ms: latency(&output, "99%").unwrap_or(f64::NAN),
        errors: errors(&output),
        rss_start_kb: samples.first().copied().unwrap_or(0),
        rss_end_kb: samples.last().copied().unwrap_or(0),
        rss_max_kb: samples.iter().copied().max().unwrap_or(0),
    })
}

fn number_after(text: &str, label: &str) -> Option<f64> {
    let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
    line.trim_start().strip_prefix(label)?.split_whitespace().next()?.parse().ok()
}

/// A percentile of wrk's `--latency` table (`99%  3.21ms`), in milliseconds.
fn latency(text: &str, percentile: &str) -> Option<f64> {
    let value = number_text_after(text, percentile)?;
    let (number, unit) = value.split_at(value.find(|c: char| c.is_ascii_alphabetic())?);
    let number: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => number / 1000.0,
        "ms" => number,
        "s" => number * 1000.0,
        "m" => number * 60_000.0,
        _ => return None,
    })
}

fn number_text_after<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
    line.trim_start().strip_prefix(label)?.split_whitespace().next()
}

/// Non-2xx answers plus socket errors.
fn errors(text: &str) -> u64 {
    let non_2xx = number_after(text, "Non-2xx or 3xx responses:").unwrap_or(0.0) as u64;
    let socket: u64 = text
        .lines()
        .find(|l| l.trim_start().starts_with("Socket errors:"))
        .map(|l| {
            l.split(',').filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok()).sum()
        })
        .unwrap_or(0);
    non_2xx + socket
}

/// The wrk script that POSTs the fixture chain (leaf, intermediate, root) as text. With
/// `distinct`, each request adds a different line after the PEM (text around PEM is
/// allowed), so no answer comes from the service's cache.
fn post_script(distinct: bool) -> Result<std::path::PathBuf> {
    let inputs = root().join("tests/fixtures/inputs");
    let chain = fs::read_to_string(inputs.join("fullchain.pem"))?
        + &fs::read_to_string(inputs.join("root.pem"))?;
    let mut lua = format!(
        "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"text/plain\"\nwrk.body = [[{chain}]]\n"
    );
    if distinct {
        lua += "local n = 0\n\
                request = function()\n\
                \x20 n = n + 1\n\
                \x20 return wrk.format(nil, nil, nil, wrk.body .. \"request \" .. n .. \" \" .. math.random(1e9) .. \"\\n\")\n\
                end\n";
    }
    let name = if distinct { "analyze-post-distinct.lua" } else { "analyze-post.lua" };
    let path = target_dir().join("bench").join(name);
    fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    fs::write(&path, lua)?;
    Ok(path)
}

/// Runs the load step; `CERTCHAIN_LOAD_SECS` shortens it (default 30 s per endpoint).
pub fn load() -> Result {
    let secs = std::env::var("CERTCHAIN_LOAD_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let mut table = String::new();
    for placement in std::iter::once(Placement::shared()).chain(Placement::separate()) {
        table += &run(&placement, secs)?;
    }
    let out = target_dir().join("bench").join("load.md");
    fs::write(&out, &table)?;
    println!("{table}");
    eprintln!("==> wrote {}", out.display());
    Ok(())
}

/// The three endpoints under one placement, in one run of the server.
fn run(placement: &Placement, secs: u64) -> Result<String> {
    let server = start_server(placement.server_cpus.as_deref())?;
    let pid = server.child.id();
    let base = format!("http://{}", server.addr);
    let (same, distinct) = (post_script(false)?, post_script(true)?);
    let analyze_url = format!("{base}/api/v1/analyze?host=gitlab.example.com");
    // Warm-up: connection pools, allocator, page cache.
    wrk(placement, "warm-up", &analyze_url, Some(&distinct), 2, pid)?;
    let health = wrk(placement, "GET /healthz", &format!("{base}/healthz"), None, secs, pid)?;
    let analyze = wrk(
        placement,
        "POST /api/v1/analyze, 3 certificates",
        &analyze_url,
        Some(&same),
        secs,
        pid,
    )?;
    let uncached = wrk(
        placement,
        "POST /api/v1/analyze, 3 certificates, every body different (no cache hit)",
        &analyze_url,
        Some(&distinct),
        secs,
        pid,
    )?;
    drop(server);
    Ok(render(placement, &[health, analyze, uncached], secs))
}

fn render(placement: &Placement, rows: &[Load], secs: u64) -> String {
    let pinning = match (&placement.server_cpus, &placement.wrk_cpus) {
        (Some(server), Some(wrk)) => format!(" (server on CPU {server}, wrk on CPU {wrk})"),
        _ => String::new(),
    };
    let mut out = format!(
        "## {}\n\nwrk -t{} -c{CONNECTIONS} -d{secs}s --latency, certchain serve (release) on \
         127.0.0.1{pinning}\n\n\
         | Endpoint | Requests/s | p50 ms | p99 ms | Errors | RSS start → end (max) KiB |\n\
         |---|---|---|---|---|---|\n",
        placement.title, placement.wrk_threads
    );
    for r in rows {
        out += &format!(
            "| {} | {:.0} | {:.2} | {:.2} | {} | {} → {} ({}) |\n",
            r.label,
            r.requests_per_sec,
            r.p50_ms,
            r.p99_ms,
            r.errors,
            r.rss_start_kb,
            r.rss_end_kb,
            r.rss_max_kb
        );
    }
    if let [health, rest @ ..] = rows {
        out.push('\n');
        for analyze in rest {
            let ratio = analyze.requests_per_sec / health.requests_per_sec.max(1.0);
            let growth = analyze.rss_end_kb as f64 / analyze.rss_start_kb.max(1) as f64 - 1.0;
            out += &format!(
                "- {}: {:.0}% of healthz's throughput; RSS {:+.1}% over the run\n",
                analyze.label,
                ratio * 100.0,
                growth * 100.0
            );
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRK: &str = "Running 2s test @ http://127.0.0.1:1/healthz
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   410.12us  200.00us   5.00ms   90.00%
  Latency Distribution
     50%  380.00us
     75%  450.00us
     90%  600.00us
     99%    1.20ms
  123456 requests in 2.00s, 10.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  61728.00
Transfer/sec:      5.00MB
";

    #[test]
    fn wrk_output_is_read_in_milliseconds_with_every_error() {
        assert_eq!(number_after(WRK, "Requests/sec:"), Some(61728.0));
        assert_eq!(latency(WRK, "50%"), Some(0.38));
        assert_eq!(latency(WRK, "99%"), Some(1.2));
        assert_eq!(errors(WRK), 7);
    }
}
