//! A connection's socket, watched: when it last moved a byte, whether an answer is being
//! written, and a write that makes no progress for too long fails (the client does not read
//! its answer: the connection ends and the answer's memory is freed).

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// What a connection is doing, shared by its socket, its requests and its watch.
#[derive(Debug)]
pub struct Activity {
    opened: Instant,
    /// Milliseconds from `opened` to when the connection was last ready for a request:
    /// opened, or the last byte of an answer written.
    ready: AtomicU64,
    /// Milliseconds from `opened` to the first byte of the request head being read, plus
    /// one; 0 while no head is being read.
    head: AtomicU64,
    /// Requests being answered.
    busy: AtomicUsize,
    /// A write is waiting for the client to read.
    writing: AtomicBool,
    /// A request was answered on this connection.
    answered: AtomicBool,
}

impl Activity {
    /// A connection opened now.
    pub fn new() -> Arc<Self> {
        Arc::new(Activity {
            opened: Instant::now(),
            ready: AtomicU64::new(0),
            head: AtomicU64::new(0),
            busy: AtomicUsize::new(0),
            writing: AtomicBool::new(false),
            answered: AtomicBool::new(false),
        })
    }

    fn now(&self) -> u64 {
        u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn is_busy(&self) -> bool {
        self.busy.load(Ordering::Relaxed) > 0
    }

    /// Bytes arrived: between requests, they start a request head.
    fn read(&self) {
        if !self.is_busy() {
            let _ =
                self.head.compare_exchange(0, self.now() + 1, Ordering::Relaxed, Ordering::Relaxed);
        }
    }

    /// A write or flush is done; when it wrote bytes between requests, the connection is
    /// ready for the next one from now.
    fn wrote(&self, bytes: bool) {
        self.writing.store(false, Ordering::Relaxed);
        if bytes && !self.is_busy() {
            self.ready.fetch_max(self.now(), Ordering::Relaxed);
        }
    }

    /// A request head was read: the request is being answered until the guard drops.
    pub fn busy(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, Ordering::Relaxed);
        self.head.store(0, Ordering::Relaxed);
        Busy(self.clone())
    }

    /// When the connection is to be closed if nothing changes, in milliseconds from
    /// `opened`; `None` while it answers or writes. A head being read must end within
    /// `header` of its first byte; a connection waits for a request `header` when it has
    /// answered none (a client that connects means to ask), `idle` after an answer.
    fn deadline(&self, header: Duration, idle: Duration) -> Option<u64> {
        if self.is_busy() || self.writing.load(Ordering::Relaxed) {
            return None;
        }
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        match self.head.load(Ordering::Relaxed) {
            0 if self.answered.load(Ordering::Relaxed) => {
                Some(self.ready.load(Ordering::Relaxed).saturating_add(ms(idle)))
            }
            0 => Some(self.ready.load(Ordering::Relaxed).saturating_add(ms(header))),
            head => Some((head - 1).saturating_add(ms(header))),
        }
    }

    /// Ends when the connection has passed its [deadline](Self::deadline): a head that
    /// did not arrive in time, or an idle connection.
    pub async fn expired(&self, header: Duration, idle: Duration) {
        loop {
            let wait = match self.deadline(header, idle) {
                Some(deadline) if self.now() >= deadline => return,
                Some(deadline) => Duration::from_millis(deadline - self.now()),
                None => header.min(idle),
            };
            tokio::time::sleep(wait.max(Duration::from_millis(5))).await;
        }
    }
}

/// A request being answered (see [`Activity::busy`]).
#[derive(Debug)]
pub struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        let activity = &self.0;
        activity.answered.store(true, Ordering::Relaxed);
        activity.ready.fetch_max(activity.now(), Ordering::Relaxed);
        activity.busy.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A socket whose reads and writes update an [`Activity`], and whose writes fail with
/// `TimedOut` after `write_timeout` without progress.
#[derive(Debug)]
pub struct Watched<S> {
    socket: S,
    activity: Arc<Activity>,
    write_timeout: Duration,
    /// Running while a write waits; reset by any progress.
    stall: Option<Pin<Box<Sleep>>>,
}

impl<S> Watched<S> {
    /// Watches `socket` for `activity`.
    pub fn new(socket: S, activity: Arc<Activity>, write_timeout: Duration) -> Self {
        Watched { socket, activity, write_timeout, stall: None }
    }

