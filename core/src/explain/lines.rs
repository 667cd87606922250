//! Which lines of a source are looked at: never a line of a PEM block (a certificate body
//! is no message, a private key must never be echoed), and only lines holding a key word.

use crate::input::key_start;

/// Words at least one of which every recognised wording holds (case as printed).
const KEY_WORDS: &[&str] =
    &["certificate", "CERT", "Certificate", "x509", "PEM", "forbidden", "PKIX"];

/// The line holds a key word: worth handing to the recognisers.
pub(super) fn worth_matching(line: &str) -> bool {
    KEY_WORDS.iter().any(|word| line.contains(word))
}

/// `(line number from 1, line)` of every line outside PEM armor and private-key files
/// (OpenSSH, SSH2, PuTTY). Armor lines themselves are left out too. A block without its end
/// line hides the rest of the source.
pub(super) fn outside_pem(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end: Option<&'static str> = None;
    text.split('\n').enumerate().filter_map(move |(i, line)| {
        let marker = line.trim();
        match end {
            Some(stop) => {
                if closes(marker, stop) {
                    end = None;
                }
                None
            }
            None => {
                end = opens(marker);
                end.is_none().then_some((i + 1, line))
            }
        }
    })
}

/// When `line` opens a block, the prefix of the line that closes it. A line holding both an
/// END and a later BEGIN (`-----END X----------BEGIN Y-----`) opens a block.
fn opens(line: &str) -> Option<&'static str> {
    if let Some(stop) = key_start(line) {
        return Some(stop);
    }
    let begin = line.rfind("-----BEGIN")?;
    match line.rfind("-----END") {
        Some(end) if end > begin => None,
        _ => Some("-----END"),
    }
}

fn closes(line: &str, stop: &str) -> bool {
    if stop != "-----END" {
        return line.starts_with(stop);
    }
    match (line.rfind("-----END"), line.rfind("-----BEGIN")) {
        (Some(end), Some(begin)) => end > begin,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<usize> {
        outside_pem(text).map(|(n, _)| n).collect()
    }

    #[test]
    fn pem_blocks_and_their_armor_are_skipped() {
        let text = "a\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\nb\n";
        assert_eq!(numbers(text), [1, 5, 6]);
    }

    #[test]
    fn glued_blocks_stay_skipped_until_the_last_end() {
        let text = "-----BEGIN CERTIFICATE-----\nx509 x\n-----END CERTIFICATE----------BEGIN CERTIFICATE-----\nx509 y\n-----END CERTIFICATE-----\nz";
        assert_eq!(numbers(text), [6]);
    }

    #[test]
    fn a_key_without_its_end_hides_the_rest() {
        assert_eq!(numbers("a\n-----BEGIN PRIVATE KEY-----\nx509: certificate\n"), [1]);
        assert_eq!(numbers("PuTTY-User-Key-File-3: x\nx509\nPrivate-MAC: 0\nb"), [4]);
    }

    #[test]
    fn key_words_pick_the_lines() {
        assert!(worth_matching("Post x: x509: certificate signed by unknown authority"));
        assert!(worth_matching("pods \"a\" is forbidden: non-admin user"));
        assert!(!worth_matching("MIIDdzCCAl+gAwIBAgIUQ"));
    }
}
