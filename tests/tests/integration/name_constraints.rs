//! Name constraints and the anchor's EKU as the clients read them (issue 16): each case is a
//! root → intermediate → leaf chain made with rcgen, with the answer of
//! `openssl verify -purpose sslserver` recorded beside certchain's. One test holds
//! certchain to its column; another runs the real `openssl verify` on every case and holds
//! the recorded answer to it, so the record cannot go stale. Where the two differ, `why`
//! says which client certchain follows.

use certchain_core::{analyze, Code, Options, Report, Source};
use certchain_tests::pki::{Issued, Spec};
use certchain_tests::web::temp::TempDir;
use certchain_tests::{codes, options, NOW};
use rcgen::{CustomExtension, ExtendedKeyUsagePurpose as Eku, GeneralSubtree, NameConstraints};
use std::path::Path;
use std::process::Command;

/// A client's answer to a chain.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Answer {
    Accept,
    Reject,
}
use Answer::{Accept, Reject};

/// Which CA carries the constraints: the leaf's issuer (depth 1) or the root (depth 2).
#[derive(Clone, Copy, Debug)]
enum At {
    Intermediate,
    Root,
}

struct Case {
    name: &'static str,
    at: At,
    permitted: &'static [&'static str],
    excluded: &'static [&'static str],
    /// The root's EKUs (empty: none).
    root_ekus: &'static [Eku],
    /// The intermediate's EKUs (empty: none).
    intermediate_ekus: &'static [Eku],
    leaf_sans: &'static [&'static str],
    /// A malformed extension written as raw DER.
    raw: Raw,
    expect: Expect,
}

/// Raw DER for an extension rcgen would not write.
#[derive(Clone, Copy)]
enum Raw {
    None,
    /// The leaf's subjectAltName (its `leaf_sans` are then not written).
    LeafSan(&'static [u8]),
    /// The root's NameConstraints, critical.
    RootNameConstraints(&'static [u8]),
}

/// The recorded answers of one case.
#[derive(Clone, Copy)]
struct Expect {
    /// What `openssl verify -purpose sslserver` (OpenSSL 3) answers.
    openssl: Answer,
    /// What certchain answers.
    certchain: Answer,
    /// When they differ: the client certchain follows, and why.
    why: &'static str,
}

/// OpenSSL and certchain agree.
const fn both(answer: Answer) -> Expect {
    Expect { openssl: answer, certchain: answer, why: "" }
}

/// They differ, for a reason.
const fn differ(openssl: Answer, certchain: Answer, why: &'static str) -> Expect {
    Expect { openssl, certchain, why }
}

const NONE: &[&str] = &[];
const NO_EKU: &[Eku] = &[];

/// A constraint case without EKUs.
const fn nc(
    name: &'static str,
    at: At,
    permitted: &'static [&'static str],
    excluded: &'static [&'static str],
    leaf_sans: &'static [&'static str],
    expect: Expect,
) -> Case {
    Case {
        name,
        at,
        permitted,
        excluded,
        root_ekus: NO_EKU,
        intermediate_ekus: NO_EKU,
        leaf_sans,
        raw: Raw::None,
        expect,
    }
}

/// An EKU case without constraints.
const fn eku(
    name: &'static str,
    root_ekus: &'static [Eku],
    intermediate_ekus: &'static [Eku],
    expect: Expect,
) -> Case {
    Case {
        name,
        at: At::Root,
        permitted: NONE,
        excluded: NONE,
        root_ekus,
        intermediate_ekus,
        leaf_sans: &["gitlab.corp.example.com"],
        raw: Raw::None,
        expect,
    }
}

/// A case with a raw extension.
const fn raw(name: &'static str, raw: Raw, expect: Expect) -> Case {
    Case {
        name,
        at: At::Root,
        permitted: NONE,
        excluded: NONE,
        root_ekus: NO_EKU,
        intermediate_ekus: NO_EKU,
        leaf_sans: NONE,
        raw,
        expect,
    }
}

/// SEQUENCE { [2] "gitlab.corp.example.com", [9] "x" }: a GeneralName of undefined type.
/// OpenSSL refuses the certificate (invalid extension) and so does certchain; Go skips the
/// name and would accept (certchain follows the stricter).
const SAN_UNDEFINED_TYPE: &[u8] = b"\x30\x1c\x82\x17gitlab.corp.example.com\x89\x01x";
/// SEQUENCE { [2] "gitlab.corp.example.com", UTF8String "x" }: not a GeneralName at all.
const SAN_NOT_A_NAME: &[u8] = b"\x30\x1c\x82\x17gitlab.corp.example.com\x0c\x01x";
/// NameConstraints { permittedSubtrees { GeneralSubtree { [9] "x" } } }.
const NC_UNDEFINED_TYPE: &[u8] = b"\x30\x07\xa0\x05\x30\x03\x89\x01x";

