//! Snippets under attack: names from certificates and values that skipped `Params::set`
//! hold shell metacharacters, quotes, line breaks, `../`, bidi controls. Every shell
//! snippet runs under bash in an empty folder with every command replaced by a recording
//! function; the commands and their arguments must be those of the same snippet rendered
//! with harmless values, each harmless value replaced by the hostile one. TOML and YAML
//! snippets must parse to the values they were given. The quoting functions themselves are
//! run against every character (issue: "Snippets executed in a sandbox").

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use certchain_core::snippets::{quote, render, Params, Snippet};
use certchain_core::{analyze, Options, Report, Source, UnixTime};
use certchain_tests::pki::{Issued, Spec};
use certchain_tests::NOW;
use proptest::prelude::*;

/// Replaces every command with a function that records its name and arguments (`N;` then
/// `LENGTH:BYTES` for each of the N, in the C locale so that lengths count bytes; a log
/// per process, so that the sides of a pipeline do not interleave) and does nothing else; `sudo` and `bash -c`
/// go on with what they were given, `tee` records its input, `mktemp` names a folder of the
/// sandbox. `PATH` leads nowhere: a command the list misses is recorded as NOT-FOUND.
const PRELUDE: &str = r#"
rec() { local a r="$#;"; for a in "$@"; do r+="${#a}:$a"; done; printf '%s' "$r" >> "$LOG.$BASHPID"; }
for c in cp chmod kubectl helm gitlab-runner update-ca-certificates update-ca-trust \
    openssl awk keytool security apk apt-get dnf curl git docker cat certchain grep rm \
    basename gitlab-ctl haproxy systemctl; do
  eval "$c() { rec $c \"\$@\"; }"
