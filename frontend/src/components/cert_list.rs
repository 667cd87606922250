//! Every certificate of the input, in input order, as expandable cards.

use yew::prelude::*;

use super::ReportProps;

use super::cert_card::CertCard;
use crate::i18n::t;

/// The certificate cards.
#[function_component(CertList)]
pub fn cert_list(props: &ReportProps) -> Html {
    let report = &props.report.0;
    if report.certificates.is_empty() {
        return Html::default();
    }
    let cards = (0..report.certificates.len()).map(|i| {
        html! { <CertCard report={props.report.clone()} index={i} lang={props.lang} /> }
    });
    html! {
        <section class="card certs">
            <h2>{ t(props.lang, "certificates") }</h2>
            { for cards }
        </section>
    }
}
