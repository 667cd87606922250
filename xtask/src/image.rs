//! `cargo xtask image`: the run stage of `deploy/Dockerfile`, checked without Docker.
//!
//! No Docker engine runs on the build machines, so the image itself cannot be built here.
//! What can go wrong in its run stage can be checked: the release binary is put in a root
//! that holds only what `gcr.io/distroless/cc-debian12` holds for it (the shared libraries
//! of glibc 2.36, libgcc, libstdc++, libgomp and OpenSSL 3; no shell), and started from
//! that root with `chroot` as the Dockerfile's `USER` with its `ENTRYPOINT`, on loopback.
//! The service must then answer `/healthz`, serve the embedded web app and analyse a
//! chain. Needs root (chroot); the server is stopped by its process id.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::process::{capture, cargo, cmd, err, root, run, target_dir, Result};
use crate::run::certchain_bin;

/// Shared libraries the distroless cc-debian12 image carries (its packages libc6,
/// libgcc-s1, libstdc++6, libgomp1, libssl3), by file name.
const DISTROLESS_CC_LIBRARIES: [&str; 12] = [
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libgcc_s.so.1",
    "libstdc++.so.6",
    "libgomp.so.1",
    "libssl.so.3",
    "libcrypto.so.3",
];

/// The glibc of Debian 12, the newest symbol version the binary may ask for.
const DEBIAN_12_GLIBC_MINOR: u32 = 36;

