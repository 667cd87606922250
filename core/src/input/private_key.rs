//! Private keys found in the input: recognised by label or shape, reported by kind and
//! place, and never kept. No function here copies, returns or formats a byte of a key:
//! PEM key bodies are not even decoded.

use super::ber::{self, id, Tlv};
use super::{Extracted, PrivateKeyNote, Scope};

/// Human name of the key form a PEM label announces, or `None` if it is not a private key.
/// `body` is only searched for the RFC 1421 §4.6.1.1 `Proc-Type: 4,ENCRYPTED` header.
pub(super) fn pem_kind(label: &str, body: &str) -> Option<String> {
    let encrypted_header = body.contains("Proc-Type: 4,ENCRYPTED");
    let kind = match label {
        // RFC 7468 §10: PrivateKeyInfo (RFC 5208) / OneAsymmetricKey (RFC 5958 §2).
        "PRIVATE KEY" => "PKCS#8",
        // RFC 7468 §11: EncryptedPrivateKeyInfo (RFC 5958 §3).
        "ENCRYPTED PRIVATE KEY" => "encrypted PKCS#8",
        // RFC 8017 §A.1.2 RSAPrivateKey; OpenSSL "traditional" form.
        "RSA PRIVATE KEY" if encrypted_header => "encrypted RSA (PKCS#1)",
        "RSA PRIVATE KEY" => "RSA (PKCS#1)",
        // RFC 5915 §3 ECPrivateKey.
        "EC PRIVATE KEY" if encrypted_header => "encrypted EC (SEC1)",
        "EC PRIVATE KEY" => "EC (SEC1)",
        "DSA PRIVATE KEY" if encrypted_header => "encrypted DSA",
        "DSA PRIVATE KEY" => "DSA",
        // OpenSSH's own format (PROTOCOL.key in the OpenSSH sources).
        "OPENSSH PRIVATE KEY" => "OpenSSH",
        "ANY PRIVATE KEY" => "unspecified (ANY PRIVATE KEY)",
        "PGP PRIVATE KEY BLOCK" => "PGP",
        other if other.contains("PRIVATE KEY") => return Some(format!("{other} (unknown form)")),
        _ => return None,
    };
    Some(kind.to_owned())
}

/// Records a key of `kind` at `line` of the scope, under its PEM `label` if it has one.
pub(super) fn note(
    out: &mut Extracted,
    kind: String,
    scope: &Scope,
    line: usize,
    label: Option<&str>,
) {
    let origin = scope.origin(line, label);
    out.private_keys.push(PrivateKeyNote { kind, origin });
}

