//! One headless Chromium: its chromedriver, its WebDriver session, a fresh profile and a
//! download folder. Dropping it closes the browser and stops chromedriver.

use std::ops::Deref;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use super::chromium::{self, Chromedriver};
use super::driver::Session;
use super::page::WAIT;
use super::temp::TempDir;
use super::{err, Result};

/// How to start the browser.
#[derive(Clone, Copy, Debug)]
pub struct Launch {
    /// Window size in CSS px.
    pub window: (u32, u32),
    /// Send every request, loopback included, to a proxy that does not exist.
    pub offline: bool,
}

impl Default for Launch {
    fn default() -> Self {
        Launch { window: (1280, 900), offline: false }
    }
}

/// A running browser. Derefs to its [`Session`].
pub struct Browser {
    // Fields drop in this order: the session (closes Chromium), chromedriver, then folders.
    session: Quitting,
    _driver: Chromedriver,
    downloads: TempDir,
    _profile: TempDir,
}

/// The session, quit (`DELETE /session`) on drop.
struct Quitting(Session);

impl Drop for Quitting {
    fn drop(&mut self) {
        let _ = self.0.quit();
    }
}

impl Browser {
    /// Starts chromedriver and a headless Chromium as `launch` says.
    pub fn launch(launch: Launch) -> Result<Browser> {
        let tools = chromium::tools()?;
        let profile = TempDir::new("profile")?;
        let downloads = TempDir::new("downloads")?;
        let driver = Chromedriver::start(&tools, &profile.path().join("chromedriver.log"))?;
        let args = chromium::args(&profile.path().join("data"), launch.window, launch.offline);
        let caps = chromium::capabilities(&tools, &args, downloads.path());
        let session = Session::new(&driver.url(), &caps)?;
        let browser =
            Browser { session: Quitting(session), _driver: driver, downloads, _profile: profile };
        browser.timeouts(30_000, 30_000)?;
        browser.allow_downloads()?;
        Ok(browser)
    }

    /// Where downloads land.
    pub fn download_dir(&self) -> &Path {
        self.downloads.path()
    }

    /// The text of the download `name` once Chromium has finished writing it.
    pub fn downloaded(&self, name: &str) -> Result<String> {
        let file = self.download_dir().join(name);
        let started = Instant::now();
        loop {
            let names = self.downloads()?;
            let partial = names.iter().any(|n| n.ends_with(".crdownload"));
            if file.is_file() && !partial {
                return Ok(std::fs::read_to_string(&file)?);
            }
            if started.elapsed() > WAIT {
                return Err(err(format!(
                    "no download {name} after {WAIT:?}; the download folder has {names:?}"
                )));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// The names of the files in the download folder, sorted.
    pub fn downloads(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(self.download_dir())? {
            names.push(entry?.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    }

    /// Downloads go to [`Self::download_dir`] without asking (DevTools; the prefs alone are
    /// not enough for headless Chromium).
    fn allow_downloads(&self) -> Result {
        let params = json!({
            "behavior": "allow",
            "downloadPath": self.downloads.path(),
            "eventsEnabled": true,
        });
        self.cdp("Browser.setDownloadBehavior", params).map(drop)
    }

    /// `prefers-color-scheme: dark` (or back to the default when `dark` is false).
    pub fn dark_mode(&self, dark: bool) -> Result {
        let value = if dark { "dark" } else { "" };
        let features = json!([{ "name": "prefers-color-scheme", "value": value }]);
        self.cdp("Emulation.setEmulatedMedia", json!({ "features": features })).map(drop)
    }

    /// Emulates a phone's viewport (`width`×`height` CSS px, touch, device scale 2).
    pub fn phone(&self, width: u32, height: u32) -> Result {
        let metrics = json!({
            "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true,
        });
        self.cdp("Emulation.setDeviceMetricsOverride", metrics)?;
        self.cdp("Emulation.setTouchEmulationEnabled", json!({ "enabled": true })).map(drop)
    }
}

impl Deref for Browser {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session.0
    }
}
