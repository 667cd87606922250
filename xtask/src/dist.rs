//! `cargo xtask dist`: the web app, built by Trunk into `dist/`, its sizes in
//! `dist/SIZES.md`, and `dist/certchain.html`, the same app as one file.

use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::process::{cargo, check, cmd, display, err, root, run, Result};
use crate::setup::{setup, web_tools_bin};
use crate::single_file::{self, Files};

/// The single-file page, in dist.
const SINGLE: &str = "certchain.html";

/// Setup, then [`build`].
pub fn dist() -> Result {
    setup()?;
    build()
}

/// True when the web app's Trunk entry, `index.html`, is at the repository root.
pub fn has_web_app() -> bool {
    root().join("index.html").is_file()
}

/// `trunk build --release --offline --locked --dist dist`, then `SIZES.md` and the single file.
/// Expects [`setup`] to have run.
pub fn build() -> Result {
    // Trunk builds with `cargo --offline`: fetch first what a host build did not need.
    run(cargo().args(["fetch", "--locked"]))?;
    run(trunk().args(["build", "--release", "--offline", "--locked", "--dist", "dist"]))?;
    let dir = root().join("dist");
    write_catalogues(&dir)?;
    let files = read_files(&dir)?;
    let wasm = the_wasm(&files)?;
    let html = fs::read_to_string(dir.join("index.html"))
        .map_err(|e| err(format!("{}: {e}", dir.join("index.html").display())))?;
    let page = single_file::inline(&html, &files, &wasm)
        .and_then(|page| single_file::with_catalogues(&page, &files))
        .map_err(|e| err(format!("cannot make dist/{SINGLE}: {e}")))?;
    fs::write(dir.join(SINGLE), page)?;
    eprintln!("==> wrote dist/{SINGLE} (CSS, JS glue and wasm inlined)");
    let mut measured: Vec<String> = files
        .keys()
        .filter(|n| [".wasm", ".js", ".css", ".ftl"].iter().any(|ext| n.ends_with(ext)))
        .cloned()
        .collect();
    measured.push(SINGLE.to_string());
    let table = sizes(&dir, &measured)?;
    fs::write(dir.join("SIZES.md"), &table)?;
    println!("{table}");
    eprintln!("==> wrote dist/SIZES.md");
    Ok(())
}

/// The catalogues of every language but English (which the app compiles in), beside
/// `index.html` as `locale-<lang>-<area>.ftl`: the app fetches them when that language is
/// asked for (`frontend/src/infra/catalogues.rs`), the single file carries them inline.
fn write_catalogues(dist: &Path) -> Result {
    let locales = root().join("core/locales");
    for lang in fs::read_dir(&locales).map_err(|e| err(format!("{}: {e}", locales.display())))? {
        let lang = lang?;
        let code = lang.file_name().to_string_lossy().into_owned();
        if code == "en" || !lang.file_type()?.is_dir() {
            continue;
        }
        for area in fs::read_dir(lang.path())? {
            let path = area?.path();
            let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            if name.ends_with(".ftl") {
                fs::copy(&path, dist.join(format!("locale-{code}-{name}")))?;
            }
        }
    }
    Ok(())
}

/// `trunk`, run at the root, with `xtask/web-tools/node_modules/.bin` (wasm-opt) first on PATH.
fn trunk() -> Command {
    let mut paths = vec![web_tools_bin()];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let mut c = cmd("trunk");
    c.env("PATH", std::env::join_paths(paths).unwrap_or_else(|_| OsString::from("")));
    c
}

/// The files at the top of `dir` (not the pages and notes that xtask writes).
fn read_files(dir: &Path) -> Result<Files> {
    let mut files = Files::new();
    for entry in fs::read_dir(dir).map_err(|e| err(format!("{}: {e}", dir.display())))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && !name.ends_with(".html") && !name.ends_with(".md") {
            files.insert(name, fs::read(entry.path())?);
        }
    }
    Ok(files)
}

/// The one `*_bg.wasm` that Trunk wrote.
fn the_wasm(files: &Files) -> Result<String> {
    let wasm: Vec<&String> = files.keys().filter(|n| n.ends_with("_bg.wasm")).collect();
    match wasm[..] {
        [one] => Ok(one.clone()),
        _ => Err(err(format!("expected one *_bg.wasm in dist, found {wasm:?}"))),
    }
}

/// The Markdown table of raw and `gzip -9` sizes.
fn sizes(dir: &Path, names: &[String]) -> Result<String> {
    let mut md = String::from(
        "# Web app sizes\n\nWritten by `cargo xtask dist` (`trunk build --release`). \
         gzip: `gzip -9 -c FILE | wc -c`.\n\n| file | bytes | KiB | gzip -9 bytes | gzip KiB |\n\
         |---|---:|---:|---:|---:|\n",
    );
    for name in names {
        let path = dir.join(name);
        let raw = fs::metadata(&path)?.len();
        let gz = gzip_size(&path)?;
        md.push_str(&format!(
            "| {name} | {raw} | {:.1} | {gz} | {:.1} |\n",
            raw as f64 / 1024.0,
            gz as f64 / 1024.0
        ));
    }
    Ok(md)
}

/// The size of `gzip -9 -c FILE`.
fn gzip_size(path: &Path) -> Result<u64> {
    let mut c = cmd("gzip");
    c.args(["-9", "-c"]).arg(path).stdin(Stdio::null()).stderr(Stdio::inherit());
    let out = c.output().map_err(|e| err(format!("could not start `{}`: {e}", display(&c))))?;
    check(&c, out.status)?;
    Ok(out.stdout.len() as u64)
}
