//! The error messages pasted with the input, each explained, with links to the snippets
//! that fix it. Shown above the findings, styled like them.

use certchain_core::report::ErrorMessage;
use yew::prelude::*;

use super::ReportProps;
use crate::i18n::{t, t_with, Lang};

/// `line 3`, or `input 2, line 3` when there are several sources.
fn place(m: &ErrorMessage, several: bool, lang: Lang) -> String {
    if several {
        t_with(lang, "web-error-place-several", &[("source", &(m.source + 1)), ("line", &m.line)])
    } else {
        t_with(lang, "web-error-place", &[("line", &m.line)])
    }
}

fn item(m: &ErrorMessage, several: bool, lang: Lang) -> Html {
    let certs: Vec<String> = m.certificates.iter().map(|i| format!("#{i}")).collect();
    let links = m.snippets.iter().map(|target| {
        html! { <a href={format!("#snippet-{target}")} data-snippet={*target}><code>{ *target }</code></a> }
    });
    html! {
        <li class={classes!("finding", "error", "error-message")} data-testid="error-message" data-code={m.code}>
            <div class="finding-head">
                <code class="code">{ m.code }</code>
                <span class="where">{ place(m, several, lang) }</span>
                <span class="certs">{ certs.join(" ") }</span>
            </div>
            <code class="excerpt">{ crate::untrusted::isolated(&m.excerpt) }</code>
            <p class="message"><strong>{ t(lang, "web-label-meaning") }{ " " }</strong>{ lang.pick(&m.meaning) }</p>
            <p class="message"><strong>{ t(lang, "web-label-cause") }{ " " }</strong>{ lang.pick(&m.cause) }</p>
            <p class="fix"><strong>{ t(lang, "web-label-fix") }{ " " }</strong>{ lang.pick(&m.fix) }</p>
            if !m.snippets.is_empty() {
                <p class="snippet-links"><strong>{ t(lang, "web-label-snippets") }{ " " }</strong>{ for links }</p>
            }
        </li>
    }
}

/// The list of recognised error messages (nothing when there is none).
#[function_component(ErrorMessages)]
pub fn error_messages(props: &ReportProps) -> Html {
    let lang = props.lang;
    let report = &props.report.0;
    if report.error_messages.is_empty() {
        return html! {};
    }
    let several = report.input.sources > 1;
    html! {
        <section class="card findings error-messages" data-testid="error-messages">
            <h2>{ t(lang, "web-error-messages-title") }</h2>
            <ol class="finding-list">{ for report.error_messages.iter().map(|m| item(m, several, lang)) }</ol>
        </section>
    }
}
