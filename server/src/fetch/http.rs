//! A minimal HTTP GET for AIA caIssuers URLs: `http://` only, no redirects, a size limit.
//!
//! The request says HTTP/1.0 so the answer is never chunked (RFC 9112 §6.1: no
//! Transfer-Encoding to a 1.0 request) and ends when the server closes; `Host` is still
//! sent for name-based virtual hosts (RFC 9110 §7.2).

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::target::Host;
use super::FetchError;

/// Longest time one download may take, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(3);
/// Largest body accepted: a certificate or a small PKCS#7 bundle.
pub const MAX_BODY: usize = 64 * 1024;
/// Largest status line and headers accepted.
const MAX_HEAD: usize = 8 * 1024;
/// The port of `http://`.
pub const HTTP_PORT: u16 = 80;

/// An `http://host[:port]/path` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    /// The host.
    pub host: Host,
    /// The port (80 unless given).
    pub port: u16,
    /// The path and query, from `/`.
    pub path: String,
}

impl HttpUrl {
    /// Reads an `http://` URL; any other scheme is refused (RFC 5280 §4.2.2.1: caIssuers
    /// is HTTP or LDAP; HTTPS would need a chain to fetch a chain).
    pub fn parse(url: &str) -> Result<Self, String> {
        let rest = match url.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
            _ => return Err(format!("{url}: only http:// caIssuers URLs are fetched")),
        };
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(split);
        let path = path.split('#').next().unwrap_or_default();
        let path = if path.starts_with('/') { path.to_string() } else { format!("/{path}") };
        if path.bytes().any(|b| b.is_ascii_control() || b == b' ') {
            return Err(format!("{url}: the path has spaces or control characters"));
        }
        let target =
            super::Target::parse(authority, HTTP_PORT).map_err(|e| format!("{url}: {e}"))?;
        Ok(HttpUrl { host: target.host, port: target.port, path })
    }

    fn host_header(&self) -> String {
        if self.port == HTTP_PORT {
            self.host.to_string()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// GETs `url` over `stream`; the body of a 200 answer, at most [`MAX_BODY`] bytes.
pub async fn get(stream: TcpStream, url: &HttpUrl) -> Result<Vec<u8>, FetchError> {
    tokio::time::timeout(TIMEOUT, exchange(stream, url)).await.unwrap_or_else(|_| {
        Err(FetchError::Failed(format!("no complete answer within {} s", TIMEOUT.as_secs())))
    })
}

async fn exchange(mut stream: TcpStream, url: &HttpUrl) -> Result<Vec<u8>, FetchError> {
    let failed = |e: std::io::Error| FetchError::Failed(format!("HTTP exchange failed: {e}"));
    let request = format!(
        "GET {} HTTP/1.0\r\nHost: {}\r\nUser-Agent: certchain\r\n\
         Accept: application/pkix-cert, application/pkcs7-mime, */*\r\n\r\n",
        url.path,
        url.host_header()
    );
    stream.write_all(request.as_bytes()).await.map_err(failed)?;
    let mut answer = Vec::new();
    let limit = u64::try_from(MAX_HEAD + MAX_BODY + 1).unwrap_or(u64::MAX);
    stream.take(limit).read_to_end(&mut answer).await.map_err(failed)?;
    body_of(&answer)
}

/// The body of a complete answer, checked: status 200, within the size limits, as long as
/// Content-Length says when it says.
fn body_of(answer: &[u8]) -> Result<Vec<u8>, FetchError> {
    let failed = |why: &str| FetchError::Failed(why.to_string());
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .filter(|&end| end <= MAX_HEAD)
        .ok_or_else(|| failed("the answer is not HTTP (no header end within 8 KiB)"))?;
    let head = String::from_utf8_lossy(&answer[..end]);
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or_default();
    let code = status.split(' ').nth(1).unwrap_or_default();
    if !status.starts_with("HTTP/1.")
        || code.len() != 3
        || !code.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(failed("the answer is not HTTP"));
    }
    if code != "200" {
        // The status code only: the reason phrase is the remote's text, never repeated.
        let hint = if code.starts_with('3') { " (redirects are not followed)" } else { "" };
        return Err(FetchError::Failed(format!("the server answered with status {code}{hint}")));
    }
    let body = &answer[end + 4..];
    if body.len() > MAX_BODY {
        return Err(FetchError::Failed(format!("the answer is larger than {MAX_BODY} bytes")));
    }
    let length = lines.find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>())
    });
    match length {
        Some(Ok(n)) if n != body.len() => Err(FetchError::Failed(format!(
            "the answer was cut short: {} of {n} bytes",
            body.len()
        ))),
        Some(Err(_)) => Err(failed("the answer has a malformed Content-Length")),
        _ => Ok(body.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_http_urls_are_read() {
        let url = HttpUrl::parse("http://crt.example.com/int.der").unwrap();
        assert_eq!((url.port, url.path.as_str()), (80, "/int.der"));
        assert_eq!(url.host_header(), "crt.example.com");
        let url = HttpUrl::parse("HTTP://127.0.0.1:8080").unwrap();
        assert_eq!(
            (url.port, url.path.as_str(), url.host_header().as_str()),
            (8080, "/", "127.0.0.1:8080")
        );
        assert!(HttpUrl::parse("https://crt.example.com/a.der")
            .unwrap_err()
            .contains("only http://"));
        assert!(HttpUrl::parse("ldap://ldap.example.com/cn=CA").is_err());
        assert!(HttpUrl::parse("http://u:p@crt.example.com/a").is_err());
        assert!(HttpUrl::parse("http://crt.example.com/a b").is_err());
    }

    #[test]
    fn answers_are_checked() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
        assert_eq!(body_of(ok).unwrap(), b"abc");
        let short = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc";
        assert!(body_of(short).unwrap_err().to_string().contains("cut short"));
        let moved = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n";
        let refused = body_of(moved).unwrap_err().to_string();
        assert!(refused.contains("status 301 (redirects are not followed)"), "{refused}");
        assert!(!refused.contains("Moved"), "the remote's reason phrase is not repeated");
        assert!(body_of(b"\x16\x03\x01 not http").is_err());
        let mut big = b"HTTP/1.0 200 OK\r\n\r\n".to_vec();
        big.resize(big.len() + MAX_BODY + 1, b'x');
        assert!(body_of(&big).unwrap_err().to_string().contains("larger than"));
    }
}
