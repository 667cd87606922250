//! Trust anchors: the publicly trusted roots (Mozilla's set, from the `webpki-roots` crate:
//! subject and key only, a few dozen kilobytes) or the user's own (`--trust FILE`), which
//! replace them.
//!
//! RFC 5280 §6.1.1 (d): a trust anchor is a name and a public key; its certificate, if any,
//! is not itself validated.

use std::collections::HashMap;
use std::sync::OnceLock;

use x509_parser::prelude::FromDer;
use x509_parser::x509::{SubjectPublicKeyInfo, X509Name};

use crate::cert::key::{self, Spki};
use crate::cert::{name, Cert};

/// Who vouches for an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorKind {
    /// Given by the user.
    User,
    /// In Mozilla's root program.
    Public,
}

/// One trust anchor.
#[derive(Debug, Clone)]
pub struct Anchor {
    /// Subject name, for display.
    pub name: String,
    /// Subject comparison key.
    pub subject_key: name::NameKey,
    /// Key for verifying what it signed.
    pub spki: Spki,
    /// SubjectPublicKeyInfo DER, for recognising the anchor's own certificate.
    pub spki_der: Vec<u8>,
    /// User or public.
    pub kind: AnchorKind,
    /// Key summary (algorithm and size).
    pub key: crate::cert::key::KeyInfo,
    /// The anchor's own certificate, for user anchors: clients such as Go and OpenSSL still
    /// check its validity period and critical extensions.
    pub cert: Option<Box<Cert>>,
}

/// A set of anchors indexed by subject.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    list: Vec<Anchor>,
    by_subject: HashMap<name::NameKey, Vec<usize>>,
}

impl Anchors {
    /// Mozilla's roots, parsed once per process.
    pub fn public() -> &'static Anchors {
        static PUBLIC: OnceLock<Anchors> = OnceLock::new();
        PUBLIC.get_or_init(|| {
            let list = webpki_roots::TLS_SERVER_ROOTS
                .iter()
                .filter_map(|ta| public_anchor(&ta.subject, &ta.subject_public_key_info))
                .collect();
            Anchors::from_list(list)
        })
    }

    /// The user's anchors: every certificate given is trusted as is.
    pub fn from_certs(certs: &[Cert]) -> Anchors {
        let list = certs
            .iter()
            .map(|c| Anchor {
                name: c.subject.clone(),
                subject_key: c.subject_key.clone(),
                spki: c.spki.clone(),
                spki_der: c.spki_der.clone(),
                kind: AnchorKind::User,
                key: c.key.clone(),
                cert: Some(Box::new(c.clone())),
            })
            .collect();
        Anchors::from_list(list)
    }

    fn from_list(list: Vec<Anchor>) -> Anchors {
        let mut by_subject: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, a) in list.iter().enumerate() {
            by_subject.entry(a.subject_key.clone()).or_default().push(i);
        }
        Anchors { list, by_subject }
    }

    /// Number of anchors.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// No anchors at all.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The anchor at `i`.
    pub fn get(&self, i: usize) -> Option<&Anchor> {
        self.list.get(i)
    }

    /// Anchors whose subject is `issuer_key` (candidates to have signed a certificate).
    pub fn named(&self, issuer_key: &str) -> &[usize] {
        self.by_subject.get(issuer_key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The anchor this certificate *is* (same subject and key), e.g. a root sent by the server
    /// or a cross-signed copy of a root.
    pub fn equivalent(&self, cert: &Cert) -> Option<usize> {
        self.named(&cert.subject_key)
            .iter()
            .copied()
            .find(|&i| self.list[i].spki_der == cert.spki_der)
    }
}

/// webpki-roots stores the *contents* of the Name and SPKI SEQUENCEs: put the headers back.
fn public_anchor(subject: &[u8], spki: &[u8]) -> Option<Anchor> {
    let subject_der = wrap_sequence(subject);
    let spki_der = wrap_sequence(spki);
    let (_, parsed_name) = X509Name::from_der(&subject_der).ok()?;
    let (_, parsed_spki) = SubjectPublicKeyInfo::from_der(&spki_der).ok()?;
    let (spki, key) = key::read(&parsed_spki);
    Some(Anchor {
        name: name::display(&parsed_name),
        subject_key: name::key(&parsed_name),
        spki,
        spki_der,
        kind: AnchorKind::Public,
        key,
        cert: None,
    })
}

/// DER SEQUENCE header (X.690 §8.1.3) around `content`.
fn wrap_sequence(content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![0x30];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_roots_are_all_readable() {
        let anchors = Anchors::public();
        assert_eq!(anchors.len(), webpki_roots::TLS_SERVER_ROOTS.len());
        assert!(anchors.list.iter().any(|a| a.name.contains("ISRG Root X1")));
    }

    #[test]
    fn wrap_sequence_uses_long_form_above_127() {
        assert_eq!(wrap_sequence(&[1, 2]), vec![0x30, 2, 1, 2]);
        let long = wrap_sequence(&[0; 300]);
        assert_eq!(&long[..4], &[0x30, 0x82, 0x01, 0x2c]);
    }
}
