//! AIA chasing (`--aia`): when the best path stops at a missing issuer, download that
//! issuer from the caIssuers URL of the path's last certificate (RFC 5280 §4.2.2.1), add it
//! to the input as one more source and analyse again; at most [`MAX_HOPS`] times.
//!
//! Downloads go through the same guard as the chain itself (plus port 80), `http://` only,
//! and are cached by URL: many chains share an intermediate. An answer is taken only when
//! it is what RFC 5280 §4.2.2.1 says a caIssuers URL serves: one DER certificate, or a DER
//! "certs-only" CMS SignedData. Anything else (an HTML page of an internal server, a
//! redirect notice, text) is dropped with a note that names the URL and never the content:
//! it never reaches the text readers or the error-message explainer.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use certchain_core::report::PathEnd;
use certchain_core::{Options, Report, Source};
use x509_parser::asn1_rs::{Any, Class, FromDer, Tag};
use x509_parser::certificate::X509Certificate;

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
    let bytes = http::get(stream, &parsed).await?;
    if !is_issuer_file(&bytes) {
        return Err(FetchError::Failed(
            "the answer is not a DER certificate or PKCS#7 (certs-only SignedData); it was dropped"
                .into(),
        ));
    }
    let bytes = Arc::new(bytes);
    cache.put(url, bytes.clone());
    Ok(bytes.to_vec())
}

/// RFC 5280 §4.2.2.1: a caIssuers URL serves one DER certificate (application/pkix-cert)
/// or a "certs-only" CMS message (application/pkcs7-mime). Only the DER forms are taken.
fn is_issuer_file(bytes: &[u8]) -> bool {
    is_certificate(bytes) || is_certs_only(bytes).is_some()
}

/// Exactly one DER certificate (RFC 5280 §4.1).
fn is_certificate(bytes: &[u8]) -> bool {
    matches!(X509Certificate::from_der(bytes), Ok((rest, _)) if rest.is_empty())
}

/// The DER value at the start of `bytes` and what follows it, if it has this class and tag.
fn take(bytes: &[u8], class: Class, tag: Tag) -> Option<(Any<'_>, &[u8])> {
    let (rest, any) = Any::from_der(bytes).ok()?;
    (any.header.class() == class && any.header.tag() == tag).then_some((any, rest))
}

fn universal(bytes: &[u8], tag: Tag) -> Option<(Any<'_>, &[u8])> {
    take(bytes, Class::Universal, tag)
}

/// id-signedData, 1.2.840.113549.1.7.2 (RFC 5652 §5.1), as DER content octets.
const SIGNED_DATA: [u8; 9] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// A DER ContentInfo holding a SignedData (RFC 5652 §3, §5.1) with no encapsulated content,
/// no signer and at least one certificate, each a DER certificate: the certs-only message of
/// RFC 8551 §3.6. `None` for anything else.
fn is_certs_only(bytes: &[u8]) -> Option<()> {
    let (info, rest) = universal(bytes, Tag::Sequence)?;
    let (oid, inner) = universal(info.data, Tag::Oid)?;
    let (explicit, rest_of_info) = take(inner, Class::ContextSpecific, Tag(0))?;
    let (signed, rest_of_explicit) = universal(explicit.data, Tag::Sequence)?;
    let whole = rest.is_empty() && rest_of_info.is_empty() && rest_of_explicit.is_empty();
    (whole && oid.data == SIGNED_DATA).then_some(())?;
    let (_version, fields) = universal(signed.data, Tag::Integer)?;
    let (_digests, fields) = universal(fields, Tag::Set)?;
    let (content, fields) = universal(fields, Tag::Sequence)?;
    // eContentType only: a certs-only message carries no eContent ([0]).
    let (_type, content_rest) = universal(content.data, Tag::Oid)?;
    let (certificates, fields) = take(fields, Class::ContextSpecific, Tag(0))?;
    let fields = take(fields, Class::ContextSpecific, Tag(1)).map_or(fields, |(_, rest)| rest);
    let (signers, fields) = universal(fields, Tag::Set)?;
    let empty = content_rest.is_empty() && signers.data.is_empty() && fields.is_empty();
    (empty && every_certificate(certificates.data)).then_some(())
}

/// Whether `bytes` is one or more DER certificates, back to back.
fn every_certificate(mut bytes: &[u8]) -> bool {
    if bytes.is_empty() {
        return false;
    }
    while !bytes.is_empty() {
        match X509Certificate::from_der(bytes) {
            Ok((rest, _)) => bytes = rest,
            Err(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/inputs");

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{INPUTS}/{name}")).unwrap_or_default()
    }

    #[test]
    fn only_a_der_certificate_or_a_der_certs_only_pkcs7_is_an_issuer_file() {
        assert!(is_issuer_file(&fixture("intermediate.der")));
        assert!(is_issuer_file(&fixture("chain.p7b")));
        let html = b"<html><body>x509: certificate signed by unknown authority</body></html>";
        assert!(!is_issuer_file(html));
        assert!(!is_issuer_file(&fixture("intermediate.pem")), "PEM is text");
        assert!(!is_issuer_file(&fixture("root.crl")), "a CRL is no certificate");
        assert!(!is_issuer_file(&fixture("chain-ber-indefinite.p7b")), "BER is not DER");
        assert!(!is_issuer_file(b""));
        let mut trailing = fixture("intermediate.der");
        trailing.extend(b"<html>");
        assert!(!is_issuer_file(&trailing), "a certificate followed by something else");
        let mut two = fixture("intermediate.der");
        two.extend(fixture("root.der"));
        assert!(!is_issuer_file(&two), "two certificates are a bundle, not a DER file");
    }

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
