//! The files to hand back, and each certificate's role.
//!
//! - `fullchain`: leaf + intermediates in order, no root: what a server sends
//!   (RFC 8446 §4.4.2: the root "MAY be omitted").
//! - `ca_bundle`: intermediates + root: what clients trust for a private CA.
//! - `runner_crt`: GitLab Runner `<host>.crt` (`/etc/gitlab-runner/certs/`): CA certificates
//!   only, PEM only (the runner reads no DER), never the server certificate — unless the
//!   server certificate is self-signed, when it is its own CA.

use crate::cert::{self, Cert};
use crate::chain::InputKind;
use crate::chain::{AnchorKind, End, Found, Graph, Shape};
use crate::host::Target;
use crate::membership;

mod output;

pub use output::{Bundle, Bundles, Certificate, Role, Trust, Validity};

/// The role of every certificate, in input order.
pub fn roles(graph: &Graph<'_>, shape: &Shape, chain: &[usize], on_paths: &[usize]) -> Vec<Role> {
    let len = graph.certs.len();
    let (leaves, on_paths) = (membership(len, &shape.leaves), membership(len, on_paths));
    let chain_set = membership(len, chain);
    (0..len)
        .map(|i| {
            if graph.first_copy[i] != i {
                Role::Duplicate
            } else if chain.first() == Some(&i) && shape.kind == InputKind::ServerChain {
                Role::Leaf
            } else if leaves[i] {
                Role::OtherLeaf
            } else if graph.self_signed(i) {
                Role::Root
            } else if shape.kind != InputKind::ServerChain {
                Role::Ca
            } else if chain_set[i] || on_paths[i] {
                Role::Intermediate
            } else {
                Role::Unrelated
            }
        })
        .collect()
}

/// The readable summary of every certificate. Consumes the certificates, so a large input
/// is not held twice.
pub fn summaries(
    certs: Vec<Cert>,
    roles: &[Role],
    self_signed: &[bool],
    first_copy: &[usize],
    now: i64,
) -> Vec<Certificate> {
    certs
        .into_iter()
        .zip(roles)
        .map(|(c, &role)| {
            let i = c.index;
            Certificate {
                sha1: cert::sha1_hex(&c.der),
                pem: c.pem().to_owned(),
                validity: validity(&c, now),
                signature_algorithm: c.sig_alg.name(),
                ski: c.ext.ski.as_deref().map(crate::hex),
                aki: c.ext.aki.as_deref().map(crate::hex),
                index: i,
                sha256: c.sha256,
                subject: c.subject,
                issuer: c.issuer,
                common_name: c.common_name,
                serial: c.serial,
                sans: c.ext.sans.unwrap_or_default(),
                key: c.key,
                basic_constraints: c.ext.basic_constraints,
                key_usage: c.ext.key_usage,
                extended_key_usage: c.ext.extended_key_usage,
                aia: c.ext.aia,
                self_signed: self_signed.get(i).copied().unwrap_or(false),
                role,
                duplicate_of: first_copy.get(i).copied().filter(|&f| f != i),
                source: c.origin,
                fetched_from: None,
            }
        })
        .collect()
}

fn validity(c: &Cert, now: i64) -> Validity {
    Validity {
        not_before: crate::cert::rfc3339(c.not_before),
        not_after: crate::cert::rfc3339(c.not_after),
        not_before_unix: c.not_before,
        not_after_unix: c.not_after,
        days_left: (c.not_after - now).div_euclid(86_400),
    }
}

