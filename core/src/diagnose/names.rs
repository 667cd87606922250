//! Name constraints along a path (RFC 5280 §4.2.1.10, applied by §6.1.3 (b)(c) and
//! §6.1.4 (g)): every CA's permitted and excluded subtrees bind the names of every
//! certificate below it, including the anchor's when the user's anchor certificate has them.

use super::Finding;
use super::{label, Context};
use crate::catalogue::Text;
use crate::cert::constraints::{Malformed, NameConstraints, Names, Subtree};
use crate::cert::Cert;
use crate::chain::{End, Found};
use crate::code::Code;
use crate::code::Severity;

/// Most name comparisons for one path (Go's crypto/x509 stops at 250,000 too): a crafted
/// certificate with thousands of names and subtrees must not stall the analysis.
const MAX_COMPARISONS: usize = 250_000;

/// Path rule.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let certs: Vec<&Cert> = found.certs.iter().map(|&i| &ctx.graph.certs[i]).collect();
    let mut out = Vec::new();
    if let Some(leaf) = certs.first().filter(|c| c.ext.name_constraints.is_some() && !c.is_ca()) {
        let why = crate::text!("name_constraint_violation-why", why = "leaf");
        out.push(violation(&crate::text!("name_constraint_violation-itself"), leaf, why));
    }
    let mut budget = MAX_COMPARISONS;
    for (pos, ca) in certs.iter().enumerate().skip(1) {
        if let Some(nc) = &ca.ext.name_constraints {
            out.extend(apply(&Text::verbatim(label(ca)), nc, &certs[..pos], &mut budget));
        }
    }
    if let End::Anchor(a) = found.end {
        let anchor = ctx.graph.anchors.get(a).and_then(|x| x.cert.as_deref());
        if let Some((cert, nc)) =
            anchor.and_then(|c| c.ext.name_constraints.as_ref().map(|nc| (c, nc)))
        {
            let name = crate::text!("name_constraint_violation-anchor", subject = cert.subject);
            out.extend(apply(&name, nc, &certs, &mut budget));
        }
    }
    out
}

/// Check every certificate below a CA; self-issued intermediates are exempt (§6.1.3 (b)).
fn apply(ca: &Text, nc: &NameConstraints, below: &[&Cert], budget: &mut usize) -> Vec<Finding> {
    if let Some(why) = &nc.malformed {
        let why = crate::text!(
            "name_constraint_violation-why",
            why = "malformed",
            detail = malformed(why)
        );
        return vec![violation_at(ca, below.first().copied(), why)];
    }
    below
        .iter()
        .enumerate()
        .filter(|(pos, c)| *pos == 0 || !c.self_issued())
        .filter_map(|(_, c)| breach(nc, &c.ext.names, budget).map(|why| violation(ca, c, why)))
        .collect()
}

/// The first name of `names` outside `nc`, as a reason.
fn breach(nc: &NameConstraints, names: &Names, budget: &mut usize) -> Option<Text> {
    let candidates = names_of(names);
    let subtrees = nc.permitted.len() + nc.excluded.len();
    let cost = candidates.len() * subtrees;
    if cost > *budget {
        return Some(crate::text!(
            "name_constraint_violation-why",
            why = "too-many",
            names = candidates.len(),
            subtrees = subtrees,
            limit = MAX_COMPARISONS,
        ));
    }
    *budget -= cost;
    for name in &candidates {
        if let Some(why) = unparsable(name) {
            return Some(why);
        }
        if nc.excluded.iter().any(|s| excluded_by(s, name)) {
            return Some(why(name, "excluded"));
        }
        let same_form: Vec<&Subtree> =
            nc.permitted.iter().filter(|s| name.form() == form(s)).collect();
        if !same_form.is_empty() && !same_form.iter().any(|s| permitted_by(s, name)) {
            return Some(why(name, "outside"));
        }
    }
    None
}

