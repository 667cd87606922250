//! Trust stores (an input of roots only, such as `/etc/ssl/certs/ca-certificates.crt`): a
//! root past or near the end of its validity (RFC 5280 §4.1.2.5). A store is not a path,
//! so nothing here is an error: the store works for every other root. But OpenSSL and Go
//! (GitLab Runner) refuse a path that ends at an expired root, so it validates nothing any
//! more, and servers whose chains end at it need a chain under another root.

use super::validity::{date, DAY, EXPIRES_SOON_DAYS};
use super::{finding, label, Context, Overview};
use crate::cert::Cert;
use crate::code::Code;
use crate::report::{Finding, InputKind, Severity, Text};

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
    let when = date(root.not_after);
    store_finding(
        Code::Expired,
        root,
        Text::new(
            format!("{} in this trust store expired on {when} ({days} days ago).", label(root)),
            format!("このトラストストアの {} は {when} に期限切れになりました({days} 日前)。", label(root)),
        ),
        Text::new(
            "OpenSSL and Go no longer accept a chain that ends at it; servers whose chain does must move to a chain under a current root. Use the ca-bundle.pem certchain gives, which leaves it out; updating the package that ships the store (ca-certificates) removes only the roots Mozilla has removed, so an expired root may stay in it.",
            "OpenSSL や Go はこのルートで終わるチェーンを受け入れません。このルートで終わるチェーンのサーバーは、有効なルートの下のチェーンに移行する必要があります。certchain が出力する ca-bundle.pem(このルートを除いたもの)を使ってください。ストアを提供するパッケージ(ca-certificates)を更新しても除かれるのは Mozilla が削除したルートだけなので、期限切れのルートが残ることがあります。",
        ),
    )
}

fn not_yet_valid(root: &Cert) -> Finding {
    let when = date(root.not_before);
    store_finding(
        Code::NotYetValid,
        root,
        Text::new(
            format!("{} in this trust store is not valid before {when}.", label(root)),
            format!("このトラストストアの {} は {when} まで有効になりません。", label(root)),
        ),
        Text::new(
            "Chains that end at it fail until then; check the clock of the machine that reads this store (NTP).",
            "それまではこのルートで終わるチェーンは失敗します。このストアを読むマシンの時刻(NTP)を確認してください。",
        ),
    )
}

fn expires_soon(root: &Cert, now: i64) -> Finding {
    let days = (root.not_after - now) / DAY;
    let when = date(root.not_after);
    store_finding(
        Code::ExpiresSoon,
        root,
        Text::new(
            format!("{} in this trust store expires on {when} (in {days} days).", label(root)),
            format!("このトラストストアの {} は {when} に期限切れになります(あと {days} 日)。", label(root)),
        ),
        Text::new(
            "Servers whose chain ends at this root stop working for OpenSSL and Go clients then: move them to a chain under another root before that date.",
            "その日以降、このルートで終わるチェーンのサーバーは OpenSSL や Go のクライアントで失敗します。それまでに別のルートの下のチェーンに移行してください。",
        ),
    )
}

fn store_finding(code: Code, root: &Cert, message: Text, fix: Text) -> Finding {
    finding(code, Severity::Info, vec![root.index], message, fix)
}
