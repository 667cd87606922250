//! The download buttons hand over the right files: named as the button says, holding exactly
//! the expected certificates in order, byte for byte the core's bundles (which the CLI's
//! `--out DIR` writes too).

use certchain_tests::web::pem::cert_hashes;
use certchain_tests::web::{err, page, Launch, Result};
use serde_json::json;

use super::{core_report, hash, shuffled, start};

#[test]
fn downloads_hold_the_expected_certificates_in_order() -> Result {
    let (_served, browser) = start(Launch::default())?;
    let input = shuffled()?;
    page::paste(&browser, &input)?;
    let (leaf, intermediate, root) = (hash("leaf")?, hash("intermediate")?, hash("root")?);
    page::wait_for(&browser, "the chain", page::CHAIN, &json!([leaf, intermediate, root]))?;
    let report = core_report(&input);
    let bundles = &report.bundles;
    let cases = [
        ("download-fullchain", vec![&leaf, &intermediate], &bundles.fullchain),
        ("download-ca-bundle", vec![&intermediate, &root], &bundles.ca_bundle),
        ("download-runner-crt", vec![&intermediate, &root], &bundles.runner_crt),
    ];
    for (testid, certs, bundle) in cases {
        let bundle = bundle.as_ref().ok_or_else(|| err(format!("the core has no {testid}")))?;
        let button = browser.find(&format!("[data-testid={testid}]"))?;
        let name = browser.attribute(&button, "data-filename")?;
        assert_eq!(name.as_deref(), Some(bundle.filename.as_str()), "{testid}: data-filename");
        let name = name.unwrap_or_default();
        browser.click(&button)?;
        let text = browser.downloaded(&name)?;
        assert_eq!(
            cert_hashes(&text)?.iter().collect::<Vec<_>>(),
            certs,
            "{testid}: certificates of {name}"
        );
        assert_eq!(text, bundle.pem, "{testid}: {name} is not the core's bundle");
    }
    let names = browser.downloads()?;
    assert_eq!(
        names,
        ["ca-bundle.pem", "fullchain.pem", "gitlab.example.com.crt"],
        "one file each"
    );
    Ok(())
}