/// One name of a certificate, of one form.
enum Name<'a> {
    Dns(&'a str),
    Ip(&'a [u8]),
    Email(&'a str),
    Uri(&'a str),
    Dir(&'a [String]),
    Other(&'static str),
}

impl Name<'_> {
    fn form(&self) -> &'static str {
        match self {
            Name::Dns(_) => "dns",
            Name::Ip(_) => "ip",
            Name::Email(_) => "email",
            Name::Uri(_) => "uri",
            Name::Dir(_) => "dir",
            Name::Other(f) => f,
        }
    }

    /// The name as a message says it: `DNS name "example.com"`.
    fn describe(&self) -> Text {
        let (form, value) = match self {
            Name::Dns(d) => ("dns", d.to_string()),
            Name::Ip(b) => ("ip", crate::hex(b)),
            Name::Email(m) => ("email", m.to_string()),
            Name::Uri(u) => ("uri", u.to_string()),
            Name::Dir(_) => ("dir", String::new()),
            Name::Other(f) => ("other", f.to_string()),
        };
        crate::text!("name_constraint_violation-name", form = form, value = value)
    }
}

/// Why `name` breaks the constraints: `why` is excluded, outside or unparsable.
fn why(name: &Name<'_>, why: &str) -> Text {
    crate::text!("name_constraint_violation-why", why = why, name = name.describe())
}

fn names_of(n: &Names) -> Vec<Name<'_>> {
    let dns = n.dns.iter().map(|d| Name::Dns(d));
    let ip = n.ip.iter().map(|b| Name::Ip(b));
    let email = n.email.iter().map(|m| Name::Email(m));
    let uri = n.uri.iter().map(|u| Name::Uri(u));
    let dir = n.dirs.iter().map(|d| Name::Dir(d));
    let other = n.other.iter().map(|f| Name::Other(f));
    dns.chain(ip).chain(email).chain(uri).chain(dir).chain(other).collect()
}

fn form(s: &Subtree) -> &'static str {
    match s {
        Subtree::Dns(_) => "dns",
        Subtree::Ip { .. } => "ip",
        Subtree::Email(_) => "email",
        Subtree::Uri(_) => "uri",
        Subtree::Dir(_) => "dir",
        Subtree::Other(f) => f,
    }
}

fn permitted_by(s: &Subtree, name: &Name<'_>) -> bool {
    match (s, name) {
        // A wildcard's names are one label below its base: `*.example.com` is compared as a
        // name of three labels, as Go and OpenSSL compare it.
        (Subtree::Dns(c), Name::Dns(d)) => dns_within(d, c),
        (Subtree::Ip { addr, mask }, Name::Ip(ip)) => ip_within(ip, addr, mask),
        (Subtree::Email(c), Name::Email(m)) => email_within(m, c),
        (Subtree::Uri(c), Name::Uri(u)) => host_within(&uri_host(u), c),
        (Subtree::Dir(prefix), Name::Dir(rdns)) => rdns.starts_with(prefix),
        // A form certchain cannot compare is never shown to be inside.
        _ => false,
    }
}

fn excluded_by(s: &Subtree, name: &Name<'_>) -> bool {
    match (s, name) {
        // A wildcard may name any host one label below its base: it is excluded when the
        // excluded subtree is such a host, too (RFC 9525 §6.3; CVE-2025-61727). It covers
        // exactly one label: `*.com` cannot name `foo.example.com`.
        (Subtree::Dns(c), Name::Dns(d)) => dns_within(d, c) || wildcard_covers(d, c),
        (Subtree::Ip { addr, mask }, Name::Ip(ip)) => ip_within(ip, addr, mask),
        (Subtree::Email(c), Name::Email(m)) => email_within(m, c),
        (Subtree::Uri(c), Name::Uri(u)) => host_within(&uri_host(u), c),
        (Subtree::Dir(prefix), Name::Dir(rdns)) => rdns.starts_with(prefix),
        (Subtree::Other(a), Name::Other(b)) => a == b,
        _ => false,
    }
}

/// Whether the wildcard `d` can name the host `c` (an excluded subtree without a leading
/// dot): `c` is one label, then `d`'s base. DNS names compare without case (RFC 4343).
fn wildcard_covers(d: &str, c: &str) -> bool {
    let Some(base) = d.strip_prefix("*.") else { return false };
    let base = base.trim_end_matches('.').to_ascii_lowercase();
    let c = c.trim_end_matches('.').to_ascii_lowercase();
    c.split_once('.').is_some_and(|(label, rest)| !label.is_empty() && rest == base)
}

/// A name a name-constrained chain may not hold at all. Go (GitLab Runner) rejects any chain
/// with name constraints whose certificates hold a dNSName or rfc822Name it cannot parse,
/// whatever forms the constraints name (crypto/x509 isValid: "cannot parse dnsName");
/// OpenSSL compares such a name only against subtrees of its own form. certchain follows Go,
/// the stricter: a chain it calls valid is one both accept.
fn unparsable(name: &Name<'_>) -> Option<Text> {
    let parsable = match name {
        Name::Dns(d) => parsable_dns(d),
        Name::Email(m) => parsable_mailbox(m),
        _ => true,
    };
    (!parsable).then(|| why(name, "unparsable"))
}

/// Go's domainToReverseLabels: labels not empty, no final dot, printable ASCII only (a
/// wildcard `*` is a label like any other).
fn parsable_dns(d: &str) -> bool {
    d.is_empty()
        || d.split('.').all(|l| !l.is_empty() && l.bytes().all(|b| (33..=126).contains(&b)))
}

/// A mailbox (RFC 5280 §4.2.1.6, RFC 2821 §4.1.2): a local part, '@', a parsable domain.
fn parsable_mailbox(m: &str) -> bool {
    m.rsplit_once('@').is_some_and(|(local, host)| {
        !local.is_empty()
            && !host.is_empty()
            && parsable_dns(host)
            && local.bytes().all(|b| (32..=126).contains(&b))
    })
}

/// §4.2.1.10: "any DNS name that can be constructed by simply adding zero or more labels to
/// the left-hand side of the name satisfies the name constraint". A constraint with a
/// leading dot (`.example.com`) takes one label or more: subdomains only, not
/// `example.com` itself (Go's matchDomainConstraint, OpenSSL's nc_dns, NSS). DNS names
/// compare without case (RFC 4343).
fn dns_within(name: &str, constraint: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let c = constraint.trim_end_matches('.').to_ascii_lowercase();
    match c.strip_prefix('.') {
        Some(domain) => name.ends_with(&c) && name.len() > c.len() && !domain.is_empty(),
        None => c.is_empty() || name == c || name.ends_with(&format!(".{c}")),
    }
}

fn ip_within(ip: &[u8], addr: &[u8], mask: &[u8]) -> bool {
    ip.len() == addr.len()
        && ip.len() == mask.len()
        && ip.iter().zip(addr).zip(mask).all(|((i, a), m)| i & m == a & m)
}

/// rfc822Name constraints: a mailbox, a host, or `.domain` for any host below it
/// (RFC 5280 §4.2.1.10). The local part compares exactly, with case; only the host part is
/// case-insensitive (§7.5, as Go's matchEmailConstraint and OpenSSL's nc_email do).
fn email_within(mailbox: &str, c: &str) -> bool {
    if let Some((local, host)) = c.rsplit_once('@') {
        return mailbox
            .rsplit_once('@')
            .is_some_and(|(l, h)| l == local && h.eq_ignore_ascii_case(host));
    }
    let host = mailbox.rsplit_once('@').map_or(mailbox, |(_, h)| h);
    host_within(host, c)
}

/// A host within a host constraint (`host.example.com`) or a domain one (`.example.com`:
/// any host below it), without case.
fn host_within(host: &str, c: &str) -> bool {
    let (host, c) = (host.to_ascii_lowercase(), c.to_ascii_lowercase());
    match c.strip_prefix('.') {
        Some(_) => host.ends_with(&c),
        None => host == c,
    }
}

/// Leniently: a URI whose host the strict reader refuses is still compared, not let through.
fn uri_host(uri: &str) -> String {
    crate::host::lenient_host(uri)
}

/// Why a NameConstraints extension is malformed, as the message says it.
fn malformed(why: &Malformed) -> Text {
    let (malformed, detail) = match why {
        Malformed::Unparsable => ("unparsable", String::new()),
        Malformed::Empty => ("empty", String::new()),
        Malformed::DnsNotHost(d) => ("dns", d.clone()),
        Malformed::IpNotCidr(bytes) => ("ip", bytes.to_string()),
        Malformed::Subtree => ("subtree", String::new()),
    };
    crate::text!("name_constraint_violation-malformed", malformed = malformed, detail = detail)
}

fn violation(ca: &Text, cert: &Cert, why: Text) -> Finding {
    violation_at(ca, Some(cert), why)
}

fn violation_at(ca: &Text, cert: Option<&Cert>, why: Text) -> Finding {
    let (subject, certs) = match cert {
        Some(c) => (Text::verbatim(label(c)), vec![c.index]),
        None => (crate::text!("name_constraint_violation-chain"), Vec::new()),
    };
    finding!(
        Code::NameConstraintViolation,
        Severity::Error,
        certs,
        subject = subject,
        ca = ca,
        why = why,
    )
}
