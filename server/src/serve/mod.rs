//! `certchain serve`: the web app (from inside the binary), the JSON API under `/api/v1/`,
//! and `/healthz`, `/readyz`, `/metrics` (or `/metrics` alone on `--metrics-listen`), over
//! our own accept loop with its connection bounds (`connections`).
//!
//! The web app analyses in the browser (WASM): nothing pasted there reaches this service.
//! The API is for programs and portals; it is stateless, so it scales out behind a load
//! balancer (see `deploy/`).

mod api;
mod app;
mod assets;
mod connections;
mod metrics;
mod origin;
mod pages;
mod request_id;
mod watched;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

pub use api::OPENAPI;
pub use app::{app, app_and_metrics, Config};
pub use assets::has_web_app;
pub use connections::{serve, Limits};
pub use origin::Origin;

use crate::fetch::{guard, Pattern, Slots};

/// Arguments of `certchain serve`; each also as a `CERTCHAIN_*` environment variable.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on; port 0 picks a free one (printed on the first line of stdout).
    #[arg(long, default_value = "127.0.0.1:8080", env = "CERTCHAIN_LISTEN")]
    pub listen: SocketAddr,
    /// Largest API request body, in bytes (413 above).
    #[arg(long, default_value_t = 1 << 20, env = "CERTCHAIN_MAX_BODY")]
    pub max_body: usize,
    /// Largest API answer, in bytes (422 answer_too_large above); it is never built larger.
    #[arg(long, default_value_t = app::DEFAULT_MAX_ANSWER, env = "CERTCHAIN_MAX_ANSWER")]
    pub max_answer: usize,
    /// Longest an API request may take, in seconds (503 after).
    #[arg(long, default_value_t = 10, env = "CERTCHAIN_TIMEOUT_SECS")]
    pub timeout_secs: u64,
    /// Open connections at most; one more is answered 503 and closed at once.
    #[arg(long, default_value_t = 1024, env = "CERTCHAIN_MAX_CONNECTIONS")]
    pub max_connections: usize,
    /// A request's line and headers must arrive within this many seconds of their first
    /// byte, and a new connection must start its request within it; else it is closed.
    #[arg(long, default_value_t = 10, env = "CERTCHAIN_HEADER_TIMEOUT_SECS")]
    pub header_timeout_secs: u64,
    /// After an answer, a kept-alive connection waits this many seconds for the next
    /// request, then is closed (keep it above a proxy's upstream keep-alive timeout).
    #[arg(long, default_value_t = 75, env = "CERTCHAIN_IDLE_TIMEOUT_SECS")]
    pub idle_timeout_secs: u64,
    /// A client that reads nothing of its answer for this many seconds loses the
    /// connection (and the answer's memory is freed).
    #[arg(long, default_value_t = 10, env = "CERTCHAIN_WRITE_TIMEOUT_SECS")]
    pub write_timeout_secs: u64,
    /// API requests answered at once; more get 503 at once.
    #[arg(long, default_value_t = 128, env = "CERTCHAIN_MAX_CONCURRENT")]
    pub max_concurrent: usize,
    /// API answers kept for identical requests (same input, options and second); 0: none.
    #[arg(long, default_value_t = 256, env = "CERTCHAIN_CACHE_ENTRIES")]
    pub cache_entries: usize,
    /// Let `GET /api/v1/fetch` (and `--aia`) connect to these hosts or networks: a name
    /// (gitlab.example.com), *.domain (any name under it), * (any name), or a network
    /// (10.1.0.0/16, ::1/128, or one address). Repeatable; comma-separated in the variable.
    /// Without any, fetching is off. Loopback, private, link-local, CGNAT, cloud metadata,
    /// multicast and broadcast addresses are refused unless a network pattern contains them.
    #[arg(long, value_name = "PATTERN", value_delimiter = ',', env = "CERTCHAIN_ALLOW_FETCH")]
    pub allow_fetch: Vec<Pattern>,
    /// Download a missing issuer from the caIssuers URL (http:// only) of the last
    /// certificate, through the same --allow-fetch rules (and port 80).
    #[arg(long, env = "CERTCHAIN_AIA")]
    pub aia: bool,
    /// Ports fetches may connect to; comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_values_t = guard::DEFAULT_PORTS,
        env = "CERTCHAIN_FETCH_PORTS"
    )]
    pub fetch_ports: Vec<u16>,
    /// Analyses run at once, each on its own thread (default: one per core). Analysis is
    /// CPU work: more slots than cores add memory and latency, not throughput.
    #[arg(long, value_name = "N", env = "CERTCHAIN_ANALYSIS_SLOTS")]
    pub analysis_slots: Option<usize>,
    /// Let pages of this origin (scheme://host[:port]) call the API; cross-origin requests
    /// are refused otherwise (403 cross_origin_refused). Requests without Origin and
    /// Sec-Fetch-Site (curl, scripts) and same-origin ones are always taken. Repeatable;
    /// comma-separated in the variable.
    #[arg(long, value_name = "ORIGIN", value_delimiter = ',', env = "CERTCHAIN_ALLOW_ORIGINS")]
    pub allow_origin: Vec<Origin>,
    /// Serve /metrics on this address only (e.g. 127.0.0.1:9090 or a pod-internal port),
    /// not on --listen. Without it, /metrics is on --listen with everything else.
    #[arg(long, value_name = "ADDR", env = "CERTCHAIN_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Text, env = "CERTCHAIN_LOG")]
    pub log: LogFormat,
}

