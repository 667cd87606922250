//! Name constraints (RFC 5280 §4.2.1.10): the subtrees a CA restricts the names below it to,
//! and the names of a certificate they apply to.

use x509_parser::extensions::{GeneralName, NameConstraints as Parsed};
use x509_parser::x509::X509Name;

use super::name;

/// One permitted or excluded subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subtree {
    /// dNSName: a host and everything below it (lowercase).
    Dns(String),
    /// iPAddress: address and mask, 4+4 or 16+16 bytes.
    Ip {
        /// The network address.
        addr: Vec<u8>,
        /// The mask.
        mask: Vec<u8>,
    },
    /// rfc822Name: a mailbox, a host, or `.domain`.
    Email(String),
    /// uniformResourceIdentifier: a host or `.domain`.
    Uri(String),
    /// directoryName: RDN comparison keys of a name prefix.
    Dir(Vec<String>),
    /// A form certchain does not compare (otherName, x400Address...), by name.
    Other(&'static str),
}

/// The name constraints of a CA.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameConstraints {
    /// permittedSubtrees.
    pub permitted: Vec<Subtree>,
    /// excludedSubtrees.
    pub excluded: Vec<Subtree>,
    /// Why the extension itself is malformed, if it is.
    pub malformed: Option<Malformed>,
}

/// Why a NameConstraints extension is malformed (RFC 5280 §4.2.1.10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// It cannot be parsed (empty subtrees?).
    Unparsable,
    /// It has neither permitted nor excluded subtrees.
    Empty,
    /// A dNSName constraint that is not a host name (nor a leading-dot domain), as written.
    DnsNotHost(String),
    /// An iPAddress constraint that is not an address with a CIDR mask: its length in bytes.
    IpNotCidr(usize),
    /// A subtree of an undefined type, or one that cannot be read.
    Subtree,
}

/// The names of a certificate that constraints apply to (§4.2.1.10: subject and SANs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// dNSName SANs, as written.
    pub dns: Vec<String>,
    /// iPAddress SANs, raw octets.
    pub ip: Vec<Vec<u8>>,
    /// rfc822Name SANs.
    pub email: Vec<String>,
    /// URI SANs.
    pub uri: Vec<String>,
    /// The subject (when not empty) and directoryName SANs, as RDN keys.
    pub dirs: Vec<Vec<String>>,
    /// Name forms present that certchain does not compare.
    pub other: Vec<&'static str>,
}

/// Read a parsed NameConstraints extension.
pub fn read(parsed: &Parsed<'_>) -> NameConstraints {
    let subtrees =
        |list: &Option<Vec<x509_parser::extensions::GeneralSubtree<'_>>>| -> Vec<Subtree> {
            list.iter().flatten().map(|s| subtree(&s.base)).collect()
        };
    let (permitted, excluded) =
        (subtrees(&parsed.permitted_subtrees), subtrees(&parsed.excluded_subtrees));
    // §4.2.1.10: "Conforming CAs MUST NOT issue certificates where name constraints is an
    // empty sequence. That is, either the permittedSubtrees field or the excludedSubtrees
    // MUST be present."
    let malformed = (permitted.is_empty() && excluded.is_empty())
        .then_some(Malformed::Empty)
        .or_else(|| permitted.iter().chain(&excluded).find_map(malformed));
    NameConstraints { permitted, excluded, malformed }
}

fn subtree(name: &GeneralName<'_>) -> Subtree {
    match name {
        GeneralName::DNSName(d) => Subtree::Dns(d.to_ascii_lowercase()),
        GeneralName::IPAddress(b) => {
            let half = b.len() / 2;
            Subtree::Ip {
                addr: b.get(..half).unwrap_or_default().to_vec(),
                mask: b.get(half..).unwrap_or_default().to_vec(),
            }
        }
        // The local part of a mailbox compares with case (RFC 5280 §4.2.1.10, §7.5): kept as is.
        GeneralName::RFC822Name(m) => Subtree::Email(m.to_string()),
        GeneralName::URI(u) => Subtree::Uri(u.to_ascii_lowercase()),
        GeneralName::DirectoryName(n) => Subtree::Dir(rdn_keys(n)),
        other => Subtree::Other(form_name(other)),
    }
}

/// §4.2.1.10: a dNSName constraint is a host name ("host.example.com"), or, as Go, OpenSSL
/// and NSS read it, a leading-dot domain (".example.com": its subdomains only); an iPAddress
/// constraint is an address with a CIDR mask of the same length.
fn malformed(subtree: &Subtree) -> Option<Malformed> {
    match subtree {
        Subtree::Dns(d) if d.contains('*') || d.trim_start_matches('.').starts_with('.') => {
            Some(Malformed::DnsNotHost(d.clone()))
        }
        Subtree::Ip { addr, mask }
            if !(addr.len() == 4 || addr.len() == 16) || !contiguous(mask) =>
        {
            Some(Malformed::IpNotCidr(addr.len() * 2))
        }
        // An undefined GeneralName type or unreadable content: malformed DER. Go refuses a
        // critical NameConstraints it cannot handle, OpenSSL the certificate.
        Subtree::Other(form) if *form == UNREADABLE => Some(Malformed::Subtree),
        _ => None,
    }
}

fn contiguous(mask: &[u8]) -> bool {
    let bits: Vec<bool> =
        mask.iter().flat_map(|b| (0..8).rev().map(move |i| b & (1 << i) != 0)).collect();
    bits.windows(2).all(|w| w[0] || !w[1])
}

/// The RDN comparison keys of a name, most significant first.
pub fn rdn_keys(name: &X509Name<'_>) -> Vec<String> {
    name::key(name).split('\u{2}').filter(|k| !k.is_empty()).map(str::to_string).collect()
}

/// The constrained names of a certificate: its subject and its SANs.
pub fn names(subject: &X509Name<'_>, sans: &[GeneralName<'_>]) -> Names {
    let mut out = Names::default();
    let subject = rdn_keys(subject);
    if !subject.is_empty() {
        out.dirs.push(subject);
    }
    for san in sans {
        match san {
            GeneralName::DNSName(d) => out.dns.push(d.to_string()),
            GeneralName::IPAddress(b) => out.ip.push(b.to_vec()),
            GeneralName::RFC822Name(m) => out.email.push(m.to_string()),
            GeneralName::URI(u) => out.uri.push(u.to_string()),
            GeneralName::DirectoryName(n) => out.dirs.push(rdn_keys(n)),
            other => out.other.push(form_name(other)),
        }
    }
    out
}

/// The form name of a GeneralName x509-parser could not read.
const UNREADABLE: &str = "an unreadable name";

fn form_name(name: &GeneralName<'_>) -> &'static str {
    match name {
        GeneralName::OtherName(..) => "otherName",
        GeneralName::X400Address(_) => "x400Address",
        GeneralName::EDIPartyName(_) => "ediPartyName",
        GeneralName::RegisteredID(_) => "registeredID",
        GeneralName::Invalid(..) => UNREADABLE,
        GeneralName::DNSName(_) => "dNSName",
        GeneralName::IPAddress(_) => "iPAddress",
        GeneralName::RFC822Name(_) => "rfc822Name",
        GeneralName::URI(_) => "uniformResourceIdentifier",
        GeneralName::DirectoryName(_) => "directoryName",
    }
}
