//! Pasting a chain shows it in chain order, with the findings the core reports.

use certchain_tests::web::{err, fixture, page, Launch, Result};
use serde_json::json;

use super::{core_report, hash, shuffled, start};

#[test]
fn a_pasted_shuffled_chain_is_shown_leaf_first() -> Result {
    let (_served, browser) = start(Launch::default())?;
    page::paste(&browser, &shuffled()?)?;
    let expected = [hash("leaf")?, hash("intermediate")?, hash("root")?];
    page::wait_for(&browser, "the chain, leaf first", page::CHAIN, &json!(expected))
}

/// The finding codes `cargo run -p certchain -- analyze FILE --now 2026-11-22T00:00:00Z
/// --host gitlab.example.com --format json` reports for each input, in its order.
const CASES: &[(&str, &[&str])] = &[
    ("shuffled", &["untrusted_root", "wrong_order", "root_included"]),
    ("inputs/s_client-showcerts.txt", &["missing_root"]),
    ("inputs/s_client-leaf-only.txt", &["s_client_leaf_only", "missing_intermediate"]),
    ("inputs/bundle-with-key.pem", &["missing_root", "private_key_in_bundle"]),
];

#[test]
fn findings_are_shown_for_each_input() -> Result {
    let (_served, browser) = start(Launch::default())?;
    for (input, codes) in CASES {
        let text = if *input == "shuffled" { shuffled()? } else { fixture(input)? };
        // Empty first, so that the findings of the last input cannot pass for these.
        page::paste(&browser, "")?;
        page::wait_for(
            &browser,
            "no findings once the input is cleared",
            page::FINDINGS,
            &json!([]),
        )?;
        page::paste(&browser, &text)?;
        page::wait_for(
            &browser,
            &format!("the findings of {input}"),
            page::FINDINGS,
            &json!(codes),
        )?;
    }
    Ok(())
}

#[test]
fn a_sample_button_shows_its_chain_and_findings() -> Result {
    let (_served, browser) = start(Launch::default())?;
    browser.click(&browser.find("[data-testid=sample-sample_s_client]")?)?;
    let expected = [hash("leaf")?, hash("intermediate")?];
    page::wait_for(&browser, "the s_client sample's chain", page::CHAIN, &json!(expected))?;
    page::wait_for(&browser, "its findings", page::FINDINGS, &json!(["missing_root"]))
}

/// Script: the input index of every certificate card shown.
const CARDS: &str = "return [...document.querySelectorAll('[data-testid=cert-card]')]\
                     .map(e => Number(e.getAttribute('data-index')));";

#[test]
fn a_trust_store_shows_100_cards_its_out_of_date_roots_and_a_cleaned_copy() -> Result {
    let (_served, browser) = start(Launch::default())?;
    let text = fixture("bench/debian-ca-certificates.crt")?;
    page::paste(&browser, &text)?;
    let first: Vec<usize> = (0..100).collect();
    page::wait_for(&browser, "the first 100 of 144 cards", CARDS, &json!(first))?;
    let more = browser.find("[data-testid=show-all-certs]")?;
    assert_eq!(browser.text(&more)?, "Show all 144");
    browser.click(&more)?;
    let all: Vec<usize> = (0..144).collect();
    page::wait_for(&browser, "all 144 cards", CARDS, &json!(all))?;
    assert!(browser.find_all("[data-testid=show-all-certs]")?.is_empty());
    // At 2026-11-22 four roots have expired and Entrust's ends within 30 days: information.
    let expected = ["expired", "expired", "expired", "expired", "expires_soon"];
    page::wait_for(&browser, "the store's findings", page::FINDINGS, &json!(expected))?;
    // The store handed back is the core's: the same roots without the four expired ones.
    let store = core_report(&text).bundles.ca_bundle.ok_or_else(|| err("no store bundle"))?;
    assert_eq!(store.certificates.len(), 140);
    browser.click(&browser.find("[data-testid=download-ca-bundle]")?)?;
    assert_eq!(browser.downloaded("ca-bundle.pem")?, store.pem);
    Ok(())
}
