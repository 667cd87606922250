//! `GET /api/v1/fetch?target=host[:port]&servername=NAME`: the Report of the chain a TLS
//! server sends, evaluated at the server's clock, checked against `servername` (or the
//! target's host). Only what `--allow-fetch` allows is fetched (see `crate::fetch::guard`).

use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use certchain_core::{Options, UnixTime};
use serde::Deserialize;

use super::error::ApiError;
use super::{json_response, to_json, ApiState};
use crate::clock;
use crate::fetch::target::HTTPS_PORT;
use crate::fetch::{FetchError, Target};

/// The query.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchQuery {
    /// `host[:port]` (port 443 unless given).
    target: Option<String>,
    /// The name sent as SNI and checked against the leaf; the target's host by default.
    servername: Option<String>,
}

/// The handler.
pub async fn fetch(
    State(state): State<ApiState>,
    query: Result<Query<FetchQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    if !state.fetcher.is_enabled() {
        return Err(FetchError::Disabled.into());
    }
    let Query(query) = query.map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    let target = query.target.ok_or_else(|| {
        ApiError::bad_request("invalid_target", "give the server to fetch: ?target=host[:port]")
    })?;
    let target = Target::parse(&target, HTTPS_PORT)?;
    let options = Options { now: UnixTime(clock::now_unix()), ..Options::default() };
    let report = state.fetcher.report(&target, query.servername.as_deref(), options);
    let report = tokio::time::timeout(state.fetch_deadline, report)
        .await
        .map_err(|_| late(state.fetch_deadline))??;
    Ok(json_response(to_json(&report, state.max_answer)?))
}

/// The answer when the remote side (the server, or an AIA URL) was too slow.
pub fn late(deadline: Duration) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "fetch_failed",
        format!("the fetch did not finish within {:.1} s", deadline.as_secs_f64()),
    )
}
