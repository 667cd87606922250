//! Embeds the built web app (`dist/`, written by `cargo xtask dist`) in the binary, so one
//! file is the whole service.
//!
//! Writes `$OUT_DIR/web_app.rs`: `ASSETS`, one `Asset` per file of `dist/`, and `INDEX_CSP`,
//! the Content-Security-Policy hashes of index.html's inline scripts (Trunk writes one that
//! loads the WASM). Without `dist/` the table is empty and `certchain serve` says how to build
//! it. `CERTCHAIN_DIST` points at another folder.
//!
//! Each text or WASM file is also compressed here, once, with gzip (level 9) and brotli
//! (quality 11): the service answers `Accept-Encoding` from these copies, at no CPU cost per
//! request.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use base64::Engine as _;
use sha2::{Digest, Sha256};

fn main() {
    println!("cargo:rerun-if-env-changed=CERTCHAIN_DIST");
    let dist = env::var_os("CERTCHAIN_DIST").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(&env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../dist")
    });
    println!("cargo:rerun-if-changed={}", dist.display());
    let files = app_files(&dist);
    let mut out = String::from("/// The web app's files (from `dist/` at build time).\n");
    out.push_str("pub static ASSETS: &[Asset] = &[\n");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    for file in &files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (gzip, brotli) = compressed_copies(file, &out_dir.join(&name));
        let _ = writeln!(
            out,
            "    Asset {{ name: {name:?}, bytes: include_bytes!({file:?}), gzip: {gzip}, brotli: {brotli} }},"
        );
    }
    out.push_str("];\n");
    let hashes = fs::read_to_string(dist.join("index.html"))
        .map(|html| inline_script_hashes(&html))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "/// CSP sources of index.html's inline scripts.\npub const INLINE_SCRIPTS: &str = {:?};",
        hashes.join(" ")
    );
    if let Err(e) = fs::write(out_dir.join("web_app.rs"), out) {
        println!("cargo:warning=cannot write web_app.rs: {e}");
    }
}

/// `Some(include_bytes!(…))` expressions for the gzip and brotli copies of `file`, written
/// next to `stem` in OUT_DIR; `None` for a file that does not shrink (PNG) or cannot be read.
fn compressed_copies(file: &Path, stem: &Path) -> (String, String) {
    let Ok(bytes) = fs::read(file) else {
        return ("None".into(), "None".into());
    };
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let gzipped = std::io::Write::write_all(&mut gzip, &bytes).and_then(|()| gzip.finish());
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let brotlied =
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params).map(|_| brotli);
    let copy = |compressed: std::io::Result<Vec<u8>>, ext: &str| match compressed {
        Ok(data) if data.len() < bytes.len() * 9 / 10 => {
            let path = stem.with_extension(format!(
                "{}.{ext}",
                stem.extension().map(|e| e.to_string_lossy()).unwrap_or_default()
            ));
            match fs::write(&path, data) {
                Ok(()) => format!("Some(include_bytes!({path:?}))"),
                Err(_) => "None".into(),
            }
        }
        _ => "None".into(),
    };
    (copy(gzipped, "gz"), copy(brotlied, "br"))
}

/// The files of `dist/` that are served (not the size report), sorted; none when missing.
fn app_files(dist: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dist) else {
        println!("cargo:warning=no web app at {}: run `cargo xtask dist`", dist.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x != "md"))
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    files.sort();
    files
}

/// `'sha256-…'` of every inline `<script>` (CSP Level 3 §8.4: the hash of the element's text).
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let (Some(tag_end), Some(close)) = (after.find('>'), after.find("</script>")) else {
            break;
        };
        let text = &after[tag_end + 1..close.max(tag_end + 1)];
        if !after[..tag_end].contains(" src=") {
            let digest = Sha256::digest(text.as_bytes());
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{b64}'"));
        }
        rest = &after[close + "</script>".len()..];
    }
    hashes
}
