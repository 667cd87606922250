//! A finding: one thing certchain noticed in the certificates, with its fix. A defect in
//! the certificates is a finding, not an error (the report carries them as they are).

use serde::Serialize;

use crate::catalogue::Text;
use crate::code::{Code, Severity};

/// One thing certchain noticed, with its fix.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable snake_case code (see docs/findings.md).
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// Indices into `certificates` this finding is about.
    pub certificates: Vec<usize>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
}
