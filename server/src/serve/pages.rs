//! The web app's pages and files: `/` (the app), `/certchain.html` (the app as one file) and
//! the hashed files, each from its precompressed copy when the client accepts one.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::assets::{self, content_type, is_content_hashed, Asset, INLINE_SCRIPTS};

/// `/` and `/{file}`.
pub fn routes() -> Router {
    Router::new().route("/", get(index)).route("/{file}", get(file))
}

async fn index(headers: HeaderMap) -> Response {
    match assets::find("index.html") {
        Some(asset) => asset_response(asset, &headers),
        None => no_web_app(),
    }
}

async fn file(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match assets::find(&name) {
        Some(asset) => asset_response(asset, &headers),
        None => not_found(&name),
    }
}

/// The codings the request accepts (RFC 9110 §12.5.3), lowercased; one given `q=0` is
/// refused, so it is left out.
fn accepted_codings(headers: &HeaderMap) -> Vec<String> {
    let items = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    items
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().filter(|c| !c.is_empty())?.to_ascii_lowercase();
            let weight = parts
                .find_map(|p| p.strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                .unwrap_or(1.0);
            (weight > 0.0).then_some(coding)
        })
        .collect()
}

/// The best copy of `asset` for the request: brotli, then gzip, then the file itself.
fn encoded(asset: &'static Asset, headers: &HeaderMap) -> (Option<&'static str>, &'static [u8]) {
    let accepted = accepted_codings(headers);
    let accepts = |coding: &str| accepted.iter().any(|a| a == coding);
    match (asset.brotli, asset.gzip) {
        (Some(br), _) if accepts("br") => (Some("br"), br),
        (_, Some(gz)) if accepts("gzip") => (Some("gzip"), gz),
        _ => (None, asset.bytes),
    }
}

fn asset_response(asset: &'static Asset, headers: &HeaderMap) -> Response {
    let cache = if is_content_hashed(asset.name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let (coding, bytes) = encoded(asset, headers);
    let mut response =
        ([(header::CONTENT_TYPE, content_type(asset.name)), (header::CACHE_CONTROL, cache)], bytes)
            .into_response();
    let response_headers = response.headers_mut();
    if asset.gzip.is_some() || asset.brotli.is_some() {
        response_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(coding) = coding {
        response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    response_headers
        .insert(header::CONTENT_SECURITY_POLICY, csp(asset.name == "certchain.html").clone());
    response
}

/// The Content-Security-Policy of the app's pages (CSP Level 3). Built once per process.
///
/// - The app (`/`): only its own files, the WASM compiler and the inline loader Trunk
///   writes (by hash). `connect-src 'self'` is there for the loader, which fetches the
///   `.wasm` file; the app itself sends no request (the browser tests watch the network).
/// - The single file (`/certchain.html`) inlines everything by design, so it needs inline
///   and `data:` scripts: served from the API's origin as it is, an injected script could
///   call the API with the user's credentials. It is served sandboxed instead
///   (`sandbox allow-scripts allow-downloads`, CSP §6.3.2): the page runs in an opaque
///   origin, not this service's, so its requests are cross-origin (refused, see
///   `origin.rs`) and carry no cookie of the service; and `connect-src 'none'`, since it
///   fetches nothing. The page keeps working: it reads and writes no storage that it
///   needs (its language choice is not remembered there), and downloads are allowed.
fn csp(single_file: bool) -> &'static HeaderValue {
    static POLICIES: LazyLock<[HeaderValue; 2]> = LazyLock::new(|| {
        let policy = |sandbox: &str, scripts: &str, styles: &str, connect: &str| {
            let text = format!(
                "{sandbox}default-src 'none'; script-src {scripts}; style-src {styles}; \
                 style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; connect-src {connect}; \
                 base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            );
            HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("default-src 'none'"))
        };
        [
            policy("", &format!("'self' 'wasm-unsafe-eval' {INLINE_SCRIPTS}"), "'self'", "'self'"),
            policy(
                "sandbox allow-scripts allow-downloads; ",
                "'unsafe-inline' 'wasm-unsafe-eval' data:",
                "'unsafe-inline'",
                "'none'",
            ),
        ]
    });
    &POLICIES[usize::from(single_file)]
}

fn not_found(name: &str) -> Response {
    let body = format!("certchain: no file called {name:?} here; the app is at /\n");
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
        .into_response()
}

/// `/` of a binary built before `dist/` existed: say how to get the app (not an error of
/// the service, so 200).
fn no_web_app() -> Response {
    let body = "certchain was built without its web app.\n\
                Build it with `cargo xtask dist`, then build certchain again \
                (or run `cargo xtask run`, which does both).\n\
                The command line works as is: `certchain analyze --help`.\n";
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &HeaderValue) -> &str {
        value.to_str().unwrap_or_default()
    }

    /// The single file inlines scripts: it runs sandboxed (an opaque origin, not the
    /// API's) and connects nowhere; the app connects only to its own origin.
    #[test]
    fn the_single_file_is_sandboxed_and_connects_nowhere() {
        let single = text(csp(true));
        assert!(single.starts_with("sandbox allow-scripts allow-downloads;"), "{single}");
        assert!(!single.contains("allow-same-origin"), "{single}");
        assert!(single.contains("connect-src 'none'"), "{single}");
        let app = text(csp(false));
        let scripts = app.split(';').find(|d| d.trim().starts_with("script-src"));
        assert!(scripts.is_some_and(|s| !s.contains("unsafe-inline")), "{app}");
        assert!(!app.contains("sandbox"), "{app}");
        assert!(app.contains("connect-src 'self';"), "{app}");
    }
}
