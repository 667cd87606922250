//! What `POST /api/v1/analyze` and `POST /api/v1/snippets` take, in every form a client
//! sends: JSON, a raw body (`text/plain`, `application/octet-stream`, certificate media
//! types) with options in the query, or a multipart upload. Everything becomes one [`Job`].
//!
//! What a request may ask for is bounded, so that a small body cannot ask for a large
//! answer: at most [`MAX_SOURCES`] input files and [`MAX_TRUST`] trust sources (each is
//! read, and each may add notes), and each snippet target once (repeats are dropped; there
//! are [`TARGETS`]`.len()` targets).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header;
use base64::Engine as _;
use certchain_core::snippets::{Params, TARGETS};
use certchain_core::{Options, Source, UnixTime};
use serde::Deserialize;

use super::error::ApiError;
use crate::clock;

/// One analysis to run, and the snippets to render from it.
#[derive(Debug, Default)]
pub struct Job {
    /// The input files.
    pub sources: Vec<Source>,
    /// Host or URL clients connect to.
    pub host: Option<String>,
    /// Evaluation time; the server's clock when absent.
    pub now: Option<i64>,
    /// Trust anchors replacing the public roots.
    pub trust: Vec<Source>,
    /// Snippet parameters (`/snippets`); `url` defaults to `host`.
    pub params: Params,
    /// Snippet targets asked for; empty for all offered.
    pub targets: Vec<String>,
}

impl Job {
    /// The analysis options, taking the input's trust anchors (call once).
    pub fn options(&mut self) -> Options {
        Options {
            now: UnixTime(self.now.unwrap_or_else(clock::now_unix)),
            host: self.host.clone(),
            trust: std::mem::take(&mut self.trust),
            ..Options::default()
        }
    }

    /// Asks for the snippet `target`, once however often it is named.
    fn add_target(&mut self, target: &str) {
        if !self.targets.iter().any(|t| t == target) {
            self.targets.push(target.to_string());
        }
    }

    /// The request's sources and targets within their bounds, or the bound it passes.
    fn check_bounds(&self) -> Result<(), ApiError> {
        too_many("input files", self.sources.len(), MAX_SOURCES)?;
        too_many("trust sources", self.trust.len(), MAX_TRUST)?;
        if self.targets.len() > TARGETS.len() {
            return Err(ApiError::bad_request(
                "too_many_targets",
                format!(
                    "the request names {} different snippet targets; there are {} (see the \
                     error of an unknown one for the list)",
                    self.targets.len(),
                    TARGETS.len()
                ),
            ));
        }
        Ok(())
    }

    /// The snippet parameters, with the URL from `host` unless given.
    pub fn params(&self) -> Params {
        let mut params = self.params.clone();
        if params.url.is_empty() {
            params.url = self.host.clone().unwrap_or_default();
        }
        params
    }
}

/// Most input files (multipart `file` and `input` fields) one request may carry.
pub const MAX_SOURCES: usize = 64;
/// Most trust sources (`trust`, as a JSON list or multipart fields) one request may carry.
pub const MAX_TRUST: usize = 64;

/// The JSON body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonBody {
    /// The chain as text (PEM, s_client output…).
    input: Option<String>,
    /// The chain as base64 bytes (DER, PKCS#7), instead of `input`.
    input_base64: Option<String>,
    host: Option<String>,
    now: Option<String>,
    #[serde(default)]
    trust: OneOrMany,
    #[serde(default)]
    params: HashMap<String, String>,
    #[serde(default)]
    targets: Vec<String>,
}

/// `"trust": "PEM"` or `"trust": ["PEM", …]`.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

/// Raw-body media types: the body is the input itself.
const RAW_TYPES: [&str; 7] = [
    "text/plain",
    "application/octet-stream",
    "application/x-pem-file",
    "application/pkix-cert",
    "application/x-x509-ca-cert",
    "application/pkcs7-mime",
    "application/x-pkcs7-certificates",
];

/// Reads the request into a job; `query` holds `host`, `now`, `target` and `param=KEY=VALUE`
/// pairs for raw bodies and uploads. `limit` is `--max-body`.
pub async fn read(
    request: Request,
    query: &[(String, String)],
    limit: usize,
) -> Result<Job, ApiError> {
    let media_type = media_type(&request);
    let mut job = Job::default();
    apply_options(&mut job, query)?;
    match media_type.as_str() {
        "application/json" => read_json(&mut job, body(request, limit).await?)?,
        "multipart/form-data" => read_multipart(&mut job, request, limit).await?,
        raw if RAW_TYPES.contains(&raw) => {
            job.sources.push(Source { name: None, bytes: body(request, limit).await?.to_vec() });
        }
        other => return Err(unsupported(other)),
    }
    job.check_bounds()?;
    if job.sources.iter().all(|s| s.bytes.iter().all(u8::is_ascii_whitespace)) {
        return Err(ApiError::bad_request(
            "empty_input",
            "the request has no input: send a chain (PEM, DER, PKCS#7 or openssl s_client output)",
        ));
    }
    Ok(job)
}

/// 413 when a request carries more than `limit` of `what`.
fn too_many(what: &str, count: usize, limit: usize) -> Result<(), ApiError> {
    if count <= limit {
        return Ok(());
    }
    Err(ApiError::new(
        axum::http::StatusCode::PAYLOAD_TOO_LARGE,
        "too_many_sources",
        format!(
            "the request carries {count} {what}; at most {limit} are taken (put several \
             certificates in one PEM file instead)"
        ),
    ))
}