    /// A write's (or flush's) outcome, with the stall timer run while it waits; `bytes`
    /// says whether a ready outcome wrote any.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
        bytes: impl FnOnce(&io::Result<T>) -> bool,
    ) -> Poll<io::Result<T>> {
        if let Poll::Ready(outcome) = outcome {
            self.stall = None;
            self.activity.wrote(bytes(&outcome));
            return Poll::Ready(outcome);
        }
        self.activity.writing.store(true, Ordering::Relaxed);
        let timeout = self.write_timeout;
        let stall = self.stall.get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        if stall.as_mut().poll(cx).is_pending() {
            return Poll::Pending;
        }
        self.stall = None;
        let message = format!("the client read nothing for {} s", timeout.as_secs_f64());
        Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, message)))
    }
}

fn wrote_bytes(outcome: &io::Result<usize>) -> bool {
    matches!(outcome, Ok(n) if *n > 0)
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let outcome = Pin::new(&mut this.socket).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.activity.read();
        }
        outcome
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.socket).poll_write(cx, buf);
        this.watch(cx, outcome, wrote_bytes)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.socket).poll_write_vectored(cx, bufs);
        this.watch(cx, outcome, wrote_bytes)
    }

    fn is_write_vectored(&self) -> bool {
        self.socket.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.socket).poll_flush(cx);
        this.watch(cx, outcome, |_| false)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().socket).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use tokio::io::AsyncWriteExt;

    use super::*;

    #[tokio::test]
    async fn a_write_the_client_does_not_read_fails_after_the_timeout() {
        let (ours, theirs) = tokio::io::duplex(1024);
        let activity = Activity::new();
        let mut socket = Watched::new(ours, activity.clone(), Duration::from_millis(200));
        let started = std::time::Instant::now();
        let write = socket.write_all(&[b'x'; 64 * 1024]);
        let outcome = tokio::time::timeout(Duration::from_secs(5), write).await;
        assert!(outcome.is_ok(), "the write was still waiting after 5 s");
        assert_eq!(outcome.unwrap().unwrap_err().kind(), io::ErrorKind::TimedOut);
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(200) && took < Duration::from_secs(2), "{took:?}");
        drop(theirs);
    }

    #[tokio::test]
    async fn a_slow_reader_that_keeps_reading_is_not_cut() {
        let (ours, mut theirs) = tokio::io::duplex(1024);
        let mut socket = Watched::new(ours, Activity::new(), Duration::from_millis(300));
        let reader = tokio::spawn(async move {
            let mut buf = [0u8; 512];
            let mut total = 0;
            while total < 8 * 1024 {
                tokio::time::sleep(Duration::from_millis(20)).await;
                total += tokio::io::AsyncReadExt::read(&mut theirs, &mut buf).await.unwrap();
            }
        });
        socket.write_all(&[b'x'; 8 * 1024]).await.unwrap();
        reader.await.unwrap();
    }

    const HEADER: Duration = Duration::from_millis(200);
    const IDLE: Duration = Duration::from_millis(400);

    /// Checks that `activity` expires `expected` ms from now (timers may be late on a busy
    /// machine, never early).
    async fn expires_after(activity: &Activity, expected: u128) {
        let started = std::time::Instant::now();
        activity.expired(HEADER, IDLE).await;
        let took = started.elapsed().as_millis();
        assert!((expected - 20..expected + 150).contains(&took), "{took} ms, not {expected}");
    }

    #[tokio::test]
    async fn a_new_connection_waits_the_header_timeout_for_its_request() {
        expires_after(&Activity::new(), 200).await;
    }

    #[tokio::test]
    async fn a_request_head_must_end_within_the_header_timeout_of_its_first_byte() {
        let activity = Activity::new();
        let reading = activity.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            reading.read();
            tokio::time::sleep(Duration::from_millis(100)).await;
            reading.read();
        });
        // 100 ms silent, then 200 ms from the first byte.
        expires_after(&activity, 300).await;
    }

    #[tokio::test]
    async fn after_an_answer_the_connection_waits_the_idle_timeout() {
        let activity = Activity::new();
        let busy = activity.busy();
        let waited =
            tokio::time::timeout(Duration::from_millis(600), activity.expired(HEADER, IDLE));
        assert!(waited.await.is_err(), "a request being answered does not expire");
        drop(busy);
        activity.wrote(true);
        expires_after(&activity, 400).await;
    }
}
