//! `--out DIR`: the one way the CLI writes files. Names come from the analysis (a host name
//! from a certificate can end up in one), so a file goes only straight into DIR: a name with
//! a path separator, `..`, a control character or nothing at all is refused, a symbolic link
//! in DIR is never written through, and an existing file is kept unless `--overwrite`.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::ERRORS;

/// The folder files are written into.
pub struct OutDir {
    dir: PathBuf,
    overwrite: bool,
}

impl OutDir {
    /// `dir`, created when missing (the folder the user named may itself be a link).
    pub fn open(dir: &Path, overwrite: bool) -> Result<OutDir, String> {
        fs::create_dir_all(dir).map_err(|e| {
            say!(ERRORS, "cli-error-create-folder", path = dir.display(), error = e)
        })?;
        Ok(OutDir { dir: dir.to_path_buf(), overwrite })
    }

    /// `sub/` inside this folder (a snippet target), as a folder of its own.
    pub fn sub(&self, name: &str) -> Result<OutDir, String> {
        let path = self.dir.join(checked(name)?);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(say!(ERRORS, "cli-error-symbolic-link", path = path.display()));
        }
        OutDir::open(&path, self.overwrite)
    }

    /// Refuses, before anything is written, when one of `names` cannot be written: a bad
    /// name, a link, a folder, or a file that exists without `--overwrite`.
    pub fn check<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Result<(), String> {
        for name in names {
            self.target(name)?;
        }
        Ok(())
    }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
        let path = self.target(name)?;
        if path.exists() {
            // Replaced, not written through: `remove_file` removes a link, not what it
            // points at, and `create_new` (O_EXCL) never follows one.
            fs::remove_file(&path)
                .map_err(|e| say!(ERRORS, "cli-error-replace", path = path.display(), error = e))?;
        }
        let mut file =
            OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
                say!(ERRORS, "cli-error-write-file", path = path.display(), error = e)
            })?;
        file.write_all(bytes)
            .map_err(|e| say!(ERRORS, "cli-error-write-file", path = path.display(), error = e))?;
        Ok(path)
    }

    /// The path of `name`, when it may be written.
    fn target(&self, name: &str) -> Result<PathBuf, String> {
        let path = self.dir.join(checked(name)?);
        match fs::symlink_metadata(&path) {
            Err(_) => Ok(path),
            Ok(meta) if meta.file_type().is_symlink() => {
                Err(say!(ERRORS, "cli-error-symbolic-link", path = path.display()))
            }
            Ok(meta) if meta.is_dir() => {
                Err(say!(ERRORS, "cli-error-folder", path = path.display()))
            }
            Ok(_) if !self.overwrite => {
                Err(say!(ERRORS, "cli-error-exists", path = path.display()))
            }
            Ok(_) => Ok(path),
        }
    }
}

/// `name` when it is one plain file name: not empty, not `.` or `..`, no `/` or `\`, no
/// control character, at most 255 bytes (the usual file-system limit).
fn checked(name: &str) -> Result<&str, String> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && name.len() <= 255
        && !name.contains(['/', '\\'])
        && !name.chars().any(certchain_core::escape::is_hidden);
    if plain {
        Ok(name)
    } else {
        let quoted = format!("{:?}", certchain_core::escape::visible(name));
        Err(say!(ERRORS, "cli-error-not-plain-name", name = quoted))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("certchain-out-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        let dir = temp("names");
        let out = OutDir::open(&dir.join("o"), false).unwrap();
        for bad in ["../escaped.crt", "..", ".", "", "a/b", "a\\b", "x\n.crt", "\u{202e}x"] {
            assert!(out.write(bad, b"x").is_err(), "{bad:?}");
        }
        assert!(!dir.join("escaped.crt").exists());
        assert!(out.write(".gitlab-ci.yml", b"x").is_ok());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn existing_files_are_kept_unless_asked_and_links_never_followed() {
        let dir = temp("links");
        let out = OutDir::open(&dir, false).unwrap();
        out.write("a.pem", b"one").unwrap();
        assert!(out.write("a.pem", b"two").unwrap_err().contains("--overwrite"));
        assert!(out.check(["b.pem", "a.pem"]).is_err());
        let outside = dir.join("outside.txt");
        fs::write(&outside, b"keep").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("link.pem")).unwrap();
        let forced = OutDir::open(&dir, true).unwrap();
        assert!(forced.write("link.pem", b"evil").unwrap_err().contains("symbolic link"));
        assert_eq!(fs::read(&outside).unwrap(), b"keep");
        forced.write("a.pem", b"two").unwrap();
        assert_eq!(fs::read(dir.join("a.pem")).unwrap(), b"two");
        let _ = fs::remove_dir_all(&dir);
    }
}
