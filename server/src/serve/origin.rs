//! Cross-origin requests to the API are refused unless `--allow-origin` names the origin.
//!
//! The API takes "simple" requests (a `text/plain` POST, a multipart form, a GET with the
//! target in the query) that any web page may send without a CORS preflight (Fetch
//! Standard §3.2.3, "CORS-safelisted"): without this check, every page a portal user
//! visits could make the service analyse and fetch. The rule is the one of Go's
//! `net/http.CrossOriginProtection`, built on Fetch Metadata (W3C Fetch Metadata Request
//! Headers §2.1, `Sec-Fetch-Site`) and the `Origin` header (RFC 6454 §7, Fetch §3.1):
//!
//! 1. an `Origin` that `--allow-origin` names is allowed, and answered with CORS headers
//!    (a preflight `OPTIONS` too);
//! 2. `Sec-Fetch-Site: same-origin` or `none` (typed by the user) is allowed; any other
//!    value (`same-site`, `cross-site`) is refused;
//! 3. without `Sec-Fetch-Site` (an older browser), an `Origin` whose host is not the
//!    request's `Host` is refused;
//! 4. a request with neither header is not from a browser page (curl, scripts): allowed.

use std::str::FromStr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::api::error::ApiError;

/// The error code of a refused cross-origin request.
pub const REFUSED: &str = "cross_origin_refused";

const SEC_FETCH_SITE: &str = "sec-fetch-site";

/// The message of a refused request.
const REFUSAL: &str = "cross-origin requests to this API are refused; a page of another origin \
     may call it only when the service is started with --allow-origin naming that origin";

/// How long a browser may keep a preflight answer, in seconds.
const PREFLIGHT_MAX_AGE: &str = "600";

/// One `--allow-origin` value: `scheme://host[:port]`, lowercase (RFC 6454 §6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin(String);

impl FromStr for Origin {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let origin = text.trim().trim_end_matches('/').to_ascii_lowercase();
        let invalid = || format!("{text:?}: expected an origin like https://portal.example.com");
        let (scheme, authority) = origin.split_once("://").ok_or_else(invalid)?;
        let authority_ok = !authority.is_empty()
            && authority.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
        if !matches!(scheme, "http" | "https") || !authority_ok {
            return Err(invalid());
        }
        Ok(Origin(origin))
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What to do with a request.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Not cross-origin (or not from a page).
    Allow,
    /// From an allowed origin: answered with CORS headers for it.
    Cors(HeaderValue),
    /// Cross-origin.
    Refuse,
}

fn verdict(headers: &HeaderMap, allowed: &[Origin]) -> Verdict {
    let origin = headers.get(header::ORIGIN);
    if let Some(origin) = origin.filter(|o| allowed.iter().any(|a| o.as_bytes() == a.0.as_bytes()))
    {
        return Verdict::Cors(origin.clone());
    }
    match headers.get(SEC_FETCH_SITE).map(HeaderValue::as_bytes) {
        Some(b"same-origin" | b"none") => Verdict::Allow,
        Some(_) => Verdict::Refuse,
        None => match origin {
            None => Verdict::Allow,
            Some(origin) if same_host(origin, headers) => Verdict::Allow,
            Some(_) => Verdict::Refuse,
        },
    }
}

/// Whether `origin`'s host and port are the request's `Host` (RFC 9110 §7.2).
fn same_host(origin: &HeaderValue, headers: &HeaderMap) -> bool {
    let authority = origin.to_str().ok().and_then(|o| o.split_once("://")).map(|(_, a)| a);
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

/// Middleware of the API: refuses cross-origin requests (403, [`REFUSED`]), answers the
/// preflights of allowed origins, and adds the CORS headers to their answers.
pub async fn guard(State(allowed): State<Arc<[Origin]>>, request: Request, next: Next) -> Response {
    match verdict(request.headers(), &allowed) {
        Verdict::Allow => next.run(request).await,
        Verdict::Refuse => ApiError::new(StatusCode::FORBIDDEN, REFUSED, REFUSAL).into_response(),
        Verdict::Cors(origin) if is_preflight(&request) => with_cors(preflight(), origin),
        Verdict::Cors(origin) => with_cors(next.run(request).await, origin),
    }
}

/// A CORS preflight (Fetch §3.2.2): `OPTIONS` with `Access-Control-Request-Method`.
fn is_preflight(request: &Request) -> bool {
    request.method() == Method::OPTIONS
        && request.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

/// The answer to an allowed origin's preflight: the API's methods and the one header a
/// page needs to set (its `Content-Type`, and its own `x-request-id`).
fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST"));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("content-type, x-request-id"),
    );
    headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(PREFLIGHT_MAX_AGE));
    response
}

/// `response`, readable by a page of `origin` (no credentials: the API has none).
fn with_cors(mut response: Response, origin: HeaderValue) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("x-request-id, x-certchain-cache"),
    );
    headers.append(header::VARY, HeaderValue::from_static("origin"));
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_verdict_follows_fetch_metadata_then_origin() {
        let allowed = ["https://portal.example.com".parse::<Origin>().unwrap()];
        let judge = |pairs| verdict(&headers(pairs), &allowed);
        assert_eq!(judge(&[]), Verdict::Allow, "curl");
        assert_eq!(judge(&[("sec-fetch-site", "same-origin")]), Verdict::Allow);
        assert_eq!(judge(&[("sec-fetch-site", "none")]), Verdict::Allow);
        assert_eq!(judge(&[("sec-fetch-site", "cross-site")]), Verdict::Refuse);
        assert_eq!(judge(&[("sec-fetch-site", "same-site")]), Verdict::Refuse);
        let evil = [("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")];
        assert_eq!(judge(&evil), Verdict::Refuse);
        let portal = [("sec-fetch-site", "cross-site"), ("origin", "https://portal.example.com")];
        assert!(matches!(judge(&portal), Verdict::Cors(_)));
        // An older browser: Origin only, compared with Host.
        let same =
            [("origin", "http://certchain.example:8080"), ("host", "certchain.example:8080")];
        assert_eq!(judge(&same), Verdict::Allow);
        let other = [("origin", "http://evil.example"), ("host", "certchain.example:8080")];
        assert_eq!(judge(&other), Verdict::Refuse);
        assert_eq!(judge(&[("origin", "null"), ("host", "certchain.example")]), Verdict::Refuse);
    }

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert_eq!(
            "HTTPS://Portal.Example.com/".parse::<Origin>().unwrap().to_string(),
            "https://portal.example.com"
        );
        assert!("http://[::1]:8080".parse::<Origin>().is_ok());
        assert!("portal.example.com".parse::<Origin>().is_err());
        assert!("https://portal.example.com/path".parse::<Origin>().is_err());
        assert!("ftp://portal.example.com".parse::<Origin>().is_err());
        assert!("https://".parse::<Origin>().is_err());
    }
}
