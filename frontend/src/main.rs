//! certchain-web: paste a certificate chain, see it, fix it. The analysis is
//! `certchain-core` compiled to WASM: nothing leaves the page.
#![forbid(unsafe_code)]

mod app;
mod components;
mod i18n;
mod infra;
mod samples;
mod state;
mod untrusted;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
