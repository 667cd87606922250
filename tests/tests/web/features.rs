//! The rest of the input and fixing side: opening binary files, the permalink (and that it
//! never carries a private key), trusting a private root in one click, and the snippets.

use certchain_tests::web::driver::Session;
use certchain_tests::web::{fixture, page, Launch, Result};
use serde_json::json;

use super::{hash, start, DATE, HOST};

/// Script: the `data-target` of the snippets shown, in order.
const SNIPPETS: &str = "return [...document.querySelectorAll('[data-testid=snippet]')]\
                        .map(e => e.getAttribute('data-target'));";

/// Script: the verdict's `data-valid`.
const VALID: &str = "const v = document.querySelector('[data-testid=verdict]');\
                     return v ? v.getAttribute('data-valid') : null;";

fn fixture_path(name: &str) -> String {
    format!("{}/fixtures/inputs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn binary_der_and_pkcs7_files_are_opened_as_bytes() -> Result {
    let (_served, browser) = start(Launch::default())?;
    let picker = browser.find("[data-testid=open-file]")?;
    browser.send_keys(&picker, &fixture_path("chain.p7b"))?;
    let chain = [hash("leaf")?, hash("intermediate")?, hash("root")?];
    page::wait_for(&browser, "the chain of chain.p7b (DER PKCS#7)", page::CHAIN, &json!(chain))?;
    let listed = page::strings(&browser, "return [...document.querySelectorAll('[data-testid=loaded-file]')].map(e => e.textContent);")?;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].starts_with("chain.p7b"), "{listed:?}");
    // The paste area stays empty: a binary file is not text.
    let pasted =
        browser.execute("return document.querySelector('[data-testid=paste]').value;", &[])?;
    assert_eq!(pasted, json!(""));
    Ok(())
}

#[test]
fn the_permalink_restores_the_input_and_leaves_private_keys_out() -> Result {
    let (served, browser) = start(Launch::default())?;
    page::paste(&browser, &fixture("inputs/bundle-with-key.pem")?)?;
    page::wait_for(
        &browser,
        "the findings",
        page::FINDINGS,
        &json!(["missing_root", "private_key_in_bundle"]),
    )?;
    browser.click(&browser.find("[data-testid=permalink]")?)?;
    let url = browser.execute("return location.href;", &[])?;
    let url = url.as_str().unwrap_or_default().to_string();
    assert!(url.starts_with(&served.url()) && url.contains("#in="), "{url}");
    assert!(
        url.contains("host=gitlab.example.com") && url.contains(&format!("at={DATE}")),
        "{url}"
    );
    // Open the link in a fresh page: same chain, and the key is gone.
    browser.navigate("about:blank")?;
    page::open(&browser, &url)?;
    page::wait_for(
        &browser,
        "the chain from the link",
        page::CHAIN,
        &json!([hash("leaf")?, hash("intermediate")?]),
    )?;
    page::wait_for(
        &browser,
        "the findings from the link",
        page::FINDINGS,
        &json!(["missing_root"]),
    )?;
    let restored =
        browser.execute("return document.querySelector('[data-testid=paste]').value;", &[])?;
    let restored = restored.as_str().unwrap_or_default();
    assert!(
        restored.contains("BEGIN CERTIFICATE") && !restored.contains("PRIVATE KEY"),
        "{restored}"
    );
    let host =
        browser.execute("return document.querySelector('[data-testid=host]').value;", &[])?;
    assert_eq!(host, json!(HOST));
    Ok(())
}

#[test]
fn trusting_the_private_root_makes_the_chain_valid_and_offers_the_runner_snippets() -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &fixture("inputs/s_client-showcerts.txt")?)?;
    page::wait_for(&browser, "the findings", page::FINDINGS, &json!(["missing_root"]))?;
    page::wait_for(&browser, "not valid yet", VALID, &json!("false"))?;
    // The root is not in an s_client transcript: paste it as the trusted private CA.
    page::set_field(&browser, "trust", &fixture("inputs/root.pem")?, "insertFromPaste")?;
    page::wait_for(&browser, "valid with the root trusted", VALID, &json!("true"))?;
    page::wait_for(&browser, "no findings", page::FINDINGS, &json!([]))?;
    page::wait_for(
        &browser,
        "the snippets",
        SNIPPETS,
        &json!([
            "runner-certs-dir",
            "runner-config-toml",
            "runner-register",
            "runner-download-ca",
            "runner-verify",
            "runner-docker-volumes",
            "runner-docker-pre-build",
            "ci-curl-ca-file",
            "ci-git-ssl-no-verify",
            "gitlab-omnibus",
            "gitlab-trusted-certs",
            "nginx",
            "apache",
            "haproxy",
            "traefik",
            "trust-store",
            "trust-store-java",
            "git-sslcainfo",
            "curl-cacert",
            "docker-certs-d",
            "ca-env-vars",
        ]),
    )?;
    let groups = page::strings(
        &browser,
        "return [...document.querySelectorAll('[data-testid=snippet-group] > summary .group-title')]\
         .map(e => e.textContent);",
    )?;
    assert_eq!(groups.len(), 5, "{groups:?}");
    // A parameter changes the snippet text.
    choose(&browser, "executor", "kubernetes")?;
    page::wait_until(
        &browser,
        "executor = kubernetes in config.toml",
        "return [...document.querySelectorAll('[data-target=runner-config-toml] code')].some(c => c.textContent.includes('executor = \"kubernetes\"'));",
    )?;
    // Docker-in-Docker on MKE: its snippets appear, the cluster-admin one marked dangerous.
    choose(&browser, "dind", "yes")?;
    choose(&browser, "cluster", "mke")?;
    page::wait_until(
        &browser,
        "the cluster-admin binding marked dangerous",
        "return !!document.querySelector('[data-target=mke-cluster-admin] [data-testid=snippet-dangerous]');",
    )?;
    let dangerous = page::strings(
        &browser,
        "return [...document.querySelectorAll('[data-testid=snippet-dangerous]')]\
         .map(b => b.closest('[data-testid=snippet]').dataset.target);",
    )?;
    assert_eq!(dangerous, ["ci-git-ssl-no-verify", "mke-cluster-admin"]);
    Ok(())
}

