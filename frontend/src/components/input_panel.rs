//! The input: paste area (also a drop target for files), open-file button, host, "as of"
//! date, and the samples. Pasted, dropped and sample input is analysed at once; typing
//! after a short pause.

use certchain_core::host;
use yew::prelude::*;

use super::file_picker::{read_files, FilePicker};
use crate::i18n::{t, t_with};
use crate::infra::clock;
use crate::samples;
use crate::state::{Action, State};

/// Input panel properties.
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current state (input, files, host, date, language).
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

/// A paste or a drop is a whole input: analyse it without waiting (input events of the
/// Input Events Level 2 spec, `inputType`).
fn is_whole_input(event: &InputEvent) -> bool {
    matches!(event.input_type().as_str(), "insertFromPaste" | "insertFromDrop")
}

/// A field whose every edit becomes `action(value)`.
fn field(on_action: &Callback<Action>, action: fn(String) -> Action) -> Callback<InputEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: InputEvent| on_action.emit(action(value_of(&e))))
}

/// A text area analysed at once when pasted or dropped into (`now`), after a pause when
/// typed (`typed`).
fn text_field(
    on_action: &Callback<Action>,
    now: fn(String, i64) -> Action,
    typed: fn(String) -> Action,
) -> Callback<InputEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: InputEvent| {
        let text = value_of(&e);
        on_action.emit(if is_whole_input(&e) { now(text, clock::now()) } else { typed(text) })
    })
}

/// The input panel.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let lang = props.state.lang;
    let dragging = use_state(|| false);
    let on_text = text_field(&props.on_action, Action::InputNow, Action::Input);
    let on_trust = text_field(&props.on_action, Action::TrustNow, Action::Trust);
    let on_host = field(&props.on_action, Action::Host);
    let on_date = field(&props.on_action, |text| Action::AsOf(clock::parse_date(&text)));
    let drag = |over: bool| {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(over);
        })
    };
    let on_drop = {
        let (dragging, on_action, input) =
            (dragging.clone(), props.on_action.clone(), props.state.input.clone());
        Callback::from(move |e: DragEvent| {
            let files = e.data_transfer().and_then(|d| d.files());
            if let Some(files) = files.filter(|f| f.length() > 0) {
                e.prevent_default();
                read_files(&files, input.clone(), on_action.clone());
            }
            dragging.set(false);
        })
    };
    let samples = samples::all().iter().map(|sample| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Sample(sample, clock::now()))
        });
        html! { <button class="sample" data-testid={format!("sample-{}", sample.key)} {onclick}>{ t(lang, sample.label) }</button> }
    });
    let date = clock::date_text(props.state.as_of.unwrap_or_else(clock::now));
    // A host that is not one would turn the host check off without a word: say so.
    let host_error = host::given(&props.state.host).err();
    let class = classes!("input-panel", dragging.then_some("dragging"));
    html! {
        <section {class} ondragover={drag(true)} ondragenter={drag(true)} ondragleave={drag(false)} ondrop={on_drop}>
            <div class="label-row">
                <label for="paste" class="label">{ t(lang, "web-paste-label") }</label>
                <FilePicker state={props.state.clone()} on_action={props.on_action.clone()} />
            </div>
            <textarea id="paste" data-testid="paste" spellcheck="false" autocomplete="off"
                aria-describedby="paste-hint"
                placeholder={format!("-----BEGIN CERTIFICATE-----\n…\n\n{}", t(lang, "web-paste-hint"))}
                value={props.state.input.clone()} oninput={on_text} />
            <p id="paste-hint" class="hint">{ t(lang, "web-drop-hint") }</p>
            <div class="row">
                <div class="field">
                    <label for="host" class="label">{ t(lang, "web-host-label") }</label>
                    <input id="host" data-testid="host" type="text" inputmode="url" placeholder="https://gitlab.example.com:8443/"
                        aria-invalid={host_error.is_some().to_string()} aria-describedby={host_error.is_some().then_some("host-error")}
                        value={props.state.host.clone()} oninput={on_host} />
                    if let Some(why) = host_error {
                        <p id="host-error" data-testid="host-error" class="hint field-error" aria-live="polite">{ t_with(lang, "web-host-invalid", &[("why", &why)]) }</p>
                    }
                </div>
                <div class="field narrow">
                    <label for="as-of" class="label">{ t(lang, "web-as-of-label") }</label>
                    <input id="as-of" data-testid="as-of" type="date" value={date} oninput={on_date} />
                </div>
            </div>
            <details class="trust-field" open={!props.state.trust.trim().is_empty()}>
                <summary>{ t(lang, "web-trust-label") }</summary>
                <p class="hint" id="trust-hint">{ t(lang, "web-trust-hint") }</p>
                <textarea id="trust" data-testid="trust" spellcheck="false" autocomplete="off" rows="4"
                    aria-describedby="trust-hint" aria-label={t(lang, "web-trust-label")}
                    placeholder="-----BEGIN CERTIFICATE-----" value={props.state.trust.clone()} oninput={on_trust} />
            </details>
            <div class="samples" role="group" aria-label={t(lang, "web-samples-label")}>
                <span class="label">{ t(lang, "web-samples-label") }</span>{ for samples }
            </div>
        </section>
    }
}
