//! Every API error is JSON `{"error": {"code", "message"}}` with a 4xx (or 503) status:
//! the code is stable for programs, the message says what to change.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::fetch::FetchError;

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: &'a str,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into() }
    }

    /// 400: the request is not what the endpoint takes.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 413: the body is larger than `--max-body`.
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is larger than the limit of {limit} bytes (--max-body)"),
        )
    }

    /// 422: the answer would be larger than `--max-answer`.
    pub fn answer_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "answer_too_large",
            format!(
                "the answer would be larger than the limit of {limit} bytes (--max-answer): \
                 send fewer certificates, or ask for fewer snippets (target)"
            ),
        )
    }
}

impl From<FetchError> for ApiError {
    /// A malformed target is 400, a refusal 403, a remote that failed 422: nothing the
    /// remote does is the service's failure (5xx).
    fn from(error: FetchError) -> Self {
        let message = error.to_string();
        match error {
            FetchError::InvalidTarget(_) => Self::bad_request("invalid_target", message),
            FetchError::Disabled => Self::new(StatusCode::FORBIDDEN, "fetch_disabled", message),
            FetchError::Forbidden(_) => {
                Self::new(StatusCode::FORBIDDEN, "fetch_forbidden", message)
            }
            FetchError::Failed(_) => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "fetch_failed", message)
            }
            _ => Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body { error: Detail { code: self.code, message: &self.message } };
        (self.status, Json(body)).into_response()
    }
}
