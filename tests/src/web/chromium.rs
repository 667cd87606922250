//! Chromium and chromedriver: where they are, how Chromium is started, and the chromedriver
//! process (on a free 127.0.0.1 port, stopped by its process id on drop).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{err, Result};

/// The browser and its driver.
pub struct Tools {
    /// The Chromium binary (`/usr/bin/chromium` on Debian).
    pub chromium: PathBuf,
    /// The matching chromedriver (`/usr/bin/chromedriver`, Debian's `chromium-driver`).
    pub chromedriver: PathBuf,
}

/// Finds both, from `$CHROMIUM` and `$CHROMEDRIVER` or else on `PATH`; fails saying how to
/// install them.
pub fn tools() -> Result<Tools> {
    let find = |env: &str, names: &[&str]| {
        if let Some(path) = std::env::var_os(env) {
            return Some(PathBuf::from(path)).filter(|p| p.is_file());
        }
        names.iter().find_map(|name| on_path(name))
    };
    let chromium = find("CHROMIUM", &["chromium", "chromium-browser"]);
    let chromedriver = find("CHROMEDRIVER", &["chromedriver"]);
    match (chromium, chromedriver) {
        (Some(chromium), Some(chromedriver)) => Ok(Tools { chromium, chromedriver }),
        (chromium, chromedriver) => Err(err(format!(
            "the browser tests need Chromium and chromedriver (found chromium: {chromium:?}, \
             chromedriver: {chromedriver:?}): run `cargo xtask setup`, which installs Debian's \
             `chromium` and `chromium-driver` (or set $CHROMIUM and $CHROMEDRIVER)"
        ))),
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
}

/// How Chromium is started: headless, quiet, no first-run or background traffic.
pub fn args(user_data_dir: &Path, window: (u32, u32), offline: bool) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--lang=en-US",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", user_data_dir.display()));
    args.push(format!("--window-size={},{}", window.0, window.1));
    if offline {
        // Every request, loopback included, goes to a proxy that is not there.
        args.push("--proxy-server=127.0.0.1:9".to_string());
        args.push("--proxy-bypass-list=<-loopback>".to_string());
    }
    args
}

/// The W3C new-session body: Chromium with `args`, downloads into `download_dir`, and the
/// performance log (DevTools network events) recorded.
pub fn capabilities(tools: &Tools, args: &[String], download_dir: &Path) -> Value {
    json!({
        "capabilities": {
            "alwaysMatch": {
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:chromeOptions": {
                    "binary": tools.chromium,
                    "args": args,
                    "prefs": {
                        "download.default_directory": download_dir,
                        "download.prompt_for_download": false,
                        "intl.accept_languages": "en-US,en",
                    },
                },
                "goog:loggingPrefs": { "performance": "ALL" },
            }
        }
    })
}

/// A running chromedriver.
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts chromedriver on a free 127.0.0.1 port, its log in `log_file`, and waits until
    /// it answers `/status` as ready.
    pub fn start(tools: &Tools, log_file: &Path) -> Result<Chromedriver> {
        let port = free_port()?;
        let child = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .arg(format!("--log-path={}", log_file.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                err(format!(
                    "cannot start {}: {e}; run `cargo xtask setup`",
                    tools.chromedriver.display()
                ))
            })?;
        let driver = Chromedriver { child, port };
        driver.wait_ready(Duration::from_secs(20), log_file)?;
        Ok(driver)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_ready(&self, timeout: Duration, log_file: &Path) -> Result {
        let agent = super::driver::agent(Duration::from_secs(2));
        let started = Instant::now();
        while started.elapsed() < timeout {
            let ready = agent
                .get(format!("{}/status", self.url()))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let log = std::fs::read_to_string(log_file).unwrap_or_default();
        Err(err(format!("chromedriver did not become ready in {timeout:?}; its log:\n{log}")))
    }
}

impl Drop for Chromedriver {
    /// Asks chromedriver to shut down (it closes its browsers), then ends it by its pid.
    fn drop(&mut self) {
        let agent = super::driver::agent(Duration::from_secs(2));
        let _ = agent.get(format!("{}/shutdown", self.url())).call();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port that was free a moment ago (the OS picks it; the listener is closed again).
pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
