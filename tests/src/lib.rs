//! certchain-tests: the integration, conformance and property tests of certchain, and the
//! small PKI they generate their chains with.
#![forbid(unsafe_code)]

pub mod pki;
pub mod rsa_bomb;
pub mod web;

use certchain_core::{analyze, Code, Options, Report, Source, UnixTime};

/// The evaluation time of every generated test: 2026-11-22T00:00:00Z.
pub const NOW: i64 = 1_795_305_600;

/// Analyse PEM texts pasted one after the other (one source) at [`NOW`] for `host`.
pub fn analyze_pems(pems: &[String], host: Option<&str>) -> Report {
    analyze(&[Source::text(&pems.concat())], &options(host))
}

/// Analyse one text at [`NOW`] for `host`.
pub fn analyze_text(text: &str, host: Option<&str>) -> Report {
    analyze(&[Source::text(text)], &options(host))
}

/// Options at [`NOW`] for `host`, with the public roots.
pub fn options(host: Option<&str>) -> Options {
    Options { now: UnixTime(NOW), host: host.map(str::to_string), ..Options::default() }
}

/// The codes of a report's findings, in report order.
pub fn codes(report: &Report) -> Vec<Code> {
    report.findings.iter().map(|f| f.code).collect()
}

/// The SHA-256 of the certificates of the chain, leaf first.
pub fn chain_hashes(report: &Report) -> Vec<String> {
    report.chain.iter().map(|&i| report.certificates[i].sha256.clone()).collect()
}
