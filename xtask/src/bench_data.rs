//! Inputs for the whole-process benchmark: a real CA bundle and a generated
//! bundle of 1 root + 1 intermediate + N leaves, made once and cached.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::process::{capture, cmd, err, root, run, succeeds, target_dir, Result};

/// Debian's CA bundle (144 roots), kept under `tests/fixtures/bench/`.
pub fn debian_bundle() -> Result<PathBuf> {
    let path = root().join("tests/fixtures/bench/debian-ca-certificates.crt");
    if !path.is_file() {
        let system = Path::new("/etc/ssl/certs/ca-certificates.crt");
        eprintln!("==> cp {} {}", system.display(), path.display());
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::copy(system, &path).map_err(|e| {
            err(format!("cannot copy {} (apt-get install ca-certificates?): {e}", system.display()))
        })?;
    }
    Ok(path)
}

/// `target/bench/N.pem`: N leaves, their intermediate and its root.
/// Generated once (python3 `cryptography` if importable, else openssl).
pub fn generated(n: usize) -> Result<PathBuf> {
    let dir = target_dir().join("bench");
    fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{n}.pem"));
    if path.is_file() && count_certs(&path)? == n + 2 {
        eprintln!("==> using cached {} ({} certs)", path.display(), n + 2);
        return Ok(path);
    }
    let partial = dir.join(format!("{n}.pem.partial"));
    if succeeds(cmd("python3").args(["-c", "import cryptography"])) {
        run(cmd("python3").arg("xtask/src/gen_pem.py").arg(n.to_string()).arg(&partial))?;
    } else {
        eprintln!("==> python3 `cryptography` not importable: generating with openssl (slow)");
        with_openssl(n, &dir.join("openssl-gen"), &partial)?;
    }
    let found = count_certs(&partial)?;
    if found != n + 2 {
        return Err(err(format!(
            "{} has {found} certificates, expected {}",
            partial.display(),
            n + 2
        )));
    }
    fs::rename(&partial, &path)?;
    Ok(path)
}

/// Number of `-----BEGIN CERTIFICATE-----` blocks in a PEM file.
pub fn count_certs(path: &Path) -> Result<usize> {
    let text = fs::read(path).map_err(|e| err(format!("cannot read {}: {e}", path.display())))?;
    Ok(String::from_utf8_lossy(&text).matches("-----BEGIN CERTIFICATE-----").count())
}

const O: &str = "/O=certchain bench";

/// The same bundle as `gen_pem.py`, with one `openssl x509 -new` per leaf.
fn with_openssl(n: usize, work: &Path, out: &Path) -> Result {
    fs::create_dir_all(work)?;
    let openssl = || {
        let mut c = cmd("openssl");
        c.current_dir(work);
        c
    };
    run(openssl().args(["req", "-x509", "-newkey", "rsa:2048", "-nodes"]).args([
        "-keyout",
        "root.key",
        "-out",
        "root.pem",
        "-days",
        "3650",
        "-subj",
        &format!("{O}/CN=Bench Root CA"),
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]))?;
    run(openssl().args(["req", "-new", "-newkey", "rsa:2048", "-nodes"]).args([
        "-keyout",
        "int.key",
        "-out",
        "int.csr",
        "-subj",
        &format!("{O}/CN=Bench Intermediate CA"),
    ]))?;
    fs::write(
        work.join("int.ext"),
        "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n\
         subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n",
    )?;
    run(openssl().args(["x509", "-req", "-in", "int.csr", "-CA", "root.pem"]).args([
        "-CAkey",
        "root.key",
        "-set_serial",
        "2",
        "-days",
        "3650",
        "-extfile",
        "int.ext",
        "-out",
        "int.pem",
    ]))?;
    run(openssl().args(["genpkey", "-algorithm", "EC", "-pkeyopt"]).args([
        "ec_paramgen_curve:P-256",
        "-out",
        "leaf.key",
    ]))?;
    run(openssl().args(["pkey", "-in", "leaf.key", "-pubout", "-out", "leaf.pub"]))?;
    let mut file = std::io::BufWriter::new(fs::File::create(out)?);
    for i in 1..=n {
        let host = format!("leaf-{i}.bench.invalid");
        fs::write(
            work.join("leaf.ext"),
            format!(
                "basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n\
                 subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n\
                 subjectAltName=DNS:{host}\n"
            ),
        )?;
        let mut leaf = openssl();
        leaf.args(["x509", "-new", "-subj", &format!("{O}/CN={host}")])
            .args(["-force_pubkey", "leaf.pub", "-CA", "int.pem", "-CAkey", "int.key"])
            .args(["-set_serial", &(1000 + i).to_string(), "-days", "3650"])
            .args(["-extfile", "leaf.ext"]);
        if i == 1 {
            eprintln!("==> {} (once per leaf)", crate::process::display(&leaf));
        }
        file.write_all(capture(&mut leaf)?.as_bytes())?;
        if i % 500 == 0 || i == n {
            eprintln!("  generated {i}/{n} leaves");
        }
    }
    file.write_all(&fs::read(work.join("int.pem"))?)?;
    file.write_all(&fs::read(work.join("root.pem"))?)?;
    file.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The openssl fallback, on 3 leaves (not run by default: it spawns openssl).
    #[test]
    #[ignore = "spawns openssl; run with --ignored"]
    fn openssl_fallback_makes_a_bundle() -> Result {
        let dir = std::env::temp_dir().join(format!("xtask-gen-{}", std::process::id()));
        let out = dir.join("3.pem");
        with_openssl(3, &dir.join("work"), &out)?;
        assert_eq!(count_certs(&out)?, 5);
        fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
