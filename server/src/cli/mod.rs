//! Command-line subcommands. Their own words are in the catalogues, area `cli`
//! (`core/locales/<lang>/cli.ftl`); clap's `--help` texts stay the doc comments of the
//! arguments.

use certchain_core::catalogue::Lang;

/// `say!(lang, "id", name = value, …)`: message `id` of the catalogues in `lang`, each value
/// anything `Display` named as the message's `{ $name }`. Defined before the modules, so
/// every one of them can use it.
macro_rules! say {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        certchain_core::catalogue::render(
            $lang,
            $id,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

/// The language of the error messages: English whatever `--lang` says, as it always was
/// (most are raised before the output, and its language, is at hand: clap's parsing, reading
/// the files).
pub const ERRORS: Lang = Lang::En;

pub mod analyze;
pub mod fetch;
pub mod input;
pub mod out_dir;
pub mod snippets;
pub mod text;
