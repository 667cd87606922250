//! Validity periods (RFC 5280 §4.1.2.5; checked for every certificate of the path, §6.1.3 (a)(2)).

use super::Context;
use super::Finding;
use crate::chain::Found;
use crate::code::Code;
use crate::code::Severity;

/// Warn this many days before a certificate expires.
pub const EXPIRES_SOON_DAYS: i64 = 30;
/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Path rule: every certificate must be valid at `now`. A root's own validity is not part of
/// RFC 5280 path validation (§6.1.1 (d)), but Go (GitLab Runner) and OpenSSL refuse an
/// expired root, so it is an error too.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in &found.certs {
        let cert = &ctx.graph.certs[i];
        if ctx.now > cert.not_after {
            out.push(expired(cert, ctx.now));
        } else if ctx.now < cert.not_before {
            out.push(not_yet_valid(cert, ctx.now));
        } else if cert.not_after - ctx.now <= EXPIRES_SOON_DAYS * DAY {
            out.push(expires_soon(cert, ctx.now));
        }
    }
    out
}

/// The UTC date of `unix`, as `YYYY-MM-DD`.
pub(super) fn date(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.date().to_string())
        .unwrap_or_else(|_| unix.to_string())
}

fn expired(cert: &crate::cert::Cert, now: i64) -> Finding {
    let days = (now - cert.not_after) / DAY;
    dated(Code::Expired, Severity::Error, cert, cert.not_after, days)
}

fn not_yet_valid(cert: &crate::cert::Cert, now: i64) -> Finding {
    let days = (cert.not_before - now + DAY - 1) / DAY;
    dated(Code::NotYetValid, Severity::Error, cert, cert.not_before, days)
}

fn expires_soon(cert: &crate::cert::Cert, now: i64) -> Finding {
    let days = (cert.not_after - now) / DAY;
    dated(Code::ExpiresSoon, Severity::Warning, cert, cert.not_after, days)
}

/// `code` for `cert`, with the date it says and the days until or since then.
fn dated(
    code: Code,
    severity: Severity,
    cert: &crate::cert::Cert,
    when: i64,
    days: i64,
) -> Finding {
    finding_on!(code, severity, cert, date = date(when), days = days)
}
