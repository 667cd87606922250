//! The text catalogues: every sentence a user reads, in every language, lives in
//! `core/locales/<lang>/<area>.ftl` and nowhere else.
//!
//! The files are [Project Fluent](https://projectfluent.org) resources read by the
//! `fluent-bundle` crate (Mozilla's own implementation, used by Firefox's Rust code): a message
//! is keyed by an id (a finding's code, or `area-what`), its fix or other parts are
//! attributes (`.fix`), and its variable parts are named arguments (`{ $label }`). Wording, the
//! runner's paths and the difference between the CLI's and the web app's words are the
//! catalogue's business; code only names a message and gives its arguments.
//!
//! Areas split each language so that a client can load what it needs when it needs it
//! ([`Area`]). With the `embed-all-languages` feature (on by default) every language is
//! compiled in; without it only English is, and [`install`] adds another language's area at
//! run time (the web app fetches Japanese when the reader asks for it). Until then a text in
//! that language is the English one.
//!
//! Arguments are always strings: certchain formats its numbers and dates itself, so a
//! message reads the same in every surface. Fluent's Unicode isolation marks are off: names
//! from certificates are escaped and isolated by each surface (`escape`, the web app's
//! `untrusted`), and the JSON report must stay byte for byte what it was.

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

/// A language of the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English: always compiled in, and the fallback of every other language.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 code, also the folder under `core/locales`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// One part of a language's catalogue, loaded as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Findings: a message and its `.fix`, keyed by the finding's code.
    Findings,
    /// What the readers say about the input.
    Input,
    /// Error messages from logs, explained.
    Explain,
    /// The recommendation, the files and the analysis' notes.
    Recommend,
    /// The configuration snippets' titles and notes.
    Snippets,
    /// The web app's own words.
    Web,
    /// The command line's own words.
    Cli,
}

impl Area {
    /// Every area, in the order a lookup tries them.
    pub const ALL: [Area; 7] = [
        Area::Findings,
        Area::Input,
        Area::Explain,
        Area::Recommend,
        Area::Snippets,
        Area::Web,
        Area::Cli,
    ];

    /// The file name under `core/locales/<lang>/`, without `.ftl`.
    pub fn name(self) -> &'static str {
        match self {
            Area::Findings => "findings",
            Area::Input => "input",
            Area::Explain => "explain",
            Area::Recommend => "recommend",
            Area::Snippets => "snippets",
            Area::Web => "web",
            Area::Cli => "cli",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// The source of one area in one language, as compiled in.
macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/findings.ftl")),
            include_str!(concat!("../locales/", $lang, "/input.ftl")),
            include_str!(concat!("../locales/", $lang, "/explain.ftl")),
            include_str!(concat!("../locales/", $lang, "/recommend.ftl")),
            include_str!(concat!("../locales/", $lang, "/snippets.ftl")),
            include_str!(concat!("../locales/", $lang, "/web.ftl")),
            include_str!(concat!("../locales/", $lang, "/cli.ftl")),
        ]
    };
}

const EN: [&str; 7] = sources!("en");
#[cfg(feature = "embed-all-languages")]
const JA: [&str; 7] = sources!("ja");

/// The compiled-in source of `area` in `lang`, if that language is compiled in.
pub fn embedded(lang: Lang, area: Area) -> Option<&'static str> {
    match lang {
        Lang::En => Some(EN[area.slot()]),
        #[cfg(feature = "embed-all-languages")]
        Lang::Ja => Some(JA[area.slot()]),
        #[cfg(not(feature = "embed-all-languages"))]
        Lang::Ja => None,
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundles of every language and area, each made once: from the compiled-in source on
/// first use, or by [`Catalogues::install`].
pub struct Catalogues {
    bundles: [[OnceLock<Bundle>; 7]; 2],
    /// Whether the compiled-in sources of languages other than English are used.
    embedded_translations: bool,
}

/// The catalogues every text of certchain comes from.
static CATALOGUES: Catalogues = Catalogues::new(cfg!(feature = "embed-all-languages"));

impl Catalogues {
    /// Empty catalogues. English is always read from the compiled-in sources; the other
    /// languages too when `embedded_translations` is set, else only once installed.
    pub const fn new(embedded_translations: bool) -> Self {
        Self { bundles: [const { [const { OnceLock::new() }; 7] }; 2], embedded_translations }
    }

    /// Adds `area` of `lang` from `source` (a `.ftl` file fetched at run time). Texts made
    /// afterwards use it; texts made before stay as they were (re-run the analysis).
    pub fn install(&self, lang: Lang, area: Area, source: &str) -> Result<(), CatalogueError> {
        let bundle = bundle_of(lang, source)?;
        self.bundles[lang.slot()][area.slot()]
            .set(bundle)
            .map_err(|_| CatalogueError::AlreadyLoaded)
    }

    /// Whether `area` of `lang` can be read now (compiled in or installed).
    pub fn is_loaded(&self, lang: Lang, area: Area) -> bool {
        self.loaded(lang, area).is_some()
    }

    fn loaded(&self, lang: Lang, area: Area) -> Option<&Bundle> {
        let slot = &self.bundles[lang.slot()][area.slot()];
        if let Some(bundle) = slot.get() {
            return Some(bundle);
        }
        if lang != Lang::En && !self.embedded_translations {
            return None;
        }
        // A compiled-in source is valid: `tests::every_catalogue_parses` checks each one.
        let bundle = bundle_of(lang, embedded(lang, area)?).ok()?;
        Some(slot.get_or_init(|| bundle))
    }

    /// The text of message `id` (or `id.attribute`) in `lang`, with `args`; in English when
    /// `lang` is not loaded; the id itself when no catalogue has it, so a gap shows.
    pub fn render(&self, lang: Lang, id: &str, args: &[(&str, &dyn Display)]) -> String {
        let (message, attribute) = id.split_once('.').map_or((id, None), |(m, a)| (m, Some(a)));
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::String(Cow::Owned(value.to_string())));
        }
        self.format(lang, message, attribute, &fluent_args)
            .or_else(|| self.format(Lang::En, message, attribute, &fluent_args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Message `message` (its `attribute`, if given) of the first area of `lang` that has it.
    fn format(
        &self,
        lang: Lang,
        message: &str,
        attribute: Option<&str>,
        args: &FluentArgs<'_>,
    ) -> Option<String> {
        Area::ALL.iter().find_map(|&area| {
            let bundle = self.loaded(lang, area)?;
            let msg = bundle.get_message(message)?;
            let pattern = match attribute {
                Some(name) => msg.get_attribute(name)?.value(),
                None => msg.value()?,
            };
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, Some(args), &mut errors).into_owned())
        })
    }
}

