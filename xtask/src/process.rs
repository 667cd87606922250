//! Running commands: every step prints what it runs and fails loudly with it.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;

/// An xtask failure: a message that names the command or file at fault.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error(e.to_string())
    }
}

/// Result of an xtask step.
pub type Result<T = ()> = std::result::Result<T, Error>;

/// Builds an [`Error`] from anything printable.
pub fn err(msg: impl Into<String>) -> Error {
    Error(msg.into())
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` or `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// A command that runs in the workspace root.
pub fn cmd(program: impl AsRef<OsStr>) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root());
    c
}

/// `cargo` (the one that runs xtask, when known) in the workspace root.
pub fn cargo() -> Command {
    cmd(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The command line as a person would type it.
pub fn display(c: &Command) -> String {
    let program = c.get_program().to_string_lossy();
    let program = match program.rsplit_once('/') {
        Some((_, "cargo")) => "cargo".to_string(),
        _ => program.into_owned(),
    };
    std::iter::once(program)
        .chain(c.get_args().map(|a| quote(&a.to_string_lossy())))
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote(arg: &str) -> String {
    let plain = |ch: char| ch.is_ascii_alphanumeric() || "-_./=:,+@%".contains(ch);
    if !arg.is_empty() && arg.chars().all(plain) {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// Prints `==> command` (to stderr, like cargo's own progress).
pub fn announce(c: &Command) {
    eprintln!("==> {}", display(c));
}

/// Runs `c` with inherited stdio; fails with the command line unless it succeeds.
pub fn run(c: &mut Command) -> Result {
    announce(c);
    let status = spawn_status(c)?;
    check(c, status)
}

/// Runs `c` with inherited stdio and returns its exit status, whatever it is.
pub fn spawn_status(c: &mut Command) -> Result<ExitStatus> {
    c.status().map_err(|e| err(format!("could not start `{}`: {e}", display(c))))
}

/// Turns a failed exit status into an error that names the command.
pub fn check(c: &Command, status: ExitStatus) -> Result {
    if status.success() {
        Ok(())
    } else {
        Err(err(format!("command failed ({}): {}", describe(status), display(c))))
    }
}

/// `exit code N` or `killed by signal N`.
pub fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(sig)) => format!("killed by signal {sig}"),
        (None, None) => "unknown status".to_string(),
    }
}

/// The exit code to pass on for `status` (128 + signal when killed).
pub fn exit_code(status: ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status.code().or_else(|| status.signal().map(|s| 128 + s)).unwrap_or(1)
}

/// True when `c` runs and exits 0; prints nothing.
pub fn succeeds(c: &mut Command) -> bool {
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The stdout of `c`, quietly; fails (with its stderr) unless it exits 0.
pub fn capture(c: &mut Command) -> Result<String> {
    let out = c
        .stdin(Stdio::null())
        .output()
        .map_err(|e| err(format!("could not start `{}`: {e}", display(c))))?;
    if !out.status.success() {
        return Err(err(format!(
            "command failed ({}): {}\n{}",
            describe(out.status),
            display(c),
            String::from_utf8_lossy(&out.stderr).trim_end()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs `c`, echoing its stdout and stderr as they come, and returns its
/// status with the lines (ANSI colours removed) for which `keep` is true.
pub fn run_tee(c: &mut Command, keep: fn(&str) -> bool) -> Result<(ExitStatus, Vec<String>)> {
    announce(c);
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| err(format!("could not start `{}`: {e}", display(c))))?;
    let out = child.stdout.take().map(|s| echo(s, io::stdout, keep));
    let errs = child.stderr.take().map(|s| echo(s, io::stderr, keep));
    let status = child.wait()?;
    let mut kept = Vec::new();
    for handle in [out, errs].into_iter().flatten() {
        kept.extend(handle.join().unwrap_or_default());
    }
    Ok((status, kept))
}

fn echo<R, W>(src: R, sink: fn() -> W, keep: fn(&str) -> bool) -> thread::JoinHandle<Vec<String>>
where
    R: Read + Send + 'static,
    W: Write + 'static,
{
    thread::spawn(move || {
        let mut reader = BufReader::new(src);
        let mut line = Vec::new();
        let mut kept = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            let mut w = sink();
            let _ = w.write_all(&line);
            let _ = w.flush();
            let text = strip_ansi(&String::from_utf8_lossy(&line));
            if keep(&text) {
                kept.push(text.trim_end().to_string());
            }
            line.clear();
        }
        kept
    })
}

/// Removes ANSI escape sequences (colours) from `s`.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        if ch != '\u{1b}' {
            out.push(ch);
            continue;
        }
        if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_only_when_needed() {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%e %M", "a.pem"]);
        assert_eq!(display(&c), "/usr/bin/time -f '%e %M' a.pem");
    }

    #[test]
    fn strip_ansi_removes_colours() {
        assert_eq!(strip_ansi("\u{1b}[32;1m   Summary\u{1b}[0m ok"), "   Summary ok");
    }
}
