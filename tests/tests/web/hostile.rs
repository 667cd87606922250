//! Names made to deceive: a CN that starts with U+202E (RIGHT-TO-LEFT OVERRIDE) would draw
//! `moc.elpmaxe.baltig` as `gitlab.example.com`. The page shows the override as an escape,
//! inside a bidi isolate, and says why with a finding.

use certchain_tests::pki::Spec;
use certchain_tests::web::{page, Launch, Result};
use serde_json::json;

use super::start;

#[test]
fn a_bidi_override_in_a_name_is_shown_escaped_and_named() -> Result {
    let root = Spec::root("Bidi Root").issue(None);
    let leaf = Spec { cn: "\u{202e}moc.elpmaxe.baltig".into(), ..Spec::leaf("x.example") };
    let leaf = leaf.issue(Some(&root));
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &format!("{}{}", leaf.pem(), root.pem()))?;
    page::wait_until(&browser, "the chain", page::CHAIN)?;
    let codes = page::strings(&browser, page::FINDINGS)?;
    assert!(codes.contains(&"hidden_characters_in_name".to_string()), "{codes:?}");
    let text = browser.execute("return document.body.innerText;", &[])?;
    let text = text.as_str().unwrap_or_default();
    assert!(!text.contains('\u{202e}'), "a raw U+202E is on the page");
    assert!(text.contains("\\u{202e}moc.elpmaxe.baltig"), "the escape is not shown");
    let isolated = browser.execute(
        "return [...document.querySelectorAll('.untrusted')].some(e => e.textContent.includes('moc.elpmaxe')\
         && getComputedStyle(e).unicodeBidi === 'isolate');",
        &[],
    )?;
    assert_eq!(isolated, json!(true), "the name is not in a bidi isolate");
    Ok(())
}

#[test]
fn a_permalink_date_the_field_cannot_show_is_ignored() -> Result {
    use base64::Engine as _;
    let (served, browser) = start(Launch::default())?;
    let chain = certchain_tests::web::fixture("inputs/fullchain.pem")?;
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(chain);
    browser.navigate("about:blank")?;
    page::open(&browser, &format!("{}#in={encoded}&at=0000-01-01", served.url()))?;
    page::wait_until(&browser, "the chain", page::CHAIN)?;
    let date =
        browser.execute("return document.querySelector('[data-testid=as-of]').value;", &[])?;
    // The field shows the date the page analyses at: today, not year 0.
    assert!(date.as_str().is_some_and(|d| d.starts_with("20")), "the date field: {date}");
    let codes = page::strings(&browser, page::FINDINGS)?;
    assert!(!codes.contains(&"not_yet_valid".to_string()), "analysed at year 0: {codes:?}");
    Ok(())
}
