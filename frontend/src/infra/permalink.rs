//! The permalink: the input kept in the URL fragment, which browsers never send to a
//! server (RFC 3986 §3.5). Every text part (the input, the trusted CA, the host) goes
//! through `certchain_core::redact`, the routine the analysis finds keys with: keys cut,
//! tokens and passwords masked. A binary file goes in only when the analysis reads nothing
//! but certificates in it (`redact::shareable_file`): a PKCS#12 or JKS file stays out.
//!
//! Format: `#in=<base64url text>&trust=<base64url PEM>&host=<percent-encoded>&at=YYYY-MM-DD&file=<name>:<base64url>`
//! (each part optional, `file` repeatable).

use std::rc::Rc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use certchain_core::input::without_private_keys;
use certchain_core::redact::{redact, shareable_file};

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

/// What the link leaves out, to say so beside the button.
#[derive(Default, Clone, PartialEq)]
pub struct LeftOut {
    /// Private keys cut from the texts.
    pub keys: usize,
    /// A token, password or signature was masked.
    pub masked: bool,
    /// Files that are not certificates only, by name.
    pub files: Vec<String>,
}

/// The fragment for `state` (without `#`), and what it leaves out.
pub fn encode(state: &State) -> (String, LeftOut) {
    let mut parts = Vec::new();
    let mut left = LeftOut::default();
    for (key, text) in [("in", &state.input), ("trust", &state.trust)] {
        let shared = redact(text);
        left.keys += shared.keys;
        left.masked |= shared.masked;
        if !shared.text.trim().is_empty() {
            parts.push(format!("{key}={}", URL_SAFE_NO_PAD.encode(shared.text.as_bytes())));
        }
    }
    let host = redact(state.host.trim());
    left.masked |= host.masked;
    if !host.text.is_empty() {
        parts.push(format!("host={}", js_sys::encode_uri_component(&host.text)));
    }
    if let Some(at) = state.as_of {
        parts.push(format!("at={}", clock::date_text(at)));
    }
    for file in &state.files {
        if shareable_file(&file.bytes) {
            let name = js_sys::encode_uri_component(&file.name);
            parts.push(format!("file={name}:{}", URL_SAFE_NO_PAD.encode(file.bytes.as_slice())));
        } else {
            left.files.push(file.name.clone());
        }
    }
    (parts.join("&"), left)
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
            "at" => restored.as_of = clock::parse_date(value).filter(|&at| clock::showable(at)),
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
    let hash = gloo_utils::window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// Puts `fragment` in the address bar without a reload or a history entry, and returns the
/// whole URL. The History API through gloo-utils, not gloo-history: that crate keeps state
/// objects of its own in each entry, and the permalink needs only the fragment replaced.
pub fn publish(fragment: &str) -> Option<String> {
    let url = format!("#{fragment}");
    gloo_utils::history()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .ok()?;
    gloo_utils::window().location().href().ok()
}
