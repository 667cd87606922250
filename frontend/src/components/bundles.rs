//! The recommended files: server full chain, CA bundle, GitLab Runner `<host>.crt`.

use certchain_core::report::Bundle;
use yew::prelude::*;

use super::ReportProps;
use crate::i18n::{t, Lang};
use crate::infra::files;

fn bundle_row(bundle: &Bundle, testid: &'static str, lang: Lang) -> Html {
    let (name, pem) = (bundle.filename.clone(), bundle.pem.clone());
    let download = {
        let (name, pem) = (name.clone(), pem.clone());
        Callback::from(move |_: MouseEvent| files::download(&name, &pem))
    };
    let copy = {
        let pem = pem.clone();
        Callback::from(move |_: MouseEvent| files::copy(&pem))
    };
    let count = bundle.pem.matches("-----BEGIN CERTIFICATE-----").count();
    html! {
        <li class="bundle">
            <div class="bundle-head">
                <code class="filename">{ crate::untrusted::isolated(&bundle.filename) }</code>
                <span class="count">{ format!("{count} ×") }</span>
                <button class="primary" data-testid={testid} data-filename={name} onclick={download}>{ t(lang, "web-download") }</button>
                <button onclick={copy}>{ t(lang, "web-copy") }</button>
            </div>
            <p class="description">{ lang.pick(&bundle.description) }</p>
            <details><summary>{ t(lang, "web-bundle-pem") }</summary><pre class="pem">{ pem }</pre></details>
        </li>
    }
}

/// The files to hand back.
#[function_component(Bundles)]
pub fn bundles(props: &ReportProps) -> Html {
    let b = &props.report.0.bundles;
    let rows = [
        (&b.fullchain, "download-fullchain"),
        (&b.ca_bundle, "download-ca-bundle"),
        (&b.runner_crt, "download-runner-crt"),
    ];
    let rows: Vec<Html> = rows
        .into_iter()
        .filter_map(|(bundle, id)| bundle.as_ref().map(|b| bundle_row(b, id, props.lang)))
        .collect();
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card bundles">
            <h2>{ t(props.lang, "web-files-title") }</h2>
            <ul class="bundle-list">{ for rows }</ul>
        </section>
    }
}
