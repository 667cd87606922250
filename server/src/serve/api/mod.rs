//! The JSON API under `/api/v1/`, and its OpenAPI document at `/api/openapi.json`.
//!
//! The handlers only translate: the request becomes a [`request::Job`], `certchain_core`
//! does the work on a blocking thread, and the Report (or the snippets) goes back as JSON.

pub mod error;
mod fetch;
mod request;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use certchain_core::snippets::{self, Snippet};
use certchain_core::Report;

use std::time::Duration;

use crate::fetch::Fetcher;
use error::ApiError;
use request::Job;

/// What the API handlers share.
#[derive(Clone)]
pub struct ApiState {
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Live fetches and AIA downloads, with their guards and cache.
    pub fetcher: Fetcher,
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

/// Runs the analysis off the async threads (it is CPU work), completed from AIA when the
/// service chases AIA.
async fn report_of(state: &ApiState, mut job: Job) -> Result<(Report, Job), ApiError> {
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

async fn analyze(
    State(state): State<ApiState>,
    query: Pairs,
    request: Request,
) -> Result<Json<Report>, ApiError> {
    let (report, _) = report_of(&state, job(&state, query, request).await?).await?;
    Ok(Json(report))
}

async fn snippets(
    State(state): State<ApiState>,
    query: Pairs,
    request: Request,
) -> Result<Json<Vec<Snippet>>, ApiError> {
    let (report, job) = report_of(&state, job(&state, query, request).await?).await?;
    let offered = snippets::render(&report, &job.params());
    if job.targets.is_empty() {
        return Ok(Json(offered));
    }
    let mut chosen = Vec::new();
    for target in &job.targets {
        let Some(snippet) = offered.iter().find(|s| s.target == target.as_str()) else {
            let ids: Vec<&str> = offered.iter().map(|s| s.target).collect();
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "target_not_offered",
                format!(
                    "target {target:?} is not offered for this input (offered: {})",
                    ids.join(", ")
                ),
            ));
        };
        chosen.push(snippet.clone());
    }
    Ok(Json(chosen))
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