const GITLAB: &[&str] = &["gitlab.corp.example.com"];
const APEX: &[&str] = &["corp.example.com"];
const ELSEWHERE: &[&str] = &["gitlab.example.org"];
const LEADING_DOT: &[&str] = &[".corp.example.com"];
const HOST_FORM: &[&str] = &["corp.example.com"];
const WILDCARD_VS_EXCLUDED_HOST: &str = "Go since 1.24.11/1.25.5 (CVE-2025-61727) rejects a wildcard that can name an excluded host; OpenSSL compares the wildcard as a literal name. certchain follows Go, the GitLab Runner's client: a chain it calls valid passes both.";
const UNPARSABLE: &str = "Go rejects any name-constrained chain holding a dNSName it cannot parse; OpenSSL only suffix-matches it. certchain follows Go.";

fn cases() -> Vec<Case> {
    use At::{Intermediate as I, Root as R};
    let mut cases = Vec::new();
    for at in [I, R] {
        cases.extend([
            nc("permitted .domain: a subdomain", at, LEADING_DOT, NONE, GITLAB, both(Accept)),
            nc(
                "permitted .domain: not the domain itself",
                at,
                LEADING_DOT,
                NONE,
                APEX,
                both(Reject),
            ),
            nc("permitted .domain: another domain", at, LEADING_DOT, NONE, ELSEWHERE, both(Reject)),
            nc(
                "permitted .domain: another letter case",
                at,
                LEADING_DOT,
                NONE,
                &["GitLab.CORP.example.com"],
                both(Accept),
            ),
            nc("permitted host: a subdomain", at, HOST_FORM, NONE, GITLAB, both(Accept)),
            nc("permitted host: the host itself", at, HOST_FORM, NONE, APEX, both(Accept)),
            nc(
                "permitted host: a suffix that is not a label",
                at,
                HOST_FORM,
                NONE,
                &["xcorp.example.com"],
                both(Reject),
            ),
            nc("excluded .domain: a subdomain", at, NONE, LEADING_DOT, GITLAB, both(Reject)),
            nc("excluded .domain: the domain itself", at, NONE, LEADING_DOT, APEX, both(Accept)),
            nc("excluded host: a subdomain", at, NONE, HOST_FORM, GITLAB, both(Reject)),
            nc("excluded host: the host itself", at, NONE, HOST_FORM, APEX, both(Reject)),
            nc("excluded host: another domain", at, NONE, HOST_FORM, ELSEWHERE, both(Accept)),
        ]);
    }
    cases.extend([
        nc(
            "wildcard *.com vs excluded foo.example.com",
            I,
            NONE,
            &["foo.example.com"],
            &["*.com"],
            both(Accept),
        ),
        nc(
            "wildcard *.example.com vs excluded foo.example.com",
            I,
            NONE,
            &["foo.example.com"],
            &["*.example.com"],
            differ(Accept, Reject, WILDCARD_VS_EXCLUDED_HOST),
        ),
        nc(
            "wildcard *.Example.COM vs excluded FOO.example.com",
            I,
            NONE,
            &["FOO.example.com"],
            &["*.Example.COM"],
            differ(Accept, Reject, WILDCARD_VS_EXCLUDED_HOST),
        ),
        nc(
            "wildcard *.EXAMPLE.com vs excluded .example.com",
            R,
            NONE,
            &[".example.com"],
            &["*.EXAMPLE.com"],
            both(Reject),
        ),
        nc(
            "wildcard *.example.com vs excluded example.COM",
            I,
            NONE,
            &["example.COM"],
            &["*.example.com"],
            both(Reject),
        ),
        nc(
            "wildcard *.corp.example.com in permitted .corp.example.com",
            R,
            LEADING_DOT,
            NONE,
            &["*.corp.example.com"],
            both(Accept),
        ),
        nc(
            "wildcard *.example.com outside permitted .corp.example.com",
            R,
            LEADING_DOT,
            NONE,
            &["*.example.com"],
            both(Reject),
        ),
        nc(
            "e-mail local part in the same case",
            I,
            &["email:Admin@corp.example.com"],
            NONE,
            &["gitlab.corp.example.com", "email:Admin@CORP.example.com"],
            both(Accept),
        ),
        nc(
            "e-mail local part in another case",
            I,
            &["email:Admin@corp.example.com"],
            NONE,
            &["gitlab.corp.example.com", "email:admin@corp.example.com"],
            both(Reject),
        ),
        nc(
            "e-mail excluded, local part in another case",
            R,
            NONE,
            &["email:Admin@corp.example.com"],
            &["gitlab.corp.example.com", "email:ADMIN@corp.example.com"],
            both(Accept),
        ),
        nc(
            "e-mail excluded, same mailbox, host in another case",
            R,
            NONE,
            &["email:Admin@corp.example.com"],
            &["gitlab.corp.example.com", "email:Admin@Corp.Example.com"],
            both(Reject),
        ),
        nc(
            "an empty label in a permitted name",
            R,
            LEADING_DOT,
            NONE,
            &["gitlab.corp.example.com", "bad..corp.example.com"],
            differ(Accept, Reject, UNPARSABLE),
        ),
        nc(
            "a final dot in a permitted name",
            R,
            LEADING_DOT,
            NONE,
            &["gitlab.corp.example.com."],
            both(Reject),
        ),
        eku("anchor: clientAuth only", &[Eku::ClientAuth], NO_EKU, both(Reject)),
        eku("anchor: emailProtection only", &[Eku::EmailProtection], NO_EKU, both(Reject)),
        eku(
            "anchor: serverAuth and clientAuth",
            &[Eku::ServerAuth, Eku::ClientAuth],
            NO_EKU,
            both(Accept),
        ),
        eku("anchor: serverAuth only", &[Eku::ServerAuth], NO_EKU, both(Accept)),
        eku("intermediate: clientAuth only", NO_EKU, &[Eku::ClientAuth], both(Reject)),
        raw(
            "leaf SAN with a GeneralName of undefined type [9]",
            Raw::LeafSan(SAN_UNDEFINED_TYPE),
            both(Reject),
        ),
        raw(
            "leaf SAN with a UTF8String among the names",
            Raw::LeafSan(SAN_NOT_A_NAME),
            both(Reject),
        ),
        raw(
            "root NameConstraints with a subtree of undefined type [9]",
            Raw::RootNameConstraints(NC_UNDEFINED_TYPE),
            both(Reject),
        ),
    ]);
    cases
}

