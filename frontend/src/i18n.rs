//! The page's language. Its own words are in the core's catalogues, area `web`
//! (`core/locales/<lang>/web.ftl`), like the report's texts.
//!
//! Nothing here needs Japanese compiled in: a language whose catalogue is not loaded reads
//! in English (`catalogue::render` falls back), and `catalogue::install` can add it later.

use std::fmt::Display;

use certchain_core::catalogue;
use certchain_core::report::Text;

/// A UI language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The catalogues' language.
    pub fn catalogue(self) -> catalogue::Lang {
        match self {
            Lang::En => catalogue::Lang::En,
            Lang::Ja => catalogue::Lang::Ja,
        }
    }

    /// From a BCP 47 code or a browser language (`ja-JP` → Japanese).
    pub fn from_code(code: &str) -> Lang {
        if code.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Pick the text of a core [`Text`], its hidden characters shown as escapes (report
    /// texts quote names from certificates).
    pub fn pick(self, text: &Text) -> String {
        crate::untrusted::shown(match self {
            Lang::En => &text.en,
            Lang::Ja => &text.ja,
        })
    }
}

/// The page's text `id` (`core/locales/<lang>/web.ftl`). An unknown id shows itself, so a
/// gap is visible, never blank.
pub fn t(lang: Lang, id: &str) -> String {
    t_with(lang, id, &[])
}

/// The page's text `id` with its named arguments.
pub fn t_with(lang: Lang, id: &str, args: &[(&str, &dyn Display)]) -> String {
    catalogue::render(lang.catalogue(), id, args)
}
