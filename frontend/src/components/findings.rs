//! The findings, most severe first, each with its fix.

use certchain_core::report::Severity;
use yew::prelude::*;

use super::ReportProps;
use crate::i18n::t;

fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The catalogue id of a severity's badge.
fn severity_id(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "web-severity-error",
        Severity::Warning => "web-severity-warning",
        Severity::Info => "web-severity-info",
    }
}

/// The list of findings.
#[function_component(Findings)]
pub fn findings(props: &ReportProps) -> Html {
    let lang = props.lang;
    let findings = &props.report.0.findings;
    let items = findings.iter().map(|f| {
        let level = severity_key(f.severity);
        let certs: Vec<String> = f.certificates.iter().map(|i| format!("#{i}")).collect();
        html! {
            <li class={classes!("finding", level)} data-testid="finding" data-code={f.code.as_str()}>
                <div class="finding-head">
                    <span class={classes!("badge", level)}>{ t(lang, severity_id(f.severity)) }</span>
                    <code class="code">{ f.code.as_str() }</code>
                    <span class="certs">{ certs.join(" ") }</span>
                </div>
                <p class="message">{ lang.pick(&f.message) }</p>
                <p class="fix"><strong>{ t(lang, "web-label-fix") }{ " " }</strong>{ lang.pick(&f.fix) }</p>
            </li>
        }
    });
    html! {
        <section class="card findings">
            <h2>{ t(lang, "web-findings-title") }</h2>
            if findings.is_empty() {
                <p class="ok">{ t(lang, "web-findings-none") }</p>
            } else {
                <ol class="finding-list">{ for items }</ol>
            }
        </section>
    }
}