/// Human name of the key form of a DER element, or `None` if it is not a private key.
pub(super) fn der_kind(tlv: &Tlv<'_>) -> Option<&'static str> {
    if tlv.id != id::SEQUENCE {
        return None;
    }
    let fields = ber::first_children(tlv.contents, 10)?;
    let ids: Vec<u8> = fields.iter().map(|field| field.id).collect();
    let version = fields.first().map(|field| field.contents);
    match (ids.as_slice(), version) {
        // RFC 5208 §5 PrivateKeyInfo / RFC 5958 §2 OneAsymmetricKey:
        // SEQUENCE { version (0 or 1), privateKeyAlgorithm, privateKey OCTET STRING, .. }.
        ([id::INTEGER, id::SEQUENCE, id::OCTET_STRING, ..], Some([0] | [1])) => Some("PKCS#8"),
        // RFC 5915 §3 ECPrivateKey: SEQUENCE { version 1, privateKey OCTET STRING, .. }.
        ([id::INTEGER, id::OCTET_STRING, ..], Some([1])) => Some("EC (SEC1)"),
        // RFC 8017 §A.1.2 RSAPrivateKey: version 0 then 8 INTEGERs (two-prime).
        (ids, Some([0])) if ids.len() == 9 && all_integers(ids) => Some("RSA (PKCS#1)"),
        // OpenSSL DSA private key: version 0, p, q, g, y, x.
        (ids, Some([0])) if ids.len() == 6 && all_integers(ids) => Some("DSA"),
        // RFC 5958 §3 EncryptedPrivateKeyInfo: SEQUENCE { encryptionAlgorithm, encryptedData }.
        ([id::SEQUENCE, id::OCTET_STRING], _) if is_password_based(fields.first()) => {
            Some("encrypted PKCS#8")
        }
        _ => None,
    }
}

fn all_integers(ids: &[u8]) -> bool {
    ids.iter().all(|&field| field == id::INTEGER)
}

/// Whether an AlgorithmIdentifier names PKCS#5 (RFC 8018 §A: 1.2.840.113549.1.5.x) or
/// PKCS#12 (RFC 7292 §C: 1.2.840.113549.1.12.1.x) password-based encryption.
fn is_password_based(algorithm: Option<&Tlv<'_>>) -> bool {
    const PKCS5: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];
    const PKCS12_PBE: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
    let oid = algorithm.and_then(|algorithm| ber::children(algorithm.contents).next());
    matches!(oid, Some(Ok(oid)) if oid.id == id::OID
        && (oid.contents.starts_with(PKCS5) || oid.contents.starts_with(PKCS12_PBE)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::input::testing::{prim, tlv};

    fn kind(der: &[u8]) -> Option<&'static str> {
        der_kind(&ber::read(der).unwrap().0)
    }

    #[test]
    fn names_every_pem_key_label() {
        assert_eq!(pem_kind("PRIVATE KEY", "").unwrap(), "PKCS#8");
        assert_eq!(pem_kind("ENCRYPTED PRIVATE KEY", "").unwrap(), "encrypted PKCS#8");
        assert_eq!(pem_kind("RSA PRIVATE KEY", "MIIE").unwrap(), "RSA (PKCS#1)");
        let headers = "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIE";
        assert_eq!(pem_kind("RSA PRIVATE KEY", headers).unwrap(), "encrypted RSA (PKCS#1)");
        assert_eq!(pem_kind("EC PRIVATE KEY", "").unwrap(), "EC (SEC1)");
        assert_eq!(pem_kind("DSA PRIVATE KEY", "").unwrap(), "DSA");
        assert_eq!(pem_kind("OPENSSH PRIVATE KEY", "").unwrap(), "OpenSSH");
        assert_eq!(pem_kind("ANY PRIVATE KEY", "").unwrap(), "unspecified (ANY PRIVATE KEY)");
        assert_eq!(pem_kind("SM2 PRIVATE KEY", "").unwrap(), "SM2 PRIVATE KEY (unknown form)");
        assert_eq!(pem_kind("CERTIFICATE", ""), None);
        assert_eq!(pem_kind("PUBLIC KEY", ""), None);
    }

    #[test]
    fn recognises_der_key_shapes() {
        let int0 = prim(id::INTEGER, &[0]);
        let int1 = prim(id::INTEGER, &[1]);
        let octets = prim(id::OCTET_STRING, &[9, 9]);
        let algorithm = tlv(id::SEQUENCE, &[&prim(id::OID, &[0x2b, 0x65, 0x70])]);
        assert_eq!(kind(&tlv(id::SEQUENCE, &[&int0, &algorithm, &octets])), Some("PKCS#8"));
        assert_eq!(kind(&tlv(id::SEQUENCE, &[&int1, &octets])), Some("EC (SEC1)"));
        let nine: Vec<&[u8]> = std::iter::repeat_n(int0.as_slice(), 9).collect();
        assert_eq!(kind(&tlv(id::SEQUENCE, &nine)), Some("RSA (PKCS#1)"));
        assert_eq!(kind(&tlv(id::SEQUENCE, &nine[..6])), Some("DSA"));
        assert_eq!(kind(&tlv(id::SEQUENCE, &nine[..4])), None);
        let pbes2 = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d];
        let encryption = tlv(id::SEQUENCE, &[&prim(id::OID, &pbes2)]);
        assert_eq!(kind(&tlv(id::SEQUENCE, &[&encryption, &octets])), Some("encrypted PKCS#8"));
        // A DigestInfo has the same outline but no password-based algorithm.
        assert_eq!(kind(&tlv(id::SEQUENCE, &[&algorithm, &octets])), None);
    }
}
