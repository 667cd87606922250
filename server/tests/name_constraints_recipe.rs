//! The common OpenSSL recipe for a name-constrained private CA, tried as a user tries it
//! (issue 16): `openssl req`/`x509` make a root with
//! `nameConstraints=critical,permitted;DNS:.corp.example.com`, an intermediate and two
//! leaves; `openssl s_server` on 127.0.0.1 serves each; `openssl s_client -showcerts`
//! captures it; `certchain analyze CAPTURE --trust root.pem` reads the capture.
// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_certchain");

/// An `openssl s_server`, killed by its process id when dropped.
struct SServer(Child);

impl Drop for SServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The recipe: root (constrained), intermediate, and a leaf for each host.
fn make_pki(dir: &Path, hosts: &[&str]) {
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
    let root = [
        &["req", "-x509"][..],
        &ec,
        &["-keyout", "root.key", "-out", "root.pem", "-subj", "/O=Corp/CN=Corp Root CA"],
        &["-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE"],
        &["-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        &["-addext", "nameConstraints=critical,permitted;DNS:.corp.example.com"],
    ]
    .concat();
    openssl(dir, &root);
    let inter_ext =
        "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n";
    sign(dir, "inter", "/O=Corp/CN=Corp Issuing CA", inter_ext, "root");
    for host in hosts {
        let ext = format!("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:{host}\n");
        sign(dir, host, &format!("/CN={host}"), &ext, "inter");
    }
}

/// A key, a CSR and a certificate `<name>.pem` signed by `<issuer>.pem`.
fn sign(dir: &Path, name: &str, subject: &str, ext: &str, issuer: &str) {
    std::fs::write(dir.join(format!("{name}.ext")), ext).unwrap();
    let (key, csr, pem) = (format!("{name}.key"), format!("{name}.csr"), format!("{name}.pem"));
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
    openssl(dir, &[&["req"][..], &ec, &["-keyout", &key, "-out", &csr, "-subj", subject]].concat());
    let (ca, ca_key, ext_file) =
        (format!("{issuer}.pem"), format!("{issuer}.key"), format!("{name}.ext"));
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            &ca,
            "-CAkey",
            &ca_key,
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "365",
            "-extfile",
            &ext_file,
        ],
    );
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap().local_addr().unwrap().port()
}

/// Serve `host`'s certificate with the intermediate, on a loopback port.
fn serve(dir: &Path, host: &str) -> (SServer, u16) {
    let port = free_port();
    let child = Command::new("openssl")
        .args(["s_server", "-accept", &format!("127.0.0.1:{port}"), "-www", "-quiet"])
        .args(["-cert", &format!("{host}.pem"), "-key", &format!("{host}.key")])
        .args(["-cert_chain", "inter.pem"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server");
    let server = SServer(child);
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(Instant::now() < deadline, "s_server did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, port)
}

/// What `openssl s_client -showcerts` prints, saved as the user saves it.
fn capture(dir: &Path, host: &str, port: u16) -> PathBuf {
    let out = Command::new("openssl")
        .args(["s_client", "-connect", &format!("127.0.0.1:{port}"), "-servername", host])
        .arg("-showcerts")
        .stdin(Stdio::null())
        .output()
        .expect("openssl s_client");
    let path = dir.join(format!("capture-{host}.txt"));
    let mut text = out.stdout;
    text.extend(out.stderr);
    std::fs::write(&path, text).unwrap();
    path
}

fn analyze(dir: &Path, capture: &Path, host: &str) -> Value {
    let out = Command::new(BIN)
        .arg("analyze")
        .arg(capture)
        .args(["--trust", "root.pem", "--host", host, "--format", "json"])
        .current_dir(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn temp() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("certchain-nc-recipe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_leading_dot_recipe_is_valid_inside_and_named_outside() {
    let dir = temp();
    let (inside, outside) = ("gitlab.corp.example.com", "gitlab.example.org");
    make_pki(&dir, &[inside, outside]);

    let (server, port) = serve(&dir, inside);
    let report = analyze(&dir, &capture(&dir, inside, port), inside);
    drop(server);
    assert_eq!(report["certificates"].as_array().map(Vec::len), Some(2), "{report}");
    assert_eq!(report["valid"], true, "{}", report["findings"]);

    let (server, port) = serve(&dir, outside);
    let report = analyze(&dir, &capture(&dir, outside, port), outside);
    drop(server);
    assert_eq!(report["valid"], false);
    let violation = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "name_constraint_violation")
        .unwrap_or_else(|| panic!("no violation: {}", report["findings"]));
    let message = violation["message"]["en"].as_str().unwrap();
    assert!(
        message.contains("\"gitlab.example.org\" is outside the permitted subtrees"),
        "{message}"
    );
    assert!(message.contains("Corp Root CA"), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}
