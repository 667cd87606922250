//! Which lines of a source are looked at: never a line of a PEM block (a certificate body
//! is no message, a private key must never be echoed), and only lines holding a key word.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// Words at least one of which every recognised wording holds (case as printed).
const KEY_WORDS: &[&str] =
    &["certificate", "CERT", "Certificate", "x509", "PEM", "forbidden", "PKIX"];

/// The line holds a key word: worth handing to the recognisers.
pub(super) fn worth_matching(line: &str) -> bool {
    // One searcher per word, built once (`str::contains` builds one per call and line).
    static FINDERS: LazyLock<Vec<Finder<'static>>> =
        LazyLock::new(|| KEY_WORDS.iter().map(|word| Finder::new(word.as_bytes())).collect());
    FINDERS.iter().any(|finder| finder.find(line.as_bytes()).is_some())
}

/// `(line number from 1, line)` of every line outside PEM armor. Armor lines themselves are
/// left out too. A block without its end line hides the rest of the source. (Private keys
/// never reach here: the readers cut them before `Extracted::texts` was kept.)
pub(super) fn outside_pem(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut inside = false;
    text.split('\n').enumerate().filter_map(move |(i, line)| {
        let marker = line.trim();
        if inside {
            inside = !closes(marker);
            return None;
        }
        inside = opens(marker);
        (!inside).then_some((i + 1, line))
    })
}

/// Whether `line` opens a block. A line holding both an END and a later BEGIN
/// (`-----END X----------BEGIN Y-----`) opens one.
fn opens(line: &str) -> bool {
    if !line.contains('-') {
        return false; // the common case, a body line: one memchr instead of two searches
    }
    let Some(begin) = last(line, "-----BEGIN") else { return false };
    last(line, "-----END").is_none_or(|end| end <= begin)
}

/// Whether `line` closes the block: its last marker is an END.
fn closes(line: &str) -> bool {
    if !line.contains('-') {
        return false;
    }
    match (last(line, "-----END"), last(line, "-----BEGIN")) {
        (Some(end), Some(begin)) => end > begin,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Where `marker` last starts in `line`.
fn last(line: &str, marker: &str) -> Option<usize> {
    memchr::memmem::rfind(line.as_bytes(), marker.as_bytes())
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
    fn a_key_without_its_end_hides_the_rest_once_cut() {
        for text in [
            "a\n-----BEGIN PRIVATE KEY-----\nx509: certificate\n",
            "PuTTY-User-Key-File-3: x\nx509\nPrivate-MAC: 0\nb",
        ] {
            let cut = crate::input::source_text(text.as_bytes()).unwrap_or_default();
            let seen: Vec<&str> = outside_pem(&cut).map(|(_, line)| line).collect();
            assert!(seen.iter().all(|line| !line.contains("x509")), "{seen:?}");
            assert_eq!(seen.len(), text.split('\n').count(), "line numbers hold: {seen:?}");
        }
    }

    #[test]
    fn key_words_pick_the_lines() {
        assert!(worth_matching("Post x: x509: certificate signed by unknown authority"));
        assert!(worth_matching("pods \"a\" is forbidden: non-admin user"));
        assert!(!worth_matching("MIIDdzCCAl+gAwIBAgIUQ"));
    }
}
