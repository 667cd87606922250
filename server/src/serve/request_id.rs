//! `x-request-id`: a client's own id is kept when it is short and made of safe characters
//! (so that it can name the request in a log line and nothing more); any other is replaced
//! by one of ours, `<process start in hex>-<sequence>`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use tower_http::request_id::{MakeRequestId, RequestId};

/// The header.
pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Longest client id kept (a UUID is 36).
pub const MAX_LEN: usize = 64;

/// Whether a client's id is kept: 1 to [`MAX_LEN`] ASCII letters, digits, `-`, `_` or `.`.
/// Nothing else, so that an id cannot end a log field or start another (a space, `=`,
/// quotes, braces), whatever the log format.
pub fn is_safe(id: &[u8]) -> bool {
    (1..=MAX_LEN).contains(&id.len())
        && id.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Drops an `x-request-id` that is not [safe](is_safe) (or given more than once), so that
/// the next layer makes a new one.
pub fn sanitize(mut request: Request) -> Request {
    let values = request.headers().get_all(&HEADER);
    let mut iter = values.iter();
    let keep = matches!((iter.next(), iter.next()), (Some(id), None) if is_safe(id.as_bytes()));
    if !keep {
        request.headers_mut().remove(&HEADER);
    }
    request
}

/// Our ids: `<process start in hex>-<sequence>`, unique per process run.
#[derive(Clone, Default)]
pub struct Sequential {
    next: Arc<AtomicU64>,
}

impl MakeRequestId for Sequential {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        static START: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
            u64::try_from(crate::clock::now_unix()).unwrap_or_default()
        });
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:x}-{n}", *START)).ok().map(RequestId::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_ids_of_safe_characters_are_kept() {
        for id in ["a", "5f0c2a7e-1", "req_42.retry", "123e4567-e89b-12d3-a456-426614174000"] {
            assert!(is_safe(id.as_bytes()), "{id}");
        }
        let long = "a".repeat(MAX_LEN + 1);
        for id in ["", "a b", "x} path=/admin status=200", "a=b", "\"q\"", "é", long.as_str()] {
            assert!(!is_safe(id.as_bytes()), "{id}");
        }
    }
}
