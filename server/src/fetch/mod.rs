//! Live chains: connect to a TLS server, record the certificates it sends, analyse them
//! (`certchain fetch`, `GET /api/v1/fetch`); and AIA chasing of missing issuers (`--aia`).
//!
//! - `target`: what to connect to; `pattern`: the `--allow-fetch` patterns;
//! - `guard`: the SSRF guards of the service (resolve once, check every address and port);
//! - `tls`: the handshake that records the chain; `http` + `aia`: missing issuers.

pub mod aia;
mod error;
pub mod guard;
mod http;
pub mod pattern;
mod slots;
pub mod target;
pub mod tls;

use certchain_core::{Options, Report, Source};
use rustls::pki_types::ServerName;

pub use error::FetchError;
pub use guard::Guard;
pub use pattern::Pattern;
pub use slots::Slots;
pub use target::{Host, Target};

/// How fetches are made: the guard, whether to chase AIA, the AIA cache, and the slots the
/// analyses run in.
#[derive(Debug, Clone)]
pub struct Fetcher {
    guard: Guard,
    /// `Some` when AIA is chased: the guard of downloads (the same, plus port 80).
    aia: Option<Guard>,
    cache: aia::Cache,
    slots: Slots,
}

impl Fetcher {
    /// Fetches through `guard`; chases AIA when `aia`, through the same guard and port 80;
    /// analyses run in `slots`.
    pub fn new(guard: Guard, aia: bool, slots: Slots) -> Self {
        let aia = aia.then(|| guard.with_port(http::HTTP_PORT));
        Fetcher { guard, aia, cache: aia::Cache::default(), slots }
    }

    /// Fetches through `guard`; chases AIA through `aia` when given (the CLI: the chain
    /// from any host the user names, the issuers from public addresses only unless the
    /// user opts in).
    pub fn with_aia_guard(guard: Guard, aia: Option<Guard>, slots: Slots) -> Self {
        Fetcher { guard, aia, cache: aia::Cache::default(), slots }
    }

    /// Whether fetching is possible at all (the service needs `--allow-fetch`).
    pub fn is_enabled(&self) -> bool {
        self.guard.is_enabled()
    }

    /// Whether missing issuers are downloaded from AIA.
    pub fn chases_aia(&self) -> bool {
        self.aia.is_some()
    }

    /// The DER certificates `target` sends, in order. `servername` is the SNI and defaults
    /// to the target's host; an IP address is not sent as SNI.
    pub async fn chain(
        &self,
        target: &Target,
        servername: Option<&str>,
    ) -> Result<Vec<Vec<u8>>, FetchError> {
        let server_name = server_name(target, servername)?;
        let admitted = self.guard.admit(&target.host, target.port).await?;
        let stream = admitted.connect().await?;
        tls::handshake(stream, server_name).await
    }

    /// The report of `target`'s chain, checked against `servername` (or the target's host),
    /// completed from AIA when enabled.
    pub async fn report(
        &self,
        target: &Target,
        servername: Option<&str>,
        mut options: Options,
    ) -> Result<Report, FetchError> {
        let sent = self.chain(target, servername).await?;
        let source = Source { name: Some(format!("tls {target}")), bytes: sent.concat() };
        options.host = Some(servername.map_or_else(|| target.host.bare(), str::to_string));
        self.analyze(vec![source], &options).await
    }

    /// The report of `sources`, completed from AIA when enabled.
    pub async fn analyze(
        &self,
        sources: Vec<Source>,
        options: &Options,
    ) -> Result<Report, FetchError> {
        match &self.aia {
            Some(guard) => aia::complete(sources, options, guard, &self.cache, &self.slots).await,
            None => {
                let options = options.clone();
                self.slots.run(move || certchain_core::analyze_owned(sources, &options)).await
            }
        }
    }
}

/// The analysis, in one of `slots` (it is CPU work); the sources come back for another
/// round.
async fn analyze_in(
    slots: &Slots,
    sources: Vec<Source>,
    options: Options,
) -> Result<(Report, Vec<Source>), FetchError> {
    slots.run(move || (certchain_core::analyze(&sources, &options), sources)).await
}

fn server_name(
    target: &Target,
    servername: Option<&str>,
) -> Result<ServerName<'static>, FetchError> {
    let name = servername.map_or_else(|| target.host.bare(), str::to_string);
    ServerName::try_from(name.clone()).map_err(|_| {
        FetchError::InvalidTarget(format!("servername {name:?} is not a host name or an address"))
    })
}
