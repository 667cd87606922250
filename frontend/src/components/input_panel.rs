//! The input: paste area, host, "as of" date, and the samples.

use yew::prelude::*;

use crate::i18n::t;
use crate::infra::clock;
use crate::samples;
use crate::state::{Action, State};

/// Input panel properties.
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current state (input, host, date, language).
    pub state: State,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

fn value_of(event: &InputEvent) -> String {
    use wasm_bindgen::JsCast;
    let target = event.target();
    target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .or_else(|| {
            target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value())
        })
        .unwrap_or_default()
}

/// The input panel.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let lang = props.state.lang;
    let emit = |make: fn(String) -> Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| on_action.emit(make(value_of(&e))))
    };
    let on_date = emit(|text| Action::AsOf(clock::parse_date(&text)));
    let samples = samples::all().into_iter().map(|sample| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::Input(sample.text.to_string())));
        html! { <button class="sample" data-testid={format!("sample-{}", sample.key)} {onclick}>{ t(lang, sample.key) }</button> }
    });
    let date = props.state.as_of.map(clock::date_text).unwrap_or_default();
    html! {
        <section class="input-panel">
            <label for="paste" class="label">{ t(lang, "paste_label") }</label>
            <textarea id="paste" data-testid="paste" spellcheck="false" autocomplete="off"
                placeholder={format!("-----BEGIN CERTIFICATE-----\n…\n\n{}", t(lang, "paste_hint"))}
                value={props.state.input.clone()} oninput={emit(Action::Input)} />
            <div class="row">
                <div class="field">
                    <label for="host" class="label">{ t(lang, "host_label") }</label>
                    <input id="host" data-testid="host" type="text" placeholder="https://gitlab.example.com:8443/"
                        value={props.state.host.clone()} oninput={emit(Action::Host)} />
                </div>
                <div class="field narrow">
                    <label for="as-of" class="label">{ t(lang, "as_of_label") }</label>
                    <input id="as-of" data-testid="as-of" type="date" value={date} oninput={on_date} />
                </div>
            </div>
            <div class="samples"><span class="label">{ t(lang, "samples") }</span>{ for samples }</div>
        </section>
    }
}
