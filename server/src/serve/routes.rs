//! The HTTP routes: the app's files and a health check.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::assets::{self, content_type, is_content_hashed, Asset, INLINE_SCRIPTS};

/// The service: `/` (the app), `/certchain.html` (the app as one file), the app's files,
/// and `/healthz`.
pub fn router() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/{file}", get(file))
}

async fn index() -> Response {
    match assets::find("index.html") {
        Some(asset) => asset_response(asset),
        None => no_web_app(),
    }
}

async fn file(Path(name): Path<String>) -> Response {
    match assets::find(&name) {
        Some(asset) => asset_response(asset),
        None => not_found(&name),
    }
}

fn asset_response(asset: &'static Asset) -> Response {
    let cache = if is_content_hashed(asset.name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = (
        [(header::CONTENT_TYPE, content_type(asset.name)), (header::CACHE_CONTROL, cache)],
        asset.bytes,
    )
        .into_response();
    security_headers(&mut response, asset.name);
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

/// Headers every answer carries.
fn security_headers(response: &mut Response, name: &str) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp(name == "certchain.html").clone());
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
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
