//! The catalogues are complete and agree across languages; rendering and installing work.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Every source compiled in, by language and area, read from `core/locales` (so a language
/// left out of the build by a feature is checked too).
fn sources() -> Vec<(Lang, Area, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for area in Area::ALL {
            let path = root.join(lang.code()).join(format!("{}.ftl", area.name()));
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((lang, area, source));
        }
    }
    out
}

/// `id` or `id.attribute` → the named arguments its pattern uses.
type Keys = BTreeMap<String, BTreeSet<String>>;

fn keys(source: &str) -> Keys {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = Keys::new();
    for entry in resource.body {
        let Entry::Message(message) = entry else { continue };
        let id = message.id.name.to_owned();
        if let Some(value) = &message.value {
            out.insert(id.clone(), arguments(value));
        }
        for attribute in &message.attributes {
            out.insert(format!("{id}.{}", attribute.id.name), arguments(&attribute.value));
        }
    }
    out
}

fn arguments(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_pattern(pattern, &mut out);
    out
}

fn collect_pattern(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, out),
        Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_pattern(&variant.value, out);
            }
        }
    }
}

fn collect_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

#[test]
fn every_catalogue_parses() {
    for (lang, area, source) in sources() {
        if let Err((_, errors)) = fluent_syntax::parser::parse(source.as_str()) {
            panic!("{}/{}.ftl: {errors:?}", lang.code(), area.name());
        }
        assert!(bundle_of(lang, &source).is_ok(), "{}/{}.ftl", lang.code(), area.name());
    }
}

#[test]
fn every_language_has_every_key_with_the_same_arguments() {
    let all = sources();
    for area in Area::ALL {
        let of = |lang: Lang| {
            let (_, _, source) = all.iter().find(|(l, a, _)| *l == lang && *a == area).unwrap();
            keys(source)
        };
        let english = of(Lang::En);
        for lang in Lang::ALL.into_iter().skip(1) {
            let other = of(lang);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{}/{}.ftl lacks {missing:?}", lang.code(), area.name());
            assert!(extra.is_empty(), "{}/{}.ftl has extra {extra:?}", lang.code(), area.name());
            for (key, args) in &english {
                assert_eq!(
                    &other[key],
                    args,
                    "{}/{}.ftl: {key} takes other arguments than English",
                    lang.code(),
                    area.name()
                );
            }
        }
    }
}

#[test]
fn a_key_is_defined_in_one_area_only() {
    let mut seen: BTreeMap<String, &'static str> = BTreeMap::new();
    for (lang, area, source) in sources() {
        if lang != Lang::En {
            continue;
        }
        for key in keys(&source).into_keys() {
            if let Some(first) = seen.insert(key.clone(), area.name()) {
                panic!("{key} is in both {first}.ftl and {}.ftl", area.name());
            }
        }
    }
}

const SAMPLE_EN: &str = "greeting = Hello, { $name }!\n    .fix = Wave back at { $name }.\n";
const SAMPLE_JA: &str =
    "greeting = こんにちは、{ $name }さん!\n    .fix = { $name }さんに手を振り返す。\n";

#[test]
fn arguments_are_substituted_without_isolation_marks() {
    let catalogues = Catalogues::new(false);
    catalogues.install(Lang::En, Area::Web, SAMPLE_EN).unwrap();
    let name: &dyn Display = &"\"R3\"";
    assert_eq!(catalogues.render(Lang::En, "greeting", &[("name", name)]), "Hello, \"R3\"!");
    assert_eq!(
        catalogues.render(Lang::En, "greeting.fix", &[("name", name)]),
        "Wave back at \"R3\"."
    );
}

#[test]
fn a_language_not_loaded_reads_english_until_installed() {
    let catalogues = Catalogues::new(false);
    catalogues.install(Lang::En, Area::Web, SAMPLE_EN).unwrap();
    let name: &dyn Display = &"R3";
    assert!(!catalogues.is_loaded(Lang::Ja, Area::Web));
    assert_eq!(catalogues.render(Lang::Ja, "greeting", &[("name", name)]), "Hello, R3!");
    catalogues.install(Lang::Ja, Area::Web, SAMPLE_JA).unwrap();
    assert!(catalogues.is_loaded(Lang::Ja, Area::Web));
    assert_eq!(catalogues.render(Lang::Ja, "greeting", &[("name", name)]), "こんにちは、R3さん!");
    assert_eq!(
        catalogues.install(Lang::Ja, Area::Web, SAMPLE_JA),
        Err(CatalogueError::AlreadyLoaded)
    );
}

#[test]
fn a_bad_source_is_refused_and_an_unknown_id_shows_itself() {
    let catalogues = Catalogues::new(false);
    assert!(matches!(
        catalogues.install(Lang::Ja, Area::Web, "greeting = { $name"),
        Err(CatalogueError::Syntax(_))
    ));
    assert!(!catalogues.is_loaded(Lang::Ja, Area::Web));
    assert_eq!(catalogues.render(Lang::En, "no-such-message", &[]), "no-such-message");
}
