//! What the trust input gave (`--trust FILE`, the web app's trusted private CA): facts,
//! gathered by the pipeline and worded here once, for the report's notes and for
//! `no_trusted_certificate`.

use crate::input::Origin;

/// What reading the trust input found. Its certificates replace the public roots
/// (RFC 5280 §6.1.1 (d): the anchors are the relying party's choice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustInput {
    /// Certificates read: each one is a trust anchor.
    pub anchors: usize,
    /// What the reader noted about the trust files (English, as every input note).
    pub reader_notes: Vec<String>,
    /// Lines that gave no certificate: where, and why (English).
    pub ignored: Vec<(Origin, String)>,
    /// Private keys found in the trust files: never used, never shown.
    pub private_keys: usize,
}

impl TrustInput {
    /// What kept certificates out, one English clause each: the reader's notes, then the
    /// lines ignored, then the private keys.
    pub fn reasons(&self) -> Vec<String> {
        let mut reasons = self.reader_notes.clone();
        for (origin, why) in &self.ignored {
            let (line, file) = (origin.line, origin.file + 1);
            reasons.push(
                crate::text!("input-trust-line-ignored", line = line, file = file, why = why).en,
            );
        }
        if self.private_keys > 0 {
            let count = self.private_keys;
            reasons.push(crate::text!("input-trust-keys-ignored", count = count).en);
        }
        reasons
    }

    /// The report's notes about the trust input, in English like every input note
    /// (`InputReport::notes`): how many anchors, then [`Self::reasons`].
    pub fn notes(&self) -> Vec<String> {
        let anchors = crate::text!("input-trust-anchors", count = self.anchors).en;
        std::iter::once(anchors)
            .chain(self.reasons())
            .map(|note| crate::text!("input-trust-note", note = note).en)
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
            reader_notes: vec!["a note".to_owned()],
            ignored: vec![(origin, "not base64".to_owned())],
            private_keys: 2,
        };
        assert_eq!(
            input.notes(),
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