/// rcgen subtrees from `email:` or DNS strings.
fn subtrees(names: &[&str]) -> Vec<GeneralSubtree> {
    let one = |n: &&str| match n.strip_prefix("email:") {
        Some(m) => GeneralSubtree::Rfc822Name(m.into()),
        None => GeneralSubtree::DnsName((*n).into()),
    };
    names.iter().map(one).collect()
}

/// The chain of a case: root, intermediate, leaf.
fn chain(case: &Case) -> [Issued; 3] {
    let constraints =
        (!case.permitted.is_empty() || !case.excluded.is_empty()).then(|| NameConstraints {
            permitted_subtrees: subtrees(case.permitted),
            excluded_subtrees: subtrees(case.excluded),
        });
    let mut root = Spec::root("NC Root");
    root.ekus = case.root_ekus.to_vec();
    let mut intermediate = Spec::intermediate("NC Intermediate");
    intermediate.ekus = case.intermediate_ekus.to_vec();
    match case.at {
        At::Root => root.name_constraints = constraints,
        At::Intermediate => intermediate.name_constraints = constraints,
    }
    let mut leaf = Spec::leaf("nc-leaf");
    leaf.sans = case.leaf_sans.iter().map(|s| s.to_string()).collect();
    match case.raw {
        Raw::None => {}
        Raw::LeafSan(der) => leaf.custom_extensions.push(extension(&[2, 5, 29, 17], der, false)),
        Raw::RootNameConstraints(der) => {
            root.custom_extensions.push(extension(&[2, 5, 29, 30], der, true));
        }
    }
    let root = root.issue(None);
    let intermediate = intermediate.issue(Some(&root));
    let leaf = leaf.issue(Some(&intermediate));
    [root, intermediate, leaf]
}

fn extension(oid: &[u64], der: &[u8], critical: bool) -> CustomExtension {
    let mut ext = CustomExtension::from_oid_content(oid, der.to_vec());
    ext.set_criticality(critical);
    ext
}

