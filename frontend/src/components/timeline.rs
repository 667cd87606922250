//! Validity at a glance: one bar per certificate from notBefore to notAfter, with "now"
//! marked, so an expired or soon-expiring certificate stands out.

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::t;

const WIDTH: f64 = 560.0;
const LABEL: f64 = 170.0;
const ROW: f64 = 26.0;
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
    let span = (end - start).max(1) as f64;
    let x = |unix: i64| LABEL + (unix - start) as f64 / span * (WIDTH - LABEL - 8.0);
    let bars = certs.iter().enumerate().map(|(row, c)| {
        let y = row as f64 * ROW;
        let (x0, x1) = (x(c.validity.not_before_unix), x(c.validity.not_after_unix));
        let class = match c.validity.days_left {
            d if d < 0 => "bar bad",
            d if d <= 30 => "bar warn",
            _ => "bar good",
        };
        let name = c.common_name.clone().unwrap_or_else(|| c.subject.clone());
        let name: String = name.chars().take(22).collect();
        html! {
            <g transform={format!("translate(0,{y})")}>
                <text x="0" y="16" class="tl-label">{ format!("#{} {name}", c.index) }</text>
                <rect class={class} x={format!("{x0:.1}")} y="6" width={format!("{:.1}", (x1 - x0).max(2.0))} height="12" rx="4">
                    <title>{ format!("{} → {}", c.validity.not_before, c.validity.not_after) }</title>
                </rect>
            </g>
        }
    });
    let height = certs.len() as f64 * ROW + 20.0;
    let now_x = x(now);
    html! {
        <section class="card timeline" data-testid="timeline">
            <h2>{ t(props.lang, "timeline") }</h2>
            <svg class="diagram" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={t(props.lang, "timeline")}>
                { for bars }
                <line class="now" x1={format!("{now_x:.1}")} x2={format!("{now_x:.1}")} y1="0" y2={format!("{:.1}", height - 14.0)} />
                <text class="tl-now" x={format!("{now_x:.1}")} y={format!("{:.1}", height - 2.0)} text-anchor="middle">{ t(props.lang, "now") }</text>
            </svg>
        </section>
    }
}
