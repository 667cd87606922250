//! The chain as a picture: leaf at the top, each issuer below, then how it ends (a trust
//! anchor, a private root, or a dashed placeholder for the missing issuer). Each node says
//! where the certificate was in the input and where it belongs.

use certchain_core::report::{Certificate, PathEnd, Report, Role, Severity};
use certchain_core::Code;
use yew::prelude::*;

use super::ReportProps;
use crate::i18n::{t, t_with, Lang};
use crate::untrusted::shown;

const WIDTH: i32 = 560;
const NODE: i32 = 64;
const GAP: i32 = 30;

/// Findings about where certificates are, not about what they are: they do not colour nodes.
const ABOUT_ORDER: &[Code] = &[
    Code::WrongOrder,
    Code::MultipleLeaves,
    Code::CrossSigned,
    Code::DuplicateCertificate,
    Code::SClientLeafOnly,
];

/// The worst severity of the findings about certificate `index` itself.
fn status(report: &Report, index: usize) -> &'static str {
    let worst = report
        .findings
        .iter()
        .filter(|f| f.certificates.contains(&index) && !ABOUT_ORDER.contains(&f.code))
        .map(|f| f.severity)
        .min();
    match worst {
        Some(Severity::Error) => "bad",
        Some(Severity::Warning) => "warn",
        _ => "good",
    }
}

fn role_text(role: Role, lang: Lang) -> String {
    let id = match role {
        Role::Leaf => "web-role-leaf",
        Role::Root => "web-role-root",
        Role::Ca => "web-role-ca",
        _ => "web-role-intermediate",
    };
    t(lang, id)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    text.chars().take(max - 1).chain(std::iter::once('…')).collect()
}

fn node(cert: &Certificate, position: usize, y: i32, report: &Report, lang: Lang) -> Html {
    let name = cert.common_name.clone().unwrap_or_else(|| cert.subject.clone());
    let place =
        t_with(lang, "web-chain-place", &[("index", &cert.index), ("position", &(position + 1))]);
    let class = classes!("node", status(report, cert.index));
    html! {
        <g class={class} data-testid="chain-node" data-sha256={cert.sha256.clone()} data-index={cert.index.to_string()} transform={format!("translate(0,{y})")}>
            <title>{ shown(&cert.subject) }</title>
            <rect width={WIDTH.to_string()} height={NODE.to_string()} rx="10" />
            <text x="16" y="24" class="role">{ role_text(cert.role, lang) }</text>
            <text x="16" y="48" class="name untrusted">{ shorten(&shown(&name), 44) }</text>
            <text x={(WIDTH - 16).to_string()} y="24" class="place" text-anchor="end">{ place }</text>
            <text x={(WIDTH - 16).to_string()} y="48" class="days" text-anchor="end">{ t_with(lang, "web-chain-days-left", &[("days", &cert.validity.days_left)]) }</text>
        </g>
    }
}

/// The end of the path: an anchor outside the input, or the missing issuer.
fn end_node(report: &Report, y: i32, lang: Lang) -> Html {
    let Some(path) = report.paths.first() else { return Html::default() };
    let top = report.chain.last().and_then(|&i| report.certificates.get(i));
    let (class, title) = match path.end {
        PathEnd::PublicRoot => ("end anchor", t(lang, "web-chain-end-public-root")),
        PathEnd::UserAnchor => ("end anchor", t(lang, "web-chain-end-user-anchor")),
        PathEnd::MissingIssuer => ("end missing", t(lang, "web-chain-end-missing")),
        PathEnd::PrivateRoot => return Html::default(),
    };
    let url = top
        .and_then(|c| c.aia.ca_issuers.first().cloned())
        .filter(|_| path.end == PathEnd::MissingIssuer);
    html! {
        <g class={class} data-testid="chain-end" transform={format!("translate(0,{y})")}>
            <rect width={WIDTH.to_string()} height={NODE.to_string()} rx="10" />
            <text x="16" y="24" class="role">{ title }</text>
            <text x="16" y="48" class="name untrusted">{ shorten(&shown(&path.anchor), 60) }</text>
            if let Some(url) = url {
                <text x={(WIDTH - 16).to_string()} y="24" class="place" text-anchor="end">{ shorten(&shown(&url), 40) }</text>
            }
        </g>
    }
}

/// The chain diagram.
#[function_component(ChainDiagram)]
pub fn chain_diagram(props: &ReportProps) -> Html {
    let report = &props.report.0;
    if report.chain.is_empty() {
        return Html::default();
    }
    let mut nodes = Vec::new();
    let mut y = 0;
    for (position, &i) in report.chain.iter().enumerate() {
        if let Some(cert) = report.certificates.get(i) {
            if position > 0 {
                nodes.push(html! { <line class="link" x1="280" x2="280" y1={(y - GAP).to_string()} y2={y.to_string()} marker-end="url(#arrow)" /> });
            }
            nodes.push(node(cert, position, y, report, props.lang));
            y += NODE + GAP;
        }
    }
    let end = end_node(report, y, props.lang);
    let has_end = !matches!(report.paths.first().map(|p| p.end), Some(PathEnd::PrivateRoot) | None);
    if has_end {
        nodes.push(html! { <line class="link dashed" x1="280" x2="280" y1={(y - GAP).to_string()} y2={y.to_string()} /> });
        y += NODE + GAP;
    }
    let height = y - GAP;
    html! {
        <section class="card chain">
            <h2>{ t(props.lang, "web-chain-title") }</h2>
            <svg class="diagram" viewBox={format!("-2 -2 {} {}", WIDTH + 4, height + 4)} role="img" aria-label={t(props.lang, "web-chain-title")}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                { for nodes }
                { end }
            </svg>
        </section>
    }
}
