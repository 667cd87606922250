//! The pipeline: input -> certificates -> paths -> findings -> files = [`Report`].

use crate::bounds::{InputBounds, Reached};
use crate::catalogue::{self, Lang};
use crate::cert::{self, Cert};
use crate::chain::{self, AnchorKind, Anchors, Cut, End, Graph, Limits, Shape};
use crate::code::Code;
use crate::diagnose::{self, Capture, Context, Overview, Ranked, TrustInput};
use crate::explain::{self, Facts, Scanned};
use crate::host::Target;
use crate::input::{self, Extracted, Origin, Source};
use crate::recommend;
use crate::report::{
    Finding, InputKind, InputReport, Path, PathEnd, PrivateKeySeen, Report, Severity, Text, Trust,
};

/// A point in time, in seconds since the Unix epoch. The core never reads the clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnixTime(pub i64);

/// What to analyse against.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The time to check validity at.
    pub now: UnixTime,
    /// The host (or URL) clients connect to; checked against the leaf's names.
    pub host: Option<String>,
    /// Trust anchors to use instead of the public roots (`--trust FILE`).
    pub trust: Vec<Source>,
    /// Bounds of path building.
    pub limits: Limits,
    /// Bounds of reading the input (and the trust files).
    pub bounds: InputBounds,
}

/// Most paths listed in a report (all are still ranked).
pub const MAX_REPORTED_PATHS: usize = 64;

/// Analyse the input. Never fails: whatever is wrong becomes a finding.
pub fn analyze(sources: &[Source], options: &Options) -> Report {
    let mut extracted = input::extract_within(sources, options.bounds);
    let scanned = explain::scan(&std::mem::take(&mut extracted.texts));
    report(extracted, scanned, sources.len(), options)
}

/// [`analyze`], freeing the input bytes as soon as they are read: for large inputs (a
/// 10 MB bundle) the raw bytes and the report are never held at once.
pub fn analyze_owned(sources: Vec<Source>, options: &Options) -> Report {
    let count = sources.len();
    let mut extracted = input::extract_within(&sources, options.bounds);
    drop(sources);
    let scanned = explain::scan(&std::mem::take(&mut extracted.texts));
    report(extracted, scanned, count, options)
}

