//! `certchain serve`: the web app (from inside the binary), the JSON API under `/api/v1/`,
//! and `/healthz`, `/readyz`, `/metrics`.
//!
//! The web app analyses in the browser (WASM): nothing pasted there reaches this service.
//! The API is for programs and portals; it is stateless, so it scales out behind a load
//! balancer (see `deploy/`).

mod api;
mod app;
mod assets;
mod metrics;
mod origin;
mod pages;
mod request_id;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

pub use api::OPENAPI;
pub use app::{app, Config};
pub use assets::has_web_app;
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

/// Serves until Ctrl-C or SIGTERM. Exit code 2 when the address cannot be used.
pub fn run(args: &Args) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("certchain: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    init_logs(args.log);
    match runtime.block_on(serve(args.listen, args.config())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("certchain: cannot serve on {}: {e}", args.listen);
            ExitCode::from(2)
        }
    }
}

async fn serve(listen: SocketAddr, config: Config) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    println!("certchain: serving the web app on http://{addr}/");
    if !has_web_app() {
        eprintln!("certchain: this binary was built without the web app; run `cargo xtask dist`, then build again");
    }
    axum::serve(listener, app(&config)).with_graceful_shutdown(shutdown_signal()).await
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