/// The recommended files for the best path; for a trust store, the store itself, cleaned.
pub fn bundles(
    graph: &Graph<'_>,
    kind: InputKind,
    best: Option<&Found>,
    target: Option<&Target>,
    now: i64,
) -> Bundles {
    let none = Bundles { fullchain: None, ca_bundle: None, runner_crt: None };
    if kind == InputKind::TrustStore {
        return Bundles { ca_bundle: Some(store_bundle(graph, now)), ..none };
    }
    let Some(best) = best else { return none };
    let certs = &best.certs;
    let root_in_input = matches!(best.end, End::SelfSigned | End::Anchor(_))
        && certs.last().is_some_and(|&t| graph.self_signed(t));
    let self_signed_leaf = certs.len() == 1 && root_in_input;
    let host = match target {
        Some(t) => RunnerName::Host(t.host.clone()),
        None => leaf_host(graph, best),
    };
    match kind {
        InputKind::ServerChain => {
            let served =
                if root_in_input && !self_signed_leaf { certs.len() - 1 } else { certs.len() };
            let ca_certs = if self_signed_leaf { certs.clone() } else { certs[1..].to_vec() };
            let ca = CaFile::new(graph, ca_certs, best.end, root_in_input);
            let public = matches!(best.end, End::Anchor(a) if graph.anchors.get(a).is_some_and(|x| x.kind == AnchorKind::Public));
            Bundles {
                fullchain: Some(fullchain(graph, &certs[..served], best.end, certs)),
                ca_bundle: (!ca.is_empty()).then(|| ca.bundle()),
                runner_crt: (!public && !ca.is_empty()).then(|| ca.runner(&host)),
            }
        }
        InputKind::CaBundle => {
            let ca = CaFile::new(graph, certs.clone(), best.end, root_in_input);
            Bundles {
                fullchain: None,
                ca_bundle: Some(ca.bundle()),
                runner_crt: Some(ca.runner(&host)),
            }
        }
        InputKind::TrustStore | InputKind::Empty => none,
    }
}

/// A trust store without its copies and its expired roots (RFC 5280 §4.1.2.5: OpenSSL and
/// Go refuse a path that ends at one, so they validate nothing), in input order. Roots not
/// yet valid are kept: they will be.
fn store_bundle(graph: &Graph<'_>, now: i64) -> Bundle {
    let total = graph.certs.len();
    let kept: Vec<usize> = graph.unique().filter(|&i| graph.certs[i].not_after >= now).collect();
    let dropped = total - kept.len();
    let description = if dropped == 0 {
        crate::text!("recommend-store-bundle", total = total)
    } else {
        crate::text!("recommend-store-bundle-cleaned", dropped = dropped, kept = kept.len())
    };
    Bundle {
        filename: "ca-bundle.pem".into(),
        pem: pem_of(graph, &kept),
        certificates: kept,
        description,
    }
}

fn pem_of(graph: &Graph<'_>, certs: &[usize]) -> String {
    certs.iter().map(|&i| graph.certs[i].pem()).collect()
}

/// `path`: the whole path, to find a trusted intermediate that is not in the input (its
/// certificate came with `--trust`): the server must send it all the same.
fn fullchain(graph: &Graph<'_>, certs: &[usize], end: End, path: &[usize]) -> Bundle {
    let trusted_intermediate = anchor_to_add(graph, path, end).filter(|c| !c.self_issued());
    let incomplete = matches!(end, End::Missing | End::Loop);
    let description = if incomplete {
        crate::text!("recommend-fullchain-incomplete")
    } else {
        crate::text!("recommend-fullchain")
    };
    Bundle {
        filename: "fullchain.pem".into(),
        certificates: certs.to_vec(),
        pem: pem_of(graph, certs) + trusted_intermediate.map(Cert::pem).unwrap_or_default(),
        description,
    }
}

/// The certificate of the user's anchor a path ends at, when it must be added to the files:
/// a CA (a pinned server certificate is no CA file) whose very certificate is not already
/// the last one of the path (a cross-signed copy with the same key is not the same file).
fn anchor_to_add<'g>(graph: &'g Graph<'_>, certs: &[usize], end: End) -> Option<&'g Cert> {
    let End::Anchor(a) = end else { return None };
    let cert = graph.anchors.get(a)?.cert.as_deref().filter(|c| c.is_ca())?;
    let already = certs.last().is_some_and(|&t| graph.certs[t].sha256 == cert.sha256);
    (!already).then_some(cert)
}

/// The CA certificates clients need: from the input, plus the user's anchor certificate
/// when the chain ends at one (`--trust root.pem`: its bytes are at hand).
struct CaFile {
    certs: Vec<usize>,
    pem: String,
    has_root: bool,
    from_trust: bool,
    public_root: Option<String>,
}

