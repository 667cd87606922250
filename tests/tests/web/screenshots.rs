//! Full-page screenshots of the main states, for people (the README), in
//! `target/screenshots/`; and the layout checks they stand for: dark mode follows the
//! system, and a phone-width page does not scroll sideways.

use std::path::PathBuf;

use certchain_tests::web::{page, target_dir, Browser, Launch, Result, Served};
use serde_json::{json, Value};

use super::{shuffled, DATE, HOST};

/// A phone's viewport (CSS px): an iPhone 12 to 15.
const PHONE: (u32, u32) = (390, 844);

fn shot(browser: &Browser, name: &str) -> Result<PathBuf> {
    let file = target_dir().join("screenshots").join(format!("{name}.png"));
    browser.screenshot_full_page(&file)?;
    let png = std::fs::read(&file)?;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "{}", file.display());
    Ok(file)
}

fn background(browser: &Browser) -> Result<Value> {
    browser.execute("return getComputedStyle(document.body).backgroundColor;", &[])
}

#[test]
fn screenshots_of_the_main_states() -> Result {
    let served = Served::start()?;
    let browser = Browser::launch(Launch::default())?;
    page::open(&browser, &served.url())?;
    shot(&browser, "empty")?;

    page::host_and_date(&browser, HOST, DATE)?;
    browser.click(&browser.find("[data-testid=sample-sample_good]")?)?;
    page::wait_until(
        &browser,
        "the good chain's snippets",
        "return document.querySelectorAll('[data-testid=snippet]').length > 0;",
    )?;
    page::wait_for(&browser, "no findings", page::FINDINGS, &json!([]))?;
    shot(&browser, "good")?;

    browser.click(&browser.find("[data-testid=sample-sample_s_client]")?)?;
    page::wait_for(&browser, "the s_client findings", page::FINDINGS, &json!(["missing_root"]))?;
    shot(&browser, "s_client")?;

    page::paste(&browser, &shuffled()?)?;
    let codes = json!(["untrusted_root", "wrong_order", "root_included"]);
    page::wait_for(&browser, "the shuffled findings", page::FINDINGS, &codes)?;
    shot(&browser, "shuffled")?;

    browser.click(&browser.find("[data-testid=lang-ja]")?)?;
    page::wait_for(&browser, "<html lang=ja>", page::LANG, &json!("ja"))?;
    shot(&browser, "ja")?;
    browser.click(&browser.find("[data-testid=lang-en]")?)?;
    page::wait_for(&browser, "<html lang=en>", page::LANG, &json!("en"))?;

    let light = background(&browser)?;
    browser.dark_mode(true)?;
    let dark = background(&browser)?;
    assert_ne!(light, dark, "prefers-color-scheme: dark does not change the page background");
    shot(&browser, "dark")?;
    browser.dark_mode(false)?;

    browser.phone(PHONE.0, PHONE.1)?;
    let width = browser.execute("return document.documentElement.scrollWidth;", &[])?;
    // The innermost elements that stick out, to name the culprit when it fails.
    let wide = browser.execute(
        &format!(
            "return [...document.querySelectorAll('body *')]\
               .filter(e => !e.closest('pre') && e.getBoundingClientRect().right > {} && ![...e.children].some(c => c.getBoundingClientRect().right > {}))\
               .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            PHONE.0, PHONE.0
        ),
        &[],
    )?;
    assert!(
        width.as_u64().is_some_and(|w| w <= u64::from(PHONE.0)),
        "at {} px wide the page is {width} px wide: it scrolls sideways; sticking out: {wide}",
        PHONE.0
    );
    shot(&browser, "phone")?;
    Ok(())
}
