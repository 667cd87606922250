//! Every certificate of the input, in input order, as expandable cards. A bundle of thousands
//! shows the first [`SHOWN`] until asked for all: rendering every card of a 10,000-certificate
//! trust store would freeze the page for seconds.

use yew::prelude::*;

use super::ReportProps;

use super::cert_card::CertCard;
use crate::i18n::{t, t_with, Lang};

/// Cards rendered before "Show all".
pub const SHOWN: usize = 100;

/// The certificate cards.
#[function_component(CertList)]
pub fn cert_list(props: &ReportProps) -> Html {
    let show_all = use_state(|| false);
    let report = &props.report.0;
    let total = report.certificates.len();
    if total == 0 {
        return Html::default();
    }
    let shown = if *show_all { total } else { total.min(SHOWN) };
    let cards = (0..shown).map(|i| {
        html! { <CertCard report={props.report.clone()} index={i} lang={props.lang} /> }
    });
    let more = (shown < total).then(|| {
        let onclick = {
            let show_all = show_all.clone();
            Callback::from(move |_: MouseEvent| show_all.set(true))
        };
        html! {
            <p class="more-certs">
                { shown_of(props.lang, shown, total) }
                <button type="button" data-testid="show-all-certs" {onclick}>
                    { show_all_label(props.lang, total) }
                </button>
            </p>
        }
    });
    html! {
        <section class="card certs">
            <h2>{ t(props.lang, "web-certificates-title") }</h2>
            { for cards }
            { for more }
        </section>
    }
}

fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    t_with(lang, "web-certs-shown-first", &[("shown", &shown), ("total", &total)])
}

fn show_all_label(lang: Lang, total: usize) -> String {
    t_with(lang, "web-certs-show-all", &[("total", &total)])
}
