//! The proof that the recommendation works: a real nginx (`/usr/sbin/nginx`) loads the
//! `nginx` snippet certchain generates, serves certchain's `fullchain.pem`, and
//! `openssl s_client` verifies it against certchain's CA files. The "server sends only its
//! leaf" failure is reproduced, then fixed with the chain certchain rebuilds.
//!
//! The snippet is loaded as generated, with exactly two substitutions, both asserted: its
//! `listen 443 ssl;` becomes `listen 127.0.0.1:<free port> ssl;` (no test may use port 443
//! or touch a system nginx), and its certificate folder `/etc/nginx/ssl/` becomes the test's
//! temp folder. Everything else in the server block is what a user pastes.
//!
//! Without nginx the test is skipped with a message, unless `CI` is set: then it fails
//! (`cargo xtask setup` installs Debian's `nginx`).

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use certchain_core::snippets::{render, Params};
use certchain_core::{analyze, Code, Options, Report, Source, UnixTime};
use certchain_tests::pki::Chain;
use certchain_tests::web::temp::TempDir;
use certchain_tests::NOW;

const NGINX: &str = "/usr/sbin/nginx";
const HOST: &str = "gitlab.example.test";
/// The generated block's certificate folder and listen line, the two things replaced.
const CERT_DIR: &str = "/etc/nginx/ssl/";
const LISTEN: &str = "listen 443 ssl;";

/// True when the test can run; false (after saying why) when it is skipped.
fn nginx_available() -> bool {
    if Path::new(NGINX).is_file() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{NGINX} is missing and CI is set: the nginx proof must run in CI (cargo xtask setup \
         installs Debian's nginx)"
    );
    eprintln!("SKIPPED nginx_proof: {NGINX} is not installed (cargo xtask setup installs it)");
    false
}

/// certchain's analysis of `pasted` at [`NOW`] for [`HOST`], with `root` as the trust anchor
/// (`certchain analyze --host HOST --trust root.pem`).
fn analyse(pasted: &str, root: &str) -> Report {
    let options = Options {
        now: UnixTime(NOW),
        host: Some(HOST.into()),
        trust: vec![Source::text(root)],
        ..Options::default()
    };
    analyze(&[Source::text(pasted)], &options)
}

/// The `nginx` snippet for the report, with only its port and certificate folder adjusted.
fn server_block(report: &Report, port: u16, dir: &Path) -> String {
    let mut params = Params::default();
    params.set("url", &format!("https://{HOST}/")).unwrap_or_else(|e| panic!("{e}"));
    let snippets = render(report, &params);
    let nginx = snippets.iter().find(|s| s.target == "nginx");
    let body = nginx.map(|s| s.body.clone()).unwrap_or_else(|| panic!("no nginx snippet"));
    assert_eq!(body.matches(LISTEN).count(), 1, "one `{LISTEN}` in\n{body}");
    assert_eq!(body.matches(CERT_DIR).count(), 2, "certificate and key in {CERT_DIR}:\n{body}");
    body.replace(LISTEN, &format!("listen 127.0.0.1:{port} ssl;"))
        .replace(CERT_DIR, &format!("{}/", dir.display()))
}

/// A minimal main configuration: one process in the foreground, every path in `dir`, and
/// the generated server block included as is.
fn main_conf(dir: &Path) -> String {
    let d = dir.display();
    format!(
        "daemon off;\nmaster_process off;\nworker_processes 1;\npid {d}/nginx.pid;\n\
         error_log {d}/error.log info;\nevents {{ worker_connections 64; }}\nhttp {{\n    \
         access_log off;\n    client_body_temp_path {d}/client_body;\n    proxy_temp_path \
         {d}/proxy;\n    fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    \
         scgi_temp_path {d}/scgi;\n    include {d}/site.conf;\n}}\n"
    )
}

/// nginx serving `site.conf`, stopped by its process id (kill, then wait) on drop.
struct Nginx {
    child: Child,
}

impl Nginx {
    /// Writes `site` as `dir/site.conf` and starts nginx on it; returns once `port` accepts
    /// connections, or panics with nginx's error log.
    fn start(dir: &Path, site: &str, port: u16) -> Nginx {
        write(&dir.join("site.conf"), site);
        let conf = dir.join("nginx.conf");
        write(&conf, &main_conf(dir));
        let error_log = dir.join("error.log");
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&conf)
            .arg("-e")
            .arg(&error_log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {NGINX}: {e}"));
        let mut nginx = Nginx { child };
        nginx.wait_listening(port, &error_log);
        nginx
    }

    fn wait_listening(&mut self, port: u16, error_log: &Path) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("nginx exited ({status}):\n{}", read(error_log));
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("nginx did not listen on 127.0.0.1:{port} in 15 s:\n{}", read(error_log));
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    listener.local_addr().map(|a| a.port()).unwrap_or_else(|e| panic!("local_addr: {e}"))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| format!("({}: {e})", path.display()))
}

/// What `openssl s_client` said, verifying the server on `port` against `ca_file`.
struct Verified {
    ok: bool,
    text: String,
}

