//! The only thing the page stores: the language choice.

use crate::i18n::Lang;

const KEY: &str = "certchain.lang";

/// The remembered language, else the browser's.
pub fn language() -> Lang {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten());
    let browser = window.and_then(|w| w.navigator().language());
    Lang::from_code(&stored.or(browser).unwrap_or_default())
}

/// Remember the language.
pub fn remember(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(KEY, lang.code());
    }
}
