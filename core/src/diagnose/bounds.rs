//! Bounds the analysis reached (`crate::bounds`): each gets a finding that names the bound
//! and its figures, so a pathological input still gives a report that says what was cut.
//! Path building is a bounded search (RFC 4158 §3, §5.4 on hostile inputs).

use super::{finding, Context, Overview};
use crate::bounds::Reached;
use crate::code::Code;
use crate::report::{Finding, Severity, Text};

/// Bounds rule.
pub fn check(_ctx: &Context<'_>, seen: &Overview<'_>) -> Vec<Finding> {
    let search: Vec<String> = seen.reached.iter().filter_map(search_bound).collect();
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
        Reached::InputBytes { limit, size } => finding(
            Code::InputTooLarge,
            Severity::Warning,
            Vec::new(),
            Text::new(
                format!("The input is {} ({size} bytes); certchain reads the first {} and did not read the rest.", mib(size), mib(limit)),
                format!("入力は {}({size} バイト)です。certchain は先頭の {} だけを読み、残りは読んでいません。", mib(size), mib(limit)),
            ),
            Text::new(
                "Paste only the chain (leaf and intermediates), or split a large trust store into files under the limit.",
                "チェーン(リーフと中間証明書)だけを貼り付けるか、大きなトラストストアは上限未満のファイルに分けてください。",
            ),
        ),
        Reached::Certificates { limit, skipped } => finding(
            Code::TooManyCertificates,
            Severity::Warning,
            Vec::new(),
            Text::new(
                format!("The input holds more than {limit} certificates: the first {limit} were analysed and {skipped} more were not read."),
                format!("入力の証明書が {limit} 枚を超えています。先頭の {limit} 枚を解析し、残りの {skipped} 枚は読んでいません。"),
            ),
            Text::new(
                "A server chain is a few certificates: paste the leaf and its intermediates only.",
                "サーバーのチェーンは数枚です。リーフと中間証明書だけを貼り付けてください。",
            ),
        ),
        Reached::CertificateBytes { limit, count, largest } => finding(
            Code::CertificateTooLarge,
            Severity::Warning,
            Vec::new(),
            Text::new(
                format!("{count} certificate(s) larger than {limit} bytes were not read (the largest is {largest} bytes); real certificates are a few KB."),
                format!("{limit} バイトを超える証明書 {count} 枚は読んでいません(最大 {largest} バイト)。通常の証明書は数 KB です。"),
            ),
            Text::new(
                "Check that the block is one certificate and not another file pasted inside it.",
                "そのブロックが 1 枚の証明書であり、別のファイルが紛れ込んでいないか確認してください。",
            ),
        ),
        _ => return None,
    })
}

/// The search bounds, as "after visiting 4096 certificates" and the like.
fn search_bound(reached: &Reached) -> Option<String> {
    Some(match *reached {
        Reached::SearchSteps { limit } => format!("after visiting {limit} certificates"),
        Reached::PathDepth { limit } => format!("at {limit} certificates per path"),
        Reached::Paths { limit } => format!("after finding {limit} paths from one certificate"),
        Reached::Signatures { limit } => format!("after {limit} signature checks"),
        _ => return None,
    })
}

fn search_truncated(bounds: &[String]) -> Finding {
    let list = bounds.join(", ");
    finding(
        Code::PathSearchTruncated,
        Severity::Warning,
        Vec::new(),
        Text::new(
            format!("The input has so many interlinked certificates that certchain stopped searching paths at its bounds ({list}); the best path shown is the best one found."),
            format!("相互にリンクした証明書が多すぎるため、上限でパス探索を打ち切りました({list})。表示しているのは見つかった中で最良のパスです。"),
        ),
        Text::new(
            "Send only the leaf and the intermediates of one chain.",
            "1 つのチェーンのリーフと中間証明書だけを送ってください。",
        ),
    )
}

fn not_all_listed(limit: usize, found: usize) -> Finding {
    finding(
        Code::PathsNotAllListed,
        Severity::Info,
        Vec::new(),
        Text::new(
            format!("{found} paths were found; the report lists the best {limit}."),
            format!("{found} 本のパスが見つかりました。レポートには上位 {limit} 本を載せています。"),
        ),
        Text::new(
            "Nothing to fix if the best path is the one you expect; otherwise send fewer cross-signed CAs.",
            "最良のパスが想定どおりなら対応は不要です。そうでなければクロス署名の CA を減らしてください。",
        ),
    )
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
