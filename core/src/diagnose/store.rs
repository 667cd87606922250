//! Trust stores (an input of roots only, such as `/etc/ssl/certs/ca-certificates.crt`): a
//! root past or near the end of its validity (RFC 5280 §4.1.2.5). A store is not a path,
//! so nothing here is an error: the store works for every other root. But OpenSSL and Go
//! (GitLab Runner) refuse a path that ends at an expired root, so it validates nothing any
//! more, and servers whose chains end at it need a chain under another root.

use super::validity::{date, DAY, EXPIRES_SOON_DAYS};
use super::Finding;
use super::{Context, Overview};
use crate::cert::Cert;
use crate::chain::InputKind;
use crate::code::Code;
use crate::code::Severity;

/// Input rule: each root of a trust store that is expired, not yet valid, or expires soon.
pub fn check(ctx: &Context<'_>, _: &Overview<'_>) -> Vec<Finding> {
    if ctx.kind != InputKind::TrustStore {
        return Vec::new();
    }
    let graph = ctx.graph;
    graph.unique().filter_map(|i| out_of_date(&graph.certs[i], ctx.now)).collect()
}

fn out_of_date(root: &Cert, now: i64) -> Option<Finding> {
    if now > root.not_after {
        Some(expired(root, now))
    } else if now < root.not_before {
        Some(not_yet_valid(root))
    } else if root.not_after - now <= EXPIRES_SOON_DAYS * DAY {
        Some(expires_soon(root, now))
    } else {
        None
    }
}

fn expired(root: &Cert, now: i64) -> Finding {
    let days = (now - root.not_after) / DAY;
    store_finding(Code::Expired, root, root.not_after, days)
}

fn not_yet_valid(root: &Cert) -> Finding {
    store_finding(Code::NotYetValid, root, root.not_before, 0)
}

fn expires_soon(root: &Cert, now: i64) -> Finding {
    let days = (root.not_after - now) / DAY;
    store_finding(Code::ExpiresSoon, root, root.not_after, days)
}

/// `code` for a root of the store, with the date it says and the days until or since then.
fn store_finding(code: Code, root: &Cert, when: i64, days: i64) -> Finding {
    finding_on!((code, "store"), Severity::Info, root, date = date(when), days = days)
}