/// True when this process may `chroot` (it runs as root).
pub fn can_chroot() -> bool {
    capture(cmd("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0")
}

/// Builds the release binary, then checks the Dockerfile's run stage with it.
pub fn image() -> Result {
    if !can_chroot() {
        return Err(err("cargo xtask image needs root: it starts the binary with chroot"));
    }
    run(cargo().args(["build", "--release", "-p", "certchain", "--locked"]))?;
    let dockerfile = fs::read_to_string(root().join("deploy/Dockerfile"))?;
    let stage = RunStage::of(&dockerfile)?;
    let binary = certchain_bin();
    let newest = newest_glibc_minor(&fs::read(&binary)?);
    if newest > DEBIAN_12_GLIBC_MINOR {
        return Err(err(format!(
            "the binary needs GLIBC_2.{newest}; distroless cc-debian12 has 2.{DEBIAN_12_GLIBC_MINOR}"
        )));
    }
    let image_root = target_dir().join("image-root");
    let libraries = build_root(&binary, &stage, &image_root)?;
    eprintln!("==> image: root {} with {}", image_root.display(), libraries.join(", "));
    let server = Started::new(&image_root, &stage)?;
    let result = server.answers();
    drop(server);
    result?;
    eprintln!(
        "==> image: the run stage serves as user {}; the binary needs GLIBC_2.{newest}, the image has 2.{DEBIAN_12_GLIBC_MINOR}",
        stage.user
    );
    Ok(())
}

/// What the Dockerfile's last stage says about running the binary.
struct RunStage {
    /// `USER` (`uid:gid`).
    user: String,
    /// `ENTRYPOINT`, the program first.
    entrypoint: Vec<String>,
}

impl RunStage {
    fn of(dockerfile: &str) -> Result<Self> {
        let last = dockerfile.rsplit("\nFROM ").next().unwrap_or(dockerfile);
        let value = |instruction: &str| {
            last.lines().find_map(|l| l.strip_prefix(instruction)).map(str::trim).ok_or_else(|| {
                err(format!("deploy/Dockerfile: the run stage has no {instruction}"))
            })
        };
        let user = value("USER ")?.to_string();
        let entrypoint = exec_form(value("ENTRYPOINT ")?)?;
        Ok(RunStage { user, entrypoint })
    }

    /// The entrypoint's arguments, listening on a free loopback port instead.
    fn arguments_on_loopback(&self) -> Vec<String> {
        let mut args: Vec<String> = self.entrypoint[1..].to_vec();
        let listen = args.iter().position(|a| a == "--listen").map(|at| at + 1);
        match listen.and_then(|at| args.get_mut(at)) {
            Some(address) => *address = "127.0.0.1:0".into(),
            None => args.extend(["--listen".into(), "127.0.0.1:0".into()]),
        }
        args
    }
}

/// `["a", "b"]` → `[a, b]`: the exec form of `ENTRYPOINT` (no escapes in ours).
fn exec_form(text: &str) -> Result<Vec<String>> {
    let inner = text.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
    let inner = inner.ok_or_else(|| err(format!("ENTRYPOINT is not in exec form: {text}")))?;
    let words: Vec<String> =
        inner.split(',').map(|w| w.trim().trim_matches('"').to_string()).collect();
    if words.iter().any(String::is_empty) {
        return Err(err(format!("ENTRYPOINT has an empty word: {text}")));
    }
    Ok(words)
}

/// The newest `GLIBC_2.N` symbol version named in an ELF file's bytes (0 when none).
fn newest_glibc_minor(elf: &[u8]) -> u32 {
    let marker = b"GLIBC_2.";
    elf.windows(marker.len())
        .enumerate()
        .filter(|(_, w)| *w == marker)
        .filter_map(|(at, _)| {
            let digits = elf[at + marker.len()..].iter().take_while(|b| b.is_ascii_digit());
            let digits: Vec<u8> = digits.copied().collect();
            std::str::from_utf8(&digits).ok()?.parse().ok()
        })
        .max()
        .unwrap_or(0)
}

/// The libraries `ldd` resolves for `binary`, as paths on this machine.
fn libraries_of(binary: &Path) -> Result<Vec<PathBuf>> {
    let text = capture(cmd("ldd").arg(binary))?;
    Ok(text.lines().filter_map(library_path).collect())
}

/// `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)` or `/lib64/ld-linux-x86-64.so.2
/// (0x…)` → the path; `linux-vdso.so.1 (0x…)` (in the kernel) → none.
fn library_path(line: &str) -> Option<PathBuf> {
    let resolved = line.split("=>").last()?.trim();
    let path = resolved.split(" (").next()?.trim();
    path.starts_with('/').then(|| PathBuf::from(path))
}

/// Makes `dir` the image's root: the binary where the Dockerfile copies it, the libraries
/// it needs (each one distroless has, or an error naming it), `/etc/passwd` with the
/// image's `nonroot` user, and nothing else. Returns the libraries' names.
fn build_root(binary: &Path, stage: &RunStage, dir: &Path) -> Result<Vec<String>> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let program = stage.entrypoint[0].trim_start_matches('/');
    copy_into(binary, &dir.join(program))?;
    let mut names = Vec::new();
    for library in libraries_of(binary)? {
        let name = library.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        if !DISTROLESS_CC_LIBRARIES.contains(&name.as_str()) {
            return Err(err(format!(
                "the binary needs {name}, which gcr.io/distroless/cc-debian12 does not have"
            )));
        }
        copy_into(&library, &dir.join(library.strip_prefix("/").unwrap_or(&library)))?;
        names.push(name);
    }
    let uid = stage.user.split(':').next().unwrap_or("65532");
    fs::create_dir_all(dir.join("etc"))?;
    let passwd = format!("nonroot:x:{uid}:{uid}:nonroot:/home/nonroot:/sbin/nologin\n");
    fs::write(dir.join("etc/passwd"), passwd)?;
    Ok(names)
}

/// Copies `from` (following links) to `to`, making its folder.
fn copy_into(from: &Path, to: &Path) -> Result {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::copy(from, to).map_err(|e| err(format!("{} -> {}: {e}", from.display(), to.display())))?;
    Ok(())
}

/// The binary running in the image root, stopped (by its process id) when dropped.
struct Started {
    child: Child,
    addr: String,
    user: String,
}

impl Started {
    fn new(image_root: &Path, stage: &RunStage) -> Result<Self> {
        let mut child = Command::new("chroot")
            .arg(format!("--userspec={}", stage.user))
            .arg(image_root)
            .arg(&stage.entrypoint[0])
            .args(stage.arguments_on_loopback())
            // The image's environment: distroless sets PATH only.
            .env_clear()
            .env("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut line = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout).read_line(&mut line)?;
        }
        let addr = line.trim().rsplit("http://").next().unwrap_or("").trim_end_matches('/');
        let started = Started { child, addr: addr.to_string(), user: stage.user.clone() };
        if started.addr.is_empty() {
            return Err(err(format!("the binary did not start in the image root: {line:?}")));
        }
        Ok(started)
    }

