//! The web app's speed in headless Chromium, against the app served in-process; run by
//! `cargo xtask bench` (`cargo run --release -p certchain-tests --example web_bench`).
//!
//! Measures, over [`RUNS`] runs after one warm-up (median, min, max):
//! - first render: the `startTime` of the app's `certchain:first-render` performance mark (ms
//!   since navigation start), with the HTTP cache disabled (a first visit) and enabled;
//! - paste to rendered report: from just before the paste (value set, `insertFromPaste` input
//!   event) to the app's next `certchain:report` mark, for a 3-certificate `s_client`
//!   transcript and for Debian's 144-root bundle;
//! - transfer: the `gzip -9` size of the wasm, JS and CSS in `dist/`.
//!
//! Writes `target/bench/web.md`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use certchain_tests::web::{
    dist_dir, err, fixture, page, target_dir, Browser, Launch, Result, Served,
};
use serde_json::{json, Value};

/// Timed runs per measurement (after one warm-up run).
const RUNS: usize = 10;

/// Inputs of the paste measurement: fixture path and label.
const INPUTS: &[(&str, &str)] = &[
    ("bench/s_client-3.txt", "`s_client -showcerts`, 3 certificates (RSA 2048)"),
    ("bench/debian-ca-certificates.crt", "Debian CA bundle, 144 roots"),
];

/// Script: the first-render mark's `startTime`, or null while there is none.
const FIRST_RENDER: &str = "const m = performance.getEntriesByName('certchain:first-render'); \
                            return m.length ? m[0].startTime : null;";

/// Async script: paste `arguments[0]` and pass on the ms until the next `certchain:report`
/// mark (null after 30 s).
const PASTE_TO_REPORT: &str = "
    const [text, done] = [arguments[0], arguments[arguments.length - 1]];
    const el = document.querySelector('[data-testid=paste]');
    let t0 = 0;
    const observer = new PerformanceObserver(list => {
        for (const e of list.getEntries()) {
            if (e.name === 'certchain:report') { observer.disconnect(); done(e.startTime - t0); return; }
        }
    });
    observer.observe({ type: 'mark' });
    setTimeout(() => { observer.disconnect(); done(null); }, 30000);
    t0 = performance.now();
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));";

/// Median, min and max of some runs, in ms.
struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

impl Stats {
    fn of(mut samples: Vec<f64>) -> Stats {
        samples.sort_by(f64::total_cmp);
        let n = samples.len();
        let median =
            if n % 2 == 1 { samples[n / 2] } else { (samples[n / 2 - 1] + samples[n / 2]) / 2.0 };
        Stats { median, min: samples[0], max: samples[n - 1] }
    }
}

fn main() {
    if let Err(e) = bench() {
        eprintln!("web_bench: {e}");
        std::process::exit(1);
    }
}

fn bench() -> Result {
    let served = Served::start()?;
    let browser = Browser::launch(Launch::default())?;
    let mut rows = Vec::new();
    for (label, cache_disabled) in [("cold HTTP cache", true), ("warm HTTP cache", false)] {
        eprintln!("==> first render, {label}: 1 warm-up + {RUNS} runs");
        let stats = first_render(&browser, &served.url(), cache_disabled)?;
        rows.push((format!("first render (`certchain:first-render` mark), {label}"), stats));
    }
    page::open(&browser, &served.url())?;
    page::host_and_date(&browser, "gitlab.example.com", "2026-11-22")?;
    for (path, label) in INPUTS {
        eprintln!("==> paste to rendered report, {path}: 1 warm-up + {RUNS} runs");
        let stats = paste_to_report(&browser, &fixture(path)?)?;
        rows.push((format!("paste → rendered report (`certchain:report` mark): {label}"), stats));
    }
    let md = render(&rows, &transfer()?, &browser)?;
    let out = target_dir().join("bench").join("web.md");
    std::fs::create_dir_all(out.parent().unwrap_or(&out))?;
    std::fs::write(&out, &md)?;
    println!("{md}");
    eprintln!("==> wrote {}", out.display());
    Ok(())
}

