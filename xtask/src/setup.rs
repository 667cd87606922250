//! `cargo xtask setup`: install what the build and the tests need, only when missing.
//!
//! Each [`Tool`] says how to tell it is there and how to install it; append new
//! ones to [`TOOLS`]. Apt packages go through [`apt_install`], which runs
//! `apt-get update` once, before the first install, and only if something is missing.

use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::process::{capture, cmd, err, run, succeeds, Result};

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
        name: "/usr/bin/time",
        is_present: || Path::new("/usr/bin/time").is_file(),
        install: || apt_install(&["time"]),
    },
];

const WASM: &str = "wasm32-unknown-unknown";

fn wasm_target_present() -> bool {
    capture(cmd("rustup").args(["target", "list", "--installed"]))
        .is_ok_and(|out| out.lines().any(|l| l.trim() == WASM))
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
