//! A real TLS handshake (rustls, ring) that records the certificates the server sends,
//! whether they verify or not: judging them is certchain's job, not the handshake's.
//!
//! The handshake signature is still checked with the end-entity key (RFC 8446 §4.4.3,
//! RFC 5246 §7.4.3), so the chain is the one of the server that answered.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio::net::TcpStream;

use super::FetchError;

/// Longest wait for the handshake, after the connection.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// The DER certificates `stream`'s server sends, in the order it sends them (RFC 8446
/// §4.4.2: end-entity first). `server_name` is sent as SNI unless it is an IP address
/// (RFC 6066 §3: literal addresses are not permitted in SNI).
pub async fn handshake(
    stream: TcpStream,
    server_name: ServerName<'static>,
) -> Result<Vec<Vec<u8>>, FetchError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let recorder = Arc::new(Recorder { provider: provider.clone(), sent: Mutex::default() });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| FetchError::Failed(format!("TLS setup failed: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let outcome =
        tokio::time::timeout(HANDSHAKE_TIMEOUT, connector.connect(server_name, stream)).await;
    let sent = recorder.take();
    match outcome {
        // A failure after the certificates arrived (a client certificate demanded, a
        // signature that does not verify) still leaves the chain to analyse.
        _ if !sent.is_empty() => Ok(sent),
        Ok(Ok(_)) => Err(FetchError::Failed("the server sent no certificate".into())),
        Ok(Err(e)) => Err(FetchError::Failed(describe(&e))),
        Err(_) => Err(FetchError::Failed(format!(
            "the TLS handshake did not finish within {} s",
            HANDSHAKE_TIMEOUT.as_secs()
        ))),
    }
}

/// What went wrong, in words: not TLS at all, an alert, a closed connection.
fn describe(error: &std::io::Error) -> String {
    let tls = error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>());
    match tls {
        Some(rustls::Error::InvalidMessage(_)) => {
            format!("the server did not answer with TLS ({error})")
        }
        Some(rustls::Error::AlertReceived(alert)) => {
            format!("TLS handshake failure: the server sent the alert {alert:?}")
        }
        Some(e) => format!("TLS handshake failure: {e}"),
        None if error.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the server closed the connection during the TLS handshake".into()
        }
        None => format!("TLS handshake failure: {error}"),
    }
}

/// Accepts any certificate, and keeps what was sent.
#[derive(Debug)]
struct Recorder {
    provider: Arc<CryptoProvider>,
    sent: Mutex<Vec<Vec<u8>>>,
}

impl Recorder {
    fn take(&self) -> Vec<Vec<u8>> {
        self.sent.lock().map(|mut sent| std::mem::take(&mut *sent)).unwrap_or_default()
    }
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut sent) = self.sent.lock() {
            *sent = std::iter::once(end_entity).chain(intermediates).map(|c| c.to_vec()).collect();
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}
