//! Distinguished names: display and comparison.
//!
//! RFC 5280 §7.1: names are compared attribute by attribute; DirectoryString values are
//! compared after RFC 4518 string preparation. We apply its essentials: case folding,
//! leading/trailing space removal and collapsing of inner whitespace runs. RDNs with
//! several attributes are compared as sets.

use x509_parser::der_parser::asn1_rs::Tag;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

/// A comparison key for a name: equal keys mean equal names under RFC 5280 §7.1.
pub type NameKey = String;

/// Build the comparison key of a name.
pub fn key(name: &X509Name<'_>) -> NameKey {
    let mut out = String::new();
    for rdn in name.iter_rdn() {
        let mut avas: Vec<String> = rdn.iter().map(ava_key).collect();
        avas.sort();
        out.push_str(&avas.join("\u{1}"));
        out.push('\u{2}');
    }
    out
}

fn ava_key(ava: &AttributeTypeAndValue<'_>) -> String {
    // The OID's DER bytes identify it as well as its dotted form, and are far cheaper.
    let oid = crate::hex(ava.attr_type().as_bytes());
    match directory_string(ava) {
        Some(text) => format!("{oid}={}", prepare(&text)),
        None => format!("{oid}#{}", crate::hex(ava.attr_value().data)),
    }
}

/// Decode the DirectoryString forms of RFC 5280 §4.1.2.4 (and IA5String).
fn directory_string(ava: &AttributeTypeAndValue<'_>) -> Option<String> {
    let value = ava.attr_value();
    let data = value.data;
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            std::str::from_utf8(data).ok().map(str::to_string)
        }
        Tag::TeletexString => Some(data.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> =
                data.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&units).ok()
        }
        Tag::UniversalString => data
            .chunks_exact(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
            .collect(),
        _ => None,
    }
}

/// RFC 4518 §2 essentials: fold case, trim, collapse inner whitespace.
fn prepare(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The name as text, most significant RDN first (`C=US, O=Example, CN=Example CA`).
pub fn display(name: &X509Name<'_>) -> String {
    let parts: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|ava| {
                    let label = short_label(ava.attr_type());
                    let value = directory_string(ava)
                        .unwrap_or_else(|| format!("#{}", crate::hex(ava.attr_value().data)));
                    format!("{label}={value}")
                })
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect();
    parts.join(", ")
}

/// The last common name in the subject, the one clients display.
pub fn common_name(name: &X509Name<'_>) -> Option<String> {
    name.iter_common_name().last().and_then(|ava| directory_string(ava))
}

/// RFC 4514 §3 short names of the common attribute types (matched on the OID's DER bytes).
fn short_label(oid: &x509_parser::der_parser::Oid<'_>) -> String {
    let known = match oid.as_bytes() {
        [0x55, 0x04, 0x03] => "CN",
        [0x55, 0x04, 0x06] => "C",
        [0x55, 0x04, 0x07] => "L",
        [0x55, 0x04, 0x08] => "ST",
        [0x55, 0x04, 0x09] => "STREET",
        [0x55, 0x04, 0x0a] => "O",
        [0x55, 0x04, 0x0b] => "OU",
        [0x55, 0x04, 0x05] => "serialNumber",
        [0x55, 0x04, 0x61] => "organizationIdentifier",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "UID",
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress",
        _ => return oid.to_id_string(),
    };
    known.to_string()
}

#[cfg(test)]
mod tests {
    use super::prepare;

    #[test]
    fn prepare_folds_case_and_whitespace() {
        assert_eq!(prepare("  Example   CA\t Root "), "example ca root");
        assert_ne!(prepare("Example CA"), prepare("Example-CA"));
    }
}