/// Loads the app from `about:blank`, [`RUNS`] + 1 times; the first-render mark of each.
fn first_render(browser: &Browser, url: &str, cache_disabled: bool) -> Result<Stats> {
    browser.cdp("Network.enable", json!({}))?;
    browser.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": cache_disabled }))?;
    let mut samples = Vec::new();
    for run in 0..=RUNS {
        browser.navigate("about:blank")?;
        browser.navigate(url)?;
        page::wait_until(browser, "the `certchain:first-render` performance mark", FIRST_RENDER)
            .map_err(|e| err(format!("{e}: the app must call performance.mark('certchain:first-render') once it has mounted")))?;
        let ms = browser.execute(FIRST_RENDER, &[])?;
        if run > 0 {
            samples.push(number(&ms)?);
        }
    }
    browser.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": false }))?;
    Ok(Stats::of(samples))
}

/// Pastes `text` into the emptied input, [`RUNS`] + 1 times; the ms to each report mark.
fn paste_to_report(browser: &Browser, text: &str) -> Result<Stats> {
    let mut samples = Vec::new();
    for run in 0..=RUNS {
        page::paste(browser, "")?;
        let no_report = "return !document.querySelector('[data-testid=verdict]');";
        page::wait_until(browser, "the report to go once the input is emptied", no_report)?;
        // Past the typing debounce: no report of an earlier input is still to come.
        browser.execute_async("setTimeout(arguments[0], 400);", &[])?;
        let ms = browser.execute_async(PASTE_TO_REPORT, &[json!(text)])?;
        if ms.is_null() {
            return Err(err(
                "no `certchain:report` performance mark within 30 s of the paste: \
                 the app must call performance.mark('certchain:report') once a report has rendered",
            ));
        }
        if run > 0 {
            samples.push(number(&ms)?);
        }
    }
    Ok(Stats::of(samples))
}

fn number(value: &Value) -> Result<f64> {
    value.as_f64().ok_or_else(|| err(format!("expected a number of ms, got {value}")))
}

/// `(file, raw bytes, gzip -9 bytes)` of each `.wasm`, `.js` and `.css` of `dist/`.
fn transfer() -> Result<Vec<(String, u64, u64)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist_dir())? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if [".wasm", ".js", ".css"].iter().any(|ext| name.ends_with(ext)) {
            files.push((name, std::fs::metadata(&path)?.len(), gzip_size(&path)?));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(err("no .wasm, .js or .css in dist/: run `cargo xtask dist` first"));
    }
    Ok(files)
}

fn gzip_size(path: &Path) -> Result<u64> {
    let out = Command::new("gzip").args(["-9", "-c"]).arg(path).output()?;
    if !out.status.success() {
        return Err(err(format!("gzip -9 -c {} failed", path.display())));
    }
    Ok(out.stdout.len() as u64)
}

/// The Markdown report.
fn render(
    rows: &[(String, Stats)],
    files: &[(String, u64, u64)],
    browser: &Browser,
) -> Result<String> {
    let mut md = String::from("# certchain web app, in headless Chromium\n\n");
    let _ = writeln!(
        md,
        "Written by `cargo xtask bench` (`tests/examples/web_bench.rs`): the app \
        served in-process (release build) on 127.0.0.1, one warm-up run, then {RUNS} runs.\n"
    );
    let _ = writeln!(
        md,
        "Machine: {} CPUs ({}), {}; {}.\n",
        cpus(),
        cpu_model(),
        version("chromium"),
        browser.execute("return navigator.userAgent;", &[])?.as_str().unwrap_or("?")
    );
    md.push_str(
        "| measurement | runs | median ms | min ms | max ms |\n|---|---:|---:|---:|---:|\n",
    );
    for (label, s) in rows {
        let _ =
            writeln!(md, "| {label} | {RUNS} | {:.1} | {:.1} | {:.1} |", s.median, s.min, s.max);
    }
    md.push_str(
        "\nTransfer (`dist/`, `gzip -9`):\n\n| file | bytes | gzip -9 bytes |\n|---|---:|---:|\n",
    );
    for (name, raw, gz) in files {
        let _ = writeln!(md, "| {name} | {raw} | {gz} |");
    }
    let (raw, gz) = files.iter().fold((0, 0), |(r, g), f| (r + f.1, g + f.2));
    let _ = writeln!(md, "| **total** | {raw} | {gz} ({:.1} KiB) |", gz as f64 / 1024.0);
    Ok(md)
}

fn cpus() -> String {
    std::thread::available_parallelism().map_or("?".to_string(), |n| n.to_string())
}

/// `model name` of /proc/cpuinfo.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

fn version(program: &str) -> String {
    Command::new(program)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|_| program.to_string())
}
