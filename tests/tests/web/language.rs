//! The language switch: Japanese UI and findings, remembered across a reload, and back.

use certchain_tests::web::{page, Browser, Launch, Result};
use serde_json::json;

use super::{core_report, shuffled, start};

#[test]
fn japanese_is_shown_remembered_and_switched_back() -> Result {
    let (_served, browser) = start(Launch::default())?;
    let input = shuffled()?;
    let report = core_report(&input);
    let message = &report.findings[0].message;
    page::paste(&browser, &input)?;
    page::wait_for(&browser, "<html lang=en>", page::LANG, &json!("en"))?;
    wait_text(&browser, "the first finding in English", &message.en)?;

    browser.click(&browser.find("[data-testid=lang-ja]")?)?;
    page::wait_for(&browser, "<html lang=ja>", page::LANG, &json!("ja"))?;
    wait_text(&browser, "the first finding in Japanese", &message.ja)?;
    assert!(message.ja.chars().any(is_japanese), "the core's message is not Japanese: {message:?}");
    assert_pressed(&browser, "lang-ja")?;

    browser.refresh()?;
    page::wait_mounted(&browser)?;
    page::wait_for(&browser, "Japanese remembered after a reload", page::LANG, &json!("ja"))?;
    assert_pressed(&browser, "lang-ja")?;

    browser.click(&browser.find("[data-testid=lang-en]")?)?;
    page::wait_for(&browser, "<html lang=en> again", page::LANG, &json!("en"))?;
    browser.refresh()?;
    page::wait_mounted(&browser)?;
    page::wait_for(&browser, "English remembered after a reload", page::LANG, &json!("en"))?;
    assert_pressed(&browser, "lang-en")
}

/// Waits until the first finding's text contains `text`.
fn wait_text(browser: &Browser, what: &str, text: &str) -> Result {
    let script = format!(
        "const f = document.querySelector('[data-testid=finding]'); \
         return !!f && f.textContent.includes({});",
        json!(text)
    );
    page::wait_until(browser, what, &script)
}

fn assert_pressed(browser: &Browser, testid: &str) -> Result {
    let button = browser.find(&format!("[data-testid={testid}]"))?;
    assert_eq!(browser.attribute(&button, "aria-pressed")?.as_deref(), Some("true"), "{testid}");
    Ok(())
}

/// Hiragana, katakana or a CJK ideograph.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
}
