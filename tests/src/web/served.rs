//! The web app served in-process: `certchain::serve::app(&certchain::serve::Config::default())` on a 127.0.0.1 port, in a
//! background thread with its own tokio runtime, stopped on drop.

use std::net::{SocketAddr, TcpListener};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::oneshot;

use super::{err, Result};

/// The app, served while this value lives.
pub struct Served {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Served {
    /// Serves the app on `127.0.0.1:<free port>`. Fails when this build of `certchain` has
    /// no web app embedded (`dist/` was missing when it was compiled).
    pub fn start() -> Result<Served> {
        if !certchain::serve::has_web_app() {
            return Err(err(
                "certchain was built without the web app (no dist/ when it was compiled): run \
                 `cargo xtask dist` first, then run the tests again (cargo rebuilds certchain \
                 with dist/ embedded); `cargo xtask test` does this itself",
            ));
        }
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| err(format!("tokio runtime: {e}")))?;
        let (stop, stopped) = oneshot::channel::<()>();
        let thread =
            std::thread::Builder::new().name("certchain-serve".into()).spawn(move || {
                runtime.spawn(async move {
                    if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                        let _ = axum::serve(
                            listener,
                            certchain::serve::app(&certchain::serve::Config::default()),
                        )
                        .await;
                    }
                });
                let _ = runtime.block_on(stopped);
                // Not graceful: open keep-alive connections must not hold the test up.
                runtime.shutdown_timeout(Duration::from_secs(1));
            })?;
        Ok(Served { addr, stop: Some(stop), thread: Some(thread) })
    }

    /// `http://127.0.0.1:PORT/`, the app.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
