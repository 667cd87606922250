//! The accept loop: HTTP/1.1 connections (hyper) with the bounds `axum::serve` does not
//! have, so that silent or slow clients cannot hold the service's memory:
//!
//! - a cap on open connections ([`Limits::max_connections`]): one more is answered `503`
//!   at once and closed, without reading it;
//! - a header-read timeout ([`Limits::header_timeout`]): a request line and headers must
//!   be complete this long after their first byte, and a new connection must send its
//!   request within it: a slow-loris client, or a silent one, is cut;
//! - an idle timeout ([`Limits::idle_timeout`]): after an answer, a kept-alive connection
//!   waits this long for the next request, then is closed (longer than the header timeout,
//!   so that a proxy's pool of connections is not cut under it: nginx keeps upstream
//!   connections 60 s, and cloud load balancers ask for more than their own 60 s);
//! - hyper's `header_read_timeout`, at the sum of both, as a backstop: it runs from the
//!   moment the connection is ready for a request, idle time included;
//! - a write timeout ([`Limits::write_timeout`]): a client that reads nothing of its answer
//!   for this long loses its connection, and the answer's memory is freed;
//! - a bounded read buffer ([`READ_BUFFER`]): a request head still incomplete when it is
//!   full is answered 431 and the connection closed.
//!
//! Request bodies are bounded by the API's own limits (size, timeout). Shutdown is
//! graceful: the listener closes, open connections finish their request and close.

use std::future::Future;
use std::io;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tower::ServiceExt;

use super::watched::{Activity, Watched};

/// Largest read buffer of a connection: a request head still incomplete when it is full is
/// answered 431. Browsers send a few KiB; hyper's default is about 400 KiB, which 1,000
/// slow-loris connections would turn into 400 MB.
pub const READ_BUFFER: usize = 64 * 1024;

/// The connection bounds.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Open connections at most; more are answered 503 and closed.
    pub max_connections: usize,
    /// A request line and headers must arrive within this long of their first byte; a new
    /// connection must start its request within it.
    pub header_timeout: Duration,
    /// After an answer, a kept-alive connection waits this long for the next request.
    pub idle_timeout: Duration,
    /// A write the client does not read for this long ends the connection.
    pub write_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(75),
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` ends, then lets the open
/// connections finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (stop, stopping) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        while connections.try_join_next().is_some() {}
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                pause_after(&e).await;
                continue;
            }
        };
        match permits.clone().try_acquire_owned() {
            Ok(permit) => {
                let connection = Connection { router: router.clone(), limits, permit };
                connections.spawn(connection.run(stream, stopping.clone()));
            }
            Err(_) => refuse(&stream),
        }
    }
    drop(listener);
    let _ = stop.send(true);
    while connections.join_next().await.is_some() {}
}

/// After a failed accept: a connection that went away is nothing; out of file descriptors
/// (or memory) waits a little, so that the loop does not spin.
async fn pause_after(error: &io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if !matches!(error.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        tracing::warn!("accept failed: {error}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The answer to a connection over the cap, as the API words its errors.
static OVERLOADED: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let body = r#"{"error":{"code":"overloaded","message":"the service has too many open connections; retry in a moment"}}"#;
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         cache-control: no-store\r\nretry-after: 1\r\nconnection: close\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
});

/// A connection over the cap: `503` if the socket takes it at once, then closed, unread.
fn refuse(stream: &TcpStream) {
    let _ = stream.try_write(&OVERLOADED);
}

/// One accepted connection, holding its place under the cap until it ends.
struct Connection {
    router: Router,
    limits: Limits,
    permit: OwnedSemaphorePermit,
}

impl Connection {
    async fn run(self, stream: TcpStream, mut stopping: watch::Receiver<bool>) {
        let _ = stream.set_nodelay(true);
        let activity = Activity::new();
        let socket = Watched::new(stream, activity.clone(), self.limits.write_timeout);
        let router = self.router;
        let service = hyper::service::service_fn({
            let activity = activity.clone();
            move |request: hyper::Request<Incoming>| {
                let busy = activity.busy();
                let answer = router.clone().oneshot(request.map(Body::new));
                async move {
                    let answer = answer.await;
                    drop(busy);
                    answer
                }
            }
        });
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            // hyper's own timer runs from when the connection is ready for a request, idle
            // time included: it is the backstop of `expired`'s finer rules.
            .header_read_timeout(self.limits.header_timeout + self.limits.idle_timeout)
            .max_buf_size(READ_BUFFER);
        let connection = builder.serve_connection(TokioIo::new(socket), service);
        tokio::pin!(connection);
        let mut closing = false;
        loop {
            tokio::select! {
                _ = connection.as_mut() => break,
                // Nothing is being answered: closing loses nothing.
                () = activity.expired(self.limits.header_timeout, self.limits.idle_timeout) => break,
                _ = stopping.wait_for(|stop| *stop), if !closing => {
                    closing = true;
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
        drop(self.permit);
    }
}
