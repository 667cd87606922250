//! The files to hand back, and each certificate's role.
//!
//! - `fullchain`: leaf + intermediates in order, no root: what a server sends
//!   (RFC 8446 §4.4.2: the root "MAY be omitted").
//! - `ca_bundle`: intermediates + root: what clients trust for a private CA.
//! - `runner_crt`: GitLab Runner `<host>.crt` (`/etc/gitlab-runner/certs/`): CA certificates
//!   only, PEM only (the runner reads no DER), never the server certificate — unless the
//!   server certificate is self-signed, when it is its own CA.

use crate::cert::{self, Cert};
use crate::chain::{AnchorKind, End, Found, Graph, Shape};
use crate::host::Target;
use crate::membership;
use crate::report::{Bundle, Bundles, Certificate, InputKind, Role, Text, Validity};

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
                pem: c.pem(),
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
    let (en, ja) = if dropped == 0 {
        (
            format!("The trust store as it is: its {total} roots, none expired or repeated. Give it to clients as their CA file."),
            format!("トラストストアそのもの: {total} 枚のルート(期限切れや重複はありません)。クライアントの CA ファイルとして渡します。"),
        )
    } else {
        (
            format!("The trust store without its {dropped} expired or repeated certificate(s): {} roots, in the input's order. Give it to clients as their CA file in place of the original.", kept.len()),
            format!("期限切れまたは重複の証明書 {dropped} 枚を除いたトラストストア: {} 枚のルートを入力の順に並べたもの。元のファイルの代わりにクライアントの CA ファイルとして渡します。", kept.len()),
        )
    };
    Bundle {
        filename: "ca-bundle.pem".into(),
        pem: pem_of(graph, &kept),
        certificates: kept,
        description: Text::new(en, ja),
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
    let (en, ja) = if incomplete {
        ("Server chain: the leaf and the intermediates found, in order. If the missing issuer is an intermediate, add it after the last certificate.", "サーバー用チェーン: リーフと見つかった中間証明書を正しい順に並べたもの。不足している発行者が中間証明書なら、最後の証明書の後に追加してください。")
    } else {
        ("Server chain: the leaf, then each intermediate, without the root. Use it as nginx ssl_certificate, Apache SSLCertificateFile (2.4.8+), or GitLab's /etc/gitlab/ssl/<host>.crt.", "サーバー用チェーン: リーフ、続いて各中間証明書(ルートなし)。nginx の ssl_certificate、Apache の SSLCertificateFile(2.4.8 以降)、GitLab の /etc/gitlab/ssl/<host>.crt に使います。")
    };
    Bundle {
        filename: "fullchain.pem".into(),
        certificates: certs.to_vec(),
        pem: pem_of(graph, certs) + &trusted_intermediate.map(Cert::pem).unwrap_or_default(),
        description: Text::new(en, ja),
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
            pem.push_str(&cert.pem());
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

    fn note(&self) -> (String, String) {
        if let (Some(root), false) = (&self.public_root, self.has_root) {
            return (
                format!(" The chain ends at the public root {root}, which clients already trust: only clients without it need this file."),
                format!(" チェーンは公的ルート {root} で終わり、クライアントは既に信頼しています。このファイルはそれを持たないクライアントにだけ必要です。"),
            );
        }
        let (en, ja) = match (self.has_root, self.from_trust) {
            (true, true) => (" The root is the trusted CA you gave (--trust, or the web app's trusted private CA).", " ルートは指定された信頼する CA(--trust、または Web アプリの「信頼するプライベート CA」)から取りました。"),
            (true, false) => ("", ""),
            (false, _) => (" The root CA is not in the input: Go (GitLab Runner) and curl 7.68+ with OpenSSL accept an intermediate alone as their trust anchor, but OpenSSL's own tools (openssl verify, s_client without -partial_chain) and Python's ssl module before 3.13 need the root too: add it.", " ルート CA が入力にありません。Go(GitLab Runner)や OpenSSL 版の curl 7.68 以降は中間証明書だけでも信頼の起点にできますが、OpenSSL 自身のツール(openssl verify、-partial_chain なしの s_client)や Python 3.13 より前の ssl モジュールにはルートも必要です。追加してください。"),
        };
        (en.to_string(), ja.to_string())
    }

    fn bundle(&self) -> Bundle {
        let (note_en, note_ja) = self.note();
        let en = format!("CA bundle: the chain's CA certificates (intermediates, then the root), what clients that must trust this CA use (curl --cacert, git http.sslCAInfo, the system trust store).{note_en}");
        let ja = format!("CA バンドル: チェーンの CA 証明書(中間証明書、続いてルート)。この CA を信頼する必要があるクライアントが使います(curl --cacert、git http.sslCAInfo、システムのトラストストア)。{note_ja}");
        Bundle {
            filename: "ca-bundle.pem".into(),
            certificates: self.certs.clone(),
            pem: self.pem.clone(),
            description: Text::new(en, ja),
        }
    }

    /// GitLab Runner reads `<host>.crt` — host without the port — from its certs directory.
    fn runner(&self, name: &RunnerName) -> Bundle {
        let host = match name {
            RunnerName::Host(host) => host.as_str(),
            RunnerName::Refused(_) | RunnerName::Unknown => "ca",
        };
        let (mut note_en, mut note_ja) = self.note();
        if let RunnerName::Refused(leaf_name) = name {
            let shown = crate::escape::visible(leaf_name);
            note_en += &format!(" The leaf's name {shown:?} is not a host name, so certchain does not use it in a file name: rename ca.crt to <host>.crt for the host the runner connects to, or give the host (--host).");
            note_ja += &format!(" リーフの名前 {shown:?} はホスト名ではないため、ファイル名には使いません。ca.crt を Runner の接続先ホストに合わせて <host>.crt に名前を変えるか、ホストを指定してください(--host)。");
        }
        let en = format!("GitLab Runner CA file: save as /etc/gitlab-runner/certs/{host}.crt (runner as root) or ~/.gitlab-runner/certs/{host}.crt, or pass it with --tls-ca-file. CA certificates only, PEM.{note_en}");
        let ja = format!("GitLab Runner 用 CA ファイル: /etc/gitlab-runner/certs/{host}.crt(root で実行)または ~/.gitlab-runner/certs/{host}.crt に保存するか、--tls-ca-file で指定します。CA 証明書のみ・PEM 形式です。{note_ja}");
        Bundle {
            filename: format!("{host}.crt"),
            certificates: self.certs.clone(),
            pem: self.pem.clone(),
            description: Text::new(en, ja),
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
