//! Handing files to the user: downloads (a Blob URL, never a server) and the clipboard.

use wasm_bindgen::JsCast;

/// Offer `text` as a download named `filename`.
///
/// gloo-file makes the Blob and its object URL, revoked when it drops at the end (the click
/// has started the download by then). The click on an `<a download>` stays web-sys: no gloo
/// crate starts a download, and only an anchor's `download` attribute gives it a file name.
pub fn download(filename: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some("application/x-pem-file"));
    let url = gloo_file::ObjectUrl::from(blob);
    let anchor = gloo_utils::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
}

/// Copy `text` to the clipboard. web-sys: gloo has no clipboard crate.
pub fn copy(text: &str) {
    let _ = gloo_utils::window().navigator().clipboard().write_text(text);
}
