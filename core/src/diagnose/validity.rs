//! Validity periods (RFC 5280 §4.1.2.5; checked for every certificate of the path, §6.1.3 (a)(2)).

use super::{finding, label, Context};
use crate::chain::Found;
use crate::code::Code;
use crate::report::{Finding, Severity, Text};

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
    finding(
        Code::Expired,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} expired on {} ({days} days ago).", label(cert), date(cert.not_after)),
            format!(
                "{} は {} に期限切れになりました({days} 日前)。",
                label(cert),
                date(cert.not_after)
            ),
        ),
        Text::new(
            "Renew it and install the new certificate (and its new chain) on the server.",
            "証明書を更新し、新しい証明書(と新しいチェーン)をサーバーに設定してください。",
        ),
    )
}

fn not_yet_valid(cert: &crate::cert::Cert, now: i64) -> Finding {
    let days = (cert.not_before - now + DAY - 1) / DAY;
    finding(
        Code::NotYetValid,
        Severity::Error,
        vec![cert.index],
        Text::new(
            format!("{} is not valid before {} (in {days} days).", label(cert), date(cert.not_before)),
            format!("{} は {} まで有効になりません(あと {days} 日)。", label(cert), date(cert.not_before)),
        ),
        Text::new(
            "Check the clocks of the server and the clients (NTP), or wait until the certificate becomes valid.",
            "サーバーとクライアントの時刻(NTP)を確認するか、有効開始日まで待ってください。",
        ),
    )
}

fn expires_soon(cert: &crate::cert::Cert, now: i64) -> Finding {
    let days = (cert.not_after - now) / DAY;
    finding(
        Code::ExpiresSoon,
        Severity::Warning,
        vec![cert.index],
        Text::new(
            format!("{} expires on {} (in {days} days).", label(cert), date(cert.not_after)),
            format!(
                "{} は {} に期限切れになります(あと {days} 日)。",
                label(cert),
                date(cert.not_after)
            ),
        ),
        Text::new(
            "Renew it now, before clients start failing.",
            "クライアントが失敗し始める前に更新してください。",
        ),
    )
}
