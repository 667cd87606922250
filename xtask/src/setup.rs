//! `cargo xtask setup`: install what the build and the tests need, only when missing.
//!
//! Each [`Tool`] says how to tell it is there and how to install it; append new
//! ones to [`TOOLS`]. Apt packages go through [`apt_install`], which runs
//! `apt-get update` once, before the first install, and only if something is missing.
//! Pinned tools are checked by version, not only by presence.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::process::{capture, cargo, cmd, err, root, run, succeeds, Result};

/// Something the project needs on the machine.
pub struct Tool {
    /// What it is, for the log.
    pub name: &'static str,
    /// True when it is already there (quick and quiet).
    pub is_present: fn() -> bool,
    /// Installs it; prints each command it runs.
    pub install: fn() -> Result,
}

/// Everything `setup` makes sure of, in order.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "cryptography-vectors (x509 corpus, PyPI)",
        is_present: crate::vectors::present,
        install: crate::vectors::fetch,
    },
    Tool {
        name: "rust target wasm32-unknown-unknown",
        is_present: wasm_target_present,
        install: || run(cmd("rustup").args(["target", "add", WASM])),
    },
    Tool {
        name: "rustfmt",
        is_present: || succeeds(cmd("rustfmt").arg("--version")),
        install: || run(cmd("rustup").args(["component", "add", "rustfmt"])),
    },
    Tool {
        name: "clippy",
        is_present: || succeeds(cmd("cargo-clippy").arg("--version")),
        install: || run(cmd("rustup").args(["component", "add", "clippy"])),
    },
    Tool {
        name: "openssl",
        is_present: || succeeds(cmd("openssl").arg("version")),
        install: || apt_install(&["openssl"]),
    },
    Tool {
        name: "wrk",
        // wrk --version exits 1: look for the file.
        is_present: || Path::new("/usr/bin/wrk").is_file(),
        install: || apt_install(&["wrk"]),
    },
    Tool {
        // The nginx proof (tests/tests/nginx_proof.rs) runs its own nginx on a free
        // 127.0.0.1 port with its own config; it never uses a system nginx or ports 80/443.
        name: "nginx",
        is_present: || Path::new(NGINX).is_file(),
        install: || apt_install(&["nginx"]),
    },
    Tool {
        name: "/usr/bin/time",
        is_present: || Path::new("/usr/bin/time").is_file(),
        install: || apt_install(&["time"]),
    },
    Tool {
        name: "trunk 0.21.14",
        is_present: || reports_version("trunk", TRUNK),
        // About 10 minutes. Trunk 0.22 needs a newer rustc than the project's 1.95.
        install: || run(cargo().args(["install", "trunk", "--version", TRUNK, "--locked"])),
    },
    Tool {
        name: "wasm-bindgen-cli (as in Cargo.lock)",
        is_present: || reports_version("wasm-bindgen", &wasm_bindgen_version()),
        // About 3 minutes. No `--locked`: its lock file names a crate version that the
        // registry does not serve.
        install: || {
            let version = wasm_bindgen_version();
            run(cargo().args(["install", "wasm-bindgen-cli", "--version", &version]))
        },
    },
    Tool {
        name: "wasm-opt (npm binaryen)",
        is_present: wasm_opt_present,
        install: || {
            run(cmd("npm").current_dir(web_tools()).args(["ci", "--no-audit", "--no-fund"]))
        },
    },
    Tool {
        name: "chromium and chromium-driver",
        is_present: || {
            succeeds(cmd("chromium").arg("--version"))
                && succeeds(cmd("chromedriver").arg("--version"))
        },
        install: || apt_install(&["chromium", "chromium-driver"]),
    },
    Tool {
        // Without it, headless Chromium draws the Japanese UI as boxes in the screenshots.
        name: "fonts-noto-cjk",
        is_present: || Path::new(NOTO_CJK).is_file(),
        install: || apt_install(&["fonts-noto-cjk"]),
    },
];

/// Debian's `nginx` binary, where the nginx proof looks for it.
const NGINX: &str = "/usr/sbin/nginx";

/// A file of Debian's `fonts-noto-cjk` (checked by path: quicker than asking dpkg).
const NOTO_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// The Trunk release that builds with the project's rustc.
const TRUNK: &str = "0.21.14";

/// The wasm-bindgen version when Cargo.lock has none yet.
const WASM_BINDGEN_DEFAULT: &str = "0.2.130";

const WASM: &str = "wasm32-unknown-unknown";

fn wasm_target_present() -> bool {
    capture(cmd("rustup").args(["target", "list", "--installed"]))
        .is_ok_and(|out| out.lines().any(|l| l.trim() == WASM))
}

