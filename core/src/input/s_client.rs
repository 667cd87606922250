//! `openssl s_client` transcripts (OpenSSL 1.0, 1.1 and 3.x): the PEM blocks, plus what
//! the "Certificate chain" section and the `Verify return code` line say.

use super::newlines::line_start;
use super::{pem, Extracted, SClientInfo, Scope, SentCertificate};

/// Whether `text` is (or contains) an `openssl s_client` transcript.
pub(super) fn is_transcript(text: &str) -> bool {
    text.lines().any(|line| {
        let trimmed = line.trim();
        trimmed.starts_with("CONNECTED(")
            || trimmed == "Certificate chain"
            || trimmed == "Server certificate"
            || trimmed.starts_with("Verify return code:")
            || trimmed.starts_with("SSL handshake has read")
    })
}

/// Reads the PEM blocks and the transcript's metadata (the first transcript wins).
pub(super) fn parse(text: &str, scope: &Scope, out: &mut Extracted) {
    let before = out.blocks.len();
    pem::parse(text, scope, out);
    let info = read_info(text, out.blocks.len() - before);
    if !info.showcerts && info.sent.len() > 1 {
        let sent = info.sent.len();
        out.notes.push(crate::text!("input-note-without-showcerts", sent = sent));
    }
    if out.s_client.is_none() {
        out.s_client = Some(info);
    }
}

/// The metadata of a transcript that shows `pem_blocks` PEM blocks.
fn read_info(text: &str, pem_blocks: usize) -> SClientInfo {
    let sent = sent_certificates(text);
    let (verify_code, verify_text) = match verify_result(text) {
        Some((code, text)) => (Some(code), Some(text)),
        None => (None, None),
    };
    // With -showcerts every sent certificate is printed; without, only the first.
    let showcerts = sent.len() > 1 && pem_blocks == sent.len();
    SClientInfo { sent, showcerts, verify_code, verify_text }
}

/// The ` N s:subject` / `   i:issuer` pairs after the `Certificate chain` line, until `---`.
/// 1.1+ prints `s:CN = x`; 1.0 printed `s:/CN=x`: both are kept as printed.
fn sent_certificates(text: &str) -> Vec<SentCertificate> {
    // The section is looked for from the first place its title occurs at all.
    let Some(title) = memchr::memmem::find(text.as_bytes(), b"Certificate chain") else {
        return Vec::new();
    };
    let mut lines = text[line_start(text, title)..].lines().map(str::trim);
    if !lines.any(|line| line == "Certificate chain") {
        return Vec::new();
    }
    let mut sent: Vec<SentCertificate> = Vec::new();
    for line in lines.take_while(|line| *line != "---") {
        if let Some(entry) = subject_line(line) {
            sent.push(entry);
        } else if let (Some(issuer), Some(last)) = (line.strip_prefix("i:"), sent.last_mut()) {
            if last.issuer.is_empty() {
                last.issuer = issuer.to_owned();
            }
        }
    }
    sent
}

/// ` 0 s:CN = gitlab.example.com` -> depth 0, subject.
fn subject_line(line: &str) -> Option<SentCertificate> {
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // the depth comes first (lines are trimmed)
    }
    let (depth, subject) = line.split_once(" s:")?;
    let depth = depth.trim().parse().ok()?;
    Some(SentCertificate { depth, subject: subject.to_owned(), issuer: String::new() })
}

/// `Verify return code: 21 (unable to verify the first certificate)`: the first one.
fn verify_result(text: &str) -> Option<(i64, String)> {
    const PREFIX: &str = "Verify return code:";
    // Only the lines where the words occur are read (one search of the whole text).
    memchr::memmem::find_iter(text.as_bytes(), PREFIX.as_bytes()).find_map(|at| {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let line = &text[line_start(text, at)..end];
        let rest = line.trim().strip_prefix(PREFIX)?.trim();
        let (code, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        let reason = reason.trim().trim_start_matches('(').trim_end_matches(')');
        Some((code.parse().ok()?, reason.to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENSSL_1_0: &str = "CONNECTED(00000003)\n---\nCertificate chain\n \
        0 s:/CN=gitlab.example.com\n   i:/O=Example/CN=Example CA\n \
        1 s:/O=Example/CN=Example CA\n   i:/O=Example/CN=Root\n---\n\
        Server certificate\n---\n    Verify return code: 21 (unable to verify the first certificate)\n";

    #[test]
    fn reads_the_old_slash_format_and_the_verify_line() {
        let info = read_info(OPENSSL_1_0, 0);
        assert_eq!(info.sent.len(), 2);
        assert_eq!(info.sent[0].depth, 0);
        assert_eq!(info.sent[0].subject, "/CN=gitlab.example.com");
        assert_eq!(info.sent[1].issuer, "/O=Example/CN=Root");
        assert_eq!(info.verify_code, Some(21));
        assert_eq!(info.verify_text.as_deref(), Some("unable to verify the first certificate"));
        assert!(!info.showcerts);
        assert!(read_info(OPENSSL_1_0, 2).showcerts);
    }

    #[test]
    fn detects_transcripts_by_their_own_lines_only() {
        assert!(is_transcript(OPENSSL_1_0));
        assert!(is_transcript("depth=0 CN = x\nverify return:1\nCONNECTED(00000005)\n"));
        assert!(!is_transcript("Here is my certificate chain, and the server certificate:"));
    }

    #[test]
    fn without_chain_section_or_verify_line_fields_stay_empty() {
        let info = read_info("CONNECTED(00000003)\nno more\n", 0);
        assert_eq!(info, SClientInfo::default());
        assert_eq!(verify_result("Verify return code: x (y)"), None);
    }
}
