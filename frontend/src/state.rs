//! The app's state and its reducer: every change goes through an [`Action`].

use std::rc::Rc;

use certchain_core::{analyze, Options, Report, Source, UnixTime};
use yew::Reducible;

use crate::i18n::Lang;

/// A report shared between components; equal when it is the same analysis.
#[derive(Clone)]
pub struct Shared(pub Rc<Report>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Everything the page shows.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The pasted (or opened) input.
    pub input: String,
    /// Host or URL clients connect to.
    pub host: String,
    /// "As of" date (Unix seconds), or `None` for now.
    pub as_of: Option<i64>,
    /// UI language.
    pub lang: Lang,
    /// The latest analysis, if any input.
    pub report: Option<Shared>,
}

/// What can happen.
pub enum Action {
    /// New input text.
    Input(String),
    /// New host.
    Host(String),
    /// New "as of" date.
    AsOf(Option<i64>),
    /// Another language.
    Lang(Lang),
    /// Analyse the current input at `now` (Unix seconds).
    Analyze(i64),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Input(text) => next.input = text,
            Action::Host(host) => next.host = host,
            Action::AsOf(at) => next.as_of = at,
            Action::Lang(lang) => next.lang = lang,
            Action::Analyze(now) => next.report = run(&next, now),
        }
        Rc::new(next)
    }
}

fn run(state: &State, now: i64) -> Option<Shared> {
    if state.input.trim().is_empty() {
        return None;
    }
    let host = Some(state.host.trim().to_string()).filter(|h| !h.is_empty());
    let options = Options { now: UnixTime(state.as_of.unwrap_or(now)), host, ..Options::default() };
    Some(Shared(Rc::new(analyze(&[Source::text(&state.input)], &options))))
}
