//! Private keys in a text: found once, by one routine, and cut out before anything else
//! reads the text. The readers (`pem`, `s_client`, `k8s_secret`…), the error-message
//! excerpts (`explain`) and the web app's permalink all see the text only after
//! [`cut_keys`], so no reader and no excerpt can echo a byte of a key, whatever form it
//! came in: PEM armor anywhere on a line (after a log prefix, an e-mail `> `, inside a JSON
//! string with `\n` escapes), SSH2 and PuTTY key files, or base64 of a PEM or DER key (a
//! Kubernetes `tls.key: LS0t…`, a kubeconfig `client-key-data`).

use super::b64::{self, is_base64_character};
use super::newlines::line_start;
use super::{ber, pem, private_key};

/// What a cut key leaves in the text (its line breaks are kept, so line numbers hold).
pub const KEY_REMOVED: &str = "[private key removed]";

/// A private key in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpan {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Human name of its form (`PKCS#8`, `EC (SEC1)`…).
    pub kind: String,
    /// The PEM label or the key name that announced it, when there was one.
    pub label: Option<String>,
}

/// Shortest base64 run decoded to look for a key (the smallest key, Ed25519 PKCS#8, is 64
/// characters of base64).
const MIN_BASE64_RUN: usize = 64;

/// Every private key of `text`, in order, without overlap.
pub fn key_spans(text: &str) -> Vec<KeySpan> {
    let mut spans = Vec::new();
    armored(text, &mut spans);
    marked_files(text, &mut spans);
    unarmored_begin(text, &mut spans);
    encoded(text, &mut spans);
    spans.sort_by_key(|span| span.start);
    spans.dedup_by(|later, earlier| later.start < earlier.end);
    spans
}

/// `text` with every key replaced by [`KEY_REMOVED`] and as many line breaks as it held,
/// and the keys that were cut.
pub fn cut_keys(text: &str) -> (String, Vec<KeySpan>) {
    let spans = key_spans(text);
    if spans.is_empty() {
        return (text.to_string(), spans);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in &spans {
        out.push_str(&text[at..span.start]);
        out.push_str(KEY_REMOVED);
        out.extend(text[span.start..span.end].matches('\n'));
        at = span.end;
    }
    out.push_str(&text[at..]);
    (out, spans)
}

/// `text` without its private keys (see [`cut_keys`]): for text that leaves the analysis.
pub fn without_private_keys(text: &str) -> String {
    cut_keys(text).0
}

/// PEM armor whose label names a private key (RFC 7468 §10, §11; OpenSSL, OpenSSH, PGP),
/// from BEGIN to its END, or to the next BEGIN when it has none.
fn armored(text: &str, spans: &mut Vec<KeySpan>) {
    for armor in pem::armors(text) {
        let end = armor.end.map_or(armor.next_begin, |(_, _, after)| after);
        let body = text.get(armor.body_start..end).unwrap_or_default();
        if let Some(kind) = private_key::pem_kind(armor.label, body) {
            let label = Some(armor.label.to_string());
            spans.push(KeySpan { start: armor.begin, end, kind, label });
        }
    }
}

/// PuTTY key files (from `PuTTY-User-Key-File-` to `Private-MAC:`) and SSH2 armor with four
/// dashes (RFC 4716 style), line by line; a file without its last line runs to the end.
fn marked_files(text: &str, spans: &mut Vec<KeySpan>) {
    // Two searches of the whole text spare the line-by-line walk of nearly every input.
    if !text.contains("PuTTY-User-Key-File-") && !text.contains("---- BEGIN SSH2") {
        return;
    }
    let mut open: Option<(usize, &'static str, &'static str)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let marker = line.trim();
        match open {
            None => {
                open = if marker.starts_with("PuTTY-User-Key-File-") {
                    Some((at, "PuTTY", "Private-MAC:"))
                } else if marker.starts_with("---- BEGIN SSH2") && marker.contains("PRIVATE KEY") {
                    Some((at, "SSH2 (ssh.com)", "---- END SSH2"))
                } else {
                    None
                };
            }
            Some((start, kind, stop)) if marker.starts_with(stop) => {
                let end = at + line.trim_end_matches(['\n', '\r']).len();
                spans.push(KeySpan { start, end, kind: kind.into(), label: None });
                open = None;
            }
            Some(_) => {}
        }
        at += line.len();
    }
    if let Some((start, kind, _)) = open {
        spans.push(KeySpan { start, end: text.len(), kind: kind.into(), label: None });
    }
}

