//! Nothing leaves the page: the single file works from disk with the network unusable, and the
//! served app makes no request once it has loaded but for the texts of a language asked for
//! (its own static files), whatever the user does, and keeps nothing in the browser but the
//! language choice.

use certchain_tests::web::{dist_dir, err, fixture, page, Browser, Launch, Result, Served};
use serde_json::{json, Value};

use super::{hash, shuffled, DATE, HOST};

/// The URLs of the requests in DevTools events (`Network.requestWillBeSent`).
fn requests(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e["method"] == "Network.requestWillBeSent")
        .map(|e| e["params"]["request"]["url"].as_str().unwrap_or("?").to_string())
        .collect()
}

/// Requests that are not to the page's own memory (`data:` and `blob:` URLs).
fn outside(urls: &[String]) -> Vec<String> {
    urls.iter().filter(|u| !u.starts_with("data:") && !u.starts_with("blob:")).cloned().collect()
}

#[test]
fn the_single_file_works_from_disk_with_the_network_off() -> Result {
    let file = dist_dir().join("certchain.html");
    if !file.is_file() {
        return Err(err(format!("no {}: run `cargo xtask dist` first", file.display())));
    }
    let served = Served::start()?;
    let browser = Browser::launch(Launch { offline: true, ..Launch::default() })?;
    // The network really is unusable, loopback included.
    let reached = browser.navigate(&served.url());
    assert!(reached.is_err(), "the offline browser could load {}", served.url());
    browser.performance_log()?;

    page::open(&browser, &format!("file://{}", file.display()))?;
    page::host_and_date(&browser, HOST, DATE)?;
    page::paste(&browser, &fixture("inputs/s_client-showcerts.txt")?)?;
    let chain = [hash("leaf")?, hash("intermediate")?];
    page::wait_for(&browser, "the chain", page::CHAIN, &json!(chain))?;
    page::wait_for(&browser, "the findings", page::FINDINGS, &json!(["missing_root"]))?;
    // Japanese is in the file itself: no fetch, and the report is re-made in it.
    browser.click(&browser.find("[data-testid=lang-ja]")?)?;
    page::wait_for(&browser, "<html lang=ja> offline", page::LANG, &json!("ja"))?;
    let finding_in_japanese = "const f = document.querySelector('[data-testid=finding]'); \
        return !!f && /[\\u3040-\\u30ff]/.test(f.textContent);";
    page::wait_until(&browser, "the finding in Japanese, offline", finding_in_japanese)?;

    let urls = requests(&browser.performance_log()?);
    let other: Vec<&String> = urls.iter().filter(|u| !u.starts_with("file:")).collect();
    assert_eq!(outside(&urls), [format!("file://{}", file.display())], "all: {other:?}");
    Ok(())
}

#[test]
fn no_request_leaves_the_page_after_it_has_loaded_and_only_the_language_is_stored() -> Result {
    let served = Served::start()?;
    let browser = Browser::launch(Launch::default())?;
    page::open(&browser, &served.url())?;
    settle(&browser)?;
    let at_load = requests(&browser.performance_log()?);
    // The log does see requests: the page's own files were loaded through it.
    assert!(
        at_load.iter().any(|u| u.ends_with(".wasm")),
        "the performance log shows no request for the wasm; it cannot be trusted: {at_load:?}"
    );

    page::host_and_date(&browser, HOST, DATE)?;
    page::paste(&browser, &shuffled()?)?;
    let chain = [hash("leaf")?, hash("intermediate")?, hash("root")?];
    page::wait_for(&browser, "the pasted chain", page::CHAIN, &json!(chain))?;
    browser.click(&browser.find("[data-testid=sample-sample_s_client]")?)?;
    page::wait_for(&browser, "the sample's findings", page::FINDINGS, &json!(["missing_root"]))?;
    browser.click(&browser.find("[data-testid=lang-ja]")?)?;
    page::wait_for(&browser, "<html lang=ja>", page::LANG, &json!("ja"))?;
    browser.click(&browser.find("[data-testid=download-fullchain]")?)?;
    browser.downloaded("fullchain.pem")?;
    settle(&browser)?;

    // The one kind of request after load: the Japanese texts, fetched when Japanese was
    // asked for, from the app's own origin, with nothing of the input in the URL.
    let after = requests(&browser.performance_log()?);
    let catalogue = |u: &String| {
        let name = u.strip_prefix(&format!("{}/", served.url().trim_end_matches('/')));
        name.is_some_and(|n| n.starts_with("locale-ja-") && n.ends_with(".ftl") && !n.contains('?'))
    };
    let fetched: Vec<String> = outside(&after).into_iter().filter(catalogue).collect();
    let others: Vec<String> = outside(&after).into_iter().filter(|u| !catalogue(u)).collect();
    assert_eq!(others, Vec::<String>::new(), "requests after load (all: {after:?})");
    let areas = certchain_core::catalogue::Area::ALL.len();
    assert_eq!(fetched.len(), areas, "each Japanese catalogue once, on demand: {fetched:?}");
    assert!(
        !at_load.iter().any(catalogue),
        "the English page loaded Japanese before it was asked for: {at_load:?}"
    );
    assert_eq!(
        stored(&browser)?,
        json!({"local": {"certchain.lang": "ja"}, "session": {}, "cookie": "", "idb": [], "caches": []}),
        "the page stores the language choice and nothing else (no input, no report)"
    );
    Ok(())
}

/// Everything the page could have kept in the browser: both storages, cookies, IndexedDB
/// databases and Cache Storage.
fn stored(browser: &Browser) -> Result<Value> {
    let script = "const done = arguments[arguments.length - 1];
        (async () => {
            const entries = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
            const idb = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
            const caches_ = self.caches ? await caches.keys() : [];
            done({ local: entries(localStorage), session: entries(sessionStorage),
                   cookie: document.cookie, idb, caches: caches_ });
        })().catch((e) => done({ error: String(e) }));";
    browser.execute_async(script, &[])
}

/// Lets late requests (fonts, the favicon) happen before the log is read: 500 ms.
fn settle(browser: &Browser) -> Result {
    let idle = "const done = arguments[arguments.length - 1]; setTimeout(() => done(true), 500);";
    browser.execute_async(idle, &[]).map(drop)
}
