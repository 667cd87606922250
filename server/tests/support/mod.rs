//! Servers on 127.0.0.1 for the fetch tests, and the chains they present: a rustls TLS
//! server, a small HTTP server for AIA downloads, and a TCP server that is not TLS. Every
//! server is a tokio task aborted when its handle drops, with its connections in a
//! `JoinSet` that goes with it.
// Each test binary uses part of this module.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// A server running in this process; stopped when dropped.
pub struct Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Connections accepted so far.
    pub hits: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Connections accepted so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// Accepts connections on `listener` and hands each to `answer`, until dropped.
fn serve<F, Fut>(listener: TcpListener, answer: F) -> Server
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let task = tokio::spawn(async move {
        let mut connections = JoinSet::new();
        while let Ok((stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            connections.spawn(answer(stream));
            while connections.try_join_next().is_some() {}
        }
    });
    Server { addr, hits, task }
}

/// A listener on a free port of 127.0.0.1.
pub async fn listener() -> TcpListener {
    TcpListener::bind("127.0.0.1:0").await.unwrap()
}

/// A TLS server (rustls) that sends `chain` (DER, in this order) with the leaf's `key`.
pub async fn tls_server(chain: Vec<Vec<u8>>, key: &KeyPair) -> Server {
    let chain = chain.into_iter().map(CertificateDer::from).collect();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    serve(listener().await, move |stream| {
        let acceptor = acceptor.clone();
        async move {
            if let Ok(mut tls) = acceptor.accept(stream).await {
                let _ = tls.shutdown().await;
            }
        }
    })
}

/// A TCP server that answers anything with an HTTP error and closes: not TLS.
pub async fn plain_server() -> Server {
    serve(listener().await, |mut stream| async move {
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n").await;
    })
}

/// An HTTP server on `listener` that serves `files` (path, body) and 404 for the rest.
pub fn http_server(listener: TcpListener, files: Vec<(String, Vec<u8>)>) -> Server {
    let files = Arc::new(files);
    serve(listener, move |mut stream| {
        let files = files.clone();
        async move {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
                if stream.read(&mut byte).await.unwrap_or(0) == 0 {
                    return;
                }
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head);
            let path = head.split(' ').nth(1).unwrap_or_default();
            let answer = match files.iter().find(|(p, _)| p == path) {
                Some((_, body)) => {
                    let mut answer = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\n\
                         Content-Length: {}\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    answer.extend(body);
                    answer
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&answer).await;
        }
    })
}

/// One certificate of the test PKI.
pub struct Made {
    /// DER.
    pub der: Vec<u8>,
    /// PEM.
    pub pem: String,
    /// Its key.
    pub key: KeyPair,
    params: CertificateParams,
}

/// root -> upper -> lower -> leaf (for 127.0.0.1 and localhost). With `aia`, each
/// certificate but the root names its issuer at `{aia}/upper.der`, `{aia}/root.der`…
pub struct Pki {
    /// The self-signed root.
    pub root: Made,
    /// The intermediate the root signed.
    pub upper: Made,
    /// The intermediate `upper` signed.
    pub lower: Made,
    /// The server certificate `lower` signed.
    pub leaf: Made,
}

impl Pki {
    /// A new PKI; `aia` is the base URL of the issuers' files, if any.
    pub fn new(aia: Option<&str>) -> Pki {
        let url = |file: &str| aia.map(|base| format!("{base}/{file}"));
        let root = make("certchain fetch test root", true, None, None);
        let upper = make("certchain fetch test upper CA", true, Some(&root), url("root.der"));
        let lower = make("certchain fetch test lower CA", true, Some(&upper), url("upper.der"));
        let leaf = make("certchain fetch test leaf", false, Some(&lower), url("lower.der"));
        Pki { root, upper, lower, leaf }
    }

    /// The files an AIA server serves for this PKI.
    pub fn aia_files(&self) -> Vec<(String, Vec<u8>)> {
        vec![
            ("/root.der".into(), self.root.der.clone()),
            ("/upper.der".into(), self.upper.der.clone()),
            ("/lower.der".into(), self.lower.der.clone()),
        ]
    }
}

fn make(cn: &str, ca: bool, issuer: Option<&Made>, ca_issuers: Option<String>) -> Made {
    let sans = if ca { Vec::new() } else { vec!["localhost".to_string()] };
    let mut params = CertificateParams::new(sans).unwrap();
    params.distinguished_name.push(DnType::CommonName, cn);
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(90);
    if ca {
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    } else {
        params.subject_alt_names.push(SanType::IpAddress("127.0.0.1".parse().unwrap()));
    }
    if let Some(url) = ca_issuers {
        params.custom_extensions.push(aia_extension(&url));
    }
    let key = KeyPair::generate().unwrap();
    let cert = match issuer {
        Some(ca) => params.signed_by(&key, &Issuer::from_params(&ca.params, &ca.key)).unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
    Made { der: cert.der().to_vec(), pem: cert.pem(), key, params }
}

/// authorityInfoAccess with one caIssuers URI (RFC 5280 §4.2.2.1).
fn aia_extension(url: &str) -> CustomExtension {
    const CA_ISSUERS: [u8; 10] = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    let uri = tlv(0x86, url.as_bytes());
    let description = tlv(0x30, &[&CA_ISSUERS[..], &uri].concat());
    CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], tlv(0x30, &description))
}

/// A DER tag-length-value (lengths below 65536).
fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let len = value.len();
    let mut out = vec![tag];
    match len {
        0..=127 => out.push(len as u8),
        128..=255 => out.extend([0x81, len as u8]),
        _ => out.extend([0x82, (len >> 8) as u8, len as u8]),
    }
    out.extend(value);
    out
}
