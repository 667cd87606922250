//! Certificates of a PEM text, named by the SHA-256 of their DER (lowercase hex, as the
//! report's `sha256` and the chain diagram's `data-sha256`).

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::{err, Result};

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";

/// The SHA-256 of each `CERTIFICATE` block of `text`, in order.
pub fn cert_hashes(text: &str) -> Result<Vec<String>> {
    let mut hashes = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(BEGIN) {
        let body = &rest[start + BEGIN.len()..];
        let end = body.find(END).ok_or_else(|| err("a CERTIFICATE block without its END"))?;
        let b64: String = body[..end].split_whitespace().collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| err(format!("bad base64 in a CERTIFICATE block: {e}")))?;
        hashes.push(sha256_hex(&der));
        rest = &body[end + END.len()..];
    }
    Ok(hashes)
}

/// The one certificate of a PEM text.
pub fn cert_hash(text: &str) -> Result<String> {
    match &cert_hashes(text)?[..] {
        [one] => Ok(one.clone()),
        many => Err(err(format!("expected one certificate, found {}", many.len()))),
    }
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_each_certificate_block() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x01];
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        let text = format!("x\n{BEGIN}\n{b64}\n{END}\ny\n{BEGIN}\r\n {b64}\r\n{END}\n");
        let hashes = cert_hashes(&text).unwrap();
        assert_eq!(hashes, vec![sha256_hex(&der), sha256_hex(&der)]);
        assert!(cert_hash(&text).is_err());
    }
}
