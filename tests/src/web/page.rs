//! What the tests do on the app's page, through its `data-testid` hooks: fill the fields,
//! paste, wait for the report, read the chain and the findings.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::driver::Session;
use super::{err, Result};

/// How long the page may take to show what a test waits for.
pub const WAIT: Duration = Duration::from_secs(15);

/// Script: the `data-sha256` of the chain diagram's nodes, in document order.
pub const CHAIN: &str = "return [...document.querySelectorAll('[data-testid=chain-node]')]\
                         .map(e => e.getAttribute('data-sha256'));";

/// Script: the `data-code` of the findings shown, in document order.
pub const FINDINGS: &str = "return [...document.querySelectorAll('[data-testid=finding]')]\
                            .map(e => e.getAttribute('data-code'));";

/// Script: the `lang` of `<html>`.
pub const LANG: &str = "return document.documentElement.lang;";

/// Opens the app at `url` and waits until it has mounted.
pub fn open(s: &Session, url: &str) -> Result {
    s.navigate(url)?;
    wait_mounted(s)
}

/// Waits until the app has mounted (its paste field is there).
pub fn wait_mounted(s: &Session) -> Result {
    wait_until(s, "the app to mount", "return !!document.querySelector('[data-testid=paste]');")
}

/// Sets the field `[data-testid=ID]` to `value` and sends the `input` event a user's edit
/// makes, of `input_type` (`insertText`, `insertFromPaste`...).
pub fn set_field(s: &Session, testid: &str, value: &str, input_type: &str) -> Result {
    let script = "const [id, value, type] = arguments;
        const el = document.querySelector(`[data-testid=\"${id}\"]`);
        if (!el) return `no [data-testid=${id}] on the page`;
        el.focus();
        el.value = value;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: type }));
        return null;";
    match s.execute(script, &[json!(testid), json!(value), json!(input_type)])? {
        Value::Null => Ok(()),
        problem => Err(err(format!("set {testid}: {problem}"))),
    }
}

/// Pastes `text` into the input (one `insertFromPaste` input event, as a real paste).
pub fn paste(s: &Session, text: &str) -> Result {
    set_field(s, "paste", text, "insertFromPaste")
}

/// Sets the host field and the "as of" date (`YYYY-MM-DD`), so results do not depend on today.
pub fn host_and_date(s: &Session, host: &str, date: &str) -> Result {
    set_field(s, "host", host, "insertText")?;
    set_field(s, "as-of", date, "insertText")
}

/// Runs `script` until it returns something truthy (not null, false, 0, "" or []).
pub fn wait_until(s: &Session, what: &str, script: &str) -> Result {
    let started = Instant::now();
    loop {
        let value = s.execute(script, &[])?;
        if truthy(&value) {
            return Ok(());
        }
        if started.elapsed() > WAIT {
            return Err(err(format!("timed out after {WAIT:?} waiting for {what}")));
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Runs `script` until it returns `expected`; on time-out, fails showing the last value.
pub fn wait_for(s: &Session, what: &str, script: &str, expected: &Value) -> Result {
    let started = Instant::now();
    loop {
        let value = s.execute(script, &[])?;
        if &value == expected {
            return Ok(());
        }
        if started.elapsed() > WAIT {
            return Err(err(format!(
                "timed out after {WAIT:?} waiting for {what}:\n  expected {expected}\n  last seen {value}"
            )));
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// The strings a script returns (an array of strings).
pub fn strings(s: &Session, script: &str) -> Result<Vec<String>> {
    let value = s.execute(script, &[])?;
    serde_json::from_value(value.clone())
        .map_err(|e| err(format!("expected an array of strings, got {value}: {e}")))
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}
