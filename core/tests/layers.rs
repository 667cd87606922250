//! The architecture, checked: `input → cert → chain → diagnose → recommend → explain →
//! report`, and no module imports one to its right (the README's "Architecture").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

use std::fs;
use std::path::Path;

/// The pipeline's modules, in order.
const LAYERS: [&str; 7] = ["input", "cert", "chain", "diagnose", "recommend", "explain", "report"];

/// Every non-test source file of a module: `src/<name>.rs` or `src/<name>/**.rs`, without
/// the test files (`tests.rs`, `tests_*.rs`, `*_tests*.rs`, `testing.rs`).
fn sources(name: &str) -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let file = src.join(format!("{name}.rs"));
    if file.is_file() {
        out.push((file.display().to_string(), fs::read_to_string(&file).unwrap()));
    }
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let is_test = stem.starts_with("tests") || stem.contains("_tests") || stem == "testing";
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !is_test {
                out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// The code before the file's `#[cfg(test)]` module, if it has one inline.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

#[test]
fn no_module_of_the_pipeline_imports_one_further_down_the_line() {
    let mut upward = Vec::new();
    for (position, layer) in LAYERS.iter().enumerate() {
        let files = sources(layer);
        assert!(!files.is_empty(), "no source for {layer}");
        for (path, text) in &files {
            for later in &LAYERS[position + 1..] {
                if without_tests(text).contains(&format!("crate::{later}::")) {
                    upward.push(format!("{path} imports crate::{later}"));
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports against the pipeline's direction:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_an_import_against_the_direction() {
    let text = "use crate::report::Report;\n#[cfg(test)]\nmod tests { use crate::explain::X; }";
    assert!(without_tests(text).contains("crate::report::"));
    assert!(!without_tests(text).contains("crate::explain::"));
    assert!(sources("chain").iter().any(|(path, _)| path.ends_with("graph.rs")));
}
