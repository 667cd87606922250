//! The only thing the page stores: the language choice.
//!
//! Kept on web-sys rather than gloo-storage, for two reasons. gloo-storage writes values as
//! JSON (`"ja"` with its quotes), not the bare `ja` that earlier visits stored and a browser
//! test pins (`tests/tests/web/network.rs`). And its `LocalStorage::raw()` throws where a
//! page may not use storage, such as the sandboxed single file that `serve` hands out
//! (docs/service.md, "Hardening"): there the app must go on without remembering, not stop.

use crate::i18n::Lang;

const KEY: &str = "certchain.lang";

/// The page's `localStorage`, where the browser lets it have one.
fn local() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok().flatten()
}

/// The remembered language, else the browser's.
pub fn language() -> Lang {
    let stored = local().and_then(|s| s.get_item(KEY).ok().flatten());
    let browser = gloo_utils::window().navigator().language();
    Lang::from_code(&stored.or(browser).unwrap_or_default())
}

/// Remember the language.
pub fn remember(lang: Lang) {
    if let Some(storage) = local() {
        let _ = storage.set_item(KEY, lang.code());
    }
}
