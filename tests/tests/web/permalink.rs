//! "Copy link" never carries what the page promises to keep: for every form a key or a
//! token arrives in (a Kubernetes Secret, a kubeconfig token, a JSON-escaped, e-mail-quoted
//! or log-prefixed key, a key in the trusted-CA field, a PKCS#12 file, a token in the host
//! field), the link is decoded part by part and searched for the secret's bytes.

use std::process::Command;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use certchain_tests::web::driver::Session;
use certchain_tests::web::{fixture, page, Launch, Result};
use serde_json::json;

use super::start;

/// The EC key of the fixtures, and the body lines that must not come back.
fn key() -> Result<(String, Vec<String>)> {
    let key = fixture("inputs/ec-sec1.key")?;
    let lines = key.lines().filter(|l| !l.starts_with("-----")).map(str::to_string).collect();
    Ok((key, lines))
}

/// Every part of the link, decoded: base64url texts and files, percent-encoded host.
fn link_parts(browser: &Session) -> Result<Vec<(String, String)>> {
    // As a user would, scrolled into view first (a filled trusted-CA field makes the input
    // column taller than the window).
    browser.execute(
        "document.querySelector('[data-testid=permalink]').scrollIntoView({block: 'center'});",
        &[],
    )?;
    browser.click(&browser.find("[data-testid=permalink]")?)?;
    let url = browser.execute("return location.href;", &[])?;
    let fragment = url.as_str().unwrap_or_default().split_once('#').map(|(_, f)| f.to_string());
    let mut parts = Vec::new();
    for part in fragment.unwrap_or_default().split('&') {
        let Some((name, value)) = part.split_once('=') else { continue };
        let value = value.rsplit(':').next().unwrap_or(value);
        let decoded = match URL_SAFE_NO_PAD.decode(value) {
            Ok(bytes) if name != "host" => String::from_utf8_lossy(&bytes).into_owned(),
            _ => browser
                .execute("return decodeURIComponent(arguments[0]);", &[json!(value)])?
                .as_str()
                .unwrap_or_default()
                .to_string(),
        };
        parts.push((name.to_string(), decoded));
    }
    Ok(parts)
}

/// The link holds none of `secrets` (nor their first 24 characters), and the page says what
/// it left out.
fn assert_link_clean(browser: &Session, secrets: &[String], said: &str) -> Result {
    let parts = link_parts(browser)?;
    assert!(!parts.is_empty(), "the link has no part");
    for (name, text) in &parts {
        for secret in secrets {
            let probe: String = secret.chars().take(24).collect();
            assert!(!text.contains(&probe), "{name}= holds {probe}…: {text}");
        }
    }
    let status = browser.execute(
        "return document.querySelector('[data-testid=permalink-status]').textContent;",
        &[],
    )?;
    let status = status.as_str().unwrap_or_default();
    assert!(status.contains(said), "{status}");
    Ok(())
}

fn chain() -> Result<String> {
    Ok(fixture("inputs/leaf.pem")? + &fixture("inputs/intermediate.pem")?)
}

/// Pastes `text` after the chain and checks the link.
fn check_paste(text: &str, secrets: &[String], said: &str) -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &format!("{}{text}", chain()?))?;
    page::wait_until(&browser, "the chain", page::CHAIN)?;
    assert_link_clean(&browser, secrets, said)
}

#[test]
fn a_kubernetes_secret_key_is_not_in_the_link() -> Result {
    let (key, lines) = key()?;
    let encoded = STANDARD.encode(&key);
    let secret = format!("apiVersion: v1\nkind: Secret\ndata:\n  tls.key: {encoded}\n");
    check_paste(&secret, &[encoded.clone(), lines.concat()], "private keys 1")
}

#[test]
fn a_kubeconfig_token_is_not_in_the_link() -> Result {
    let token = "eyJhbGciOiJSUzI1NiIsImtpZCI6IkNFUlRDSEFJTi1URVNULVRPS0VOIn0".to_string();
    let config = format!("users:\n- name: admin\n  user:\n    token: {token}\n");
    check_paste(&config, &[token], "passwords and tokens")
}

#[test]
fn a_json_escaped_key_is_not_in_the_link() -> Result {
    let (key, lines) = key()?;
    let json = format!("{{\"tls_key\": \"{}\"}}\n", key.replace('\n', "\\n"));
    check_paste(&json, &lines, "private keys 1")
}

#[test]
fn an_e_mail_quoted_key_is_not_in_the_link() -> Result {
    let (key, lines) = key()?;
    let quoted: String = key.lines().map(|l| format!("> {l}\n")).collect();
    check_paste(&quoted, &lines, "private keys 1")
}

#[test]
fn a_log_prefixed_key_on_one_line_is_not_in_the_link() -> Result {
    let (key, lines) = key()?;
    let log = format!("x509: certificate signed by unknown authority {}\n", key.replace('\n', ""));
    check_paste(&log, &[lines.concat()], "private keys 1")
}

#[test]
fn a_key_in_the_trusted_ca_field_is_not_in_the_link() -> Result {
    let (key, lines) = key()?;
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &chain()?)?;
    let trust = fixture("inputs/root.pem")? + &key;
    page::set_field(&browser, "trust", &trust, "insertFromPaste")?;
    page::wait_until(&browser, "the chain", page::CHAIN)?;
    assert_link_clean(&browser, &lines, "private keys 1")
}

#[test]
fn a_token_in_the_host_field_is_not_in_the_link() -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &chain()?)?;
    let host = "https://oauth2:glpat-SECRETSECRET123@gitlab.example.com/?private_token=PRIVTOKEN42";
    page::set_field(&browser, "host", host, "insertText")?;
    page::wait_until(&browser, "the chain", page::CHAIN)?;
    let secrets = ["glpat-SECRETSECRET123".to_string(), "PRIVTOKEN42".into()];
    assert_link_clean(&browser, &secrets, "passwords and tokens")
}

#[test]
fn a_pkcs12_file_is_not_in_the_link() -> Result {
    let dir = std::env::temp_dir().join(format!("certchain-p12-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let p12 = dir.join("bundle.p12");
    let inputs = format!("{}/fixtures/inputs", env!("CARGO_MANIFEST_DIR"));
    let made = Command::new("openssl")
        .args(["pkcs12", "-export", "-passout", "pass:", "-inkey"])
        .arg(format!("{inputs}/leaf.key"))
        .arg("-in")
        .arg(format!("{inputs}/leaf.pem"))
        .arg("-out")
        .arg(&p12)
        .status()?;
    assert!(made.success(), "openssl pkcs12 -export");
    let bytes = std::fs::read(&p12)?;
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &chain()?)?;
    browser.send_keys(&browser.find("[data-testid=open-file]")?, &p12.display().to_string())?;
    page::wait_until(
        &browser,
        "the file listed",
        "return document.querySelectorAll('[data-testid=loaded-file]').length === 1 || null;",
    )?;
    let probe = URL_SAFE_NO_PAD.encode(&bytes[bytes.len() / 2..bytes.len() / 2 + 30]);
    let parts = link_parts(&browser)?;
    assert!(parts.iter().all(|(name, _)| name != "file"), "{parts:?}");
    let url = browser.execute("return location.href;", &[])?;
    assert!(!url.as_str().unwrap_or_default().contains(&probe[..20]));
    let status = browser.execute(
        "return document.querySelector('[data-testid=permalink-status]').textContent;",
        &[],
    )?;
    assert!(status.as_str().unwrap_or_default().contains("bundle.p12"), "{status}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
