//! Signature algorithms and hash functions, as certchain names and ranks them.

use x509_parser::x509::AlgorithmIdentifier;

/// A message digest used by a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hash {
    /// MD2: broken.
    Md2,
    /// MD5: broken.
    Md5,
    /// SHA-1: collisions are practical (SHAttered, 2017).
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// MD2, MD5 and SHA-1 no longer protect a certificate signature (CA/B BR §7.1.3.2).
    pub fn is_weak(self) -> bool {
        matches!(self, Hash::Md2 | Hash::Md5 | Hash::Sha1)
    }

    fn from_oid(oid: &str) -> Option<Hash> {
        Some(match oid {
            "1.3.14.3.2.26" => Hash::Sha1,
            "2.16.840.1.101.3.4.2.4" => Hash::Sha224,
            "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
            "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
            "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
            "1.2.840.113549.2.5" => Hash::Md5,
            "1.2.840.113549.2.2" => Hash::Md2,
            _ => return None,
        })
    }
}

/// A certificate's signature algorithm (RFC 5280 §4.1.1.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigAlg {
    /// RSASSA-PKCS1-v1_5 (RFC 4055 §5, RFC 3279 §2.2.1).
    RsaPkcs1(Hash),
    /// RSASSA-PSS with its hash and salt length (RFC 4055 §3.1).
    RsaPss {
        /// Hash and MGF1 hash.
        hash: Hash,
        /// Salt length in bytes.
        salt_len: usize,
    },
    /// ECDSA (RFC 5758 §3.2, RFC 3279 §2.2.3).
    Ecdsa(Hash),
    /// Ed25519 (RFC 8410 §6).
    Ed25519,
    /// Anything else: DSA, Ed448, GOST, unknown OIDs.
    Other(String),
}

impl SigAlg {
    /// Map the AlgorithmIdentifier of a certificate.
    pub fn from_identifier(alg: &AlgorithmIdentifier<'_>) -> SigAlg {
        let oid = alg.algorithm.to_id_string();
        let rsa = |h| SigAlg::RsaPkcs1(h);
        let ecdsa = |h| SigAlg::Ecdsa(h);
        match oid.as_str() {
            "1.2.840.113549.1.1.2" => rsa(Hash::Md2),
            "1.2.840.113549.1.1.4" => rsa(Hash::Md5),
            "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => rsa(Hash::Sha1),
            "1.2.840.113549.1.1.14" => rsa(Hash::Sha224),
            "1.2.840.113549.1.1.11" => rsa(Hash::Sha256),
            "1.2.840.113549.1.1.12" => rsa(Hash::Sha384),
            "1.2.840.113549.1.1.13" => rsa(Hash::Sha512),
            "1.2.840.113549.1.1.10" => pss(alg).unwrap_or(SigAlg::Other(oid)),
            "1.2.840.10045.4.1" => ecdsa(Hash::Sha1),
            "1.2.840.10045.4.3.1" => ecdsa(Hash::Sha224),
            "1.2.840.10045.4.3.2" => ecdsa(Hash::Sha256),
            "1.2.840.10045.4.3.3" => ecdsa(Hash::Sha384),
            "1.2.840.10045.4.3.4" => ecdsa(Hash::Sha512),
            "1.3.101.112" => SigAlg::Ed25519,
            _ => SigAlg::Other(oid),
        }
    }

    /// The digest, when the algorithm has a separate one.
    pub fn hash(&self) -> Option<Hash> {
        match self {
            SigAlg::RsaPkcs1(h) | SigAlg::Ecdsa(h) | SigAlg::RsaPss { hash: h, .. } => Some(*h),
            SigAlg::Ed25519 | SigAlg::Other(_) => None,
        }
    }

    /// The name OpenSSL prints for it.
    pub fn name(&self) -> String {
        let h = |h: &Hash| match h {
            Hash::Md2 => "md2",
            Hash::Md5 => "md5",
            Hash::Sha1 => "sha1",
            Hash::Sha224 => "sha224",
            Hash::Sha256 => "sha256",
            Hash::Sha384 => "sha384",
            Hash::Sha512 => "sha512",
        };
        match self {
            SigAlg::RsaPkcs1(x) => format!("{}WithRSAEncryption", h(x)),
            SigAlg::RsaPss { hash, .. } => format!("rsassaPss({})", h(hash)),
            SigAlg::Ecdsa(x) => format!("ecdsa-with-{}", h(x).to_ascii_uppercase()),
            SigAlg::Ed25519 => "ED25519".to_string(),
            SigAlg::Other(oid) => other_name(oid),
        }
    }
}

fn other_name(oid: &str) -> String {
    match oid {
        "1.2.840.10040.4.3" => "dsaWithSHA1".into(),
        "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256".into(),
        "1.3.101.113" => "ED448".into(),
        _ => oid.to_string(),
    }
}

/// RSASSA-PSS-params (RFC 4055 §3.1): hash [0] (default SHA-1), saltLength [2] (default 20).
fn pss(alg: &AlgorithmIdentifier<'_>) -> Option<SigAlg> {
    use x509_parser::signature_algorithm::SignatureAlgorithm;
    let SignatureAlgorithm::RSASSA_PSS(params) = SignatureAlgorithm::try_from(alg).ok()? else {
        return None;
    };
    let hash = Hash::from_oid(&params.hash_algorithm_oid().to_id_string())?;
    let salt_len = usize::try_from(params.salt_length()).ok()?;
    Some(SigAlg::RsaPss { hash, salt_len })
}
