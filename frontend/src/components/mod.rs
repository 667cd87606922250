//! One component per file. The components that render a report share [`ReportProps`];
//! the others declare their own `Properties` beside them.

use yew::Properties;

use crate::i18n::Lang;
use crate::state::Shared;

/// Properties of a component that renders (part of) a report.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The analysis.
    pub report: Shared,
    /// Language.
    pub lang: Lang,
}

pub mod bundles;
pub mod cert_card;
pub mod cert_list;
pub mod chain_diagram;
pub mod error_messages;
pub mod file_picker;
pub mod findings;
pub mod header;
pub mod input_panel;
pub mod permalink;
pub mod snippets;
pub mod summary;
pub mod timeline;
pub mod trust_offer;
