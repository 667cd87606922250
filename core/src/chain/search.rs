//! Path building: a bounded depth-first search from one certificate up to its anchors.
//!
//! Cross-signed CAs make cycles, so a CA already on the path (same subject and key) is never
//! entered again, and the search stops after `Limits::max_steps` nodes (RFC 4158 §2.4.2:
//! loop detection; §3: path building is a search, to be bounded).

use super::graph::{Graph, Issuer};
use super::signature::{Unsupported, Verdict};

/// Bounds of one search.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most certificates on one path, self-issued intermediates not counted (RFC 5280
    /// §6.1.4 (l), as for pathLenConstraint); a path never grows past twice this, so a run of
    /// self-issued certificates stays bounded.
    pub max_depth: usize,
    /// Most nodes visited.
    pub max_steps: usize,
    /// Most paths collected.
    pub max_paths: usize,
    /// Most signatures checked in one analysis, on top of two per certificate.
    pub max_signatures: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 12, max_steps: 4096, max_paths: 64, max_signatures: 256 }
    }
}

/// How a found path ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Signed by (or equal to) a trust anchor.
    Anchor(usize),
    /// At a self-signed certificate that is not an anchor.
    SelfSigned,
    /// No certificate or anchor in reach signed the last one.
    Missing,
    /// Every issuer in reach is already on the path.
    Loop,
}

/// One path: input indices from the start certificate upward, and how it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Certificates, start first.
    pub certs: Vec<usize>,
    /// How it ends.
    pub end: End,
    /// Links whose signature certchain could not check: (child, reason).
    pub unchecked: Vec<(usize, Unsupported)>,
}

impl Found {
    /// The path ends at an anchor that is its own top certificate, one that could pin
    /// ([`Graph::could_pin`]): a server certificate trusted as itself.
    pub fn ends_at_a_pin(&self, graph: &Graph<'_>) -> bool {
        let (Some(&top), End::Anchor(a)) = (self.certs.last(), self.end) else { return false };
        graph.anchors.equivalent(&graph.certs[top]) == Some(a) && graph.could_pin(top)
    }
}

/// Paths found from one start, and which bounds cut the search short.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Every path found.
    pub paths: Vec<Found>,
    /// The bounds reached: more paths may exist.
    pub cut: Cut,
}

/// Which of the [`Limits`] a search reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cut {
    /// `max_steps` nodes were visited.
    pub steps: bool,
    /// A path reached `max_depth` certificates and had issuers left.
    pub depth: bool,
    /// `max_paths` paths were found.
    pub paths: bool,
}

impl Cut {
    /// Both searches' cuts.
    pub fn merge(self, other: Cut) -> Cut {
        Cut {
            steps: self.steps || other.steps,
            depth: self.depth || other.depth,
            paths: self.paths || other.paths,
        }
    }
}

/// Every path from `start`, within `limits`.
pub fn paths_from(graph: &Graph<'_>, start: usize, limits: Limits) -> Outcome {
    let mut search = Search { graph, limits, steps: 0, outcome: Outcome::default() };
    let mut path = vec![start];
    let mut unchecked = Vec::new();
    search.visit(&mut path, &mut unchecked);
    search.outcome
}

struct Search<'g, 'a> {
    graph: &'g Graph<'a>,
    limits: Limits,
    steps: usize,
    outcome: Outcome,
}

impl Search<'_, '_> {
    fn visit(&mut self, path: &mut Vec<usize>, unchecked: &mut Vec<(usize, Unsupported)>) {
        if self.steps >= self.limits.max_steps {
            self.outcome.cut.steps = true;
            return;
        }
        if self.outcome.paths.len() >= self.limits.max_paths {
            self.outcome.cut.paths = true;
            return;
        }
        self.steps += 1;
        let Some(&top) = path.last() else { return };
        if let Some(a) = self.graph.anchors.equivalent(&self.graph.certs[top]) {
            self.emit(path, unchecked, End::Anchor(a));
            // A pinned server certificate ends its path, but its CAs above it are still what
            // the server sends: the search goes on from it, so they are not called unrelated.
            if path.len() > 1 || !self.graph.could_pin(top) {
                return;
            }
        }
        if self.graph.self_signed(top) {
            return self.emit(path, unchecked, End::SelfSigned);
        }
        let mut went_up = false;
        let mut looped = false;
        for (issuer, verdict) in self.graph.issuers(top) {
            let pushed_note = note_unchecked(unchecked, top, &verdict);
            match issuer {
                Issuer::Anchor(a) => {
                    went_up = true;
                    self.emit(path, unchecked, End::Anchor(a));
                }
                Issuer::Cert(i) if self.on_path(path, i) => looped = true,
                Issuer::Cert(_) if self.too_deep(path) => {
                    self.outcome.cut.depth = true;
                }
                Issuer::Cert(i) => {
                    went_up = true;
                    path.push(i);
                    self.visit(path, unchecked);
                    path.pop();
                }
            }
            if pushed_note {
                unchecked.pop();
            }
        }
        if !went_up {
            self.emit(path, unchecked, if looped { End::Loop } else { End::Missing });
        }
    }

    /// Whether `path` may not grow: `max_depth` counted certificates, or twice that in all.
    fn too_deep(&self, path: &[usize]) -> bool {
        let self_issued =
            path.iter().skip(1).filter(|&&i| self.graph.certs[i].self_issued()).count();
        path.len() - self_issued >= self.limits.max_depth
            || path.len() >= self.limits.max_depth.saturating_mul(2)
    }

    fn on_path(&self, path: &[usize], candidate: usize) -> bool {
        path.iter().any(|&p| self.graph.same_entity(p, candidate))
    }

    fn emit(&mut self, path: &[usize], unchecked: &[(usize, Unsupported)], end: End) {
        if self.outcome.paths.len() >= self.limits.max_paths {
            self.outcome.cut.paths = true;
            return;
        }
        let found = Found { certs: path.to_vec(), end, unchecked: unchecked.to_vec() };
        self.outcome.paths.push(found);
    }
}

fn note_unchecked(
    unchecked: &mut Vec<(usize, Unsupported)>,
    child: usize,
    verdict: &Verdict,
) -> bool {
    if let Verdict::Unsupported(reason) = verdict {
        unchecked.push((child, reason.clone()));
        return true;
    }
    false
}
