//! The bounds that keep every analysis finite in time and memory, whatever is pasted: a
//! 20 MB trust store, 10,000 copies of one certificate, 50 CAs that all cross-sign each
//! other, a certificate blown up to megabytes. Reaching a bound is never an error: what was
//! read is analysed, and a finding names the bound (`diagnose/bounds.rs`).
//!
//! Path-building bounds live with the search (`chain::Limits`); these are the input's.

/// Most findings (and input problems) listed per code and severity; the rest are counted
/// (`diagnose::cap`).
pub const FINDINGS_PER_CODE: usize = 50;

/// Bounds on reading the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputBounds {
    /// Most bytes read from all sources together; what follows is not read.
    pub max_input_bytes: usize,
    /// Most certificate blocks kept; later ones are counted, not parsed.
    pub max_certificates: usize,
    /// Largest certificate DER read. Real ones are a few KB; RFC 5280 sets no maximum.
    pub max_certificate_bytes: usize,
}

impl Default for InputBounds {
    fn default() -> Self {
        InputBounds {
            max_input_bytes: 64 << 20,
            max_certificates: 20_000,
            max_certificate_bytes: 64 << 10,
        }
    }
}

/// A bound the analysis reached, with the figures its finding states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// The input is larger than `limit` bytes (`size` in all).
    InputBytes {
        /// The bound.
        limit: usize,
        /// The input's size.
        size: usize,
    },
    /// More than `limit` certificates: `skipped` were not read.
    Certificates {
        /// The bound.
        limit: usize,
        /// Blocks past the bound.
        skipped: usize,
    },
    /// `count` certificates were larger than `limit` bytes (the largest `largest`).
    CertificateBytes {
        /// The bound.
        limit: usize,
        /// How many were too large.
        count: usize,
        /// The largest one's size.
        largest: usize,
    },
    /// A path search visited `limit` certificates and stopped.
    SearchSteps {
        /// The bound.
        limit: usize,
    },
    /// A path reached `limit` certificates and was not extended.
    PathDepth {
        /// The bound.
        limit: usize,
    },
    /// A search found `limit` paths and stopped.
    Paths {
        /// The bound.
        limit: usize,
    },
    /// `limit` signatures were checked; further links were left unchecked.
    Signatures {
        /// The bound.
        limit: usize,
    },
    /// `found` paths were ranked; the report lists the best `limit`.
    ReportedPaths {
        /// The bound.
        limit: usize,
        /// Paths found.
        found: usize,
    },
}
