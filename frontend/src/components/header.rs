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
                <h1>{ logo() }{ "certchain" }</h1>
                <p class="tagline">{ t(props.lang, "web-tagline") }</p>
            </div>
            <p class="privacy" data-testid="privacy">{ lock_icon() }{ t(props.lang, "web-privacy") }</p>
            <div class="lang" role="group" aria-label={t(props.lang, "web-lang-group")}>
                <button data-testid="lang-en" aria-pressed={pressed(Lang::En)} onclick={switch(Lang::En)}>{ t(props.lang, "web-lang-en") }</button>
                <button data-testid="lang-ja" aria-pressed={pressed(Lang::Ja)} onclick={switch(Lang::Ja)}>{ t(props.lang, "web-lang-ja") }</button>
            </div>
        </header>
    }
}

/// Three linked rings: the logo (drawn, so it needs no emoji font).
fn logo() -> Html {
    html! {
        <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect x="2" y="10" width="13" height="12" rx="6" />
            <rect x="17" y="10" width="13" height="12" rx="6" />
            <line x1="11" y1="16" x2="21" y2="16" />
        </svg>
    }
}

/// A padlock, for the privacy note.
fn lock_icon() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="3" y="7" width="10" height="8" rx="1.5" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" />
        </svg>
    }
}
