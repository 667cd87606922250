//! "Copy link": the input in the URL fragment, which is never sent to a server.

use yew::prelude::*;

use crate::i18n::t;
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
    let copied = use_state(|| false);
    let onclick = {
        let (state, copied) = (props.state.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = permalink::publish(&permalink::encode(&state)) {
                files::copy(&url);
                copied.set(true);
            }
        })
    };
    let disabled = props.state.input.trim().is_empty() && props.state.files.is_empty();
    html! {
        <div class="permalink">
            <button data-testid="permalink" {disabled} {onclick}>{ t(lang, "copy_link") }</button>
            <span class="hint" role="status">
                { if *copied { t(lang, "link_copied") } else { t(lang, "link_note") } }
            </span>
        </div>
    }
}
