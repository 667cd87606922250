//! A small synchronous W3C WebDriver client, plus chromedriver's own ends: DevTools commands
//! (`/goog/cdp/execute`) and the performance log (`/se/log`).

use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use serde_json::{json, Value};

use super::{err, Result};

/// The key of an element reference in WebDriver JSON (W3C WebDriver §12.1).
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// An HTTP agent for 127.0.0.1: no proxy from the environment, HTTP errors read as JSON.
pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .proxy(None)
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

/// An element of the page, by its WebDriver reference.
#[derive(Clone, Debug)]
pub struct Element(pub String);

/// One WebDriver session.
pub struct Session {
    agent: ureq::Agent,
    /// `http://127.0.0.1:PORT/session/ID`.
    base: String,
}

impl Session {
    /// `POST /session` with `capabilities` on the driver at `driver_url`.
    pub fn new(driver_url: &str, capabilities: &Value) -> Result<Session> {
        let agent = agent(Duration::from_secs(60));
        let value = call(&agent, "POST", &format!("{driver_url}/session"), Some(capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| err(format!("new session: no sessionId in {value}")))?;
        Ok(Session { agent, base: format!("{driver_url}/session/{id}") })
    }

    /// `POST /session/ID/PATH`.
    pub fn post(&self, path: &str, body: &Value) -> Result<Value> {
        call(&self.agent, "POST", &format!("{}{path}", self.base), Some(body))
    }

    /// `GET /session/ID/PATH`.
    pub fn get(&self, path: &str) -> Result<Value> {
        call(&self.agent, "GET", &format!("{}{path}", self.base), None)
    }

    /// `DELETE /session/ID`: closes the browser.
    pub fn quit(&self) -> Result {
        call(&self.agent, "DELETE", &self.base, None).map(drop)
    }

    /// Goes to `url` and waits for the page to load.
    pub fn navigate(&self, url: &str) -> Result {
        self.post("/url", &json!({ "url": url })).map(drop)
    }

    /// Reloads the page.
    pub fn refresh(&self) -> Result {
        self.post("/refresh", &json!({})).map(drop)
    }

    /// The elements matching a CSS selector, in document order.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.post("/elements", &json!({ "using": "css selector", "value": css }))?;
        let list = found.as_array().ok_or_else(|| err(format!("find {css}: got {found}")))?;
        list.iter().map(element).collect()
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> Result<Element> {
        let found = self.post("/element", &json!({ "using": "css selector", "value": css }))?;
        element(&found).map_err(|e| err(format!("find {css}: {e}")))
    }

    /// Clicks an element as a user would (scrolled into view, not covered).
    pub fn click(&self, el: &Element) -> Result {
        self.post(&format!("/element/{}/click", el.0), &json!({})).map(drop)
    }

    /// Types `text` into an element; for `<input type=file>`, `text` is the path of the file
    /// to choose (WebDriver §12.5.3 "Element Send Keys").
    pub fn send_keys(&self, el: &Element, text: &str) -> Result {
        self.post(&format!("/element/{}/value", el.0), &json!({ "text": text })).map(drop)
    }

    /// An attribute of an element, `None` when it has none.
    pub fn attribute(&self, el: &Element, name: &str) -> Result<Option<String>> {
        let value = self.get(&format!("/element/{}/attribute/{name}", el.0))?;
        Ok(value.as_str().map(str::to_string))
    }

    /// The rendered text of an element.
    pub fn text(&self, el: &Element) -> Result<String> {
        let value = self.get(&format!("/element/{}/text", el.0))?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    /// Runs `script` (a function body; `arguments` are `args`) and returns its value.
    pub fn execute(&self, script: &str, args: &[Value]) -> Result<Value> {
        self.post("/execute/sync", &json!({ "script": script, "args": args }))
    }

    /// Runs `script` with a callback as its last argument; returns what it passes to it.
    pub fn execute_async(&self, script: &str, args: &[Value]) -> Result<Value> {
        self.post("/execute/async", &json!({ "script": script, "args": args }))
    }

    /// Sets the page-load, script and implicit-wait timeouts (ms).
    pub fn timeouts(&self, page_load: u64, script: u64) -> Result {
        let body = json!({ "pageLoad": page_load, "script": script, "implicit": 0 });
        self.post("/timeouts", &body).map(drop)
    }

    /// Sets the outer window size (CSS px).
    pub fn window_size(&self, width: u32, height: u32) -> Result {
        self.post("/window/rect", &json!({ "width": width, "height": height })).map(drop)
    }

    /// A Chrome DevTools Protocol command on the current page (chromedriver's extension).
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.post("/goog/cdp/execute", &json!({ "cmd": cmd, "params": params }))
    }

    /// The performance log entries since the last call (chromedriver empties it on read):
    /// each is the DevTools event `{"method": ..., "params": ...}`.
    pub fn performance_log(&self) -> Result<Vec<Value>> {
        let entries = self.post("/se/log", &json!({ "type": "performance" }))?;
        let entries = entries.as_array().ok_or_else(|| err(format!("log: got {entries}")))?;
        entries
            .iter()
            .map(|entry| {
                let message: Value =
                    serde_json::from_str(entry["message"].as_str().unwrap_or("null"))?;
                Ok(message["message"].clone())
            })
            .collect()
    }

    /// A PNG of the whole page, beyond the viewport (DevTools `Page.captureScreenshot`).
    pub fn screenshot_full_page(&self, file: &Path) -> Result {
        let metrics = self.cdp("Page.getLayoutMetrics", json!({}))?;
        let size = &metrics["cssContentSize"];
        let (width, height) = (size["width"].as_f64(), size["height"].as_f64());
        let (Some(width), Some(height)) = (width, height) else {
            return Err(err(format!("Page.getLayoutMetrics: no cssContentSize in {metrics}")));
        };
        let clip = json!({ "x": 0, "y": 0, "width": width, "height": height, "scale": 1 });
        let shot = self.cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true, "clip": clip }),
        )?;
        let data = shot["data"].as_str().ok_or_else(|| err("Page.captureScreenshot: no data"))?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| err(format!("screenshot base64: {e}")))?;
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(file, png)?;
        Ok(())
    }
}

/// The element reference in a WebDriver value.
fn element(value: &Value) -> Result<Element> {
    value[ELEMENT]
        .as_str()
        .map(|id| Element(id.to_string()))
        .ok_or_else(|| err(format!("not an element: {value}")))
}

/// One WebDriver call: the `value` of the answer, or its error as an [`Error`](super::Error).
fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<&Value>) -> Result<Value> {
    let response = match (method, body) {
        ("POST", Some(body)) => agent.post(url).send_json(body),
        ("DELETE", _) => agent.delete(url).call(),
        _ => agent.get(url).call(),
    };
    let mut response = response.map_err(|e| err(format!("{method} {url}: {e}")))?;
    let status = response.status();
    let mut answer: Value = response
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_json()
        .map_err(|e| err(format!("{method} {url}: {status}, unreadable answer: {e}")))?;
    let value = answer["value"].take();
    if status.is_success() {
        return Ok(value);
    }
    let message = value["message"].as_str().unwrap_or_default();
    let first = message.lines().next().unwrap_or_default();
    Err(err(format!("{method} {url}: {status} {}: {first}", value["error"])))
}
