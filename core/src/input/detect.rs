//! Which form a source is in (its encoding, then its layout), and handing it to the
//! reader of that form. Every text form is read with the same `parse(&str, &Scope, ..)`.

use std::borrow::Cow;

use super::newlines::normalize_newlines;
use super::{
    base64_raw, binary, k8s_secret, pem, pkcs12_dump, private_key, s_client, secrets, x509_text,
    Extracted, Format, Scope, Source,
};
use crate::catalogue::Text;

/// Reads one source into `out`, pushing its form onto `out.formats`.
pub(super) fn read_source(file: usize, source: &Source, out: &mut Extracted) {
    match decode(&source.bytes) {
        Some(text) => {
            // Keys are cut before any reader sees the text (`secrets`): only their kind and
            // line are kept.
            let whole = normalize_newlines(&text);
            let (text, keys) = secrets::cut_keys(&whole);
            let format = text_form(&text);
            for key in keys {
                // Cutting keeps the line breaks: the line counts the same in both texts.
                let line = whole[..key.start].matches('\n').count() + 1;
                let scope = Scope::new(file, format);
                private_key::note(out, key.kind, &scope, line, key.label.as_deref());
            }
            read_text(file, source, format, &text, out);
            out.texts.push(Some(text));
        }
        None => {
            out.texts.push(None);
            let format = binary::form(&source.bytes);
            out.formats.push(format);
            binary::parse(&source.bytes, &Scope::new(file, format), out);
        }
    }
}

/// The form of a text source.
fn text_form(text: &str) -> Format {
    if s_client::is_transcript(text) {
        Format::SClient
    } else if x509_text::is_dump(text) {
        Format::X509Text
    } else if pkcs12_dump::is_dump(text) {
        Format::Pkcs12Dump
    } else if pem::is_armored(text) {
        if pem::labels(text).all(pem::is_pkcs7_label) {
            Format::Pkcs7Pem
        } else {
            Format::Pem
        }
    } else if k8s_secret::is_secret(text) {
        Format::K8sSecret
    } else if base64_raw::is_base64(text) {
        Format::Base64
    } else {
        Format::Pem
    }
}

fn read_text(file: usize, source: &Source, format: Format, text: &str, out: &mut Extracted) {
    out.formats.push(format);
    if text.trim().is_empty() {
        let name = source_name(file, source);
        out.notes.push(crate::text!("input-note-empty", source = name));
        return;
    }
    let scope = Scope::new(file, format);
    let before = findings(out);
    match format {
        Format::SClient => s_client::parse(text, &scope, out),
        Format::X509Text => x509_text::parse(text, &scope, out),
        Format::Pkcs12Dump => pkcs12_dump::parse(text, &scope, out),
        Format::K8sSecret => k8s_secret::parse(text, &scope, out),
        Format::Base64 => base64_raw::parse(text, &scope, out),
        Format::Pem | Format::Pkcs7Pem | Format::Der | Format::Pkcs7Der => {
            pem::parse(text, &scope, out)
        }
    }
    if findings(out) == before {
        out.notes.push(nothing_found(&source_name(file, source), text));
    }
}

/// Why a text source gave nothing: a BEGIN CERTIFICATE line whose armor is broken is named
/// as such (RFC 7468 §2: five dashes, the label, five dashes, on one line), not as absent.
fn nothing_found(name: &Text, text: &str) -> Text {
    if text.contains("BEGIN CERTIFICATE") {
        crate::text!("input-note-broken-armor", source = name)
    } else {
        crate::text!("input-note-nothing-found", source = name)
    }
}

/// Everything reading can add, counted or kept; unchanged means nothing was found.
fn findings(out: &Extracted) -> [usize; 8] {
    [
        out.blocks.len(),
        out.problems.len(),
        out.private_keys.len(),
        out.notes.len(),
        out.over_count,
        out.oversized.0,
        out.problems_over[0],
        out.problems_over[1],
    ]
}

/// The source's file name (the same in every language), or `input #N`.
fn source_name(file: usize, source: &Source) -> Text {
    match &source.name {
        Some(name) => Text::verbatim(name),
        None => crate::text!("input-unnamed-source", number = file + 1),
    }
}

/// The text of a source, or `None` for binary. A UTF-8 BOM is dropped; UTF-16 with a BOM
/// (what Windows PowerShell's `>` writes) is decoded; other non-UTF-8 bytes are binary,
/// unless they are not DER and hold PEM armor (PEM with Latin-1 prose around it).
pub(super) fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Some(String::from_utf8_lossy(rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Some(utf16(rest, u16::from_le_bytes).into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Some(utf16(rest, u16::from_be_bytes).into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Some(text.into()),
        _ if binary::form(bytes) == Format::Der && has_armor(bytes) && !starts_like_der(bytes) => {
            Some(String::from_utf8_lossy(bytes))
        }
        _ => None,
    }
}

fn has_armor(bytes: &[u8]) -> bool {
    bytes.windows(11).any(|window| window == b"-----BEGIN ")
}

fn starts_like_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && super::ber::read(bytes).is_ok()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair.first().copied().unwrap_or(0), pair.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf16_become_text() {
        assert_eq!(decode(b"\xef\xbb\xbfabc").unwrap(), "abc");
        let le: Vec<u8> =
            "\u{feff}-----BEGIN X".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), "-----BEGIN X");
        let be: Vec<u8> = "\u{feff}héllo".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), "héllo");
    }

    #[test]
    fn non_utf8_is_binary_unless_it_is_pem_with_latin1_prose() {
        assert!(decode(&[0x30, 0x82, 0x01, 0x00]).is_none());
        assert!(decode(b"abc\0def").is_none());
        let latin1 = b"Voil\xe0 le certificat:\n-----BEGIN CERTIFICATE-----\n";
        assert!(decode(latin1).unwrap().contains("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn forms_are_told_apart() {
        assert_eq!(text_form("-----BEGIN PKCS7-----\n-----END PKCS7-----\n"), Format::Pkcs7Pem);
        assert_eq!(text_form("-----BEGIN CERTIFICATE-----\n"), Format::Pem);
        assert_eq!(text_form("Bag Attributes\n-----BEGIN CERTIFICATE-----\n"), Format::Pkcs12Dump);
        assert_eq!(text_form(&"TUlJ".repeat(30)), Format::Base64);
        assert_eq!(text_form("  ca.crt: LS0tLS1CRUdJTiBDRVJU\n"), Format::K8sSecret);
        assert_eq!(text_form("hello"), Format::Pem);
    }
}
