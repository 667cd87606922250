//! A tiny PKI for tests: roots, intermediates and leaves with whatever defects a test needs.
//! ECDSA P-256 by default (fast to generate); P-384 and Ed25519 on request.

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType, SignatureAlgorithm,
};
use time::OffsetDateTime;

/// A certificate with its key and parameters, able to issue more.
pub struct Issued {
    /// The parameters it was made from.
    pub params: CertificateParams,
    /// Its key pair.
    pub key: KeyPair,
    /// The certificate.
    pub cert: rcgen::Certificate,
}

impl Issued {
    /// PEM text.
    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    /// DER bytes.
    pub fn der(&self) -> Vec<u8> {
        self.cert.der().to_vec()
    }

    fn issuer(&self) -> Issuer<'_, &KeyPair> {
        Issuer::from_params(&self.params, &self.key)
    }
}

/// What to put in a certificate.
#[derive(Clone)]
pub struct Spec {
    /// Subject CN.
    pub cn: String,
    /// Extra subject O (to make names differ or match).
    pub org: Option<String>,
    /// DNS names (and IPs, parsed as such; `email:` for an e-mail address).
    pub sans: Vec<String>,
    /// `None`: no basicConstraints; `Some(None)`: CA without pathlen; `Some(Some(n))`: pathlen n.
    pub ca: Option<Option<u8>>,
    /// basicConstraints present with CA:FALSE.
    pub explicit_not_ca: bool,
    /// Key usages (empty: extension absent).
    pub key_usages: Vec<KeyUsagePurpose>,
    /// Extended key usages (empty: extension absent).
    pub ekus: Vec<ExtendedKeyUsagePurpose>,
    /// Validity start, Unix seconds.
    pub not_before: i64,
    /// Validity end, Unix seconds.
    pub not_after: i64,
    /// Key algorithm.
    pub alg: &'static SignatureAlgorithm,
    /// Reuse this key instead of generating one (for cross-signing and re-issuing).
    pub key_pem: Option<String>,
    /// NameConstraints (RFC 5280 §4.2.1.10), critical, for a CA.
    pub name_constraints: Option<rcgen::NameConstraints>,
    /// Extensions written as given, for malformed ones (leave `sans` empty to write a raw
    /// subjectAltName).
    pub custom_extensions: Vec<rcgen::CustomExtension>,
}

const Y2026: i64 = 1_767_225_600; // 2026-01-01
const Y2030: i64 = 1_893_456_000; // 2030-01-01

impl Spec {
    /// A root CA.
    pub fn root(cn: &str) -> Spec {
        Spec {
            cn: cn.into(),
            org: Some("certchain tests".into()),
            sans: Vec::new(),
            ca: Some(None),
            explicit_not_ca: false,
            key_usages: vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign],
            ekus: Vec::new(),
            not_before: Y2026,
            not_after: Y2030,
            alg: &rcgen::PKCS_ECDSA_P256_SHA256,
            key_pem: None,
            name_constraints: None,
            custom_extensions: Vec::new(),
        }
    }

    /// An intermediate CA (same shape as a root; signed by another CA).
    pub fn intermediate(cn: &str) -> Spec {
        Spec::root(cn)
    }

    /// A TLS server certificate for `host`.
    pub fn leaf(host: &str) -> Spec {
        Spec {
            cn: host.into(),
            sans: vec![host.into()],
            ca: None,
            explicit_not_ca: true,
            key_usages: vec![KeyUsagePurpose::DigitalSignature],
            ekus: vec![ExtendedKeyUsagePurpose::ServerAuth],
            ..Spec::root(host)
        }
    }

    fn params(&self) -> CertificateParams {
        let mut p = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        if let Some(org) = &self.org {
            dn.push(DnType::OrganizationName, org.clone());
        }
        dn.push(DnType::CommonName, self.cn.clone());
        p.distinguished_name = dn;
        p.subject_alt_names = self.sans.iter().map(|s| san(s)).collect();
        p.is_ca = match (self.ca, self.explicit_not_ca) {
            (Some(None), _) => IsCa::Ca(BasicConstraints::Unconstrained),
            (Some(Some(n)), _) => IsCa::Ca(BasicConstraints::Constrained(n)),
            (None, true) => IsCa::ExplicitNoCa,
            (None, false) => IsCa::NoCa,
        };
        p.key_usages = self.key_usages.clone();
        p.extended_key_usages = self.ekus.clone();
        p.not_before = at(self.not_before);
        p.not_after = at(self.not_after);
        p.use_authority_key_identifier_extension = true;
        p.name_constraints = self.name_constraints.clone();
        p.custom_extensions = self.custom_extensions.clone();
        p.serial_number = Some(rcgen::SerialNumber::from_slice(&serial(self)));
        p
    }

    fn key(&self) -> KeyPair {
        let key = match &self.key_pem {
            Some(pem) => KeyPair::from_pem(pem),
            None => KeyPair::generate_for(self.alg),
        };
        key.unwrap_or_else(|e| panic!("test key for {}: {e}", self.cn))
    }

    /// Issue the certificate: self-signed when `issuer` is `None`.
    pub fn issue(&self, issuer: Option<&Issued>) -> Issued {
        let params = self.params();
        let key = self.key();
        let cert = match issuer {
            Some(ca) => params.signed_by(&key, &ca.issuer()),
            None => params.self_signed(&key),
        };
        let cert = cert.unwrap_or_else(|e| panic!("test certificate {}: {e}", self.cn));
        Issued { params, key, cert }
    }
}

/// A SAN: `email:box@host` for an rfc822Name, an IP address, else a DNS name.
fn san(s: &str) -> SanType {
    if let Some(mailbox) = s.strip_prefix("email:") {
        let ia5 = mailbox.to_string().try_into().unwrap_or_else(|e| panic!("SAN {s}: {e}"));
        return SanType::Rfc822Name(ia5);
    }
    match s.parse() {
        Ok(ip) => SanType::IpAddress(ip),
        Err(_) => {
            SanType::DnsName(s.to_string().try_into().unwrap_or_else(|e| panic!("SAN {s}: {e}")))
        }
    }
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A serial that differs per subject and validity, so re-issued certificates differ.
fn serial(spec: &Spec) -> Vec<u8> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in
        spec.cn.bytes().chain(spec.not_after.to_be_bytes()).chain(spec.not_before.to_be_bytes())
    {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = vec![0x01];
    out.extend(h.to_be_bytes());
    out
}

/// A classic private PKI: root → intermediate → leaf for `host`.
pub struct Chain {
    /// Self-signed root.
    pub root: Issued,
    /// Intermediate signed by the root.
    pub intermediate: Issued,
    /// Leaf signed by the intermediate.
    pub leaf: Issued,
}

impl Chain {
    /// Make the three certificates.
    pub fn new(host: &str) -> Chain {
        let root = Spec::root("Test Root CA").issue(None);
        let intermediate = Spec::intermediate("Test Intermediate CA").issue(Some(&root));
        let leaf = Spec::leaf(host).issue(Some(&intermediate));
        Chain { root, intermediate, leaf }
    }

    /// Leaf, intermediate, root as PEM, in that order.
    pub fn pems(&self) -> Vec<String> {
        vec![self.leaf.pem(), self.intermediate.pem(), self.root.pem()]
    }
}
