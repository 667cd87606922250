//! The extensions certchain reads, flattened into owned values (RFC 5280 §4.2).

use serde::Serialize;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::X509Certificate;

/// The extensions that matter for chain building and diagnosis.
#[derive(Debug, Clone, Default)]
pub struct Extensions {
    /// Subject alternative names; `None` when the extension is absent.
    pub sans: Option<Sans>,
    /// Basic constraints; `None` when absent.
    pub basic_constraints: Option<BasicConstraints>,
    /// Key usage names; `None` when absent.
    pub key_usage: Option<Vec<String>>,
    /// keyCertSign is set (meaningful only when key usage is present).
    pub key_cert_sign: bool,
    /// Extended key usage names; `None` when absent.
    pub extended_key_usage: Option<Vec<String>>,
    /// EKU allows TLS server authentication (or anyExtendedKeyUsage), or has no EKU.
    pub server_auth_allowed: bool,
    /// Subject key identifier.
    pub ski: Option<Vec<u8>>,
    /// Authority key identifier's keyIdentifier.
    pub aki: Option<Vec<u8>>,
    /// Authority information access.
    pub aia: Aia,
    /// OIDs of critical extensions certchain does not understand (RFC 5280 §4.2).
    pub unknown_critical: Vec<String>,
    /// OIDs of extensions that appear more than once (RFC 5280 §4.2 forbids it).
    pub duplicated: Vec<String>,
    /// Extensions certchain found malformed, each with the reason (RFC 5280 §4.2).
    pub malformed: Vec<Malformed>,
    /// Name constraints, when present (CA certificates only, §4.2.1.10).
    pub name_constraints: Option<super::constraints::NameConstraints>,
    /// The names name constraints apply to: subject and SANs.
    pub names: super::constraints::Names,
}

/// Why an extension is malformed (RFC 5280 §4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// The subjectAltName extension cannot be parsed as DER.
    SanDer,
    /// A subjectAltName entry of a defined type (this tag) whose content cannot be read.
    SanUnreadable(u32),
    /// A subjectAltName entry of an undefined type (this tag; GeneralName defines [0] to [8]).
    SanUndefined(u32),
}

/// Read the extensions of a certificate.
pub fn read(x509: &X509Certificate<'_>) -> Extensions {
    let mut ext = Extensions { server_auth_allowed: true, ..Extensions::default() };
    ext.duplicated = duplicated(x509);
    ext.names = super::constraints::names(x509.subject(), &[]);
    for e in x509.extensions() {
        match e.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                ext.sans = Some(sans(&san.general_names));
                ext.malformed.extend(san.general_names.iter().filter_map(unreadable));
                ext.names = super::constraints::names(x509.subject(), &san.general_names);
            }
            ParsedExtension::NameConstraints(nc) => {
                ext.name_constraints = Some(super::constraints::read(nc));
            }
            ParsedExtension::ParseError { .. } if e.oid.to_id_string() == "2.5.29.30" => {
                ext.name_constraints = Some(super::constraints::NameConstraints {
                    malformed: Some(super::constraints::Malformed::Unparsable),
                    ..Default::default()
                });
            }
            ParsedExtension::ParseError { .. } if e.oid.to_id_string() == "2.5.29.17" => {
                ext.malformed.push(Malformed::SanDer);
            }
            ParsedExtension::BasicConstraints(bc) => {
                ext.basic_constraints =
                    Some(BasicConstraints { ca: bc.ca, path_len: bc.path_len_constraint });
            }
            ParsedExtension::KeyUsage(ku) => {
                ext.key_cert_sign = ku.key_cert_sign();
                ext.key_usage = Some(key_usage_names(ku));
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                ext.server_auth_allowed = eku.server_auth || eku.any;
                ext.extended_key_usage = Some(eku_names(eku));
            }
            ParsedExtension::SubjectKeyIdentifier(id) => ext.ski = Some(id.0.to_vec()),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                ext.aki = aki.key_identifier.as_ref().map(|k| k.0.to_vec());
            }
            ParsedExtension::AuthorityInfoAccess(aia) => ext.aia = access(aia),
            ParsedExtension::UnsupportedExtension { oid } if e.critical => {
                ext.unknown_critical.push(oid.to_id_string());
            }
            _ => {}
        }
    }
    ext
}

/// RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular
/// extension."
fn duplicated(x509: &X509Certificate<'_>) -> Vec<String> {
    let mut oids: Vec<String> = x509.extensions().iter().map(|e| e.oid.to_id_string()).collect();
    oids.sort();
    let mut twice: Vec<String> =
        oids.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0].clone()).collect();
    twice.dedup();
    twice
}

fn sans(names: &[GeneralName<'_>]) -> Sans {
    let mut out = Sans::default();
    for name in names {
        match name {
            GeneralName::DNSName(d) => out.dns.push(d.to_string()),
            GeneralName::IPAddress(ip) => out.ip.push(ip_text(ip)),
            GeneralName::RFC822Name(m) => out.email.push(m.to_string()),
            GeneralName::URI(u) => out.uri.push(u.to_string()),
            _ => {}
        }
    }
    out
}

/// RFC 5280 §4.2.1.6: a GeneralName is one of nine types, [0] to [8]; x509-parser keeps
/// any other tag, or a name whose content it cannot read, as `Invalid`. OpenSSL then refuses
/// the certificate ("invalid certificate"); Go skips the name.
fn unreadable(name: &GeneralName<'_>) -> Option<Malformed> {
    let GeneralName::Invalid(tag, _) = name else { return None };
    Some(match tag.0 {
        0..=8 => Malformed::SanUnreadable(tag.0),
        n => Malformed::SanUndefined(n),
    })
}

/// iPAddress (RFC 5280 §4.2.1.6): 4 octets for IPv4, 16 for IPv6.
fn ip_text(bytes: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return std::net::Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        return std::net::Ipv6Addr::from(v6).to_string();
    }
    format!("invalid({})", crate::hex(bytes))
}

fn key_usage_names(ku: &x509_parser::extensions::KeyUsage) -> Vec<String> {
    let bits = [
        (ku.digital_signature(), "digitalSignature"),
        (ku.non_repudiation(), "nonRepudiation"),
        (ku.key_encipherment(), "keyEncipherment"),
        (ku.data_encipherment(), "dataEncipherment"),
        (ku.key_agreement(), "keyAgreement"),
        (ku.key_cert_sign(), "keyCertSign"),
        (ku.crl_sign(), "cRLSign"),
        (ku.encipher_only(), "encipherOnly"),
        (ku.decipher_only(), "decipherOnly"),
    ];
    bits.iter().filter(|(on, _)| *on).map(|(_, n)| n.to_string()).collect()
}

fn eku_names(eku: &x509_parser::extensions::ExtendedKeyUsage<'_>) -> Vec<String> {
    let flags = [
        (eku.any, "anyExtendedKeyUsage"),
        (eku.server_auth, "serverAuth"),
        (eku.client_auth, "clientAuth"),
        (eku.code_signing, "codeSigning"),
        (eku.email_protection, "emailProtection"),
        (eku.time_stamping, "timeStamping"),
        (eku.ocsp_signing, "OCSPSigning"),
    ];
    let mut names: Vec<String> =
        flags.iter().filter(|(on, _)| *on).map(|(_, n)| n.to_string()).collect();
    names.extend(eku.other.iter().map(|o| o.to_id_string()));
    names
}

/// AuthorityInfoAccess (RFC 5280 §4.2.2.1): id-ad-caIssuers and id-ad-ocsp URIs.
fn access(aia: &x509_parser::extensions::AuthorityInfoAccess<'_>) -> Aia {
    let mut out = Aia::default();
    for desc in &aia.accessdescs {
        let GeneralName::URI(uri) = &desc.access_location else { continue };
        match desc.access_method.to_id_string().as_str() {
            "1.3.6.1.5.5.7.48.2" => out.ca_issuers.push(uri.to_string()),
            "1.3.6.1.5.5.7.48.1" => out.ocsp.push(uri.to_string()),
            _ => {}
        }
    }
    out
}

/// Subject alternative names by type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sans {
    /// dNSName entries.
    pub dns: Vec<String>,
    /// iPAddress entries, as text.
    pub ip: Vec<String>,
    /// rfc822Name entries.
    pub email: Vec<String>,
    /// uniformResourceIdentifier entries.
    pub uri: Vec<String>,
}

/// The basicConstraints extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BasicConstraints {
    /// cA flag.
    pub ca: bool,
    /// pathLenConstraint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_len: Option<u32>,
}

/// Authority information access URLs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Aia {
    /// caIssuers URLs: where the issuer certificate can be downloaded.
    pub ca_issuers: Vec<String>,
    /// OCSP responder URLs.
    pub ocsp: Vec<String>,
}
