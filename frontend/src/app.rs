//! The page: header, input, and the results of the latest analysis.

use yew::prelude::*;

use crate::components::{
    bundles::Bundles, cert_list::CertList, chain_diagram::ChainDiagram, findings::Findings,
    header::Header, input_panel::InputPanel, summary::Summary, timeline::Timeline,
};
use crate::i18n::t;
use crate::infra::{clock, storage};
use crate::state::{Action, State};

/// Milliseconds of quiet typing before the input is analysed again.
const DEBOUNCE_MS: u32 = 150;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        input: String::new(),
        host: String::new(),
        as_of: None,
        lang: storage::language(),
        report: None,
    });
    {
        let dispatcher = state.dispatcher();
        let deps = (state.input.clone(), state.host.clone(), state.as_of);
        use_effect_with(deps, move |_| {
            let timer = gloo_timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                dispatcher.dispatch(Action::Analyze(clock::now()))
            });
            move || drop(timer)
        });
    }
    use_effect_with(state.lang, |lang| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let dispatch = state.dispatcher();
    let on_action = Callback::from(move |action: Action| dispatch.dispatch(action));
    let lang = state.lang;
    let results = match &state.report {
        None => html! { <p class="empty">{ t(lang, "empty") }</p> },
        Some(report) => html! {
            <>
                <Summary report={report.clone()} {lang} />
                <ChainDiagram report={report.clone()} {lang} />
                <Findings report={report.clone()} {lang} />
                <Timeline report={report.clone()} {lang} />
                <Bundles report={report.clone()} {lang} />
                <CertList report={report.clone()} {lang} />
            </>
        },
    };
    html! {
        <div class="app">
            <Header {lang} on_action={on_action.clone()} />
            <main class="layout">
                <InputPanel state={(*state).clone()} {on_action} />
                <section class="results" aria-live="polite" data-testid="results">{ results }</section>
            </main>
        </div>
    }
}
