//! Open files (.pem .crt .cer .der .p7b .p7c …): text files go to the paste area, binary
//! ones are listed here and analysed as bytes.

use yew::prelude::*;

use crate::i18n::{t, t_with};
use crate::infra::{clock, upload};
use crate::state::{Action, State};

/// File picker properties.
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// The current state (its binary files are listed).
    pub state: State,
    /// Where the files go.
    pub on_action: Callback<Action>,
}

/// Extensions offered by the file dialog (any file can still be chosen).
const ACCEPT: &str = ".pem,.crt,.cer,.der,.p7b,.p7c,.p7,.ca-bundle,.txt,.yaml,.yml,.json";

/// Reads `files`, appends their text to `input`, and hands both on (analysed at once).
pub fn read_files(files: &web_sys::FileList, input: String, on_action: Callback<Action>) {
    let files = upload::files_of(files);
    wasm_bindgen_futures::spawn_local(async move {
        let read = upload::read_all(files).await;
        let now = clock::now();
        if !read.text.is_empty() {
            let joined =
                if input.trim().is_empty() { read.text } else { format!("{input}\n{}", read.text) };
            on_action.emit(Action::InputNow(joined, now));
        }
        if !read.binary.is_empty() {
            on_action.emit(Action::AddFiles(read.binary, now));
        }
    });
}

/// The "Open files" button and the binary files in use.
#[function_component(FilePicker)]
pub fn file_picker(props: &FilePickerProps) -> Html {
    use wasm_bindgen::JsCast;
    let lang = props.state.lang;
    let on_change = {
        let (on_action, input) = (props.on_action.clone(), props.state.input.clone());
        Callback::from(move |e: Event| {
            let Some(element) =
                e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(files) = element.files() {
                read_files(&files, input.clone(), on_action.clone());
            }
            element.set_value("");
        })
    };
    let on_clear = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ClearFiles(clock::now())))
    };
    let chips = props.state.files.iter().map(|f| {
        html! { <li class="chip" data-testid="loaded-file">{ crate::untrusted::isolated(&f.name) }{ " · " }{ t_with(lang, "web-file-size", &[("bytes", &f.bytes.len())]) }</li> }
    });
    html! {
        <div class="file-picker">
            if !props.state.files.is_empty() {
                <ul class="chips" aria-label={t(lang, "web-binary-files")}>{ for chips }</ul>
                <button class="link" onclick={on_clear}>{ t(lang, "web-clear-files") }</button>
            }
            <label class="button">
                { t(lang, "web-open-files") }
                <input type="file" class="visually-hidden" data-testid="open-file" multiple=true accept={ACCEPT} onchange={on_change} />
            </label>
        </div>
    }
}