/// `BEGIN … PRIVATE KEY` without the five dashes armor needs (a log cut the line, a tool
/// wrote its own marker): everything to the next `END … PRIVATE KEY` line, or to the end.
fn unarmored_begin(text: &str, spans: &mut Vec<KeySpan>) {
    let mut from = 0;
    while let Some(found) = text[from..].find("PRIVATE KEY") {
        let at = from + found;
        let first = line_start(text, at);
        from = at + "PRIVATE KEY".len();
        let Some(begin) = text[first..at].rfind("BEGIN").map(|b| first + b) else {
            continue;
        };
        let end = text[from..]
            .find("END")
            .and_then(|e| {
                let rest = &text[from + e..];
                let line_end = rest.find('\n').unwrap_or(rest.len());
                rest[..line_end].contains("PRIVATE KEY").then_some(from + e + line_end)
            })
            .unwrap_or(text.len());
        spans.push(KeySpan { start: begin, end, kind: "unknown form".into(), label: None });
        from = end;
    }
}

/// Runs of base64 that decode to a PEM private key or to a DER private key.
fn encoded(text: &str, spans: &mut Vec<KeySpan>) {
    let bytes = text.as_bytes();
    let mut next_line = 0;
    for line_end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        let (start, line) = (next_line, &bytes[next_line..line_end]);
        next_line = line_end + 1;
        // A run never crosses a line break: a shorter line holds none.
        if line.len() < MIN_BASE64_RUN {
            continue;
        }
        // A line all of base64 (a PEM body line) is one run, found in one branch-free pass.
        if line.iter().fold(true, |all, &byte| all & is_base64_character(byte)) {
            key_in_run(text, start, line_end, spans);
            continue;
        }
        for run in line.split(|&byte| !is_base64_character(byte)) {
            // `run` is a sub-slice of `line`: its offset is the distance between their starts.
            let run_start = start + (run.as_ptr() as usize - line.as_ptr() as usize);
            if run.len() >= MIN_BASE64_RUN {
                key_in_run(text, run_start, run_start + run.len(), spans);
            }
        }
    }
}

/// Records the key that the base64 run `text[start..end]` holds, if it holds one.
fn key_in_run(text: &str, start: usize, end: usize, spans: &mut Vec<KeySpan>) {
    let Some(run) = text.get(start..end) else { return };
    if let Some(kind) = may_hold_key(run).then(|| decoded_key(run)).flatten() {
        let label = key_name_before(&text[..start]);
        spans.push(KeySpan { start, end, kind, label });
    }
}

/// `tls.key` in `  tls.key: ` or `"tls.key": "` just before a value on its line.
fn key_name_before(head: &str) -> Option<String> {
    let line = head.rsplit('\n').next()?;
    let key = line.trim_end().strip_suffix(':').or_else(|| line.trim_end().strip_suffix(": \""))?;
    let key = key.trim().trim_start_matches("- ").trim_matches(['"', '\'']);
    let plain =
        !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    plain.then(|| key.to_string())
}

/// Whether a base64 run can hold a key, judged from its first 12 bytes: a DER key starts
/// with a SEQUENCE (X.690 §8.9, identifier 0x30) and armor is text, so the bytes are the start
/// of valid UTF-8 ([`decoded_key`] asks no more). Lines of certificate bodies seldom pass, so
/// few runs are decoded whole; a head that does not decode on its own is decoded whole.
fn may_hold_key(run: &str) -> bool {
    use base64::Engine as _;
    let mut head = [0u8; 12];
    let standard = base64::engine::general_purpose::STANDARD;
    let decoded = run.get(..16).map(|chars| standard.decode_slice(chars, &mut head));
    let Some(Ok(12)) = decoded else { return true };
    let utf8_start = match std::str::from_utf8(&head) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    };
    head.first() == Some(&0x30) || utf8_start
}

