//! The clock, read at the edge: the core takes time as an argument.

use time::format_description::well_known::Rfc3339;

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// An RFC 3339 time (`2026-11-22T00:00:00Z`) as Unix seconds, or what is wrong with it.
pub fn parse_rfc3339(text: &str) -> Result<i64, String> {
    time::OffsetDateTime::parse(text.trim(), &Rfc3339)
        .map(|t| t.unix_timestamp())
        .map_err(|e| format!("expected RFC 3339 like 2026-11-22T00:00:00Z, not {text:?} ({e})"))
}
