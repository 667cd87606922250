//! Every certificate of the input, in input order, as expandable cards.

use yew::prelude::*;

use super::cert_card::CertCard;
use crate::i18n::{t, Lang};
use crate::state::Shared;

/// Certificate list properties.
#[derive(Properties, PartialEq)]
pub struct CertListProps {
    /// The analysis.
    pub report: Shared,
    /// Language.
    pub lang: Lang,
}

/// The certificate cards.
#[function_component(CertList)]
pub fn cert_list(props: &CertListProps) -> Html {
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
