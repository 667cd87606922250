//! The configuration snippets `certchain-core` offers for the report, with their parameters.
//! Generic: the core decides which snippets and fields exist; this panel only shows them.

use certchain_core::snippets::{self, Field, Group, Params, Snippet};
use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::infra::files;
use crate::state::{Action, Shared};

/// Snippets panel properties.
#[derive(Properties, PartialEq)]
pub struct SnippetsProps {
    /// The analysis.
    pub report: Shared,
    /// The parameters (the URL falls back to the host field).
    pub params: Params,
    /// Language.
    pub lang: Lang,
    /// Where parameter changes go.
    pub on_action: Callback<Action>,
}

fn field_input(field: &Field, lang: Lang, on_action: &Callback<Action>) -> Html {
    let key = field.key;
    let id = format!("param-{key}");
    let label = html! { <label for={id.clone()} class="label">{ lang.pick(&field.label) }</label> };
    let control = if field.choices.is_empty() {
        let on_action = on_action.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            on_action.emit(Action::SnippetParam(key, input.map(|i| i.value()).unwrap_or_default()));
        });
        html! { <input type="text" id={id.clone()} data-param={key} value={field.value.clone()} {oninput} /> }
    } else {
        let on_action = on_action.clone();
        let onchange = Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let select = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok());
            on_action
                .emit(Action::SnippetParam(key, select.map(|s| s.value()).unwrap_or_default()));
        });
        let options = field.choices.iter().map(|c| {
            html! { <option value={*c} selected={*c == field.value}>{ *c }</option> }
        });
        html! { <select id={id.clone()} data-param={key} {onchange}>{ for options }</select> }
    };
    html! { <div class="field">{ label }{ control }</div> }
}

fn snippet_card(snippet: &Snippet, lang: Lang) -> Html {
    let (name, body) = (snippet.filename.clone(), snippet.body.clone());
    let download = {
        let (name, body) = (name.clone(), body.clone());
        Callback::from(move |_: MouseEvent| files::download(&name, &body))
    };
    let copy = Callback::from(move |_: MouseEvent| files::copy(&body));
    let notes = snippet.notes.iter().map(|n| html! { <li>{ lang.pick(n) }</li> });
    let danger = snippet.dangerous.then(|| html! {
        <span class="badge error" data-testid="snippet-dangerous">{ t(lang, "web-snippet-dangerous") }</span>
    });
    html! {
        <article class={classes!("snippet", snippet.dangerous.then_some("dangerous"))}
            id={format!("snippet-{}", snippet.target)} data-testid="snippet" data-target={snippet.target}>
            <div class="bundle-head">
                { danger }
                <h3>{ lang.pick(&snippet.title) }</h3>
                <button onclick={copy}>{ t(lang, "web-copy") }</button>
                <button data-filename={name} onclick={download}>{ t(lang, "web-download") }</button>
            </div>
            <p class="snippet-meta"><code class="filename">{ crate::untrusted::isolated(&snippet.filename) }</code>{ " · " }{ snippet.language }</p>
            <pre class="code"><code>{ &snippet.body }</code></pre>
            <ul class="notes">{ for notes }</ul>
        </article>
    }
}

/// The panel: the parameters, then each snippet with copy and download.
#[function_component(Snippets)]
pub fn snippets_panel(props: &SnippetsProps) -> Html {
    let grouped = snippets::render_grouped(&props.report.0, &props.params);
    if grouped.is_empty() {
        return Html::default();
    }
    let lang = props.lang;
    let fields = snippets::fields(&props.params);
    html! {
        <section class="card snippets" aria-labelledby="snippets-title">
            <h2 id="snippets-title">{ t(lang, "web-snippets-title") }</h2>
            <div class="params">{ for fields.iter().map(|f| field_input(f, lang, &props.on_action)) }</div>
            { for grouped.iter().map(|(group, list)| group_section(*group, list, lang)) }
        </section>
    }
}

/// One group of snippets, collapsible, open at first.
fn group_section(group: Group, list: &[Snippet], lang: Lang) -> Html {
    html! {
        <details class="snippet-group" open=true data-testid="snippet-group">
            <summary>
                <span class="group-title">{ lang.pick(&group.title()) }</span>
                <span class="count">{ list.len() }</span>
            </summary>
            { for list.iter().map(|s| snippet_card(s, lang)) }
        </details>
    }
}
