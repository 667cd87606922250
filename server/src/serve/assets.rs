//! The web app's files, embedded at build time by `build.rs` from `dist/`.

/// One file of the built app.
pub struct Asset {
    /// File name in `dist/` (Trunk adds a content hash to all but index.html).
    pub name: &'static str,
    /// Contents.
    pub bytes: &'static [u8],
    /// gzip copy (RFC 1952), when it is smaller.
    pub gzip: Option<&'static [u8]>,
    /// brotli copy (RFC 7932), when it is smaller.
    pub brotli: Option<&'static [u8]>,
}

include!(concat!(env!("OUT_DIR"), "/web_app.rs"));

/// Whether the binary carries the web app.
pub fn has_web_app() -> bool {
    find("index.html").is_some()
}

/// The file called `name`, if the app has one.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The media type for a file name (by extension).
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("ftl") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Trunk names built files `stem-<hex hash>.ext` (the wasm `stem-<hash>_bg.wasm`): such a
/// name never changes content, so it may be cached for good.
pub fn is_content_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_names_are_content_hashed_and_fixed_names_are_not() {
        assert!(is_content_hashed("certchain-web-8ffab0aec9511f5_bg.wasm"));
        assert!(is_content_hashed("certchain-web-8ffab0aec9511f5.js"));
        assert!(is_content_hashed("style-88a752415f8241ae.css"));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("certchain.html"));
        assert!(!is_content_hashed("certchain-web.js"));
    }

    #[test]
    fn media_types_follow_the_extension() {
        assert_eq!(content_type("x_bg.wasm"), "application/wasm");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
