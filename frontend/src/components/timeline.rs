//! Validity at a glance: one bar per certificate from notBefore to notAfter, with "now"
//! marked, so an expired or soon-expiring certificate stands out.

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::t;

// Whole SVG user units: integers keep float formatting out of the WASM.
const WIDTH: i64 = 560;
const LABEL: i64 = 170;
const ROW: i64 = 26;
/// Longest label, in characters.
const NAME: usize = 22;
const DAY: i64 = 86_400;

/// The validity timeline.
#[function_component(Timeline)]
pub fn timeline(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let mut order: Vec<usize> = report.chain.clone();
    order.extend((0..report.certificates.len()).filter(|i| !report.chain.contains(i)));
    let certs: Vec<_> = order.iter().filter_map(|&i| report.certificates.get(i)).take(40).collect();
    let (Some(start), Some(end)) = (
        certs.iter().map(|c| c.validity.not_before_unix).min(),
        certs.iter().map(|c| c.validity.not_after_unix).max(),
    ) else {
        return Html::default();
    };
    let now = certs
        .first()
        .map(|c| c.validity.not_after_unix - c.validity.days_left * DAY)
        .unwrap_or(start);
    let (start, end) = (start.min(now), end.max(now));
    let span = (end - start).max(1);
    let x = |unix: i64| LABEL + (unix - start) * (WIDTH - LABEL - 8) / span;
    let bars = certs.iter().enumerate().map(|(row, c)| {
        let y = row as i64 * ROW;
        let (x0, x1) = (x(c.validity.not_before_unix), x(c.validity.not_after_unix));
        let class = match c.validity.days_left {
            d if d < 0 => "bar bad",
            d if d <= 30 => "bar warn",
            _ => "bar good",
        };
        let name = crate::untrusted::shown(c.common_name.as_deref().unwrap_or(&c.subject));
        let name = if name.chars().count() > NAME {
            name.chars().take(NAME - 1).chain(['…']).collect()
        } else {
            name
        };
        html! {
            <g transform={format!("translate(0,{y})")}>
                <text x="0" y="16" class="tl-label untrusted">{ format!("#{} {name}", c.index) }</text>
                <rect class={class} x={x0.to_string()} y="6" width={(x1 - x0).max(2).to_string()} height="12" rx="4">
                    <title>{ format!("{} → {}", c.validity.not_before, c.validity.not_after) }</title>
                </rect>
            </g>
        }
    });
    let height = certs.len() as i64 * ROW + 20;
    let now_x = x(now);
    html! {
        <section class="card timeline" data-testid="timeline">
            <h2>{ t(props.lang, "web-timeline-title") }</h2>
            <svg class="diagram" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={t(props.lang, "web-timeline-title")}>
                { for bars }
                <line class="now" x1={now_x.to_string()} x2={now_x.to_string()} y1="0" y2={(height - 14).to_string()} />
                <text class="tl-now" x={now_x.to_string()} y={(height - 2).to_string()} text-anchor="middle">{ t(props.lang, "web-timeline-now") }</text>
            </svg>
        </section>
    }
}
