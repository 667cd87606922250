//! Text that leaves the analysis (the web app's permalink, an answer pasted into a ticket,
//! a log line) goes through [`redact`]: private keys cut by the routine the analysis itself
//! finds them with (`input::cut_keys`), then the secrets of URLs, settings and headers
//! masked (`explain::mask_secrets`). Binary files go out only when [`shareable_file`] says
//! the analysis read nothing but certificates in them.

use crate::input::{self, Source};

/// A text made safe to share, and what was taken out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The text without keys and with secrets masked.
    pub text: String,
    /// How many private keys were cut.
    pub keys: usize,
    /// Whether a password, token or signature was masked.
    pub masked: bool,
}

/// `text` without its private keys and with its secrets masked.
pub fn redact(text: &str) -> Redacted {
    let (cut, spans) = input::cut_keys(text);
    let masked = crate::explain::mask_secrets(&cut);
    Redacted { masked: masked != cut, keys: spans.len(), text: masked }
}

/// Whether a binary file may be shared: the analysis reads at least one certificate in it,
/// and nothing else (no private key, no block it cannot read: a PKCS#12 or a JKS file
/// holds keys that a link must not carry, even encrypted).
pub fn shareable_file(bytes: &[u8]) -> bool {
    let read = input::extract(&[Source { name: None, bytes: bytes.to_vec() }]);
    !read.blocks.is_empty() && read.private_keys.is_empty() && read.problems.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = include_str!("../../tests/fixtures/inputs/leaf.pem");
    const KEY: &str = include_str!("../../tests/fixtures/inputs/leaf.key");

    #[test]
    fn keys_are_cut_and_tokens_masked_and_counted() {
        let text = format!("{CERT}{KEY}Get https://oauth2:glpat-abc@h.example/?private_token=x\n");
        let shared = redact(&text);
        assert_eq!((shared.keys, shared.masked), (1, true));
        assert!(shared.text.contains(CERT) && !shared.text.contains("glpat-abc"));
        assert!(!shared.text.contains("private_token=x"), "{}", shared.text);
        assert_eq!(redact(CERT), Redacted { text: CERT.into(), keys: 0, masked: false });
    }

    #[test]
    fn only_files_of_certificates_are_shareable() {
        let der = include_bytes!("../../tests/fixtures/inputs/leaf.der");
        assert!(shareable_file(der));
        assert!(!shareable_file(b"\x30\x82\x01\x00garbage that is not DER at all"));
        use base64::Engine as _;
        let body: String = KEY.lines().filter(|l| !l.starts_with("-----")).collect();
        let key_der = base64::engine::general_purpose::STANDARD.decode(body).unwrap_or_default();
        assert!(!key_der.is_empty() && !shareable_file(&key_der));
        let mut der_and_key = der.to_vec();
        der_and_key.extend(&key_der);
        assert!(!shareable_file(&der_and_key));
    }
}
