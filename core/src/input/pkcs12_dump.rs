//! `openssl pkcs12 -nokeys` (or `-nodes`) output: "Bag Attributes" and subject/issuer lines
//! before each PEM block. Keys printed with `-nodes` are noted by the PEM reader.

use super::{pem, Extracted, Scope};

/// Whether `text` is a pkcs12 dump.
pub(super) fn is_dump(text: &str) -> bool {
    text.lines().any(|line| line.trim_start().starts_with("Bag Attributes"))
}

/// Reads the PEM blocks of the dump.
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    pem::parse(text, scope, out);
}
