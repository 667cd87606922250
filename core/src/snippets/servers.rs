//! Servers that send the chain: the fixed full chain in their TLS configuration.

use super::template::fill;
use super::{Context, Snippet};
use crate::report::Text;

/// The server snippets; none when the report has no full chain to serve.
pub fn offer(context: &Context) -> Vec<Snippet> {
    let Some(fullchain) = &context.report.bundles.fullchain else {
        return Vec::new();
    };
    vec![nginx(context, &fullchain.filename)]
}

/// nginx: `ssl_certificate` takes the leaf then the intermediates in one file
/// (nginx docs, ngx_http_ssl_module).
fn nginx(context: &Context, fullchain: &str) -> Snippet {
    let values = [("host", context.host.as_str()), ("fullchain", fullchain)];
    Snippet {
        target: "nginx",
        title: Text::new("nginx: serve the full chain", "nginx: フルチェーンを送る"),
        filename: format!("{}.conf", context.host),
        language: "nginx",
        body: fill(include_str!("templates/nginx.conf"), &values),
        notes: vec![Text::new(
            format!("Copy {fullchain} and the server's private key to /etc/nginx/ssl/, then `nginx -t && nginx -s reload`."),
            format!("{fullchain} とサーバーの秘密鍵を /etc/nginx/ssl/ に置き、`nginx -t && nginx -s reload` を実行します。"),
        )],
        dangerous: false,
    }
}