fn report(
    mut extracted: Extracted,
    scanned: Scanned,
    source_count: usize,
    options: &Options,
) -> Report {
    let block_count = extracted.blocks.len();
    let (certs, unparsable) = parse_blocks(std::mem::take(&mut extracted.blocks));
    let (user_anchors, trust_input) = user_anchors(&options.trust, options.bounds).unzip();
    let anchors = user_anchors.as_ref().unwrap_or_else(|| Anchors::public());
    let budget = options.limits.max_signatures + 2 * certs.len();
    let graph = Graph::new(&certs, anchors, budget);
    let target = options.host.as_deref().and_then(Target::parse);
    let shape = chain::classify(&graph);
    let ctx = Context {
        graph: &graph,
        now: options.now.0,
        target: target.as_ref(),
        kind: shape.kind,
        capture: None,
    };
    let (ranked, cut) = rank_paths(&ctx, &shape, options.limits);
    let ctx = Context { capture: Capture::of(&extracted, graph.certs.len()), ..ctx };
    let exhausted = graph.exhausted().then_some(budget);
    let reached = reached(&extracted, cut, exhausted, ranked.len(), options);
    let best = ranked.first();
    let on_paths = on_paths_of(&ranked);
    let overview = Overview {
        extracted: &extracted,
        unparsable: &unparsable,
        leaves: &shape.leaves,
        chain: best.map(|r| &r.found),
        on_paths: &on_paths,
        reached: &reached,
        trust_input: trust_input.as_ref(),
    };
    let mut findings = best.map(|r| diagnose::path(&ctx, &r.found)).unwrap_or_default();
    findings.extend(diagnose::input(&ctx, &overview));
    diagnose::sort(&mut findings);
    let chain_certs = best.map(|r| r.found.certs.clone()).unwrap_or_default();
    let roles = recommend::roles(&graph, &shape, &chain_certs, &on_paths);
    let paths = ranked.iter().take(MAX_REPORTED_PATHS).map(|r| report_path(&graph, r)).collect();
    let found = served(&graph, &ranked);
    let bundles = recommend::bundles(&graph, shape.kind, found, target.as_ref(), options.now.0);
    let trust = trust(&graph, shape.kind, best);
    let summary = summary(&graph, &shape, best, &findings, scanned.len());
    let findings = diagnose::cap(findings, &extracted.problems_not_kept());
    let valid = best.is_some_and(|r| r.valid) && shape.kind != InputKind::Empty;
    let self_signed: Vec<bool> = (0..certs.len()).map(|i| graph.self_signed(i)).collect();
    let first_copy = graph.first_copy.clone();
    drop(graph);
    let certificates =
        recommend::summaries(certs, &roles, &self_signed, &first_copy, options.now.0);
    let host = target.as_ref().map(|t| t.host.clone());
    let now = cert::rfc3339(options.now.0);
    let explained = explain::explain_all(
        Facts {
            valid,
            summary: &summary,
            host: host.as_deref(),
            now: &now,
            certificates: &certificates,
            chain: &chain_certs,
            trust: &trust,
            bundles: &bundles,
            findings: &findings,
        },
        scanned,
        options.now.0,
    );
    let mut input = input_report(source_count, block_count, &extracted, trust_input.as_ref());
    input.notes.extend(explained.notes);
    Report {
        valid,
        kind: shape.kind,
        summary,
        host,
        now,
        certificates,
        chain: chain_certs,
        paths,
        trust,
        bundles,
        error_messages: explained.messages,
        input,
        findings,
    }
}

fn parse_blocks(blocks: Vec<input::Block>) -> (Vec<Cert>, Vec<(Origin, String)>) {
    let mut certs = Vec::with_capacity(blocks.len());
    let mut failed = Vec::new();
    for block in blocks {
        let origin = block.origin.clone();
        match cert::parse(block, certs.len()) {
            Ok(c) => certs.push(c),
            Err(why) => failed.push((origin, why)),
        }
    }
    (certs, failed)
}

/// `--trust FILE`: every certificate in it is an anchor; they replace the public roots.
/// What was read is kept as a fact ([`TrustInput`]) and said in the notes: a trust file
/// that yields nothing would otherwise silently leave nothing trusted.
fn user_anchors(trust: &[Source], bounds: InputBounds) -> Option<(Anchors, TrustInput)> {
    if trust.is_empty() {
        return None;
    }
    let extracted = input::extract_within(trust, bounds);
    let (certs, failed) = parse_blocks(extracted.blocks);
    let problems = extracted.problems.into_iter().map(|p| (p.origin, p.detail));
    // x509-parser's reason is technical English, the same in every language.
    let failed = failed.into_iter().map(|(origin, why)| (origin, Text::verbatim(why)));
    let trust_input = TrustInput {
        anchors: certs.len(),
        reader_notes: extracted.notes,
        ignored: problems.chain(failed).collect(),
        private_keys: extracted.private_keys.len(),
    };
    Some((Anchors::from_certs(&certs), trust_input))
}

fn rank_paths(ctx: &Context<'_>, shape: &Shape, limits: Limits) -> (Vec<Ranked>, Cut) {
    let mut cut = Cut::default();
    let mut ranked = Vec::new();
    for &start in &shape.starts {
        let outcome = chain::paths_from(ctx.graph, start, limits);
        cut = cut.merge(outcome.cut);
        for found in outcome.paths {
            let findings = diagnose::path(ctx, &found);
            let complete = match found.end {
                End::Anchor(_) => true,
                End::SelfSigned => shape.kind == InputKind::CaBundle,
                End::Missing | End::Loop => false,
            };
            ranked.push(Ranked::new(found, &findings, complete));
        }
    }
    diagnose::rank::sort(&mut ranked, ctx.graph);
    (ranked, cut)
}

