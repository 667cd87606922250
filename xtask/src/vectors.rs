//! The real-world certificate corpus: the x509/ tree of PyPI's `cryptography-vectors`
//! (the pyca/cryptography test vectors), pinned by version and SHA-256, downloaded once
//! into `target/cryptography-vectors/<version>/` for `tests/tests/corpus.rs`.

use std::path::PathBuf;

use crate::process::{capture, cmd, err, run, target_dir, Result};

/// The pinned release. Changing it changes the checked-in summary
/// (`tests/corpus/cryptography-vectors.md`): re-run the corpus test to update it.
pub const VERSION: &str = "50.0.2";
const WHEEL: &str = "cryptography_vectors-50.0.2-py3-none-any.whl";
const SHA256: &str = "51641f03a3eb4edbe9fb68e3a3574d25f86aa502d06391fffa886330d02778a0";

/// Where the x509/ tree is unpacked (the corpus test looks here).
pub fn dir() -> PathBuf {
    target_dir().join("cryptography-vectors").join(VERSION)
}

/// The x509/ tree is in place.
pub fn present() -> bool {
    dir().join("cryptography_vectors/x509").is_dir()
}

/// Downloads the wheel with pip, checks its SHA-256, unpacks only x509/, drops the wheel.
pub fn fetch() -> Result {
    let dir = dir();
    std::fs::create_dir_all(&dir)?;
    let requirement = format!("cryptography-vectors=={VERSION}");
    run(cmd("python3")
        .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d"])
        .arg(&dir)
        .arg(&requirement))?;
    let wheel = dir.join(WHEEL);
    let sum = capture(cmd("sha256sum").arg(&wheel))?;
    if sum.split_whitespace().next() != Some(SHA256) {
        let _ = std::fs::remove_file(&wheel);
        return Err(err(format!("{WHEEL}: SHA-256 {sum:?} is not the pinned {SHA256}")));
    }
    let unpack = "import sys, zipfile\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        z.extractall(sys.argv[2], [n for n in z.namelist() if n.startswith('cryptography_vectors/x509/')])";
    run(cmd("python3").args(["-c", unpack]).arg(&wheel).arg(&dir))?;
    std::fs::remove_file(&wheel)?;
    Ok(())
}
