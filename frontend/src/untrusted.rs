//! Text from the input on the page: a certificate's names, file names, log excerpts. Control
//! and invisible formatting characters are shown as escapes (`certchain_core::escape`), and
//! the text is isolated from what surrounds it (`<bdi>`, `unicode-bidi: isolate`, Unicode
//! TR #9 §2.7), so a U+202E in a CN cannot draw `moc.elpmaxe.baltig` as
//! `gitlab.example.com` nor reverse the sentence it stands in.

use yew::prelude::*;

/// `text` with its hidden characters written as `\u{XXXX}`.
pub fn shown(text: &str) -> String {
    certchain_core::escape::visible(text).into_owned()
}

/// `text`, [shown](shown), in its own bidi isolate.
pub fn isolated(text: &str) -> Html {
    html! { <bdi class="untrusted">{ shown(text) }</bdi> }
}
