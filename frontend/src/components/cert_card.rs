//! One certificate, collapsed to its name and role, expanding to every field.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::state::Shared;
use crate::untrusted::isolated;

/// Certificate card properties.
#[derive(Properties, PartialEq)]
pub struct CertCardProps {
    /// The analysis.
    pub report: Shared,
    /// Which certificate.
    pub index: usize,
    /// Language.
    pub lang: Lang,
}

fn row(label: &str, value: impl Into<Html>) -> Html {
    html! { <><dt>{ label.to_string() }</dt><dd>{ value.into() }</dd></> }
}

/// A certificate card.
#[function_component(CertCard)]
pub fn cert_card(props: &CertCardProps) -> Html {
    let Some(c) = props.report.0.certificates.get(props.index) else { return Html::default() };
    let lang = props.lang;
    let name = c.common_name.clone().unwrap_or_else(|| c.subject.clone());
    let sans: Vec<String> = c.sans.dns.iter().chain(&c.sans.ip).cloned().collect();
    let key = format!(
        "{} {}{}",
        c.key.algorithm.to_ascii_uppercase(),
        c.key.bits,
        c.key.curve.as_ref().map(|x| format!(" ({x})")).unwrap_or_default()
    );
    html! {
        <details class="cert-card" data-testid="cert-card" data-index={c.index.to_string()}>
            <summary>
                <span class="index">{ format!("#{}", c.index) }</span>
                <span class="name">{ isolated(&name) }</span>
                <span class="role">{ format!("{:?}", c.role).to_lowercase() }</span>
            </summary>
            <dl>
                { row(&t(lang, "web-cert-subject"), isolated(&c.subject)) }
                { row(&t(lang, "web-cert-issuer"), isolated(&c.issuer)) }
                { row(&t(lang, "web-cert-validity"), format!("{} → {}", c.validity.not_before, c.validity.not_after)) }
                { row(&t(lang, "web-cert-sans"), isolated(&sans.join(", "))) }
                { row(&t(lang, "web-cert-key"), key) }
                { row(&t(lang, "web-cert-signature"), c.signature_algorithm.clone()) }
                { row(&t(lang, "web-cert-serial"), c.serial.clone()) }
                { row(&t(lang, "web-cert-sha256"), c.sha256.clone()) }
                { row(&t(lang, "web-cert-sha1"), c.sha1.clone()) }
                { row(&t(lang, "web-cert-ski"), c.ski.clone().unwrap_or_default()) }
                { row(&t(lang, "web-cert-aki"), c.aki.clone().unwrap_or_default()) }
            </dl>
        </details>
    }
}
