//! The page: header, input, and the results of the latest analysis.

use yew::prelude::*;

use crate::components::{
    bundles::Bundles, cert_list::CertList, chain_diagram::ChainDiagram,
    error_messages::ErrorMessages, findings::Findings, header::Header, input_panel::InputPanel,
    permalink::Permalink, snippets::Snippets, summary::Summary, timeline::Timeline,
    trust_offer::TrustOffer,
};
use crate::i18n::t;
use crate::infra::{catalogues, clock, perf, permalink, storage};
use crate::state::{Action, State};

/// Milliseconds of quiet typing before the input is analysed again.
const DEBOUNCE_MS: u32 = 150;

/// The state the page opens with: the permalink's input if the URL has one, analysed.
fn initial_state() -> State {
    let restored = permalink::decode(&permalink::current());
    let lang = storage::language();
    catalogues::install_inlined(lang);
    let mut state = State::new(lang);
    state.input = restored.input;
    state.host = restored.host;
    state.trust = restored.trust;
    state.as_of = restored.as_of;
    state.files = restored.files;
    state.stale = true;
    state
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    {
        let dispatcher = state.dispatcher();
        // Everything typed that the analysis reads.
        let deps = (state.input.clone(), state.host.clone(), state.trust.clone(), state.as_of);
        use_effect_with(deps, move |_| {
            let timer = gloo_timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                dispatcher.dispatch(Action::Analyze(clock::now()))
            });
            move || drop(timer)
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            perf::mark("certchain:first-render");
            dispatcher.dispatch(Action::Analyze(clock::now()));
        });
    }
    use_effect_with(state.report.clone(), |report| {
        if report.is_some() {
            perf::mark("certchain:report");
        }
    });
    {
        // A language whose texts are not here yet: load them, then switch.
        let dispatcher = state.dispatcher();
        use_effect_with(state.pending_lang, move |pending| {
            if let Some(lang) = *pending {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(error) = catalogues::load(lang).await {
                        catalogues::warn(&error);
                    }
                    dispatcher.dispatch(Action::TextsLoaded(lang, clock::now()));
                });
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        let _ = gloo_utils::document_element().set_attribute("lang", lang.code());
    });
    let dispatch = state.dispatcher();
    let on_action = Callback::from(move |action: Action| dispatch.dispatch(action));
    let lang = state.lang;
    let results = match &state.report {
        None => html! { <p class="empty">{ t(lang, "web-empty") }</p> },
        Some(report) => html! {
            <>
                <Summary report={report.clone()} {lang} />
                <TrustOffer report={report.clone()} {lang} on_action={on_action.clone()} />
                <ChainDiagram report={report.clone()} {lang} />
                <ErrorMessages report={report.clone()} {lang} />
                <Findings report={report.clone()} {lang} />
                <Timeline report={report.clone()} {lang} />
                <Bundles report={report.clone()} {lang} />
                <Snippets report={report.clone()} params={state.effective_params()} {lang} on_action={on_action.clone()} />
                <CertList report={report.clone()} {lang} />
            </>
        },
    };
    html! {
        <div class="app">
            <Header {lang} on_action={on_action.clone()} />
            <main class="layout">
                <div class="input-column">
                    <InputPanel state={(*state).clone()} {on_action} />
                    <Permalink state={(*state).clone()} />
                </div>
                <section class="results" aria-live="polite" aria-label={t(lang, "web-results-label")} data-testid="results">{ results }</section>
            </main>
        </div>
    }
}