/// Every bound the analysis reached: reading's, then the path search's, then the report's.
fn reached(
    extracted: &Extracted,
    cut: Cut,
    signature_budget_spent: Option<usize>,
    paths_found: usize,
    options: &Options,
) -> Vec<Reached> {
    let limits = options.limits;
    let mut out = extracted.reached.clone();
    let search = [
        (cut.steps, Reached::SearchSteps { limit: limits.max_steps }),
        (cut.depth, Reached::PathDepth { limit: limits.max_depth }),
        (cut.paths, Reached::Paths { limit: limits.max_paths }),
    ];
    out.extend(search.into_iter().filter(|(hit, _)| *hit).map(|(_, r)| r));
    out.extend(signature_budget_spent.map(|limit| Reached::Signatures { limit }));
    if paths_found > MAX_REPORTED_PATHS {
        out.push(Reached::ReportedPaths { limit: MAX_REPORTED_PATHS, found: paths_found });
    }
    out
}

/// The path the files are made from: the best one, except when it stops at a pinned server
/// certificate (its own anchor); then the best path that goes on from it to its CAs, since
/// the server must still send them and clients should trust them instead of the pin.
fn served<'r>(graph: &Graph<'_>, ranked: &'r [Ranked]) -> Option<&'r chain::Found> {
    let best = &ranked.first()?.found;
    let above = || {
        ranked.iter().map(|r| &r.found).find(|f| f.certs.len() > 1 && f.certs[0] == best.certs[0])
    };
    Some(if best.ends_at_a_pin(graph) { above().unwrap_or(best) } else { best })
}

/// Certificates on any path that starts at the best path's leaf.
fn on_paths_of(ranked: &[Ranked]) -> Vec<usize> {
    let Some(leaf) = ranked.first().and_then(|r| r.found.certs.first()) else {
        return Vec::new();
    };
    let mut on: Vec<usize> = ranked
        .iter()
        .filter(|r| r.found.certs.first() == Some(leaf))
        .flat_map(|r| r.found.certs.iter().copied())
        .collect();
    on.sort_unstable();
    on.dedup();
    on
}

fn path_end(graph: &Graph<'_>, end: End) -> PathEnd {
    match end {
        End::Anchor(a) => match graph.anchors.get(a).map(|x| x.kind) {
            Some(AnchorKind::User) => PathEnd::UserAnchor,
            _ => PathEnd::PublicRoot,
        },
        End::SelfSigned => PathEnd::PrivateRoot,
        End::Missing | End::Loop => PathEnd::MissingIssuer,
    }
}

fn end_name(graph: &Graph<'_>, found: &chain::Found) -> String {
    let top = found.certs.last().map(|&i| &graph.certs[i]);
    match found.end {
        End::Anchor(a) => graph.anchors.get(a).map(|x| x.name.clone()).unwrap_or_default(),
        End::SelfSigned => top.map(|c| c.subject.clone()).unwrap_or_default(),
        End::Missing | End::Loop => top.map(|c| c.issuer.clone()).unwrap_or_default(),
    }
}

fn report_path(graph: &Graph<'_>, r: &Ranked) -> Path {
    Path {
        certificates: r.found.certs.clone(),
        end: path_end(graph, r.found.end),
        anchor: end_name(graph, &r.found),
        valid: r.valid,
        errors: r.errors.clone(),
    }
}