/// The media type without parameters, lowercased; empty when there is none.
fn media_type(request: &Request) -> String {
    let value = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    value.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

fn unsupported(media_type: &str) -> ApiError {
    let shown =
        if media_type.is_empty() { "no Content-Type".to_string() } else { media_type.to_string() };
    ApiError::new(
        axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        format!(
            "{shown}: send application/json, text/plain, application/octet-stream or multipart/form-data \
             (curl -H 'Content-Type: text/plain' --data-binary @chain.pem)"
        ),
    )
}

/// The whole body; a declared `Content-Length` over the limit is refused before reading (a
/// client that announces 100 MB gets its 413 at once, not after a timeout).
async fn body(request: Request, limit: usize) -> Result<Bytes, ApiError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(ApiError::too_large(limit));
    }
    axum::body::to_bytes(request.into_body(), limit).await.map_err(|_| ApiError::too_large(limit))
}

fn read_json(job: &mut Job, bytes: Bytes) -> Result<(), ApiError> {
    let body: JsonBody = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::bad_request("malformed_json", format!("the JSON body cannot be read: {e}"))
    })?;
    let bytes = match (body.input, body.input_base64) {
        (Some(text), None) => text.into_bytes(),
        (None, Some(b64)) => {
            base64::engine::general_purpose::STANDARD.decode(b64.trim()).map_err(|e| {
                ApiError::bad_request("invalid_base64", format!("input_base64 is not base64: {e}"))
            })?
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request(
                "invalid_field",
                "give input or input_base64, not both",
            ))
        }
        (None, None) => {
            return Err(ApiError::bad_request(
                "empty_input",
                "the JSON body has no input (or input_base64)",
            ))
        }
    };
    job.sources.push(Source { name: None, bytes });
    if let Some(host) = body.host {
        job.host = parse_host(&host)?;
    }
    if let Some(now) = body.now {
        job.now = Some(parse_now(&now)?);
    }
    let trust = match body.trust {
        OneOrMany::None => Vec::new(),
        OneOrMany::One(pem) => vec![pem],
        OneOrMany::Many(pems) => pems,
    };
    too_many("trust sources", trust.len(), MAX_TRUST)?;
    job.trust.extend(trust.iter().map(|pem| Source::text(pem)));
    for (key, value) in &body.params {
        set_param(job, key, value)?;
    }
    for target in &body.targets {
        job.add_target(target);
    }
    Ok(())
}

/// Fields: `file` (any number, text or binary), `input` (text), `trust` (file or text, any
/// number), `host`, `now`, `param` (`KEY=VALUE`), `target`.
async fn read_multipart(job: &mut Job, request: Request, limit: usize) -> Result<(), ApiError> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::bad_request("malformed_multipart", e.body_text()))?;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(()),
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::too_large(limit))
            }
            Err(e) => return Err(ApiError::bad_request("malformed_multipart", e.body_text())),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(|e| match e.status() {
            axum::http::StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(limit),
            _ => ApiError::bad_request("malformed_multipart", e.body_text()),
        })?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_string();
        match name.as_str() {
            "file" | "input" => job.sources.push(Source { name: file_name, bytes: bytes.to_vec() }),
            "trust" => job.trust.push(Source { name: file_name, bytes: bytes.to_vec() }),
            "host" | "now" | "param" | "target" => apply_options(job, &[(name.clone(), text())])?,
            other => {
                return Err(ApiError::bad_request(
                    "invalid_field",
                    format!("unknown form field {other:?}: use file, input, trust, host, now, param, target"),
                ))
            }
        }
        // Stop reading as soon as a bound is passed.
        job.check_bounds()?;
    }
}

/// `host`, `now`, `target` and `param` (`KEY=VALUE`) pairs from the query or a form.
fn apply_options(job: &mut Job, pairs: &[(String, String)]) -> Result<(), ApiError> {
    for (key, value) in pairs {
        match key.as_str() {
            "host" => job.host = parse_host(value)?,
            "now" => job.now = Some(parse_now(value)?),
            "target" => job.add_target(value),
            "param" => {
                let (k, v) = value.split_once('=').ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_param",
                        format!("param {value:?}: expected KEY=VALUE"),
                    )
                })?;
                set_param(job, k.trim(), v)?;
            }
            other => {
                return Err(ApiError::bad_request(
                    "invalid_field",
                    format!("unknown query parameter {other:?}: use host, now, target, param"),
                ))
            }
        }
    }
    Ok(())
}

/// A host or URL, refused with the reason rather than dropped (which would silently turn
/// the host check off); an empty one is no host.
fn parse_host(text: &str) -> Result<Option<String>, ApiError> {
    certchain_core::host::given(text)
        .map(|host| host.map(str::to_string))
        .map_err(|e| ApiError::bad_request("invalid_host", format!("host: {e}")))
}

fn parse_now(text: &str) -> Result<i64, ApiError> {
    clock::parse_rfc3339(text)
        .map_err(|e| ApiError::bad_request("invalid_time", format!("now: {e}")))
}

fn set_param(job: &mut Job, key: &str, value: &str) -> Result<(), ApiError> {
    job.params.set(key, value).map_err(|e| ApiError::bad_request("invalid_param", e))
}
