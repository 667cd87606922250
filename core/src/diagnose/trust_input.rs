//! What the trust input gave (`--trust FILE`, the web app's trusted private CA): facts,
//! gathered by the pipeline and worded here once, for the report's notes and for
//! `no_trusted_certificate`.

use crate::catalogue::Text;
use crate::input::Origin;

/// What reading the trust input found. Its certificates replace the public roots
/// (RFC 5280 §6.1.1 (d): the anchors are the relying party's choice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustInput {
    /// Certificates read: each one is a trust anchor.
    pub anchors: usize,
    /// What the reader noted about the trust files.
    pub reader_notes: Vec<Text>,
    /// Lines that gave no certificate: where, and why.
    pub ignored: Vec<(Origin, Text)>,
    /// Private keys found in the trust files: never used, never shown.
    pub private_keys: usize,
}

impl TrustInput {
    /// What kept certificates out, one clause each: the reader's notes, then the lines
    /// ignored, then the private keys.
    pub fn reasons(&self) -> Vec<Text> {
        let mut reasons = self.reader_notes.clone();
        for (origin, why) in &self.ignored {
            let (line, file) = (origin.line, origin.file + 1);
            reasons.push(crate::text!(
                "input-trust-line-ignored",
                line = line,
                file = file,
                why = why
            ));
        }
        if self.private_keys > 0 {
            let count = self.private_keys;
            reasons.push(crate::text!("input-trust-keys-ignored", count = count));
        }
        reasons
    }

    /// The notes about the trust input: how many anchors, then [`Self::reasons`].
    pub fn notes(&self) -> Vec<Text> {
        let anchors = crate::text!("input-trust-anchors", count = self.anchors);
        std::iter::once(anchors)
            .chain(self.reasons())
            .map(|note| crate::text!("input-trust-note", note = note))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    #[test]
    fn notes_say_the_anchors_then_each_reason_in_order() {
        let origin = Origin { file: 1, line: 7, format: Format::Pem, label: None };
        let input = TrustInput {
            anchors: 0,
            reader_notes: vec![Text::new("a note", "注記")],
            ignored: vec![(origin, Text::new("not base64", "base64 ではない"))],
            private_keys: 2,
        };
        let notes = input.notes();
        assert_eq!(notes[1].ja, "--trust: 注記");
        assert_eq!(
            notes.into_iter().map(|note| note.en).collect::<Vec<_>>(),
            [
                "--trust: 0 certificate(s) used as trust anchors, instead of the public roots",
                "--trust: a note",
                "--trust: line 7 of trust file 2 ignored: not base64",
                "--trust: 2 private key(s) in the trust files were ignored",
            ]
        );
        assert_eq!(input.reasons().len(), 3);
        assert!(TrustInput { anchors: 3, ..TrustInput::default() }.reasons().is_empty());
    }
}