/// How logs are written.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per event (for log collectors).
    Json,
}

impl Args {
    fn limits(&self) -> Limits {
        let secs = |n: u64| Duration::from_secs(n.max(1));
        Limits {
            max_connections: self.max_connections.max(1),
            header_timeout: secs(self.header_timeout_secs),
            idle_timeout: secs(self.idle_timeout_secs),
            write_timeout: secs(self.write_timeout_secs),
        }
    }

    fn config(&self) -> Config {
        Config {
            max_body: self.max_body,
            max_answer: self.max_answer,
            timeout: Duration::from_secs(self.timeout_secs.max(1)),
            max_concurrent: self.max_concurrent.max(1),
            cache_entries: self.cache_entries,
            allow_fetch: self.allow_fetch.clone(),
            aia: self.aia,
            fetch_ports: self.fetch_ports.clone(),
            analysis_slots: self.analysis_slots.unwrap_or_else(Slots::cores),
            allow_origins: self.allow_origin.clone(),
        }
    }
}

/// Request logs on stderr; `RUST_LOG` filters (default: info).
fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Serves until Ctrl-C or SIGTERM. Exit code 2 when an address cannot be used.
pub fn run(args: &Args) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("certchain: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    init_logs(args.log);
    match runtime.block_on(listen_and_serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("certchain: cannot serve: {e}");
            ExitCode::from(2)
        }
    }
}

/// Binds `--listen` (and `--metrics-listen`), says where, and serves until a signal.
async fn listen_and_serve(args: &Args) -> std::io::Result<()> {
    let bind = |addr: SocketAddr| {
        listen(addr).map_err(|e| std::io::Error::new(e.kind(), format!("{addr}: {e}")))
    };
    let listener = bind(args.listen)?;
    let metrics_listener = args.metrics_listen.map(bind).transpose()?;
    println!("certchain: serving the web app on http://{}/", listener.local_addr()?);
    if !has_web_app() {
        eprintln!("certchain: this binary was built without the web app; run `cargo xtask dist`, then build again");
    }
    let limits = args.limits();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let until_stopped = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
        let _ = stopped.wait_for(|stop| *stop).await;
    };
    let Some(metrics_listener) = metrics_listener else {
        serve(listener, app(&args.config()), limits, shutdown_signal()).await;
        return Ok(());
    };
    println!("certchain: serving /metrics on http://{}/metrics", metrics_listener.local_addr()?);
    let (public, private) = app_and_metrics(&args.config());
    let metrics = tokio::spawn(serve(metrics_listener, private, limits, until_stopped(stopped)));
    serve(listener, public, limits, shutdown_signal()).await;
    let _ = stop.send(true);
    let _ = metrics.await;
    Ok(())
}

/// Connections the kernel queues for `accept` (capped by `net.core.somaxconn`). The
/// standard library's 128 overflows under a burst of connections, and the client then
/// waits a second for its SYN to be sent again.
const BACKLOG: u32 = 4096;

/// A listener on `addr` with [`BACKLOG`].
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
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
