//! The browser's clock, read once per analysis (the core never reads a clock).

/// Now, in Unix seconds.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// `YYYY-MM-DD` of a Unix time (UTC), for the date field.
pub fn date_text(unix: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    date.to_iso_string().as_string().unwrap_or_default().chars().take(10).collect()
}

/// Unix seconds of a `YYYY-MM-DD` date at 00:00 UTC.
pub fn parse_date(text: &str) -> Option<i64> {
    let ms = js_sys::Date::parse(&format!("{text}T00:00:00Z"));
    (!ms.is_nan()).then(|| (ms / 1000.0) as i64)
}

/// 1950-01-01 and 9999-12-31: the dates a certificate can carry (RFC 5280 §4.1.2.5: UTCTime
/// from 1950, GeneralizedTime to 9999) and the date field can show. A permalink's date
/// outside them is ignored rather than analysed at a time the page cannot show.
const SHOWABLE: std::ops::RangeInclusive<i64> = -631_152_000..=253_402_214_400;

/// Whether the date field can show `unix`.
pub fn showable(unix: i64) -> bool {
    SHOWABLE.contains(&unix)
}
