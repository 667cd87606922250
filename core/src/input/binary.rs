//! Binary input: DER certificate(s), PKCS#7 SignedData in DER or BER, a DER private key,
//! or something else, named when it is a well-known container.

use super::ber;
use super::der::{self, Kind, Reading, What};
use super::{Extracted, Format, Problem, ProblemKind, Scope};
use crate::catalogue::Text;

/// The form of binary input: PKCS#7 when it starts with a ContentInfo, else DER.
pub(super) fn form(bytes: &[u8]) -> Format {
    match ber::read(bytes) {
        Ok((tlv, _)) if der::kind_of(&tlv) == Kind::Pkcs7 => Format::Pkcs7Der,
        _ => Format::Der,
    }
}

/// Reads binary input. Origins have line 0.
pub(super) fn parse(bytes: &[u8], scope: &Scope, out: &mut Extracted) {
    let origin = scope.origin(0, None);
    if let Some(detail) = known_container(bytes) {
        return out.push_problem(Problem { kind: ProblemKind::UnparsableBlock, origin, detail });
    }
    let size = bytes.len();
    let what = What::new(move || crate::text!("input-binary", bytes = size));
    der::read_all(bytes, &Reading::plain(origin, what), out);
}

/// Containers people save certificates in that are not DER, told by their magic number.
fn known_container(bytes: &[u8]) -> Option<Text> {
    let container = match bytes.get(..4)? {
        [0xfe, 0xed, 0xfe, 0xed] => "jks",
        [0xce, 0xce, 0xce, 0xce] => "jceks",
        [b'P', b'K', 3, 4] => "zip",
        _ => return None,
    };
    Some(crate::text!("input-binary-container", container = container))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(bytes: &[u8]) -> Vec<String> {
        let mut out = Extracted::default();
        parse(bytes, &Scope::new(0, Format::Der), &mut out);
        assert!(out.blocks.is_empty());
        out.problems.iter().map(|problem| problem.detail.en.clone()).collect()
    }

    #[test]
    fn random_bytes_are_named_with_their_size_and_first_bytes() {
        let bytes: Vec<u8> = (0u8..200).map(|n| n.wrapping_mul(37).wrapping_add(11)).collect();
        assert_eq!(
            problems_of(&bytes),
            vec![
                "binary input of 200 bytes is neither a DER certificate nor PKCS#7 \
                  (first bytes 0x0b 0x30 0x55 0x7a)"
            ]
        );
    }

    #[test]
    fn java_keystores_are_recognised() {
        let mut jks = vec![0xfe, 0xed, 0xfe, 0xed];
        jks.extend([0u8; 100]);
        let details = problems_of(&jks);
        assert!(details[0].starts_with("a Java KeyStore (JKS)"), "{details:?}");
    }

    #[test]
    fn indefinite_length_garbage_is_a_problem_not_a_panic() {
        let mut garbage = vec![0x30, 0x80, 0xa0, 0x80, 0x04, 0x80];
        garbage.extend([0xff; 100]);
        let details = problems_of(&garbage);
        assert_eq!(details.len(), 1);
        assert!(details[0].starts_with("binary input of 106 bytes cannot be read"), "{details:?}");
    }

    #[test]
    fn form_is_der_unless_a_content_info_comes_first() {
        assert_eq!(form(&[0x30, 0x00]), Format::Der);
        assert_eq!(form(&[]), Format::Der);
    }
}