/// True when `PROGRAM --version` says `PROGRAM VERSION` (`trunk 0.21.14`).
fn reports_version(program: &str, version: &str) -> bool {
    capture(cmd(program).arg("--version"))
        .is_ok_and(|out| out.split_whitespace().nth(1) == Some(version))
}

/// The version of the `wasm-bindgen` package in Cargo.lock, or [`WASM_BINDGEN_DEFAULT`].
/// `wasm-bindgen-cli` must be exactly this version.
pub fn wasm_bindgen_version() -> String {
    fs::read_to_string(root().join("Cargo.lock"))
        .ok()
        .and_then(|lock| locked_version(&lock, "wasm-bindgen"))
        .unwrap_or_else(|| WASM_BINDGEN_DEFAULT.to_string())
}

/// The `version` of the `[[package]]` named `name` in a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    lines.find(|l| *l == wanted)?;
    let version = lines.next()?.strip_prefix("version = \"")?.strip_suffix('"')?;
    Some(version.to_string())
}

/// `xtask/web-tools`: the npm project that pins binaryen (wasm-opt).
pub fn web_tools() -> PathBuf {
    root().join("xtask").join("web-tools")
}

/// Its `node_modules/.bin`, which the Trunk commands put first on PATH.
pub fn web_tools_bin() -> PathBuf {
    web_tools().join("node_modules").join(".bin")
}

/// True when `node_modules/.bin/wasm-opt` is there and binaryen in `node_modules` has the
/// version of `package-lock.json`. (Reads files: `wasm-opt --version` takes a second.)
fn wasm_opt_present() -> bool {
    let read = |path: PathBuf| fs::read_to_string(path).unwrap_or_default();
    let locked = npm_locked_version(&read(web_tools().join("package-lock.json")), "binaryen");
    let installed = read(web_tools().join("node_modules/binaryen/package.json"));
    web_tools_bin().join("wasm-opt").is_file()
        && locked.is_some()
        && locked.as_deref() == first_json_string(&installed, "version")
}

/// The version of `node_modules/NAME` in an npm lock file (format 2 or 3).
fn npm_locked_version(lock: &str, name: &str) -> Option<String> {
    let entry = lock.split(&format!("\"node_modules/{name}\": {{")).nth(1)?;
    first_json_string(entry.split('}').next()?, "version").map(str::to_string)
}

/// The value of the first `"KEY": "VALUE"` in a JSON text.
fn first_json_string<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let (_, after) = json.split_once(&format!("\"{key}\":"))?;
    after.trim_start().strip_prefix('"')?.split('"').next()
}

/// Installs every missing tool; quiet and quick when all are present.
pub fn setup() -> Result {
    let mut present = Vec::new();
    for tool in TOOLS {
        if (tool.is_present)() {
            present.push(tool.name);
            continue;
        }
        eprintln!("==> setup: {} is missing, installing", tool.name);
        (tool.install)()?;
        if !(tool.is_present)() {
            return Err(err(format!("setup: installed {} but it is still missing", tool.name)));
        }
    }
    if !present.is_empty() {
        eprintln!("==> setup: present: {}", present.join(", "));
    }
    Ok(())
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// `apt-get install -y PACKAGES`, after one `apt-get update` per xtask run.
pub fn apt_install(packages: &[&str]) -> Result {
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        run(apt_get().arg("update"))?;
    }
    run(apt_get().args(["install", "-y", "--no-install-recommends"]).args(packages))
}

fn apt_get() -> std::process::Command {
    let root = capture(cmd("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    let mut c = if root { cmd("env") } else { cmd("sudo") };
    if !root {
        c.args(["-n", "env"]);
    }
    c.args(["DEBIAN_FRONTEND=noninteractive", "apt-get"]).stdin(Stdio::null());
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version_of_a_package() {
        let lock = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.129"
"#;
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-macro").as_deref(), Some("0.2.129"));
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn reads_the_version_of_an_npm_package() {
        let lock = r#"{ "packages": { "": { "dependencies": { "binaryen": "132.0.0" } },
            "node_modules/binaryen": { "version": "132.0.0", "bin": { "wasm-opt": "bin/wasm-opt" } } } }"#;
        assert_eq!(npm_locked_version(lock, "binaryen").as_deref(), Some("132.0.0"));
        assert_eq!(npm_locked_version(lock, "typescript"), None);
        let package = r#"{ "name": "binaryen", "description": "x", "version":"132.0.0" }"#;
        assert_eq!(first_json_string(package, "version"), Some("132.0.0"));
    }
}
