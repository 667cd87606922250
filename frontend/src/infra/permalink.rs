//! The permalink: the input kept in the URL fragment, which browsers never send to a
//! server (RFC 3986 §3.5). Private keys are never put in it (`without_private_keys`), and
//! tokens in pasted logs are masked (`explain::mask_secrets`).
//!
//! Format: `#in=<base64url text>&trust=<base64url PEM>&host=<percent-encoded>&at=YYYY-MM-DD&file=<name>:<base64url>`
//! (each part optional, `file` repeatable).

use std::rc::Rc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use certchain_core::explain::mask_secrets;
use certchain_core::input::without_private_keys;

use crate::infra::clock;
use crate::state::{Loaded, State};

/// What a permalink restores.
#[derive(Default)]
pub struct Restored {
    /// The paste area.
    pub input: String,
    /// The trusted private CA.
    pub trust: String,
    /// The host field.
    pub host: String,
    /// The date.
    pub as_of: Option<i64>,
    /// Binary files.
    pub files: Vec<Loaded>,
}

/// The fragment for `state` (without `#`). Binary files are left out when the input holds
/// a private key, since a key inside DER cannot be cut out.
pub fn encode(state: &State) -> String {
    let mut parts = Vec::new();
    // A pasted log may hold tokens (in URLs, query strings, glpat-…): masked, like keys cut.
    let text = mask_secrets(&without_private_keys(&state.input));
    if !text.trim().is_empty() {
        parts.push(format!("in={}", URL_SAFE_NO_PAD.encode(text.as_bytes())));
    }
    if !state.trust.trim().is_empty() {
        parts.push(format!("trust={}", URL_SAFE_NO_PAD.encode(state.trust.as_bytes())));
    }
    if !state.host.trim().is_empty() {
        parts.push(format!("host={}", js_sys::encode_uri_component(state.host.trim())));
    }
    if let Some(at) = state.as_of {
        parts.push(format!("at={}", clock::date_text(at)));
    }
    let has_key = state.report.as_ref().is_some_and(|r| !r.0.input.private_keys.is_empty());
    if !has_key {
        for file in &state.files {
            let name = js_sys::encode_uri_component(&file.name);
            parts.push(format!("file={name}:{}", URL_SAFE_NO_PAD.encode(file.bytes.as_slice())));
        }
    }
    parts.join("&")
}

/// Reads a fragment (with or without `#`); unknown or damaged parts are ignored.
pub fn decode(fragment: &str) -> Restored {
    let mut restored = Restored::default();
    for part in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = part.split_once('=') else { continue };
        match key {
            "in" => restored.input = text_of(value),
            "trust" => restored.trust = text_of(value),
            "host" => restored.host = decode_component(value),
            "at" => restored.as_of = clock::parse_date(value),
            "file" => {
                let Some((name, data)) = value.split_once(':') else { continue };
                let Ok(bytes) = URL_SAFE_NO_PAD.decode(data) else { continue };
                restored.files.push(Loaded { name: decode_component(name), bytes: Rc::new(bytes) });
            }
            _ => {}
        }
    }
    restored
}

fn text_of(base64url: &str) -> String {
    let bytes = URL_SAFE_NO_PAD.decode(base64url).unwrap_or_default();
    without_private_keys(&String::from_utf8_lossy(&bytes))
}

fn decode_component(value: &str) -> String {
    js_sys::decode_uri_component(value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// The current fragment of the page (without `#`).
pub fn current() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Puts `fragment` in the address bar without a reload or a history entry, and returns the
/// whole URL.
pub fn publish(fragment: &str) -> Option<String> {
    let window = web_sys::window()?;
    let url = format!("#{fragment}");
    window
        .history()
        .ok()?
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .ok()?;
    window.location().href().ok()
}