/// Picks `value` in the snippet parameter `key`'s select, as a user would.
fn choose(browser: &Session, key: &str, value: &str) -> Result {
    browser.execute(
        &format!(
            "const select = document.querySelector('select[data-param={key}]');
             select.value = '{value}';
             select.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ),
        &[],
    )?;
    Ok(())
}

#[test]
fn a_shuffled_private_chain_offers_to_trust_its_root_in_one_click() -> Result {
    let (_served, browser) = start(Launch::default())?;
    browser.click(&browser.find("[data-testid=sample-sample_shuffled]")?)?;
    page::wait_for(
        &browser,
        "untrusted root",
        page::FINDINGS,
        &json!(["untrusted_root", "wrong_order", "root_included"]),
    )?;
    browser.click(&browser.find("[data-testid=trust-root]")?)?;
    page::wait_for(
        &browser,
        "the root trusted",
        page::FINDINGS,
        &json!(["wrong_order", "root_included"]),
    )?;
    let trust =
        browser.execute("return document.querySelector('[data-testid=trust]').value;", &[])?;
    assert!(trust.as_str().is_some_and(|t| t.contains("BEGIN CERTIFICATE")), "{trust}");
    Ok(())
}

#[test]
fn a_trusted_ca_typed_in_is_analysed_after_the_pause() -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &fixture("inputs/s_client-showcerts.txt")?)?;
    page::wait_for(&browser, "not valid yet", VALID, &json!("false"))?;
    // Let the paste's own pause (150 ms) pass, so only the typing can trigger the analysis.
    let pause = "const done = arguments[arguments.length - 1]; setTimeout(() => done(true), 400);";
    browser.execute_async(pause, &[])?;
    page::set_field(&browser, "trust", &fixture("inputs/root.pem")?, "insertText")?;
    page::wait_for(&browser, "valid once typing pauses", VALID, &json!("true"))
}

#[test]
fn a_pasted_runner_log_is_explained_above_the_findings_without_its_token() -> Result {
    let (_served, browser) = start(Launch::default())?;
    let log = "Post https://gitlab.example.com/api/v4/jobs/request: x509: certificate signed by unknown authority\n\
               fatal: unable to access 'https://gitlab-ci-token:glcbt-SECRET42@gitlab.example.com/g/p.git/': \
               server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none\n";
    page::paste(&browser, &format!("{log}{}", fixture("inputs/fullchain.pem")?))?;
    page::wait_for(
        &browser,
        "the explained messages",
        "return [...document.querySelectorAll('[data-testid=error-message]')].map(e => e.dataset.code);",
        &json!(["x509_unknown_authority", "gnutls_verification_failed"]),
    )?;
    let order = browser.execute(
        "const m = document.querySelector('[data-testid=error-messages]');
         const f = document.querySelector('[data-testid=finding]');
         return !!m && !!f && !!(m.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);",
        &[],
    )?;
    assert_eq!(order, json!(true), "the messages come before the findings");
    let text = browser.execute(
        "return document.querySelector('[data-testid=error-messages]').textContent;",
        &[],
    )?;
    let text = text.as_str().unwrap_or_default();
    assert!(!text.contains("SECRET42"), "the token is shown: {text}");
    assert!(text.contains("***"), "{text}");
    // The link to this analysis carries the log with the token masked.
    browser.click(&browser.find("[data-testid=permalink]")?)?;
    let url = browser.execute("return location.href;", &[])?;
    let fragment = url.as_str().unwrap_or_default().split("#in=").nth(1).unwrap_or_default();
    let encoded = fragment.split('&').next().unwrap_or_default();
    let decoded =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, encoded)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
    assert!(decoded.contains("gitlab-ci-token:***@"), "{decoded}");
    assert!(!decoded.contains("SECRET42"), "the permalink holds the token: {decoded}");
    Ok(())
}

/// Script: the text of the host field's error, or null when there is none.
const HOST_ERROR: &str = "const e = document.querySelector('[data-testid=host-error]');\
                          return e ? e.textContent : null;";

#[test]
fn a_host_that_is_not_one_is_named_and_a_good_one_clears_it() -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::wait_for(&browser, "no error for the test's host", HOST_ERROR, &json!(null))?;
    page::set_field(&browser, "host", "gitlab example.com", "insertText")?;
    page::wait_until(&browser, "the host error", HOST_ERROR)?;
    let shown = browser.execute(HOST_ERROR, &[])?;
    let shown = shown.as_str().unwrap_or_default();
    assert!(shown.contains("\"gitlab example.com\" is not a host name"), "{shown}");
    let invalid =
        "return document.querySelector('[data-testid=host]').getAttribute('aria-invalid');";
    assert_eq!(browser.execute(invalid, &[])?, json!("true"));
    page::set_field(&browser, "host", "https://gitlab.example.com:8443/", "insertText")?;
    // The field is still there and valid, and only its error is gone.
    let state = "return [!!document.querySelector('[data-testid=host-error]'),\
                 document.querySelector('[data-testid=host]').getAttribute('aria-invalid')];";
    page::wait_for(&browser, "the error gone", state, &json!([false, "false"]))
}
