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

/// The Content-Security-Policy of the app's pages: only its own files, the WASM compiler and
/// the inline loader Trunk writes (by hash). The single-file build inlines everything by
/// design, so it gets the same policy with inline code allowed. Built once per process.
fn csp(single_file: bool) -> &'static HeaderValue {
    static POLICIES: LazyLock<[HeaderValue; 2]> = LazyLock::new(|| {
        let policy = |scripts: &str, styles: &str| {
            let text = format!(
                "default-src 'none'; script-src {scripts}; style-src {styles}; \
                 style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' data:; \
                 base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            );
            HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("default-src 'none'"))
        };
        [
            policy(&format!("'self' 'wasm-unsafe-eval' {INLINE_SCRIPTS}"), "'self'"),
            policy("'self' 'unsafe-inline' 'wasm-unsafe-eval' data:", "'self' 'unsafe-inline'"),
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
