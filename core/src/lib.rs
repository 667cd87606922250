//! certchain-core: read every real-world certificate chain input, build the chain,
//! diagnose it, and recommend the files to use.
//!
//! The crate is pure: no I/O, no clock. Time is an argument (`Options::now`), so the same
//! input gives the same [`Report`] in the CLI, the API, the browser (WASM) and the tests.
//!
//! ```text
//! bytes -> input::extract -> cert::parse -> chain::build -> diagnose::run -> recommend = Report
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analyze;
pub mod bounds;
pub mod catalogue;
pub mod cert;
pub mod chain;
pub mod code;
pub mod diagnose;
pub mod escape;
pub mod explain;
pub mod host;
pub mod input;
pub mod recommend;
pub mod redact;
pub mod report;
pub mod snippets;

pub use analyze::{analyze, analyze_owned, Options, UnixTime};
pub use code::Code;
pub use input::Source;
pub use report::Report;

/// Lowercase hex of bytes (RustCrypto's `base16ct`, already compiled in for the curves).
pub(crate) fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

/// `out[i]` is true when `i` is in `indices`: O(1) membership for index lists.
pub(crate) fn membership(len: usize, indices: &[usize]) -> Vec<bool> {
    let mut out = vec![false; len];
    for &i in indices {
        if let Some(slot) = out.get_mut(i) {
            *slot = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_is_lowercase_two_digits_a_byte() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(super::hex(&[]), "");
    }
}
