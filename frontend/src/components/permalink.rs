//! "Copy link": the input in the URL fragment, which is never sent to a server.

use yew::prelude::*;

use crate::i18n::{t, t_with, Lang};
use crate::infra::permalink::LeftOut;
use crate::infra::{files, permalink};
use crate::state::State;

/// Permalink properties.
#[derive(Properties, PartialEq)]
pub struct PermalinkProps {
    /// The state to link to.
    pub state: State,
}

/// The button, and what happened when it was pressed.
#[function_component(Permalink)]
pub fn permalink_button(props: &PermalinkProps) -> Html {
    let lang = props.state.lang;
    let copied = use_state(|| None::<LeftOut>);
    let onclick = {
        let (state, copied) = (props.state.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (fragment, left_out) = permalink::encode(&state);
            if let Some(url) = permalink::publish(&fragment) {
                files::copy(&url);
                copied.set(Some(left_out));
            }
        })
    };
    let disabled = props.state.input.trim().is_empty() && props.state.files.is_empty();
    html! {
        <div class="permalink">
            <button data-testid="permalink" {disabled} {onclick}>{ t(lang, "web-link-copy") }</button>
            <span class="hint" role="status" data-testid="permalink-status">
                { match &*copied {
                    Some(left_out) => t_with(lang, "web-link-copied", &[("left_out", &left_out_text(lang, left_out))]),
                    None => t(lang, "web-link-note"),
                } }
            </span>
        </div>
    }
}

/// What the link left out, in words (empty when nothing was).
fn left_out_text(lang: Lang, left_out: &LeftOut) -> String {
    let mut parts = Vec::new();
    if left_out.keys > 0 {
        parts.push(t_with(lang, "web-link-left-keys", &[("count", &left_out.keys)]));
    }
    if left_out.masked {
        parts.push(t(lang, "web-link-left-secrets"));
    }
    if !left_out.files.is_empty() {
        let names: Vec<String> = left_out
            .files
            .iter()
            .map(|n| certchain_core::escape::visible(n).into_owned())
            .collect();
        parts.push(t_with(lang, "web-link-left-files", &[("names", &names.join(", "))]));
    }
    if parts.is_empty() {
        return String::new();
    }
    t_with(lang, "web-link-left-out", &[("parts", &parts.join(" · "))])
}
