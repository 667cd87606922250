//! The texts of a language other than English, loaded when the page first needs them.
//!
//! The web app is built without the core's `embed-all-languages`: English is compiled in,
//! Japanese is not (a visit in English never downloads it). Its catalogues, one file per
//! [`Area`], come from the page itself when the page carries them (the single file, which
//! must work offline, inlines each as `<script type="application/x-fluent"
//! id="certchain-locale-ja-<area>">`), else from the app's own origin (`locale-ja-<area>.ftl`,
//! written beside `index.html` by `cargo xtask dist`). The request carries nothing of the
//! input.
//!
//! Fetched through web-sys's `fetch` (a dozen lines) rather than gloo-net, whose HTTP types the
//! app would not otherwise use.

use certchain_core::catalogue::{self, Area, CatalogueError};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;

/// Every area of `lang` is loaded (English always is).
pub fn ready(lang: Lang) -> bool {
    Area::ALL.iter().all(|&area| catalogue::is_loaded(lang.catalogue(), area))
}

/// Installs the catalogues of `lang` that the page itself carries. Synchronous: the single
/// file is in the right language from its first render.
pub fn install_inlined(lang: Lang) {
    for area in Area::ALL {
        if let Some(source) = inlined(lang, area) {
            install(lang, area, &source);
        }
    }
}

/// Loads every area of `lang` not loaded yet: from the page, else fetched, every request sent
/// before any answer is awaited (one round trip, not one per area). The error names the first
/// file that could not be had; the areas that could are installed all the same.
pub async fn load(lang: Lang) -> Result<(), String> {
    let mut requests = Vec::new();
    for area in Area::ALL {
        if catalogue::is_loaded(lang.catalogue(), area) {
            continue;
        }
        match inlined(lang, area) {
            Some(source) => install(lang, area, &source),
            None => {
                let url = file_name(lang, area);
                let request = JsFuture::from(gloo_utils::window().fetch_with_str(&url));
                requests.push((area, url, request));
            }
        }
    }
    let mut first_error = None;
    for (area, url, request) in requests {
        match body_text(&url, request).await {
            Ok(source) => install(lang, area, &source),
            Err(error) => first_error = first_error.or(Some(error)),
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// `locale-ja-findings.ftl`: the name `cargo xtask dist` gives the file.
fn file_name(lang: Lang, area: Area) -> String {
    format!("locale-{}-{}.ftl", lang.code(), area.name())
}

fn install(lang: Lang, area: Area, source: &str) {
    match catalogue::install(lang.catalogue(), area, source) {
        Ok(()) | Err(CatalogueError::AlreadyLoaded) => {}
        Err(error) => warn(&format!("{}: {error}", file_name(lang, area))),
    }
}

/// The catalogue the page carries inline, if it does.
fn inlined(lang: Lang, area: Area) -> Option<String> {
    let id = format!("certchain-locale-{}-{}", lang.code(), area.name());
    gloo_utils::document().get_element_by_id(&id)?.text_content()
}

/// The body, as text, of the answer to the GET `request` of `url` (relative to the page).
async fn body_text(url: &str, request: JsFuture) -> Result<String, String> {
    let failed = |what: &str| format!("{url}: {what}");
    let response = request.await.map_err(|_| failed("no answer"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|_| failed("no body"))?;
    let text = JsFuture::from(text).await.map_err(|_| failed("unreadable body"))?;
    text.as_string().ok_or_else(|| failed("not text"))
}

/// A line in the browser's console, for the developer: the page goes on in English.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