    /// The checks: it runs as the image's user, and answers as the service should.
    fn answers(&self) -> Result {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        let uid = self.user.split(':').next().unwrap_or_default();
        let runs_as = status.lines().find(|l| l.starts_with("Uid:")).unwrap_or_default();
        if runs_as.split_whitespace().nth(1) != Some(uid) {
            return Err(err(format!("the server does not run as {uid}: {runs_as}")));
        }
        expect(&self.get("/healthz")?, "/healthz", &["200 OK", "\r\n\r\nok"])?;
        expect(&self.get("/")?, "/", &["200 OK", "content-security-policy", "certchain"])?;
        let chain = fs::read_to_string(root().join("tests/fixtures/inputs/fullchain.pem"))?;
        let analysis = self.post("/api/v1/analyze", &chain)?;
        expect(&analysis, "POST /api/v1/analyze", &["200 OK", "\"certificates\""])
    }

    fn get(&self, path: &str) -> Result<String> {
        self.exchange(&format!("GET {path} HTTP/1.1\r\nHost: image\r\nConnection: close\r\n\r\n"))
    }

    fn post(&self, path: &str, body: &str) -> Result<String> {
        self.exchange(&format!(
            "POST {path} HTTP/1.1\r\nHost: image\r\nConnection: close\r\n\
             Content-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ))
    }

    fn exchange(&self, request: &str) -> Result<String> {
        let mut stream = TcpStream::connect(&self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        stream.write_all(request.as_bytes())?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer)
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `answer` holds each of `parts` (headers compared in lower case), or an error naming
/// the request and the first line of the answer.
fn expect(answer: &str, request: &str, parts: &[&str]) -> Result {
    let lower = answer.to_ascii_lowercase();
    match parts.iter().find(|p| !answer.contains(*p) && !lower.contains(*p)) {
        None => Ok(()),
        Some(missing) => Err(err(format!(
            "{request} in the image root: no {missing:?} in {:?}",
            answer.lines().next().unwrap_or("")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCKERFILE: &str = "FROM rust AS build\nUSER 1\nENTRYPOINT [\"/b\"]\n\
        FROM distroless\nUSER 65532:65532\n\
        ENTRYPOINT [\"/usr/local/bin/certchain\", \"serve\", \"--listen\", \"0.0.0.0:8080\", \"--log\", \"json\"]\n";

    #[test]
    fn the_run_stage_is_read_from_the_last_from_and_listens_on_loopback() -> Result {
        let stage = RunStage::of(DOCKERFILE)?;
        assert_eq!(stage.user, "65532:65532");
        assert_eq!(stage.entrypoint[0], "/usr/local/bin/certchain");
        assert_eq!(
            stage.arguments_on_loopback(),
            ["serve", "--listen", "127.0.0.1:0", "--log", "json"]
        );
        assert!(RunStage::of("FROM a\nUSER 1\nENTRYPOINT b c\n").is_err(), "shell form");
        Ok(())
    }

    #[test]
    fn ldd_lines_give_paths_and_the_vdso_none() {
        let line = "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)";
        assert_eq!(library_path(line), Some(PathBuf::from("/lib/x86_64-linux-gnu/libc.so.6")));
        let loader = "\t/lib64/ld-linux-x86-64.so.2 (0x00007f)";
        assert_eq!(library_path(loader), Some(PathBuf::from("/lib64/ld-linux-x86-64.so.2")));
        assert_eq!(library_path("\tlinux-vdso.so.1 (0x00007ffd)"), None);
    }

    #[test]
    fn an_answer_without_an_expected_part_is_an_error_naming_it() {
        let ok = "HTTP/1.1 200 OK\r\nContent-Security-Policy: x\r\n\r\nok";
        assert!(expect(ok, "/", &["200 OK", "content-security-policy", "ok"]).is_ok());
        let failed = expect("HTTP/1.1 500 Internal Server Error\r\n\r\n", "/", &["200 OK"]);
        let message = failed.err().map(|e| e.0).unwrap_or_default();
        assert!(message.contains("\"200 OK\"") && message.contains("500"), "{message}");
    }

    #[test]
    fn the_newest_glibc_version_is_found_among_the_symbol_versions() {
        assert_eq!(newest_glibc_minor(b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.14\0"), 34);
        assert_eq!(newest_glibc_minor(b"no versions"), 0);
    }
}
