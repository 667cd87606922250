//! The JSON API under `/api/v1/`, and its OpenAPI document at `/api/openapi.json`.
//!
//! The handlers only translate: the request becomes a [`request::Job`], `certchain_core`
//! does the work on a blocking thread, and the Report (or the snippets) goes back as JSON.

mod cache;
pub mod error;
mod fetch;
mod request;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use certchain_core::snippets::{self, Snippet};
use certchain_core::Report;
use serde::Serialize;

use std::time::Duration;

use crate::fetch::Fetcher;
pub use cache::Cache;
use error::ApiError;
use request::Job;

/// What the API handlers share.
#[derive(Clone)]
pub struct ApiState {
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Largest answer, in bytes.
    pub max_answer: usize,
    /// Answers already computed.
    pub cache: Arc<Cache>,
    /// Live fetches and AIA downloads, with their guards and cache, and the analysis slots
    /// (shared: the state is cloned for every request).
    pub fetcher: Arc<Fetcher>,
    /// Longest a fetch (with its AIA downloads) may take.
    pub fetch_deadline: Duration,
}

/// The OpenAPI 3.1 document of this API (kept true by `tests/api.rs`).
pub const OPENAPI: &str = include_str!("openapi.json");

/// `/api/v1/*` and `/api/openapi.json`; anything else under `/api/` is a JSON 404.
pub fn routes(state: ApiState) -> Router {
    Router::new()
        .route("/api/v1/analyze", post(analyze))
        .route("/api/v1/snippets", post(snippets))
        .route("/api/v1/fetch", get(fetch::fetch))
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", axum::routing::any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

async fn job(state: &ApiState, query: Pairs, request: Request) -> Result<Job, ApiError> {
    let Query(pairs) = query.map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    request::read(request, &pairs, state.max_body).await
}

/// Runs the analysis off the async threads (it is CPU work) at `now`, completed from AIA
/// when the service chases AIA.
async fn report_of(state: &ApiState, mut job: Job, now: i64) -> Result<(Report, Job), ApiError> {
    job.now = Some(now);
    let options = job.options();
    let sources = std::mem::take(&mut job.sources);
    let report = state.fetcher.analyze(sources, &options);
    let report = if state.fetcher.chases_aia() {
        tokio::time::timeout(state.fetch_deadline, report)
            .await
            .map_err(|_| fetch::late(state.fetch_deadline))??
    } else {
        report.await?
    };
    Ok((report, job))
}

/// A JSON answer, saying whether it came from the cache.
fn json_answer(bytes: Bytes, hit: bool) -> Response {
    let cache = HeaderValue::from_static(if hit { "hit" } else { "miss" });
    let mut response = json_response(bytes);
    response.headers_mut().insert("x-certchain-cache", cache);
    response
}

/// JSON bytes as an answer.
fn json_response(bytes: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// `value` as JSON, refused once it passes `limit` bytes: the answer is never built larger
/// than `--max-answer`, not even for a moment.
fn to_json(value: &impl Serialize, limit: usize) -> Result<Bytes, ApiError> {
    let mut out = Capped { bytes: Vec::new(), limit };
    match serde_json::to_writer(&mut out, value) {
        Ok(()) => Ok(Bytes::from(out.bytes)),
        Err(e) if e.is_io() => Err(ApiError::answer_too_large(limit)),
        Err(e) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("cannot write JSON: {e}"),
        )),
    }
}

/// A buffer that fails a write that would take it past `limit` bytes.
struct Capped {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.limit {
            return Err(std::io::Error::other("the answer is over its limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The cached answer to `job` on `endpoint`, or `compute`'s, kept for next time.
async fn answer<F>(
    state: &ApiState,
    endpoint: &str,
    mut job: Job,
    compute: F,
) -> Result<Response, ApiError>
where
    F: FnOnce(Report, &Job) -> Result<Bytes, ApiError>,
{
    let now = *job.now.get_or_insert_with(crate::clock::now_unix);
    let key = cache::key(endpoint, &job, now);
    if let Some(bytes) = state.cache.get(&key) {
        return Ok(json_answer(bytes, true));
    }
    let (report, job) = report_of(state, job, now).await?;
    let bytes = compute(report, &job)?;
    state.cache.put(key, bytes.clone());
    Ok(json_answer(bytes, false))
}

async fn analyze(
    State(state): State<ApiState>,
    query: Pairs,
    request: Request,
) -> Result<Response, ApiError> {
    let job = job(&state, query, request).await?;
    let limit = state.max_answer;
    answer(&state, "analyze", job, |report, _| to_json(&report, limit)).await
}

async fn snippets(
    State(state): State<ApiState>,
    query: Pairs,
    request: Request,
) -> Result<Response, ApiError> {
    let job = job(&state, query, request).await?;
    let limit = state.max_answer;
    answer(&state, "snippets", job, |report, job| to_json(&chosen(&report, job)?, limit)).await
}

/// The snippets asked for, in the order asked; all offered when none were named.
fn chosen(report: &Report, job: &Job) -> Result<Vec<Snippet>, ApiError> {
    let offered = snippets::render(report, &job.params());
    if job.targets.is_empty() {
        return Ok(offered);
    }
    let mut chosen = Vec::new();
    for target in &job.targets {
        let Some(snippet) = offered.iter().find(|s| s.target == target.as_str()) else {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "target_not_offered",
                snippets::not_offered(target, &offered),
            ));
        };
        chosen.push(snippet.clone());
    }
    Ok(chosen)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no API endpoint at {}; see /api/openapi.json", request.uri().path()),
    )
}

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "{} is not allowed on {}; see /api/openapi.json",
            request.method(),
            request.uri().path()
        ),
    )
}
