//! When a chain ends at a private root: "if this is your organisation's CA, trust it" —
//! one click instead of pasting the root again as a trust anchor.

use certchain_core::report::PathEnd;
use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::infra::clock;
use crate::state::{Action, Shared};

/// Trust offer properties.
#[derive(Properties, PartialEq)]
pub struct TrustOfferProps {
    /// The analysis.
    pub report: Shared,
    /// Language.
    pub lang: Lang,
    /// Where the choice goes.
    pub on_action: Callback<Action>,
}

/// The offer, shown only for a chain that ends at a self-signed root no client trusts.
#[function_component(TrustOffer)]
pub fn trust_offer(props: &TrustOfferProps) -> Html {
    let report = &props.report.0;
    if report.trust.end != Some(PathEnd::PrivateRoot) {
        return Html::default();
    }
    let Some(root) = report.chain.last().and_then(|&i| report.certificates.get(i)) else {
        return Html::default();
    };
    let onclick = {
        let (pem, on_action) = (root.pem.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::TrustNow(pem.clone(), clock::now()))
        })
    };
    html! {
        <div class="trust-offer">
            <p>{ t(props.lang, "web-trust-offer") }<strong>{ crate::untrusted::isolated(&root.subject) }</strong></p>
            <button class="primary" data-testid="trust-root" {onclick}>{ t(props.lang, "web-trust-root") }</button>
        </div>
    }
}
