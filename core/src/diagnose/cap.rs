//! At most [`PER_CODE`] findings of one code are listed; the rest are counted in one more
//! finding of the same code. A pasted megabyte of `-----BEGIN X-----` lines is 58,000
//! broken blocks: listing each would make a 25 MB answer that says nothing more than the
//! first fifty do.

use super::Finding;
use super::Key;
use crate::code::Code;
use crate::code::Severity;

/// Most findings listed per code (and severity).
pub const PER_CODE: usize = crate::bounds::FINDINGS_PER_CODE;

/// `findings` (sorted, see `sort`) with each code's run cut to [`PER_CODE`], followed by a
/// finding that says how many more there were. `uncounted` adds findings of a code that
/// were never made (extraction keeps only the first broken blocks, see `input`).
pub fn cap(findings: Vec<Finding>, uncounted: &[(Code, Severity, usize)]) -> Vec<Finding> {
    let mut extra: Vec<((Code, Severity), usize)> =
        uncounted.iter().map(|&(code, severity, n)| ((code, severity), n)).collect();
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len().min(PER_CODE * 8));
    let mut run: Option<((Code, Severity), usize, usize)> = None;
    for f in findings {
        let key = (f.code, f.severity);
        match &mut run {
            Some((current, kept, more)) if *current == key => {
                if *kept < PER_CODE {
                    *kept += 1;
                    out.push(f);
                } else {
                    *more += 1;
                }
            }
            _ => {
                close(&mut out, run.take(), &mut extra);
                run = Some((key, 1, 0));
                out.push(f);
            }
        }
    }
    close(&mut out, run, &mut extra);
    for ((code, severity), more) in extra.into_iter().filter(|(_, n)| *n > 0) {
        out.push(more_of(code, severity, more));
    }
    out
}

/// Ends a code's run: the count of what was left out, with the findings never made.
fn close(
    out: &mut Vec<Finding>,
    run: Option<((Code, Severity), usize, usize)>,
    extra: &mut [((Code, Severity), usize)],
) {
    let Some((key, _, more)) = run else { return };
    let (code, severity) = key;
    let unmade = extra.iter_mut().find(|(k, _)| *k == key).map_or(0, |(_, n)| std::mem::take(n));
    let more = more + unmade;
    if more > 0 {
        out.push(more_of(code, severity, more));
    }
}

fn more_of(code: Code, severity: Severity, more: usize) -> Finding {
    finding!(
        Key::worded(code, "findings-more-not-listed"),
        severity,
        Vec::new(),
        more = more,
        code = code,
        limit = PER_CODE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(code: Code, i: usize) -> Finding {
        finding!(code, Severity::Error, vec![i])
    }

    #[test]
    fn each_code_keeps_its_first_fifty_and_counts_the_rest() {
        let mut all: Vec<Finding> = (0..120).map(|i| f(Code::MalformedPem, i)).collect();
        all.extend((0..3).map(|i| f(Code::UnparsableBlock, i)));
        let capped = cap(all, &[(Code::MalformedPem, Severity::Error, 1000)]);
        let pem: Vec<&Finding> = capped.iter().filter(|x| x.code == Code::MalformedPem).collect();
        assert_eq!(pem.len(), PER_CODE + 1);
        assert!(pem[PER_CODE].message.en.contains("1070 more"), "{}", pem[PER_CODE].message.en);
        assert_eq!(capped.iter().filter(|x| x.code == Code::UnparsableBlock).count(), 3);
        assert_eq!(capped.len(), PER_CODE + 1 + 3);
    }

    #[test]
    fn uncounted_findings_of_a_code_never_made_still_get_their_count() {
        let capped = cap(vec![f(Code::Expired, 0)], &[(Code::UnparsableBlock, Severity::Error, 7)]);
        assert_eq!(capped.len(), 2);
        assert!(capped[1].message.en.contains("7 more unparsable_block"));
    }
}
