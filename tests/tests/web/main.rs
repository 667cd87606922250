//! Browser tests: the web app, served in-process by `certchain::serve::app`, driven in
//! headless Chromium over WebDriver (`certchain_tests::web`).
//!
//! They need `dist/` (built by `cargo xtask dist`, embedded into `certchain` at compile time)
//! and Debian's `chromium` and `chromium-driver` (installed by `cargo xtask setup`); without
//! them they fail, saying so. `cargo xtask test` provides both. Every test starts its own
//! chromedriver and browser (nextest runs each test in a process of its own) with a fresh
//! profile, and stops them when it ends, passing or failing.

mod chain;
mod downloads;
mod features;
mod hostile;
mod language;
mod network;
mod permalink;
mod screenshots;

use certchain_core::report::Report;
use certchain_tests::web::pem::cert_hash;
use certchain_tests::web::{fixture, page, Browser, Launch, Result, Served};

/// The host of the fixture chain's leaf.
const HOST: &str = "gitlab.example.com";
/// The "as of" date typed into the page: [`certchain_tests::NOW`], as `YYYY-MM-DD`.
const DATE: &str = "2026-11-22";

/// The app served, a browser on it, and the host and date fields filled in.
fn start(launch: Launch) -> Result<(Served, Browser)> {
    let served = Served::start()?;
    let browser = Browser::launch(launch)?;
    page::open(&browser, &served.url())?;
    page::host_and_date(&browser, HOST, DATE)?;
    Ok((served, browser))
}

/// Root, leaf, intermediate: the shuffled chain (as the app's "shuffled" sample).
fn shuffled() -> Result<String> {
    Ok(["root.pem", "leaf.pem", "intermediate.pem"]
        .iter()
        .map(|name| fixture(&format!("inputs/{name}")))
        .collect::<Result<Vec<_>>>()?
        .concat())
}

/// The SHA-256 of the DER of `inputs/NAME.pem` (leaf, intermediate, root).
fn hash(name: &str) -> Result<String> {
    cert_hash(&fixture(&format!("inputs/{name}.pem"))?)
}

/// The core's report of `text` for [`HOST`] at [`certchain_tests::NOW`]: what the page must show.
fn core_report(text: &str) -> Report {
    certchain_tests::analyze_text(text, Some(HOST))
}