impl CaFile {
    fn new(graph: &Graph<'_>, certs: Vec<usize>, end: End, root_in_input: bool) -> CaFile {
        let anchor = if root_in_input { None } else { anchor_to_add(graph, &certs, end) };
        let mut pem = pem_of(graph, &certs);
        if let Some(cert) = anchor {
            pem.push_str(cert.pem());
        }
        let public_root = match end {
            End::Anchor(a) => graph.anchors.get(a).filter(|x| x.kind == AnchorKind::Public),
            _ => None,
        };
        CaFile {
            certs,
            pem,
            has_root: root_in_input || anchor.is_some_and(|c| c.self_issued()),
            from_trust: anchor.is_some(),
            public_root: public_root.map(|x| x.name.clone()),
        }
    }

    fn is_empty(&self) -> bool {
        self.pem.is_empty()
    }

    /// What the files say of their root (`$root` of `recommend-ca-root`), and the public
    /// root's name (`$public_root`, empty unless the root is a public one not in the file).
    fn root(&self) -> (&'static str, &str) {
        if let (Some(root), false) = (&self.public_root, self.has_root) {
            return ("public", root);
        }
        let kind = match (self.has_root, self.from_trust) {
            (true, true) => "trusted",
            (true, false) => "present",
            (false, _) => "missing",
        };
        (kind, "")
    }

    fn bundle(&self) -> Bundle {
        let (root, public_root) = self.root();
        Bundle {
            filename: "ca-bundle.pem".into(),
            certificates: self.certs.clone(),
            pem: self.pem.clone(),
            description: crate::text!(
                "recommend-ca-bundle",
                root = root,
                public_root = public_root
            ),
        }
    }

    /// GitLab Runner reads `<host>.crt` — host without the port — from its certs directory.
    fn runner(&self, name: &RunnerName) -> Bundle {
        let host = match name {
            RunnerName::Host(host) => host.as_str(),
            RunnerName::Refused(_) | RunnerName::Unknown => "ca",
        };
        let (root, public_root) = self.root();
        let (refused, leaf_name) = match name {
            RunnerName::Refused(leaf_name) => {
                ("refused", format!("{:?}", crate::escape::visible(leaf_name)))
            }
            RunnerName::Host(_) | RunnerName::Unknown => ("host", String::new()),
        };
        let description = crate::text!(
            "recommend-runner-crt",
            host = host,
            root = root,
            public_root = public_root,
            name = refused,
            leaf_name = leaf_name,
        );
        Bundle {
            filename: format!("{host}.crt"),
            certificates: self.certs.clone(),
            pem: self.pem.clone(),
            description,
        }
    }
}

/// The host the runner's `<host>.crt` is named after.
enum RunnerName {
    /// A host name or IP address: the user's, or the leaf's once `Target::read` accepts it.
    Host(String),
    /// The leaf's name, which is not a host name (`../x`, `$(cmd)`, a line break…): a name
    /// from a certificate goes into file names and commands only through the grammar of a
    /// host the user types, so the file is `ca.crt`.
    Refused(String),
    /// No host given and no name on the leaf.
    Unknown,
}

/// The first non-wildcard DNS name of the leaf, or its CN when it looks like a host name
/// (it has a dot and no space), checked as a host the user typed would be.
fn leaf_host(graph: &Graph<'_>, best: &Found) -> RunnerName {
    let Some(leaf) = best.certs.first().map(|&i| &graph.certs[i]) else {
        return RunnerName::Unknown;
    };
    let sans = leaf.ext.sans.as_ref();
    let name = sans
        .and_then(|s| s.dns.iter().find(|d| !d.contains('*')).cloned())
        .or_else(|| leaf.common_name.clone().filter(|cn| !cn.contains(' ') && cn.contains('.')));
    let Some(name) = name else { return RunnerName::Unknown };
    match Target::read(&name) {
        Ok(target) if target.port.is_none() && !name.contains(['/', '@', '?', '#']) => {
            RunnerName::Host(target.host)
        }
        _ => RunnerName::Refused(name),
    }
}
