//! The service as one [`Router`]: pages, API, operations endpoints, and the layers every
//! answer passes through (request ids, logs, metrics, security headers, compression), with
//! the API behind its limits (body size, timeout, concurrency).

use std::sync::Arc;
use std::time::Duration;

use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{BoxError, Router};
use tower::ServiceBuilder;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::trace::{DefaultOnRequest, DefaultOnResponse, TraceLayer};

use super::api::error::ApiError;
use super::api::{self, ApiState, Cache};
use super::metrics::{self, Metrics};
use super::origin::{self, Origin};
use super::pages;
use super::request_id::{self, Sequential};
use crate::fetch::{guard, Fetcher, Guard, Pattern, Slots};

/// The default `--max-answer`: the Report of a full 1 MiB bundle is about 2.3 MB of JSON.
pub const DEFAULT_MAX_ANSWER: usize = 4 << 20;

/// How the service behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest request body, in bytes (413 above).
    pub max_body: usize,
    /// Largest API answer, in bytes (422 `answer_too_large` above).
    pub max_answer: usize,
    /// Longest time an API request may take (503 after).
    pub timeout: Duration,
    /// API requests answered at once; more get 503 at once.
    pub max_concurrent: usize,
    /// API answers kept for identical requests (0: no cache).
    pub cache_entries: usize,
    /// What `GET /api/v1/fetch` and AIA downloads may connect to; empty: fetching is off.
    pub allow_fetch: Vec<Pattern>,
    /// Download missing issuers from AIA caIssuers URLs (fetch, analyze, snippets).
    pub aia: bool,
    /// Ports fetches may connect to (AIA downloads may also use 80).
    pub fetch_ports: Vec<u16>,
    /// Analyses run at once (each on its own thread); more wait for a free one.
    pub analysis_slots: usize,
    /// Origins whose pages may call the API (cross-origin requests are refused otherwise).
    pub allow_origins: Vec<Origin>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_body: 1 << 20,
            max_answer: DEFAULT_MAX_ANSWER,
            timeout: Duration::from_secs(10),
            max_concurrent: 128,
            cache_entries: 256,
            allow_fetch: Vec::new(),
            aia: false,
            fetch_ports: guard::DEFAULT_PORTS.to_vec(),
            analysis_slots: Slots::cores(),
            allow_origins: Vec::new(),
        }
    }
}

impl Config {
    fn fetcher(&self) -> Fetcher {
        let guard = Guard::new(self.allow_fetch.clone(), self.fetch_ports.clone());
        Fetcher::new(guard, self.aia, Slots::new(self.analysis_slots))
    }
}

/// The whole service, `/metrics` included, ready for serving or `oneshot` in tests.
pub fn app(config: &Config) -> Router {
    let metrics = Arc::new(Metrics::default());
    let routes = routes(config).merge(metrics_routes(&metrics));
    with_layers(routes, metrics)
}

/// The service without `/metrics`, and `/metrics` alone (`--metrics-listen`: scraped on
/// another address, kept off the public port), sharing their counters.
pub fn app_and_metrics(config: &Config) -> (Router, Router) {
    let metrics = Arc::new(Metrics::default());
    let public = with_layers(routes(config), metrics.clone());
    let private = metrics_routes(&metrics)
        .layer(middleware::from_fn(security_headers))
        .layer(CompressionLayer::new().gzip(true).quality(CompressionLevel::Fastest));
    (public, private)
}

/// Pages, API and probes.
fn routes(config: &Config) -> Router {
    let state = ApiState {
        max_body: config.max_body,
        max_answer: config.max_answer,
        cache: Arc::new(Cache::new(config.cache_entries)),
        fetcher: Arc::new(config.fetcher()),
        // A slow remote is the remote's failure (422), not the service's (503): fetches
        // end a little before the request's own timeout.
        fetch_deadline: config.timeout.saturating_sub(Duration::from_millis(500)),
    };
    let api = api::routes(state).layer(DefaultBodyLimit::max(config.max_body)).layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(overloaded_or_late))
            .load_shed()
            .concurrency_limit(config.max_concurrent)
            .timeout(config.timeout),
    );
    let allowed: Arc<[Origin]> = config.allow_origins.clone().into();
    let api = api.layer(middleware::from_fn_with_state(allowed, origin::guard));
    let probes = Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(|| async { "ready\n" }));
    Router::new().merge(probes).merge(api).merge(pages::routes())
}

/// `/metrics`: the Prometheus text of `metrics`.
fn metrics_routes(metrics: &Arc<Metrics>) -> Router {
    let metrics = metrics.clone();
    let render = get(move || async move {
        ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], metrics.render())
    });
    Router::new().route("/metrics", render)
}

/// The layers every answer of `routes` passes through: metrics, security headers,
/// compression, request ids and logs.
fn with_layers(routes: Router, metrics: Arc<Metrics>) -> Router {
    routes
        .layer(middleware::from_fn_with_state(metrics, metrics::track))
        .layer(middleware::from_fn(security_headers))
        .layer(CompressionLayer::new().gzip(true).br(true).quality(CompressionLevel::Fastest))
        .layer(
            ServiceBuilder::new()
                .map_request(request_id::sanitize)
                .layer(SetRequestIdLayer::new(request_id::HEADER, Sequential::default()))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(span)
                        .on_request(DefaultOnRequest::new().level(tracing::Level::DEBUG))
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::new(request_id::HEADER)),
        )
}

/// The log span of a request: its id, method and path. Never the query or the body: they
/// may hold certificates, host names or keys.
fn span(request: &Request) -> tracing::Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %id, method = %request.method(), path = %request.uri().path())
}

/// The answer when the API is at its concurrency limit, or a request ran out of time.
async fn overloaded_or_late(error: BoxError) -> ApiError {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "the request took too long; try a smaller input",
        )
    } else {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            "the service is busy; retry in a moment",
        )
    }
}

/// Headers every answer carries. Pages set their own Content-Security-Policy and
/// Cache-Control; everything else (the API, the probes, `/metrics`, errors) gets a policy
/// that allows nothing, and `no-store`: it is for one client, once, and no cache (a
/// proxy's, or the browser's) is to keep it (RFC 9111 §5.2.2.5).
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await.into_response();
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}
