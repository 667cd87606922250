//! Bounds the analysis reached (`crate::bounds`): each gets a finding that names the bound
//! and its figures, so a pathological input still gives a report that says what was cut.
//! Path building is a bounded search (RFC 4158 §3, §5.4 on hostile inputs).

use super::Finding;
use super::{joined, Context, Overview};
use crate::bounds::Reached;
use crate::catalogue::Text;
use crate::code::Code;
use crate::code::Severity;

/// Bounds rule.
pub fn check(_ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let search: Vec<Text> = seen.reached.iter().filter_map(search_bound).collect();
    let mut out: Vec<Finding> = seen.reached.iter().filter_map(input_bound).collect();
    if !search.is_empty() {
        out.push(search_truncated(&search));
    }
    out.extend(seen.reached.iter().find_map(|r| match r {
        Reached::ReportedPaths { limit, found } => Some(not_all_listed(*limit, *found)),
        _ => None,
    }));
    out
}

/// MiB with one decimal (rounded down) for sizes of the input. Integer arithmetic: float
/// formatting would add about 10 KB of code to the web app for this one figure.
fn mib(bytes: usize) -> String {
    let tenths = (bytes as u64).saturating_mul(10) >> 20;
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

fn input_bound(reached: &Reached) -> Option<Finding> {
    Some(match *reached {
        Reached::InputBytes { limit, size } => finding!(
            Code::InputTooLarge,
            Severity::Warning,
            Vec::new(),
            size_mib = mib(size),
            size = size,
            limit_mib = mib(limit),
        ),
        Reached::Certificates { limit, skipped } => finding!(
            Code::TooManyCertificates,
            Severity::Warning,
            Vec::new(),
            limit = limit,
            skipped = skipped,
        ),
        Reached::CertificateBytes { limit, count, largest } => finding!(
            Code::CertificateTooLarge,
            Severity::Warning,
            Vec::new(),
            count = count,
            limit = limit,
            largest = largest,
        ),
        _ => return None,
    })
}

/// The search bounds, as "after visiting 4096 certificates" and the like.
fn search_bound(reached: &Reached) -> Option<Text> {
    let (bound, limit) = match *reached {
        Reached::SearchSteps { limit } => ("steps", limit),
        Reached::PathDepth { limit } => ("depth", limit),
        Reached::Paths { limit } => ("paths", limit),
        Reached::Signatures { limit } => ("signatures", limit),
        _ => return None,
    };
    Some(crate::text!("path_search_truncated-bound", bound = bound, limit = limit))
}

fn search_truncated(bounds: &[Text]) -> Finding {
    let bounds = joined(bounds, ", ");
    finding!(Code::PathSearchTruncated, Severity::Warning, Vec::new(), bounds = bounds)
}

fn not_all_listed(limit: usize, found: usize) -> Finding {
    finding!(Code::PathsNotAllListed, Severity::Info, Vec::new(), found = found, limit = limit)
}

#[cfg(test)]
mod tests {
    use super::mib;

    #[test]
    fn sizes_in_mib_have_one_decimal_rounded_down() {
        assert_eq!(mib(64 << 20), "64.0 MiB");
        assert_eq!(mib(3 << 19), "1.5 MiB");
        assert_eq!(mib((1 << 20) - 1), "0.9 MiB");
        assert_eq!(mib(0), "0.0 MiB");
    }
}
