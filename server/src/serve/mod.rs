//! `certchain serve [--listen ADDR]`: the web app over HTTP, from inside the binary.
//!
//! The app analyses in the browser (WASM): this service only hands out its files, so
//! nothing a user pastes reaches it.

mod assets;
mod routes;

use std::net::SocketAddr;
use std::process::ExitCode;

pub use assets::has_web_app;
pub use routes::router;

/// Arguments of `certchain serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on; port 0 picks a free one (printed on the first line of stdout).
    #[arg(long, default_value = "127.0.0.1:8080", env = "CERTCHAIN_LISTEN")]
    pub listen: SocketAddr,
}

/// Serves until Ctrl-C or SIGTERM. Exit code 2 when the address cannot be used.
pub fn run(args: &Args) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("certchain: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(serve(args.listen)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("certchain: cannot serve on {}: {e}", args.listen);
            ExitCode::from(2)
        }
    }
}

async fn serve(listen: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    println!("certchain: serving the web app on http://{addr}/");
    if !has_web_app() {
        eprintln!("certchain: this binary was built without the web app; run `cargo xtask dist`, then build again");
    }
    axum::serve(listener, router()).with_graceful_shutdown(shutdown_signal()).await
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("certchain: stopping");
}
