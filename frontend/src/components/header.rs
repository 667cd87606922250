//! Title, the privacy promise, and the language switch.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::infra::storage;
use crate::state::Action;

/// Header properties.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Current language.
    pub lang: Lang,
    /// Where a language change goes.
    pub on_action: Callback<Action>,
}

/// The page header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let switch = |to: Lang| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            storage::remember(to);
            on_action.emit(Action::Lang(to));
        })
    };
    let pressed = |l: Lang| (props.lang == l).to_string();
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "certchain" }</h1>
                <p class="tagline">{ t(props.lang, "tagline") }</p>
            </div>
            <p class="privacy" data-testid="privacy">{ "🔒 " }{ t(props.lang, "privacy") }</p>
            <div class="lang" role="group" aria-label="Language / 言語">
                <button data-testid="lang-en" aria-pressed={pressed(Lang::En)} onclick={switch(Lang::En)}>{ "English" }</button>
                <button data-testid="lang-ja" aria-pressed={pressed(Lang::Ja)} onclick={switch(Lang::Ja)}>{ "日本語" }</button>
            </div>
        </header>
    }
}
