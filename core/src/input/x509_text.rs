//! `openssl x509 -text` dumps: the certificate bytes are the PEM block after the dump;
//! with `-noout` there is none, and the reader is told how to get it.

use super::{pem, Extracted, Scope};
use crate::catalogue::Text;

/// Note added when a dump has no PEM block at all.
pub(super) fn noout_note() -> Text {
    crate::text!("input-note-noout")
}

/// Whether `text` holds an `openssl x509 -text` dump.
pub(super) fn is_dump(text: &str) -> bool {
    let has_line = |wanted: fn(&str) -> bool| text.lines().any(|line| wanted(line.trim()));
    has_line(|line| line == "Certificate:")
        && has_line(|line| line == "Data:")
        && has_line(|line| line.starts_with("Signature Algorithm:"))
}

/// Reads the PEM blocks of a dump and says when dumps have no PEM.
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    let before = out.blocks.len();
    pem::parse(text, scope, out);
    let blocks = out.blocks.len() - before;
    let dumps = text.lines().filter(|line| line.trim() == "Certificate:").count();
    if blocks == 0 {
        out.notes.push(noout_note());
    } else if dumps > blocks {
        out.notes.push(crate::text!(
            "input-note-dumps-without-pem",
            dumps = dumps,
            blocks = blocks
        ));
    }
}