/// certchain, as `openssl verify -CAfile root -untrusted intermediate leaf` is run: the root
/// given as the trust anchor, the leaf and intermediate as the input.
fn certchain(root: &Issued, input: &[&Issued]) -> Report {
    let text: String = input.iter().map(|c| c.pem()).collect();
    let options = Options { trust: vec![Source::text(&root.pem())], ..options(None) };
    analyze(&[Source::text(&text)], &options)
}

fn certchain_answer(report: &Report) -> Answer {
    if report.valid {
        Accept
    } else {
        Reject
    }
}

#[test]
fn certchain_answers_each_case_as_recorded() {
    let mut wrong = Vec::new();
    for case in cases() {
        let [root, intermediate, leaf] = chain(&case);
        let report = certchain(&root, &[&leaf, &intermediate]);
        let got = certchain_answer(&report);
        if got != case.expect.certchain {
            wrong.push(format!("{} ({:?}): {got:?}, {:?}", case.name, case.at, codes(&report)));
        }
        let expected_code = reason_code(&case);
        if got == Reject && !codes(&report).contains(&expected_code) {
            wrong.push(format!(
                "{}: rejected without {expected_code}: {:?}",
                case.name,
                codes(&report)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The finding a rejected case must carry.
fn reason_code(case: &Case) -> Code {
    match case.raw {
        Raw::LeafSan(_) => Code::MalformedExtension,
        _ if !case.root_ekus.is_empty() || !case.intermediate_ekus.is_empty() => {
            Code::EkuNoServerAuth
        }
        _ => Code::NameConstraintViolation,
    }
}

/// The recorded OpenSSL column is what the installed `openssl verify` answers today.
#[test]
fn openssl_verify_answers_each_case_as_recorded() {
    let dir = TempDir::new("name-constraints").expect("temp dir");
    let mut wrong = Vec::new();
    for (n, case) in cases().iter().enumerate() {
        let [root, intermediate, leaf] = chain(case);
        let got = openssl_verify(dir.path(), n, &root, &intermediate, &leaf);
        if got != case.expect.openssl {
            wrong.push(format!(
                "{} ({:?}): openssl {got:?}, recorded {:?}",
                case.name, case.at, case.expect.openssl
            ));
        }
        if case.expect.openssl != case.expect.certchain {
            assert!(
                !case.expect.why.is_empty(),
                "{}: certchain differs from OpenSSL without a reason",
                case.name
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn openssl_verify(dir: &Path, n: usize, root: &Issued, inter: &Issued, leaf: &Issued) -> Answer {
    let write = |name: &str, cert: &Issued| {
        let path = dir.join(format!("{n}-{name}.pem"));
        std::fs::write(&path, cert.pem()).expect("write PEM");
        path
    };
    let (root, inter, leaf) = (write("root", root), write("inter", inter), write("leaf", leaf));
    let out = Command::new("openssl")
        .args(["verify", "-purpose", "sslserver", "-attime", &NOW.to_string(), "-CAfile"])
        .arg(&root)
        .arg("-untrusted")
        .arg(&inter)
        .arg(&leaf)
        .output()
        .expect("openssl is installed by cargo xtask test");
    if out.status.success() {
        Accept
    } else {
        Reject
    }
}

/// The anchor's EKU finding names the anchor: by index when it is in the input, by subject
/// when it is only a trust anchor.
#[test]
fn anchor_eku_finding_names_the_anchor() {
    let case = eku("anchor in input", &[Eku::ClientAuth], NO_EKU, both(Reject));
    let [root, intermediate, leaf] = chain(&case);
    let outside = certchain(&root, &[&leaf, &intermediate]);
    let f = outside.findings.iter().find(|f| f.code == Code::EkuNoServerAuth).expect("finding");
    assert!(f.certificates.is_empty(), "{:?}", f.certificates);
    assert!(
        f.message.en.contains("\"O=certchain tests, CN=NC Root\"")
            || f.message.en.contains("NC Root"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.en.contains("TLS Web Client Authentication")
            || f.message.en.contains("clientAuth"),
        "{}",
        f.message.en
    );
    let inside = certchain(&root, &[&leaf, &intermediate, &root]);
    let f = inside.findings.iter().find(|f| f.code == Code::EkuNoServerAuth).expect("finding");
    assert_eq!(f.certificates, vec![2]);
}