/// Adds `area` of `lang` to certchain's catalogues (see [`Catalogues::install`]).
pub fn install(lang: Lang, area: Area, source: &str) -> Result<(), CatalogueError> {
    CATALOGUES.install(lang, area, source)
}

/// Whether `area` of `lang` can be read now in certchain's catalogues.
pub fn is_loaded(lang: Lang, area: Area) -> bool {
    CATALOGUES.is_loaded(lang, area)
}

/// Message `id` in `lang` from certchain's catalogues (see [`Catalogues::render`]).
pub fn render(lang: Lang, id: &str, args: &[(&str, &dyn Display)]) -> String {
    CATALOGUES.render(lang, id, args)
}

/// Why a catalogue source was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// The source is not valid Fluent; the first error.
    Syntax(String),
    /// This area of this language is already loaded (catalogues are loaded once).
    AlreadyLoaded,
}

impl Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogueError::Syntax(e) => write!(f, "not a valid Fluent catalogue: {e}"),
            CatalogueError::AlreadyLoaded => f.write_str("this catalogue is already loaded"),
        }
    }
}

fn bundle_of(lang: Lang, source: &str) -> Result<Bundle, CatalogueError> {
    let resource = FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| CatalogueError::Syntax(format!("{:?}", errors.first())))?;
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().map_err(|e| CatalogueError::Syntax(format!("{e}")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|e| CatalogueError::Syntax(format!("{:?}", e.first())))?;
    Ok(bundle)
}

/// The [`Text`] of message `id` in every language, with `args`: each language's message gets
/// that language's version of each argument ([`Arg`]).
pub fn text(id: &str, args: &[(&str, &dyn Arg)]) -> Text {
    let one = |lang: Lang| {
        let values: Vec<String> = args.iter().map(|(_, value)| value.in_lang(lang)).collect();
        let named: Vec<(&str, &dyn Display)> =
            args.iter().zip(&values).map(|((name, _), value)| (*name, value as _)).collect();
        render(lang, id, &named)
    };
    Text::new(one(Lang::En), one(Lang::Ja))
}

/// An argument of a message: the same in every language (anything [`Display`]: a name, a
/// number, a date), or a [`Text`] (a reason, a place, a part made by another message), of
/// which each language takes its own version.
pub trait Arg {
    /// The argument in `lang`.
    fn in_lang(&self, lang: Lang) -> String;
}

impl<T: Display + ?Sized> Arg for T {
    fn in_lang(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Arg for Text {
    fn in_lang(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            Lang::Ja => self.ja.clone(),
        }
    }
}

impl Arg for &Text {
    fn in_lang(&self, lang: Lang) -> String {
        (*self).in_lang(lang)
    }
}

/// `text!("id", name = value, …)`: the [`Text`] of a catalogue message in every language.
/// Each value is an [`Arg`]: anything `Display`, the same in every language, or a [`Text`],
/// of which each language takes its own version. Its name is the message's `{ $name }`.
#[macro_export]
macro_rules! text {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::catalogue::text($id, &[$((stringify!($name), &$value as &dyn $crate::catalogue::Arg)),*])
    };
}

/// A text in every language certchain speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// English.
    pub en: String,
    /// Japanese.
    pub ja: String,
}

impl Text {
    /// A text from its English and Japanese versions.
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Self { en: en.into(), ja: ja.into() }
    }

    /// Data shown as it is in every language (a file name, a certificate's label, a parser's
    /// own words).
    pub fn verbatim(data: impl Into<String>) -> Self {
        let data = data.into();
        Self { en: data.clone(), ja: data }
    }
}

#[cfg(test)]
mod tests;
