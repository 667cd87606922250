//! AIA chasing (`--aia`): when the best path stops at a missing issuer, download that
//! issuer from the caIssuers URL of the path's last certificate (RFC 5280 §4.2.2.1), add it
//! to the input as one more source and analyse again; at most [`MAX_HOPS`] times.
//!
//! Downloads go through the same guard as the chain itself (plus port 80), `http://` only,
//! and are cached by URL: many chains share an intermediate.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use certchain_core::report::PathEnd;
use certchain_core::{Options, Report, Source};

use super::guard::Guard;
use super::http::{self, HttpUrl};
use super::FetchError;

/// Most issuers downloaded for one report.
pub const MAX_HOPS: usize = 5;
/// Most URLs the cache holds; the oldest goes first.
pub const CACHE_ENTRIES: usize = 256;
/// The name given to the source of a downloaded issuer (followed by its URL).
pub const SOURCE_PREFIX: &str = "AIA ";

/// Downloaded issuers by URL, shared by every request of a service.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    inner: Arc<Mutex<Entries>>,
}

#[derive(Debug, Default)]
struct Entries {
    bytes: HashMap<String, Arc<Vec<u8>>>,
    order: VecDeque<String>,
}

impl Cache {
    fn get(&self, url: &str) -> Option<Arc<Vec<u8>>> {
        self.inner.lock().ok()?.bytes.get(url).cloned()
    }

    fn put(&self, url: &str, bytes: Arc<Vec<u8>>) {
        let Ok(mut entries) = self.inner.lock() else { return };
        if entries.bytes.insert(url.to_string(), bytes).is_none() {
            entries.order.push_back(url.to_string());
        }
        while entries.order.len() > CACHE_ENTRIES {
            if let Some(oldest) = entries.order.pop_front() {
                entries.bytes.remove(&oldest);
            }
        }
    }

    /// Number of URLs held.
    pub fn len(&self) -> usize {
        self.inner.lock().map_or(0, |entries| entries.bytes.len())
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The report of `sources`, completed from AIA: every downloaded certificate is marked with
/// `fetched_from`, and every download that failed is named in `input.notes`.
pub async fn complete(
    mut sources: Vec<Source>,
    options: &Options,
    guard: &Guard,
    cache: &Cache,
    slots: &super::Slots,
) -> Result<Report, FetchError> {
    let mut fetched: Vec<(usize, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut report;
    loop {
        (report, sources) = super::analyze_in(slots, sources, options.clone()).await?;
        let Some(url) = next_url(&report, &fetched) else { break };
        if fetched.len() == MAX_HOPS {
            notes.push(format!("AIA: stopped after {MAX_HOPS} downloads, before {url}"));
            break;
        }
        match download(&url, guard, cache).await {
            Ok(bytes) => {
                fetched.push((sources.len(), url.clone()));
                sources.push(Source { name: Some(format!("{SOURCE_PREFIX}{url}")), bytes });
            }
            Err(e) => {
                notes.push(format!("AIA: could not fetch the issuer from {url}: {e}"));
                break;
            }
        }
    }
    mark(&mut report, &fetched);
    report.input.notes.extend(notes);
    Ok(report)
}

/// The first http:// caIssuers URL of the best path's last certificate, when that path
/// stops at a missing issuer and the URL was not fetched already.
fn next_url(report: &Report, fetched: &[(usize, String)]) -> Option<String> {
    if report.trust.end != Some(PathEnd::MissingIssuer) {
        return None;
    }
    let top = report.certificates.get(*report.chain.last()?)?;
    let url = top.aia.ca_issuers.iter().find(|u| HttpUrl::parse(u).is_ok())?;
    (!fetched.iter().any(|(_, done)| done == url)).then(|| url.clone())
}

/// Marks the certificates read from downloaded sources.
fn mark(report: &mut Report, fetched: &[(usize, String)]) {
    for certificate in &mut report.certificates {
        if let Some((_, url)) = fetched.iter().find(|(file, _)| *file == certificate.source.file) {
            certificate.fetched_from = Some(url.clone());
        }
    }
}

/// The bytes at `url`: from the cache, or downloaded through the guard.
async fn download(url: &str, guard: &Guard, cache: &Cache) -> Result<Vec<u8>, FetchError> {
    if let Some(bytes) = cache.get(url) {
        return Ok(bytes.to_vec());
    }
    let parsed = HttpUrl::parse(url).map_err(FetchError::Failed)?;
    let admitted = guard.admit(&parsed.host, parsed.port).await?;
    let stream = admitted.connect().await?;
    let bytes = Arc::new(http::get(stream, &parsed).await?);
    cache.put(url, bytes.clone());
    Ok(bytes.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_the_newest_entries() {
        let cache = Cache::default();
        for i in 0..CACHE_ENTRIES + 10 {
            cache.put(&format!("http://x/{i}"), Arc::new(vec![1]));
        }
        assert_eq!(cache.len(), CACHE_ENTRIES);
        assert!(cache.get("http://x/0").is_none());
        assert!(cache.get(&format!("http://x/{}", CACHE_ENTRIES + 9)).is_some());
    }
}