fn s_client(port: u16, ca_file: &Path) -> Verified {
    let output: Output = Command::new("openssl")
        .args(["s_client", "-connect", &format!("127.0.0.1:{port}"), "-servername", HOST])
        .args(["-verify_hostname", HOST, "-verify_return_error", "-CAfile"])
        .arg(ca_file)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("openssl s_client: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let ok = output.status.success() && text.contains("Verify return code: 0 (ok)");
    Verified { ok, text }
}

fn assert_verifies(port: u16, ca_file: &Path) {
    let verified = s_client(port, ca_file);
    assert!(verified.ok, "s_client -CAfile {} must verify:\n{}", ca_file.display(), verified.text);
    let line = verified.text.lines().find(|l| l.contains("Verify return code")).unwrap_or("");
    eprintln!("s_client -CAfile {}: {}", ca_file.display(), line.trim());
}

/// The files of the private PKI and of certchain's report, in the temp folder.
struct Files {
    dir: TempDir,
    chain: Chain,
}

impl Files {
    fn new(label: &str) -> Files {
        let dir = TempDir::new(label).unwrap_or_else(|e| panic!("temp dir: {e}"));
        let chain = Chain::new(HOST);
        let files = Files { dir, chain };
        files.put(&format!("{HOST}.key"), &files.chain.leaf.key.serialize_pem());
        files.put("root.pem", &files.chain.root.pem());
        files
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn put(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        write(&path, text);
        path
    }

    /// Writes the report's bundles under their own names (`fullchain.pem`,
    /// `ca-bundle.pem`, `<host>.crt`).
    fn bundles(&self, report: &Report) {
        let b = &report.bundles;
        for bundle in [&b.fullchain, &b.ca_bundle, &b.runner_crt] {
            let bundle = bundle.as_ref().unwrap_or_else(|| panic!("bundles: {b:?}"));
            self.put(&bundle.filename, &bundle.pem);
        }
    }
}

/// Steps 1–4 of the issue: the generated block, full chain and CA files work in nginx and
/// OpenSSL.
#[test]
fn nginx_serves_the_generated_full_chain_and_openssl_verifies_it_with_the_generated_ca_files() {
    if !nginx_available() {
        return;
    }
    let files = Files::new("nginx-proof");
    let (leaf, intermediate, root) =
        (files.chain.leaf.pem(), files.chain.intermediate.pem(), files.chain.root.pem());
    let report = analyse(&format!("{leaf}{intermediate}"), &root);
    assert!(report.valid, "{:?}", report.findings.iter().map(|f| f.code).collect::<Vec<_>>());
    files.bundles(&report);
    let port = free_port();
    let _nginx =
        Nginx::start(files.dir.path(), &server_block(&report, port, files.dir.path()), port);
    assert_verifies(port, &files.path("ca-bundle.pem"));
    assert_verifies(port, &files.path(&format!("{HOST}.crt")));
    assert_verifies(port, &files.path("root.pem"));
}

/// Step 5: a server that sends only its leaf fails for a client holding the root; the user
/// pastes the leaf and the intermediate they downloaded (in whatever order), certchain
/// orders them, and nginx restarted with the generated full chain passes.
#[test]
fn a_leaf_only_server_fails_and_the_chain_certchain_rebuilds_fixes_it() {
    if !nginx_available() {
        return;
    }
    let files = Files::new("nginx-leaf-only");
    let (leaf, intermediate, root) =
        (files.chain.leaf.pem(), files.chain.intermediate.pem(), files.chain.root.pem());
    let root_only = files.path("root.pem");

    // The broken server: nginx's certificate file holds the leaf alone (what the user had).
    let leaf_only = analyse(&leaf, &root);
    let codes: Vec<Code> = leaf_only.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&Code::MissingIntermediate), "{codes:?}");
    files.put("fullchain.pem", &leaf);
    let port = free_port();
    let site = server_block(&leaf_only, port, files.dir.path());
    let nginx = Nginx::start(files.dir.path(), &site, port);
    let broken = s_client(port, &root_only);
    assert!(!broken.ok, "a leaf-only server must not verify:\n{}", broken.text);
    assert!(broken.text.contains("unable to get local issuer certificate"), "{}", broken.text);
    drop(nginx);

    // The fix: the user pastes the intermediate downloaded from their CA, then the leaf;
    // certchain puts the leaf first.
    let fixed = analyse(&format!("{intermediate}{leaf}"), &root);
    let fullchain = fixed.bundles.fullchain.as_ref().map(|b| b.pem.clone()).unwrap_or_default();
    assert_eq!(fullchain, format!("{leaf}{intermediate}"), "leaf first, then the intermediate");
    files.bundles(&fixed);
    let port = free_port();
    let _nginx =
        Nginx::start(files.dir.path(), &server_block(&fixed, port, files.dir.path()), port);
    assert_verifies(port, &root_only);
    assert_verifies(port, &files.path("ca-bundle.pem"));
}
