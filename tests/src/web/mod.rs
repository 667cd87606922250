//! Real-browser tests of the web app: headless Chromium driven over W3C WebDriver by
//! chromedriver, against the app served in-process by `certchain::serve::app`.
//!
//! - [`chromium`]: finds Chromium and chromedriver, starts chromedriver, the capabilities;
//! - [`driver`]: a small synchronous WebDriver client (plus chromedriver's CDP and log ends);
//! - [`browser`]: one browser session with its own profile and download folder, stopped on drop;
//! - [`page`]: what the tests do on the app's page (paste, wait, read the chain and findings);
//! - [`served`]: the app on a 127.0.0.1 port, in a background thread;
//! - [`pem`]: certificates of PEM texts by SHA-256, to compare chains and downloads.
//!
//! Everything started here (chromedriver, Chromium, the server) is stopped by a `Drop`
//! guard, so also when a test fails.

pub mod browser;
pub mod chromium;
pub mod driver;
pub mod page;
pub mod pem;
pub mod served;
pub mod temp;

use std::fmt;
use std::path::{Path, PathBuf};

pub use browser::{Browser, Launch};
pub use served::Served;

/// A browser-test failure: what went wrong and, where it helps, what to do about it.
pub struct Error(pub String);

impl fmt::Debug for Error {
    // Shown as is when a test returns it: the message is written for a person.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(e.to_string())
    }
}

impl From<ureq::Error> for Error {
    fn from(e: ureq::Error) -> Self {
        Error(format!("webdriver http: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error(format!("json: {e}"))
    }
}

/// Result of a browser-test step.
pub type Result<T = ()> = std::result::Result<T, Error>;

/// An [`Error`] from anything printable.
pub fn err(msg: impl Into<String>) -> Error {
    Error(msg.into())
}

/// The workspace root (the parent of `tests/`).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the root) or `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// `dist/`, where `cargo xtask dist` writes the web app.
pub fn dist_dir() -> PathBuf {
    workspace_root().join("dist")
}

/// The text of `tests/fixtures/<path>`.
pub fn fixture(path: &str) -> Result<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path);
    std::fs::read_to_string(&file).map_err(|e| err(format!("{}: {e}", file.display())))
}
