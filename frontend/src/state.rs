//! The app's state and how actions change it. The analysis itself is one call into
//! `certchain-core`, here, in the browser.

use std::rc::Rc;

use certchain_core::snippets::Params;
use certchain_core::{analyze, Options, Report, Source, UnixTime};
use yew::Reducible;

use crate::i18n::Lang;
use crate::infra::catalogues;
use crate::samples::Sample;

/// A report shared between components; equal when it is the same analysis.
#[derive(Clone)]
pub struct Shared(pub Rc<Report>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A binary file the user opened or dropped (DER, PKCS#7): analysed as bytes.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    /// Its file name.
    pub name: String,
    /// Its contents.
    pub bytes: Rc<Vec<u8>>,
}

/// Everything the page shows.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The paste area.
    pub input: String,
    /// Binary files, analysed together with the paste area.
    pub files: Vec<Loaded>,
    /// The host or URL field.
    pub host: String,
    /// Trust anchors the user gave (their private CA), PEM; empty: the public roots.
    pub trust: String,
    /// The "as of" date (Unix seconds); `None` is now.
    pub as_of: Option<i64>,
    /// UI language.
    pub lang: Lang,
    /// A language asked for whose texts are still being loaded (`infra::catalogues`); the
    /// page stays in [`State::lang`] until they are.
    pub pending_lang: Option<Lang>,
    /// Parameters of the configuration snippets.
    pub snippet_params: Params,
    /// The latest analysis, `None` while there is nothing to analyse.
    pub report: Option<Shared>,
    /// The input changed since the latest analysis (typing is analysed after a pause).
    pub stale: bool,
}

/// What can happen.
pub enum Action {
    /// Typed text: analysed after a pause.
    Input(String),
    /// Pasted, dropped or sample text: analysed at once (Unix seconds of now).
    InputNow(String, i64),
    /// Binary files added (analysed at once).
    AddFiles(Vec<Loaded>, i64),
    /// Forget the binary files.
    ClearFiles(i64),
    /// A sample: its input and trust anchors, analysed at once.
    Sample(&'static Sample, i64),
    /// The trust anchors were edited (analysed after a pause).
    Trust(String),
    /// Trust these anchors now ("this root is our CA").
    TrustNow(String, i64),
    /// The host field changed.
    Host(String),
    /// The date changed.
    AsOf(Option<i64>),
    /// The user asked for a language.
    Lang(Lang),
    /// The texts of a language were loaded (or could not be): switch to it and analyse again,
    /// so that the report's texts are in it too (Unix seconds of now).
    TextsLoaded(Lang, i64),
    /// A snippet parameter changed (key, value).
    SnippetParam(&'static str, String),
    /// Analyse now if the input changed (the pause after typing ended).
    Analyze(i64),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Analyze(_)) && !self.stale {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            Action::Input(text) => {
                next.input = text;
                next.stale = true;
            }
            Action::InputNow(text, now) => {
                next.input = text;
                next.analyse(now);
            }
            Action::AddFiles(files, now) => {
                next.files.extend(files);
                next.analyse(now);
            }
            Action::ClearFiles(now) => {
                next.files.clear();
                next.analyse(now);
            }
            Action::Sample(sample, now) => {
                next.input = sample.text.to_string();
                next.trust = sample.trust.to_string();
                next.files.clear();
                next.analyse(now);
            }
            Action::Trust(pem) => {
                next.trust = pem;
                next.stale = true;
            }
            Action::TrustNow(pem, now) => {
                next.trust = pem;
                next.analyse(now);
            }
            Action::Host(host) => {
                next.host = host;
                next.stale = true;
            }
            Action::AsOf(at) => {
                next.as_of = at;
                next.stale = true;
            }
            Action::Lang(lang) if catalogues::ready(lang) => {
                next.lang = lang;
                next.pending_lang = None;
            }
            Action::Lang(lang) => next.pending_lang = Some(lang),
            Action::TextsLoaded(lang, now) => {
                next.lang = lang;
                next.pending_lang = None;
                if next.report.is_some() {
                    next.analyse(now);
                }
            }
            Action::SnippetParam(key, value) => {
                // The form offers only the core's own keys and choices.
                let _ = next.snippet_params.set(key, &value);
            }
            Action::Analyze(now) => next.analyse(now),
        }
        Rc::new(next)
    }
}

impl State {
    /// The snippet parameters, the URL taken from the host field unless set.
    pub fn effective_params(&self) -> Params {
        let mut params = self.snippet_params.clone();
        if params.url.is_empty() {
            params.url = self.host.trim().to_string();
        }
        params
    }

    /// A fresh state in `lang`, or in English while the texts of `lang` are not loaded
    /// (then `lang` is pending).
    pub fn new(lang: Lang) -> State {
        let pending_lang = (!catalogues::ready(lang)).then_some(lang);
        let lang = if pending_lang.is_some() { Lang::En } else { lang };
        State {
            input: String::new(),
            files: Vec::new(),
            host: String::new(),
            trust: String::new(),
            as_of: None,
            lang,
            pending_lang,
            snippet_params: Params::default(),
            report: None,
            stale: false,
        }
    }

    fn analyse(&mut self, now: i64) {
        self.stale = false;
        let mut sources: Vec<Source> = self
            .files
            .iter()
            .map(|f| Source { name: Some(f.name.clone()), bytes: f.bytes.to_vec() })
            .collect();
        if !self.input.trim().is_empty() {
            sources.push(Source::text(&self.input));
        }
        if sources.is_empty() {
            self.report = None;
            return;
        }
        let host = Some(self.host.trim().to_string()).filter(|h| !h.is_empty());
        let trust =
            if self.trust.trim().is_empty() { Vec::new() } else { vec![Source::text(&self.trust)] };
        let options =
            Options { now: UnixTime(self.as_of.unwrap_or(now)), host, trust, ..Options::default() };
        self.report = Some(Shared(Rc::new(analyze(&sources, &options))));
    }
}