done
mkdir() {
  rec mkdir "$@"; local a
  for a in "$@"; do case "$a" in "$SANDBOX"/*) /bin/mkdir -p -- "$a";; esac; done
}
sudo() { rec sudo "$@"; "$@"; }
bash() { rec bash "$@"; if [ "${1-}" = -c ]; then eval "$2"; fi; }
tee() { local input; IFS= read -r -d '' input; rec tee "$@" "stdin:$input"; }
mktemp() { rec mktemp "$@"; printf '%s\n' "$SANDBOX/tmp"; }
command_not_found_handle() { rec NOT-FOUND "$@"; return 127; }
PATH=/nonexistent-certchain-sandbox
HOME="$SANDBOX/home"
cd "$SANDBOX/work" || exit 99
"#;

/// What a shell snippet did: the commands with their arguments, the files it left, and
/// what bash said (a redirection into a folder that does not exist here).
#[derive(Debug, PartialEq, Eq)]
struct Run {
    commands: Vec<Vec<String>>,
    files: Vec<String>,
    stderr: String,
}

fn sandbox_run(body: &str) -> Run {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("certchain-sandbox-{}-{run}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["home", "work", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let script = dir.join("snippet.sh");
    std::fs::write(&script, format!("{PRELUDE}\n{body}\n")).unwrap();
    let out = Command::new("/bin/bash")
        .args(["--noprofile", "--norc"])
        .arg(&script)
        .env_clear()
        .env("SANDBOX", &dir)
        .env("LOG", dir.join("log"))
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    let sandbox = dir.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&sandbox, "$SANDBOX");
    let mut log = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with("log.") {
            log.extend(std::fs::read(entry.path()).unwrap_or_default());
        }
    }
    // The sides of a pipeline run at once: their order is not the script's.
    let mut commands: Vec<Vec<String>> = records(&log)
        .into_iter()
        .map(|c| c.into_iter().map(|a| a.replace(&sandbox, "$SANDBOX")).collect())
        .collect();
    commands.sort();
    let mut files = Vec::new();
    for sub in ["home", "work", "tmp"] {
        list(&dir.join(sub), &dir, &mut files);
    }
    files.sort();
    let _ = std::fs::remove_dir_all(&dir);
    Run { commands, files, stderr }
}

/// The commands of a log written by `rec`.
fn records(mut log: &[u8]) -> Vec<Vec<String>> {
    let number = |log: &mut &[u8], end: u8| -> usize {
        let at = log.iter().position(|&b| b == end).unwrap_or(log.len());
        let n = String::from_utf8_lossy(&log[..at]).parse().unwrap_or(0);
        *log = log.get(at + 1..).unwrap_or_default();
        n
    };
    let mut commands = Vec::new();
    while !log.is_empty() {
        let count = number(&mut log, b';');
        let mut command = Vec::new();
        for _ in 0..count {
            let len = number(&mut log, b':').min(log.len());
            command.push(String::from_utf8_lossy(&log[..len]).into_owned());
            log = &log[len..];
        }
        commands.push(command);
    }
    commands
}

fn list(dir: &Path, root: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        out.push(path.strip_prefix(root).unwrap_or(&path).display().to_string());
        if path.is_dir() {
            list(&path, root, out);
        }
    }
}

/// The harmless stand-ins, one per value a test makes hostile.
const SLOTS: [&str; 4] = ["slotpathq", "slotnsq", "slotsecretq", "slotsaq"];

/// Parameters whose URL path, namespace, secret and service account are `values` (in the
/// order of [`SLOTS`]), set straight into the fields as a library user could, without
/// `Params::set` and its checks.
fn unchecked(base: &Params, values: [&str; 4]) -> Params {
    Params {
        url: format!("https://gitlab.example.com:8443/{}/", values[0]),
        namespace: values[1].into(),
        secret: values[2].into(),
        service_account: values[3].into(),
        ..base.clone()
    }
}

fn replaced(text: &str, values: [&str; 4]) -> String {
    SLOTS.iter().zip(values).fold(text.to_string(), |t, (slot, value)| t.replace(slot, value))
}

/// Parameter sets that between them render every target.
fn bases() -> Vec<Params> {
    let sets: [&[(&str, &str)]; 5] = [
        &[("executor", "shell"), ("os", "debian")],
        &[("executor", "docker"), ("os", "alpine"), ("runner_as_root", "no")],
        &[("executor", "kubernetes"), ("dind", "yes"), ("cluster", "mke"), ("os", "rhel")],
        &[("executor", "helm"), ("dind", "yes"), ("os", "macos"), ("runner_as_root", "no")],
        &[("executor", "docker"), ("os", "windows")],
    ];
    sets.iter()
        .map(|pairs| {
            let mut params = Params::default();
            for (key, value) in *pairs {
                params.set(key, value).unwrap();
            }
            params
        })
        .collect()
}

/// A private CA (root in the input) and a leaf with these SANs and this CN.
fn report_for_leaf(sans: Vec<String>, cn: &str) -> Report {
    let root = Spec::root("Sandbox Root CA").issue(None);
    let leaf = Spec { sans, cn: cn.into(), ..Spec::leaf("placeholder.example") };
    let leaf: Issued = leaf.issue(Some(&root));
    let options = Options { now: UnixTime(NOW), ..Options::default() };
    analyze(&[Source::text(&format!("{}{}", leaf.pem(), root.pem()))], &options)
}

fn private_ca() -> Report {
    report_for_leaf(vec!["gitlab.example.com".into()], "gitlab.example.com")
}

/// The check: each snippet rendered with `values` does what its harmless twin does, with
/// the values in place of the stand-ins.
fn assert_contained(report: &Report, values: [&str; 4]) {
    for base in bases() {
        let harmless = render(report, &unchecked(&base, SLOTS));
        let hostile = render(report, &unchecked(&base, values));
        assert_eq!(targets(&harmless), targets(&hostile), "{values:?}");
        for (safe, bad) in harmless.iter().zip(&hostile) {
            compare(safe, bad, values);
        }
    }
}

fn targets(snippets: &[Snippet]) -> Vec<&str> {
    snippets.iter().map(|s| s.target).collect()
}

fn compare(safe: &Snippet, bad: &Snippet, values: [&str; 4]) {
    let what = format!("{} with {values:?}\n{}", bad.target, bad.body);
    match bad.language {
        "shell" => {
            let expected = sandbox_run(&safe.body);
            let expected = Run {
                commands: expected
                    .commands
                    .iter()
                    .map(|c| c.iter().map(|a| replaced(a, values)).collect())
                    .collect(),
                files: expected.files.iter().map(|f| replaced(f, values)).collect(),
                stderr: replaced(&expected.stderr, values),
            };
            assert_eq!(sandbox_run(&bad.body), expected, "{what}");
        }
        "toml" => {
            let parsed = toml_strings(&bad.body).unwrap_or_else(|e| panic!("{e}: {what}"));
            let wanted = toml_strings(&safe.body).unwrap_or_else(|e| panic!("{e}: {what}"));
            let wanted: Vec<String> = wanted.iter().map(|s| replaced(s, values)).collect();
            assert_eq!(parsed, wanted, "{what}");
        }
        "yaml" => {
            let parsed = yaml_strings(&bad.body).unwrap_or_else(|e| panic!("{e}: {what}"));
            let wanted = yaml_strings(&safe.body).unwrap_or_else(|e| panic!("{e}: {what}"));
            let wanted: Vec<String> = wanted.iter().map(|s| replaced(s, values)).collect();
            assert_eq!(parsed, wanted, "{what}");
        }
        _ => {}
    }
}

/// Every string of a TOML file, in document order (`key=value`).
fn toml_strings(body: &str) -> Result<Vec<String>, String> {
    let table: toml::Table = body.parse().map_err(|e| format!("TOML: {e}"))?;
    let mut out = Vec::new();
    flatten_toml("", &toml::Value::Table(table), &mut out);
    Ok(out)
}

fn flatten_toml(path: &str, value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(format!("{path}={s}")),
        toml::Value::Array(items) => items.iter().for_each(|v| flatten_toml(path, v, out)),
        toml::Value::Table(table) => {
            table.iter().for_each(|(k, v)| flatten_toml(&format!("{path}.{k}"), v, out));
        }
        other => out.push(format!("{path}={other}")),
    }
}

/// Every string of every YAML document, in order; a Helm `runners.config` (TOML in YAML)
/// is read as TOML too.
fn yaml_strings(body: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for document in serde_yaml::Deserializer::from_str(body) {
        let value: serde_yaml::Value =
            serde::Deserialize::deserialize(document).map_err(|e| format!("YAML: {e}"))?;
        flatten_yaml("", &value, &mut out)?;
    }
    Ok(out)
}

fn flatten_yaml(
    path: &str,
    value: &serde_yaml::Value,
    out: &mut Vec<String>,
) -> Result<(), String> {
    match value {
        serde_yaml::Value::String(s) if path.ends_with(".config") => {
            out.extend(toml_strings(s)?.into_iter().map(|s| format!("{path}{s}")));
        }
        serde_yaml::Value::String(s) => out.push(format!("{path}={s}")),
        serde_yaml::Value::Sequence(items) => {
            for item in items {
                flatten_yaml(path, item, out)?;
            }
        }
        serde_yaml::Value::Mapping(map) => {
            for (k, v) in map {
                let key = k.as_str().map_or_else(|| format!("{k:?}"), str::to_string);
                flatten_yaml(&format!("{path}.{key}"), v, out)?;
            }
        }
        other => out.push(format!("{path}={other:?}")),
    }
    Ok(())
}

/// The strings attackers try first.
const NASTY: [&str; 14] = [
    "$(touch pwned)",
    "`touch pwned`",
    "'; touch pwned; '",
    "\"; touch pwned; \"",
    "a\n[[runners]]\nurl = \"https://evil.example\"",
    "a\nHOSTS_TOML\ntouch pwned\n",
    "..",
    "${IFS}touch${IFS}pwned",
    "\\'\\\"\\\\",
    "#{`id`}",
    "\u{202e}moc.elpmaxe.baltig",
    "\u{1b}[2J\r✔ valid",
    "a b\tc",
    "{{sh:host}}",
];

#[test]
fn hostile_values_run_no_command_and_write_no_file_of_their_own() {
    let report = private_ca();
    for nasty in NASTY {
        // A URL path ends at `?` or `#` and `/` separates its segments: those are cut.
        let path = nasty.replace(['/', '?', '#'], "_");
        assert_contained(&report, [&path, nasty, nasty, nasty]);
    }
}

#[test]
fn names_from_the_certificate_never_reach_a_file_name_or_a_command() {
    let reference = report_for_leaf(vec!["not a host".into()], "not a host");
    let reference_snippets: Vec<Snippet> =
        bases().iter().flat_map(|p| render(&reference, p)).collect();
    for nasty in NASTY.iter().map(|n| format!("{n}.example.com")).chain(["../escaped".into()]) {
        let ascii = nasty.is_ascii();
        // A CN is taken for a host name only when it has no space (else it is a title).
        let cn_taken = !nasty.contains(' ');
        for (report, named) in [
            ascii.then(|| (report_for_leaf(vec![nasty.clone()], "leaf"), true)),
            Some((report_for_leaf(Vec::new(), &nasty), cn_taken)),
        ]
        .into_iter()
        .flatten()
        {
            let runner = report.bundles.runner_crt.as_ref().unwrap();
            assert_eq!(runner.filename, "ca.crt", "{nasty:?}");
            let said = runner.description.en.contains("is not a host name");
            assert_eq!(said, named, "{nasty:?}: {}", runner.description.en);
            let snippets: Vec<Snippet> = bases().iter().flat_map(|p| render(&report, p)).collect();
            for (got, want) in snippets.iter().zip(&reference_snippets) {
                assert_eq!(got.body, want.body, "{nasty:?}: {}", got.target);
            }
        }
    }
    for snippet in reference_snippets.iter().filter(|s| s.language == "shell") {
        let run = sandbox_run(&snippet.body);
        assert!(
            run.commands.iter().all(|c| c.first().is_some_and(|name| name != "NOT-FOUND")),
            "{}: {:?}",
            snippet.target,
            run.commands
        );
    }
}

#[test]
fn the_sandbox_sees_what_an_unquoted_value_would_do() {
    // The check must be able to fail: a value pasted without quoting runs its command.
    let run = sandbox_run("cp $(touch pwned) x\nmkdir 'a b'\necho > \"$HOME/made\"");
    let touch = ["NOT-FOUND", "touch", "pwned"].map(String::from).to_vec();
    assert!(run.commands.contains(&touch), "{run:?}");
    assert!(run.commands.contains(&["mkdir", "a b"].map(String::from).to_vec()), "{run:?}");
    assert_eq!(run.files, ["home/made"], "{run:?}");
}

/// Every character from U+0001 to U+00FF, the bidi and zero-width controls, and a few
/// from further planes, each alone and in company.
fn every_character() -> Vec<String> {
    let mut words: Vec<String> = (1u32..0x100)
        .chain([0x202e, 0x2066, 0x200b, 0x2028, 0xfeff, 0x1f600, 0xe0041])
        .filter_map(char::from_u32)
        .flat_map(|c| [c.to_string(), format!("a{c}b"), format!("{c}{c}'\"")])
        .collect();
    words.push(String::new());
    words
}

#[test]
fn shell_quoting_reads_back_every_character_in_bash() {
    let words = every_character();
    let script: String =
        words.iter().map(|w| format!("printf '%s\\0' {}\n", quote::sh(w))).collect();
    let out = Command::new("/bin/bash").arg("-c").arg(&script).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let read: Vec<&[u8]> = out.stdout.split(|&b| b == 0).collect();
    for (i, word) in words.iter().enumerate() {
        assert_eq!(read[i], word.as_bytes(), "{word:?} written as {}", quote::sh(word));
        assert!(!quote::sh(word).contains(['\n', '\r', '\u{1b}', '\u{202e}']), "{word:?}");
    }
    let home = Command::new("/bin/bash")
        .arg("-c")
        .arg(format!("printf %s {}", quote::sh_path("~/a b")))
        .env("HOME", "/h")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&home.stdout), "/h/a b");
}

#[test]
fn toml_and_yaml_quoting_read_back_every_character() {
    for word in every_character() {
        let toml_text = format!("v = {}", quote::toml(&word));
        let table: toml::Table = toml_text.parse().unwrap_or_else(|e| panic!("{toml_text:?}: {e}"));
        assert_eq!(table["v"].as_str(), Some(word.as_str()), "{toml_text:?}");
        for written in [quote::yaml(&word), quote::yaml_scalar(&word)] {
            let yaml_text = format!("v: {written}\nw: 1\n");
            let value: serde_yaml::Value =
                serde_yaml::from_str(&yaml_text).unwrap_or_else(|e| panic!("{yaml_text:?}: {e}"));
            assert_eq!(value["v"].as_str(), Some(word.as_str()), "{yaml_text:?}");
            assert_eq!(value["w"].as_u64(), Some(1), "{yaml_text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_values_stay_contained(value in "[^/?#\u{0}]{1,12}") {
        prop_assume!(!SLOTS.iter().any(|s| value.contains(s)));
        assert_contained(&private_ca(), [value.as_str(); 4]);
    }

    #[test]
    fn arbitrary_quoted_words_read_back(word in "[^\u{0}]{0,16}") {
        let toml_text = format!("v = {}", quote::toml(&word));
        let table: toml::Table = toml_text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(table["v"].as_str(), Some(word.as_str()));
        let yaml_text = format!("v: {}\n", quote::yaml_scalar(&word));
        let value: serde_yaml::Value =
            serde_yaml::from_str(&yaml_text).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(value["v"].as_str(), Some(word.as_str()));
    }
}

#[test]
fn the_flattened_files_keep_their_values_in_order() {
    let strings = toml_strings("[a]\nb = \"x\"\nc = [\"y\", \"z\"]").unwrap();
    assert_eq!(strings, [".a.b=x", ".a.c=y", ".a.c=z"]);
    let map: BTreeMap<&str, &str> = BTreeMap::from([("k", "v")]);
    assert_eq!(yaml_strings(&serde_yaml::to_string(&map).unwrap()).unwrap(), [".k=v"]);
}
