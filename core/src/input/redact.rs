//! Cutting private keys out of a text before it goes anywhere else (the web app's
//! permalink): the same key forms `private_key` reports, removed line by line.

/// `text` without its private keys: PEM blocks whose label names a private key (RFC 7468
/// labels, OpenSSH, PGP), SSH2 private-key armor (RFC 4716 style) and PuTTY key files (up
/// to their `Private-MAC:` line). Every other line is kept as is.
pub fn without_private_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut end: Option<&'static str> = None;
    for line in text.split_inclusive('\n') {
        let marker = line.trim();
        if end.is_none() {
            end = key_start(marker);
            if end.is_none() {
                out.push_str(line);
            }
            continue;
        }
        if end.is_some_and(|stop| marker.starts_with(stop)) {
            end = None;
        }
    }
    out
}

/// When `line` opens a private key, the prefix of the line that closes it.
pub(crate) fn key_start(line: &str) -> Option<&'static str> {
    if line.starts_with("-----BEGIN") && line.contains("PRIVATE KEY") {
        Some("-----END")
    } else if line.starts_with("---- BEGIN SSH2") && line.contains("PRIVATE KEY") {
        Some("---- END SSH2")
    } else if line.starts_with("PuTTY-User-Key-File-") {
        Some("Private-MAC:")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::without_private_keys;

    const CERT: &str = include_str!("../../../tests/fixtures/inputs/leaf.pem");
    const KEY: &str = include_str!("../../../tests/fixtures/inputs/leaf.key");
    const RSA_KEY: &str = include_str!("../../../tests/fixtures/inputs/leaf-rsa-pkcs1.key");
    const EC_KEY: &str = include_str!("../../../tests/fixtures/inputs/ec-sec1.key");

    #[test]
    fn pem_keys_of_every_label_are_cut_and_certificates_kept() {
        let text = format!("{KEY}{CERT}{RSA_KEY}note\n{EC_KEY}");
        let redacted = without_private_keys(&text);
        assert_eq!(redacted, format!("{CERT}note\n"));
    }

    #[test]
    fn openssh_putty_and_ssh2_keys_are_cut() {
        let text = "a\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n\
                    PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 00\n\
                    ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56w\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\nz\n";
        assert_eq!(without_private_keys(text), "a\nz\n");
    }

    #[test]
    fn a_key_without_its_end_line_is_cut_to_the_end() {
        let text = format!("{CERT}-----BEGIN PRIVATE KEY-----\nMIIE\n");
        assert_eq!(without_private_keys(&text), CERT);
    }

    #[test]
    fn text_without_keys_is_unchanged() {
        let text = format!("{CERT}\r\n  indented\nno newline at the end");
        assert_eq!(without_private_keys(&text), text);
    }
}
