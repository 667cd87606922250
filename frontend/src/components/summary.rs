//! The verdict: one sentence, coloured by what the admin must do.

use certchain_core::report::Severity;
use yew::prelude::*;

use super::ReportProps;

/// The verdict banner.
#[function_component(Summary)]
pub fn summary(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let errors = report.findings.iter().any(|f| f.severity == Severity::Error);
    let (class, mark) = match (errors, report.valid) {
        (true, _) => ("verdict bad", "✘"),
        (false, true) => ("verdict good", "✔"),
        (false, false) => ("verdict neutral", "●"),
    };
    html! {
        <div class={class} data-testid="verdict" data-valid={report.valid.to_string()}>
            <span class="mark" aria-hidden="true">{ mark }</span>
            <div>
                <p class="summary-text">{ props.lang.pick(&report.summary) }</p>
                <p class="trust">{ props.lang.pick(&report.trust.explanation) }</p>
            </div>
        </div>
    }
}
