//! Benchmarks of the whole analysis (criterion): a 3-certificate s_client transcript, the
//! 144-root Debian trust store, and 1,000 / 10,000 generated leaves under one CA (to show
//! the cost is linear). Run with `cargo bench -p certchain-core` or `cargo xtask bench`.
#![allow(clippy::panic)] // benchmark set-up fails loudly
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use std::hint::black_box;

use certchain_core::{analyze, Options, Source, UnixTime};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rcgen::{CertificateParams, DnType, IsCa, Issuer, KeyPair};

const NOW: i64 = 1_795_305_600; // 2026-11-22T00:00:00Z
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/bench");

fn fixture(name: &str) -> Source {
    let path = format!("{FIXTURES}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source { name: Some(name.into()), bytes }
}

fn options(host: Option<&str>) -> Options {
    Options { now: UnixTime(NOW), host: host.map(str::to_string), ..Options::default() }
}

/// One root, one intermediate and `n` leaves, as one PEM bundle.
pub fn generated_bundle(n: usize) -> String {
    let ca_key = KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap_or_else(|e| panic!("{e}"));
    ca.distinguished_name.push(DnType::CommonName, "Bench Root");
    ca.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let root = ca.self_signed(&ca_key).unwrap_or_else(|e| panic!("{e}"));
    let issuer = Issuer::from_params(&ca, &ca_key);
    let leaf_key = KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::new();
    for i in 0..n {
        let host = format!("host{i}.example.com");
        let params = CertificateParams::new(vec![host]).unwrap_or_else(|e| panic!("{e}"));
        let cert = params.signed_by(&leaf_key, &issuer).unwrap_or_else(|e| panic!("{e}"));
        out.push_str(&cert.pem());
    }
    out.push_str(&root.pem());
    out
}

fn small(c: &mut Criterion) {
    let transcript = [fixture("s_client-3.txt")];
    let opts = options(Some("gitlab.example.com"));
    c.bench_function("s_client transcript, 3 certificates", |b| {
        b.iter(|| analyze(black_box(&transcript), &opts))
    });
    let store = [fixture("debian-ca-certificates.crt")];
    let opts = options(None);
    c.bench_function("Debian trust store, 144 roots", |b| {
        b.iter(|| analyze(black_box(&store), &opts))
    });
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("generated leaves under one CA");
    group.sample_size(10);
    let opts = options(Some("host0.example.com"));
    for n in [1_000usize, 10_000] {
        let input = [Source::text(&generated_bundle(n))];
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &input, |b, input| {
            b.iter(|| analyze(black_box(input), &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, small, scaling);
criterion_main!(benches);
