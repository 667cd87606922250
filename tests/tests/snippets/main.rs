//! Every snippet target, rendered for the fixture chains under the parameter sets users
//! have: snapshotted (insta), and every body checked by a real parser for its language.

mod hostile;
mod syntax;

use certchain_core::snippets::{render, Params, Snippet};
use certchain_core::{analyze, Options, Report, Source, UnixTime};
use certchain_tests::NOW;

const LEAF: &str = include_str!("../../fixtures/inputs/leaf.pem");
const INTERMEDIATE: &str = include_str!("../../fixtures/inputs/intermediate.pem");
const ROOT: &str = include_str!("../../fixtures/inputs/root.pem");
const URL: &str = "https://gitlab.example.com:8443/";

/// The fixture chain (leaf, intermediate) served by a private CA whose root is trusted.
fn private_ca() -> Report {
    let options = Options {
        now: UnixTime(NOW),
        host: Some(URL.into()),
        trust: vec![Source::text(ROOT)],
        ..Options::default()
    };
    analyze(&[Source::text(&format!("{LEAF}{INTERMEDIATE}"))], &options)
}

/// The parameter sets, by name: every executor, every OS and job image, MKE.
fn scenarios() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        ("docker-debian", vec![]),
        ("docker-windows", vec![("executor", "docker"), ("os", "windows")]),
        ("docker-alpine-not-root", vec![("job_os", "alpine"), ("runner_as_root", "no")]),
        ("shell-rhel", vec![("executor", "shell"), ("os", "rhel"), ("job_os", "rhel")]),
        ("shell-macos", vec![("executor", "shell"), ("os", "macos"), ("runner_as_root", "no")]),
        ("kubernetes-alpine", vec![("executor", "kubernetes"), ("job_os", "alpine")]),
        ("helm-dind", vec![("executor", "helm"), ("dind", "yes")]),
        (
            "helm-mke",
            vec![("executor", "helm"), ("dind", "yes"), ("cluster", "mke"), ("namespace", "ci")],
        ),
    ]
}

fn params(pairs: &[(&str, &str)]) -> Params {
    let mut params = Params { url: URL.into(), ..Params::default() };
    for (key, value) in pairs {
        assert_eq!(params.set(key, value), Ok(()), "{key}={value}");
    }
    params
}

/// A snippet as a reviewer reads it: what, where, the body, then the notes.
fn shown(snippet: &Snippet) -> String {
    let mut text = format!(
        "{} | {} | {} | {}{}\n\n{}\n",
        snippet.target,
        snippet.filename,
        snippet.language,
        snippet.title.en,
        if snippet.dangerous { " | DANGEROUS" } else { "" },
        snippet.body.trim_end()
    );
    for note in &snippet.notes {
        text += &format!("\n- {}\n  {}", note.en, note.ja);
    }
    text
}

/// Every (scenario, snippet) rendered for the private-CA chain.
fn rendered() -> Vec<(&'static str, Snippet)> {
    let report = private_ca();
    scenarios()
        .into_iter()
        .flat_map(|(name, pairs)| {
            render(&report, &params(&pairs)).into_iter().map(move |s| (name, s))
        })
        .collect()
}

#[test]
fn every_target_is_snapshotted_in_every_scenario() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (scenario, snippet) in rendered() {
            insta::assert_snapshot!(format!("{scenario}__{}", snippet.target), shown(&snippet));
        }
    });
}

#[test]
fn the_scenarios_reach_every_target_the_families_offer() {
    let mut seen: Vec<&str> = rendered().iter().map(|(_, s)| s.target).collect();
    seen.sort_unstable();
    seen.dedup();
    for target in certchain_core::snippets::TARGETS {
        assert!(seen.contains(&target), "no scenario renders {target}: {seen:?}");
    }
    for target in &seen {
        assert!(certchain_core::snippets::TARGETS.contains(target), "{target} is not in TARGETS");
    }
}

#[test]
fn every_body_parses_in_its_language() {
    let mut checked = 0;
    for (scenario, snippet) in rendered() {
        if let Err(why) = syntax::check(&snippet) {
            panic!("{scenario}/{}: {why}\n{}", snippet.target, snippet.body);
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} snippets checked");
}

#[test]
fn the_checker_rejects_broken_files() {
    let broken = |language: &'static str, filename: &str, body: &str| Snippet {
        target: "broken",
        title: certchain_core::report::Text::new("", ""),
        filename: filename.into(),
        language,
        body: body.into(),
        notes: Vec::new(),
        dangerous: false,
    };
    let cases = [
        broken("toml", "config.toml", "[[runners]]\n  url = \"https://x/"),
        broken("yaml", "a.yaml", "a: [1, 2"),
        broken("yaml", "crb.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: x\nsubjects: []\n"),
        broken("yaml", ".gitlab-ci.yml", "build:\n  stage: build\n"),
        broken("yaml", "values.yaml", "gitlabUrl: https://x/\nrunners:\n  config: |\n    [[runners]\n"),
        broken("shell", "a.sh", "if true; then echo\n"),
        broken("powershell", "a.ps1", "Invoke-Expression (iwr https://x)\n"),
        broken("apache", "a.conf", "<VirtualHost *:443>\n  SSLEngine on\n"),
        broken("apache", "a.conf", "<VirtualHost *:443>\n</Directory>\n"),
    ];
    for case in cases {
        assert!(syntax::check(&case).is_err(), "accepted: {}", case.body);
    }
}
