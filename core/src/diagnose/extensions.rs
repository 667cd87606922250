//! Extensions a client cannot accept, on every certificate of a path but the trusted top
//! (a name and a key, RFC 5280 §6.1.1 (d)): unknown critical ones, repeated ones and
//! malformed ones (§4.2).

use super::Finding;
use super::{is_trusted_top, joined, Context};
use crate::catalogue::Text;
use crate::cert::extensions::Malformed;
use crate::cert::Cert;
use crate::chain::Found;
use crate::code::Code;
use crate::code::Severity;

/// Path rule.
pub fn check(ctx: &Context<'_>, found: &Found) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, &i) in found.certs.iter().enumerate() {
        if is_trusted_top(ctx, found, pos) {
            continue;
        }
        let cert = &ctx.graph.certs[i];
        if !cert.ext.unknown_critical.is_empty() {
            out.push(unknown_critical(cert));
        }
        if !cert.ext.duplicated.is_empty() {
            out.push(duplicated(cert));
        }
        if !cert.ext.malformed.is_empty() {
            out.push(malformed(cert));
        }
    }
    out
}

/// RFC 5280 §4.2: a certificate with an unrecognised critical extension must be rejected.
fn unknown_critical(cert: &Cert) -> Finding {
    let oids = cert.ext.unknown_critical.join(", ");
    finding_on!(Code::UnknownCriticalExtension, Severity::Error, cert, oids = oids)
}

/// RFC 5280 §4.2: an extension must not appear twice (Go refuses to parse such a certificate).
fn duplicated(cert: &Cert) -> Finding {
    let oids = cert.ext.duplicated.join(", ");
    finding_on!(Code::DuplicateExtension, Severity::Error, cert, oids = oids)
}

/// §4.2.1.6: a malformed subjectAltName. OpenSSL refuses the certificate; Go skips a name
/// of undefined type but refuses an extension it cannot parse. certchain follows the
/// stricter, so a chain it calls valid is one both accept.
fn malformed(cert: &Cert) -> Finding {
    let why: Vec<Text> = cert.ext.malformed.iter().map(why).collect();
    let why = joined(&why, "; ");
    finding_on!(Code::MalformedExtension, Severity::Error, cert, why = why)
}

/// Why an extension is malformed, as the message says it.
fn why(malformed: &Malformed) -> Text {
    let (why, tag) = match *malformed {
        Malformed::SanDer => ("san-der", 0),
        Malformed::SanUnreadable(tag) => ("san-unreadable", tag),
        Malformed::SanUndefined(tag) => ("san-undefined", tag),
    };
    crate::text!("malformed_extension-why", why = why, tag = tag)
}
