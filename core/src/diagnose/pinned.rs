//! A server certificate trusted as its own anchor (`--trust leaf.pem`, or the runner's
//! `<host>.crt` made by `openssl s_client | openssl x509`, which keeps only the first
//! certificate). RFC 5280 §6.1.1 (d) lets any certificate be an anchor, and Go (GitLab
//! Runner) accepts a leaf found in its roots, but that pins one certificate instead of
//! trusting its CA: it stops working when the certificate is renewed.

use super::{finding, label, Context};
use crate::chain::Found;
use crate::code::Code;
use crate::report::{Finding, InputKind, Severity, Text};

/// Path rule: the path ends at an anchor that is the input's own end-entity certificate.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let Some(&top) = found.certs.last() else { return Vec::new() };
    // A self-signed server certificate is its own CA: trusting it is no pin.
    if !found.ends_at_a_pin(ctx.graph) || ctx.kind != InputKind::ServerChain {
        return Vec::new();
    }
    let cert = &ctx.graph.certs[top];
    vec![finding(
        Code::TrustedServerCertificate,
        Severity::Warning,
        vec![top],
        Text::new(
            format!("{} is itself your trust anchor: the server certificate is pinned, not the CA that issued it (\"{}\").", label(cert), cert.issuer),
            format!("{} 自体がトラストアンカーです。発行した CA(「{}」)ではなく、サーバー証明書そのものを固定(ピン留め)しています。", label(cert), cert.issuer),
        ),
        Text::new(
            "GitLab Runner (Go) accepts the pin only until the certificate is renewed, and clients such as openssl verify and Python before 3.13 refuse it. Trust the CA instead: give clients its certificate (the issuer named above, and its root), not the server's. A CA file saved with `openssl s_client | openssl x509` holds only the server certificate: save the CA certificates from `-showcerts` instead, or use the files certchain makes once the CA is pasted or given with --trust.",
            "GitLab Runner(Go)がこのピンを受け入れるのは証明書が更新されるまでで、openssl verify や Python 3.13 より前の ssl などは受け入れません。サーバー証明書ではなく CA(上記の発行者とそのルート)の証明書をクライアントに渡してください。`openssl s_client | openssl x509` で保存した CA ファイルにはサーバー証明書しか入りません。`-showcerts` の CA 証明書を保存するか、CA を貼り付けるか --trust で指定して certchain が作るファイルを使ってください。",
        ),
    )]
}