fn trust(graph: &Graph<'_>, kind: InputKind, best: Option<&Ranked>) -> Trust {
    let Some(best) = best else {
        let explanation = if kind == InputKind::TrustStore {
            crate::text!("recommend-trust-store")
        } else {
            crate::text!("recommend-trust-nothing")
        };
        return Trust { end: None, anchor: None, clients_need_ca_file: false, explanation };
    };
    let end = path_end(graph, best.found.end);
    let name = end_name(graph, &best.found);
    let (need, id) = match end {
        PathEnd::PublicRoot => (false, "recommend-trust-public-root"),
        PathEnd::UserAnchor => (true, "recommend-trust-user-anchor"),
        PathEnd::PrivateRoot => (true, "recommend-trust-private-root"),
        PathEnd::MissingIssuer => (true, "recommend-trust-missing-issuer"),
    };
    Trust {
        end: Some(end),
        explanation: crate::text!(id, anchor = name),
        anchor: Some(name),
        clients_need_ca_file: need,
    }
}

/// A trust store: how many certificates and roots, and how many roots have expired.
fn store_summary(graph: &Graph<'_>, findings: &[Finding]) -> Text {
    let n = graph.certs.len();
    let roots = graph.unique().filter(|&i| graph.certs[i].self_issued()).count();
    let expired = findings.iter().filter(|f| f.code == Code::Expired).count();
    // Arguments are strings, which a Fluent selector cannot count: the code names the case.
    let expired_kind = match expired {
        0 => "none",
        1 => "one",
        _ => "other",
    };
    crate::text!(
        "recommend-summary-store",
        certificates = n,
        roots = roots,
        expired = expired,
        expired_kind = expired_kind,
    )
}

fn summary(
    graph: &Graph<'_>,
    shape: &Shape,
    best: Option<&Ranked>,
    findings: &[Finding],
    messages: usize,
) -> Text {
    let errors: Vec<&Finding> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
    match (shape.kind, best) {
        (InputKind::Empty, _) if messages > 0 => {
            crate::text!("recommend-summary-messages-only", messages = messages)
        }
        (InputKind::Empty, _) => crate::text!("recommend-summary-empty"),
        (InputKind::TrustStore, _) => store_summary(graph, findings),
        (_, Some(best)) if errors.is_empty() && best.valid => {
            let mut chain: Vec<String> =
                best.found.certs.iter().map(|&i| diagnose_label(graph, i)).collect();
            let top_is_anchor = best.found.certs.last().is_some_and(|&t| {
                matches!(best.found.end, End::Anchor(a) if graph.anchors.equivalent(&graph.certs[t]) == Some(a))
            });
            if matches!(best.found.end, End::Anchor(_)) && !top_is_anchor {
                chain.push(end_name(graph, &best.found));
            }
            crate::text!("recommend-summary-valid", chain = chain.join(" → "))
        }
        _ => {
            // The first error's message, in each language; none: the sentence ends at "fix.".
            let first = errors.first().map(|f| &f.message);
            let count = errors.len();
            let in_lang = |lang: Lang| {
                let message = first.map_or("", |t| if lang == Lang::En { &t.en } else { &t.ja });
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("count", &count), ("first", &message)];
                catalogue::render(lang, "recommend-summary-problems", &args).trim_end().to_string()
            };
            Text::new(in_lang(Lang::En), in_lang(Lang::Ja))
        }
    }
}

fn diagnose_label(graph: &Graph<'_>, i: usize) -> String {
    let c = &graph.certs[i];
    c.common_name.clone().unwrap_or_else(|| c.subject.clone())
}

/// What was read, for the report: the input's notes, then the trust input's.
fn input_report(
    sources: usize,
    blocks: usize,
    extracted: &Extracted,
    trust_input: Option<&TrustInput>,
) -> InputReport {
    // The contract's notes are plain strings: their English.
    let trust_notes = trust_input.map(TrustInput::notes).unwrap_or_default();
    let notes = extracted.notes.iter().chain(&trust_notes).map(|note| note.en.clone()).collect();
    InputReport {
        formats: extracted.formats.clone(),
        sources,
        blocks,
        s_client: extracted.s_client.clone(),
        private_keys: extracted
            .private_keys
            .iter()
            .map(|k| PrivateKeySeen { kind: k.kind.clone(), source: k.origin.clone() })
            .collect(),
        notes,
    }
}