/// The kind of key a base64 run holds: PEM armor naming a private key, or DER shaped like one.
fn decoded_key(run: &str) -> Option<String> {
    let bytes = b64::decode_lines([(1, run)]).ok()?;
    if let Ok(inner) = std::str::from_utf8(&bytes) {
        let inner_spans = key_spans(inner);
        return inner_spans.into_iter().next().map(|span| span.kind);
    }
    let (tlv, _) = ber::read(&bytes).ok()?;
    private_key::der_kind(&tlv).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = include_str!("../../../tests/fixtures/inputs/leaf.pem");
    const KEY: &str = include_str!("../../../tests/fixtures/inputs/leaf.key");
    const RSA_KEY: &str = include_str!("../../../tests/fixtures/inputs/leaf-rsa-pkcs1.key");
    const EC_KEY: &str = include_str!("../../../tests/fixtures/inputs/ec-sec1.key");

    /// The key's body lines: none may survive.
    fn body_lines(key: &str) -> Vec<&str> {
        key.lines().filter(|l| !l.starts_with("-----") && l.len() > 16).collect()
    }

    fn assert_cut(text: &str, key: &str) {
        let cut = without_private_keys(text);
        for line in body_lines(key) {
            assert!(!cut.contains(&line[..16]), "{line} survives in {cut}");
        }
        assert!(cut.contains(KEY_REMOVED), "{cut}");
    }

    #[test]
    fn pem_keys_of_every_label_are_cut_and_certificates_kept() {
        let text = format!("{KEY}{CERT}{RSA_KEY}note\n{EC_KEY}");
        let (cut, spans) = cut_keys(&text);
        let kinds: Vec<&str> = spans.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, ["PKCS#8", "RSA (PKCS#1)", "EC (SEC1)"]);
        assert!(cut.contains(CERT));
        assert_eq!(cut.lines().count(), text.lines().count(), "line numbers hold");
    }

    #[test]
    fn keys_on_one_line_after_a_log_prefix_json_or_e_mail_quotes_are_cut() {
        let one_line = EC_KEY.replace('\n', "");
        assert_cut(&format!("x509: certificate signed by unknown authority {one_line} x"), EC_KEY);
        let json = EC_KEY.replace('\n', "\\n");
        assert_cut(&format!("{{\"key\": \"{json}\"}}"), EC_KEY);
        let quoted: String = EC_KEY.lines().map(|l| format!("> > {l}\n")).collect();
        assert_cut(&quoted, EC_KEY);
        let logged: String = EC_KEY.lines().map(|l| format!("2026-12-05 ERROR {l}\n")).collect();
        assert_cut(&logged, EC_KEY);
    }

    #[test]
    fn base64_of_a_pem_or_der_key_is_cut() {
        use base64::Engine as _;
        let encoded = base64::engine::general_purpose::STANDARD.encode(KEY);
        let secret = format!("data:\n  tls.crt: LS0tLS1\n  tls.key: {encoded}\n");
        let (cut, spans) = cut_keys(&secret);
        assert_eq!(spans.len(), 1);
        assert!(!cut.contains(&encoded[..40]), "{cut}");
        let der_body: String = body_lines(KEY).concat();
        let (_, spans) = cut_keys(&format!("client-key-data: {der_body}"));
        assert_eq!(spans.first().map(|s| s.kind.as_str()), Some("PKCS#8"));
        // A line that is nothing but the run (found in the one-pass branch), last or not.
        for text in [format!("x\n{der_body}"), format!("{encoded}\ny")] {
            let (cut, spans) = cut_keys(&text);
            assert_eq!(spans.len(), 1, "{text}");
            assert!(!cut.contains(&der_body[..40]) && !cut.contains(&encoded[..40]), "{cut}");
        }
    }

    #[test]
    fn only_runs_that_start_like_a_key_are_decoded_whole() {
        use base64::Engine as _;
        let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        let with_bom = encode(format!("\u{feff}{KEY}").as_bytes());
        assert!(may_hold_key(&with_bom));
        assert_eq!(cut_keys(&format!("tls.key: {with_bom}")).1.len(), 1);
        assert!(may_hold_key(&body_lines(KEY).concat()), "DER starts with a SEQUENCE");
        let lines = body_lines(CERT);
        let decoded = lines.iter().skip(1).filter(|line| may_hold_key(line)).count();
        assert!(decoded * 4 < lines.len(), "{decoded} of {} lines pass", lines.len());
    }

    #[test]
    fn openssh_putty_ssh2_and_broken_armor_are_cut() {
        let text = "a\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n\
                    PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 00\n\
                    ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56w\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n\
                    BEGIN RSA PRIVATE KEY\nMIIEsecret\nEND RSA PRIVATE KEY\nz\n";
        let cut = without_private_keys(text);
        for secret in ["b3Blbn", "AAAA", "P2/56w", "MIIEsecret", "Encryption"] {
            assert!(!cut.contains(secret), "{secret} in {cut}");
        }
        assert!(cut.starts_with("a\n") && cut.ends_with("\nz\n"), "{cut}");
    }

    #[test]
    fn a_key_without_its_end_line_is_cut_to_the_next_begin() {
        let text = format!("-----BEGIN PRIVATE KEY-----\nMIIEsecret\n{CERT}");
        let cut = without_private_keys(&text);
        assert!(!cut.contains("MIIEsecret") && cut.contains(CERT), "{cut}");
    }

    #[test]
    fn text_without_keys_is_unchanged() {
        let text = format!("{CERT}\r\n  indented\nno newline at the end");
        assert_eq!(without_private_keys(&text), text);
        assert!(key_spans(&CERT.replace('\n', "")).is_empty());
    }
}
