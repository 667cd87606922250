//! The issuer graph: which certificate (or anchor) may have signed which, with every
//! signature checked at most once.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::anchors::Anchors;
use super::signature::{self, Verdict};
use crate::cert::Cert;

/// Something that can sign a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Issuer {
    /// A certificate of the input, by index.
    Cert(usize),
    /// A trust anchor, by index in the anchor set.
    Anchor(usize),
}

/// Certificates indexed by subject, duplicates folded, signatures cached.
pub struct Graph<'a> {
    /// Every parsed certificate, in input order.
    pub certs: &'a [Cert],
    /// The trust anchors in force.
    pub anchors: &'a Anchors,
    /// For each certificate, the index of its first copy (itself when it is the first).
    pub first_copy: Vec<usize>,
    by_subject: HashMap<&'a str, Vec<usize>>,
    verdicts: RefCell<HashMap<(usize, Issuer), Verdict>>,
    budget: Cell<usize>,
    exhausted: Cell<bool>,
}

impl<'a> Graph<'a> {
    /// Index the certificates. Only first copies take part in path building. At most
    /// `max_signatures` signatures are checked (webpki bounds its search the same way: a
    /// hostile bundle of same-named CAs otherwise costs n² checks).
    pub fn new(certs: &'a [Cert], anchors: &'a Anchors, max_signatures: usize) -> Self {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut first_copy = Vec::with_capacity(certs.len());
        let mut by_subject: HashMap<&str, Vec<usize>> = HashMap::new();
        for cert in certs {
            let first = *seen.entry(cert.sha256.as_str()).or_insert(cert.index);
            first_copy.push(first);
            if first == cert.index {
                by_subject.entry(cert.subject_key.as_str()).or_default().push(cert.index);
            }
        }
        Graph {
            certs,
            anchors,
            first_copy,
            by_subject,
            verdicts: RefCell::default(),
            budget: Cell::new(max_signatures),
            exhausted: Cell::new(false),
        }
    }

    /// The signature budget ran out: some links were not checked.
    pub fn exhausted(&self) -> bool {
        self.exhausted.get()
    }

    /// Indices of first copies, in input order.
    pub fn unique(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.certs.len()).filter(|&i| self.first_copy[i] == i)
    }

    /// Certificates whose subject equals `cert`'s issuer (RFC 5280 §6.1.4 (a) name chaining),
    /// those whose SKI matches its AKI first (§4.2.1.1), never `cert` itself.
    pub fn named_issuers(&self, child: usize) -> Vec<usize> {
        let cert = &self.certs[child];
        let mut found: Vec<usize> = self
            .by_subject
            .get(cert.issuer_key.as_str())
            .map(|v| v.iter().copied().filter(|&i| i != child).collect())
            .unwrap_or_default();
        found.sort_by_key(|&i| !self.key_ids_match(child, i));
        found
    }

    fn key_ids_match(&self, child: usize, issuer: usize) -> bool {
        let (aki, ski) = (&self.certs[child].ext.aki, &self.certs[issuer].ext.ski);
        matches!((aki, ski), (Some(a), Some(s)) if a == s)
    }

    /// `issuer` may have signed `child` by names and key identifiers alone (no signature
    /// check): §4.2.1.1 key identifiers, when both are present, must agree.
    pub fn may_have_signed(&self, child: usize, issuer: usize) -> bool {
        let (aki, ski) = (&self.certs[child].ext.aki, &self.certs[issuer].ext.ski);
        !matches!((aki, ski), (Some(a), Some(s)) if a != s)
    }

    /// Check (once) whether `issuer` signed `child`.
    pub fn verdict(&self, child: usize, issuer: Issuer) -> Verdict {
        if let Some(v) = self.verdicts.borrow().get(&(child, issuer)) {
            return v.clone();
        }
        if self.budget.get() == 0 {
            self.exhausted.set(true);
            return Verdict::Skipped;
        }
        self.budget.set(self.budget.get() - 1);
        let cert = &self.certs[child];
        let key = match issuer {
            Issuer::Cert(i) => &self.certs[i].spki,
            Issuer::Anchor(a) => match self.anchors.get(a) {
                Some(anchor) => &anchor.spki,
                None => return Verdict::Invalid,
            },
        };
        let v = signature::verify(key, &cert.sig_alg, cert.tbs(), &cert.signature);
        self.verdicts.borrow_mut().insert((child, issuer), v.clone());
        v
    }

    /// An end-entity certificate that is not self-signed: trusted as its own anchor (RFC 5280
    /// §6.1.1 (d) allows it), it pins itself instead of trusting the CA that issued it.
    pub fn could_pin(&self, i: usize) -> bool {
        !self.certs[i].is_ca() && !self.self_signed(i)
    }

    /// Self-issued and signed by its own key (RFC 5280 §3.2: a self-signed certificate).
    ///
    /// RFC 5280 §4.2.1.1: a self-signed certificate may omit the AKI, and when present it
    /// names the signing key. A self-issued certificate with no AKI, or with AKI equal to its
    /// own SKI, is taken as self-signed without checking the signature: a root's
    /// self-signature protects nothing (§6.1.1 (d)), and skipping it keeps a 144-root trust
    /// store fast. Only an AKI without SKI leaves the signature to decide; an AKI naming
    /// another key (a key-rollover certificate) is not self-signed.
    pub fn self_signed(&self, i: usize) -> bool {
        let cert = &self.certs[i];
        if !cert.self_issued() {
            return false;
        }
        match (&cert.ext.aki, &cert.ext.ski) {
            (None, _) => true,
            (Some(aki), Some(ski)) => aki == ski,
            (Some(_), None) => self.verdict(i, Issuer::Cert(i)) != Verdict::Invalid,
        }
    }

    /// The verified issuers of `child`: anchors first, then certificates. A link whose
    /// algorithm certchain cannot check is kept (its verdict says so).
    pub fn issuers(&self, child: usize) -> Vec<(Issuer, Verdict)> {
        let issuer_key = self.certs[child].issuer_key.as_str();
        let anchors = self.anchors.named(issuer_key).iter().map(|&a| Issuer::Anchor(a));
        let certs = self.named_issuers(child).into_iter().map(Issuer::Cert);
        anchors
            .chain(certs)
            .map(|issuer| (issuer, self.verdict(child, issuer)))
            .filter(|(_, v)| !matches!(v, Verdict::Invalid | Verdict::Skipped))
            .collect()
    }

    /// Certificates named as the issuer of `child` whose signature check failed.
    pub fn rejected_issuers(&self, child: usize) -> Vec<usize> {
        self.named_issuers(child)
            .into_iter()
            .filter(|&i| self.verdict(child, Issuer::Cert(i)) == Verdict::Invalid)
            .collect()
    }

    /// `a` and `b` are the same CA: same subject and same key (cross-signed copies).
    pub fn same_entity(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.certs[a], &self.certs[b]);
        a.subject_key == b.subject_key && a.spki_der == b.spki_der
    }
}
