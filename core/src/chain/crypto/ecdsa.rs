//! ECDSA signature verification (FIPS 186-4 §6.4, SEC 1 v2.0 §4.1.4) on P-256, P-384 and
//! P-521, with the signature as the DER `Ecdsa-Sig-Value` of certificates (RFC 3279
//! §2.2.3, RFC 5758 §3.2) and the public key as a SEC 1 point (RFC 5480 §2.2).

use super::curves::{self, Curve};
use super::montgomery::{self, Limbs};
use super::weierstrass::Group;

/// Verify a DER ECDSA signature over the message digest `hashed` with the SEC 1 `point` on
/// the named curve; `None` when the curve is not one certchain implements.
pub fn verify(curve: &str, point: &[u8], hashed: &[u8], der_sig: &[u8]) -> Option<bool> {
    Some(match curve {
        "P-256" => verify_on::<4>(&curves::P256, point, hashed, der_sig),
        "P-384" => verify_on::<6>(&curves::P384, point, hashed, der_sig),
        "P-521" => verify_on::<9>(&curves::P521, point, hashed, der_sig),
        _ => return None,
    })
}

/// SEC 1 §4.1.4 on one curve, with `K` limbs per number.
fn verify_on<const K: usize>(curve: &Curve, point: &[u8], hashed: &[u8], der_sig: &[u8]) -> bool {
    let Some(group) = Group::<K>::new(curve) else { return false };
    let Some(q) = group.decode_point(point) else { return false };
    let Some((r, s)) = parse_signature(der_sig) else { return false };
    let (Some(r), Some(s)) = (scalar(&group, r), scalar(&group, s)) else { return false };
    let n = &group.order;
    // Steps 2 and 3: e = the leftmost ⌈log2 n⌉ bits of the digest, as an integer mod n.
    let e = n.to_mont(&leftmost_bits(hashed, montgomery::bit_length(n.n())));
    // Step 4: u1 = e·s⁻¹ and u2 = r·s⁻¹ mod n.
    let s_inv = n.invert(&n.to_mont(&s));
    let u1 = n.canonical(&n.mul(&e, &s_inv));
    let u2 = n.canonical(&n.mul(&n.to_mont(&r), &s_inv));
    // Step 5: R = [u1]G + [u2]Q; the point at infinity is rejected.
    let Some(x) = group.affine_x(&group.double_mul(&u1, &u2, &q)) else { return false };
    // Steps 6 to 8: v = x_R mod n, valid iff v = r. x_R < p < 2n, so one subtraction.
    let mut v = x;
    if !n.holds(&v) {
        montgomery::sub_assign(&mut v, n.n());
    }
    v == r
}

/// r or s as a number in [1, n-1] (SEC 1 §4.1.4 step 1); `None` outside.
fn scalar<const K: usize>(group: &Group<K>, bytes: &[u8]) -> Option<Limbs<K>> {
    let value = montgomery::from_be_bytes(bytes)?;
    (!montgomery::is_zero(&value) && group.order.holds(&value)).then_some(value)
}

/// The leftmost `bits` bits of a digest as an integer (SEC 1 §4.1.3 step 5, FIPS 186-4
/// §6.4): a shorter digest is taken whole.
fn leftmost_bits<const K: usize>(hashed: &[u8], bits: usize) -> Limbs<K> {
    let kept = &hashed[..hashed.len().min(bits.div_ceil(8))];
    let mut value: Limbs<K> = montgomery::from_be_bytes(kept).unwrap_or([0; K]);
    let excess = (8 * kept.len()).saturating_sub(bits);
    if excess > 0 {
        value = std::array::from_fn(|i| {
            value[i] >> excess | value.get(i + 1).map_or(0, |next| next << (64 - excess))
        });
    }
    value
}

/// `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3) in DER
/// (X.690 §10): definite minimal lengths, minimal non-negative integers, nothing after.
/// Returns the magnitudes of r and s, big-endian.
fn parse_signature(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let (body, rest) = der_element(der, 0x30)?;
    if !rest.is_empty() {
        return None;
    }
    let (r, body) = der_element(body, 0x02)?;
    let (s, body) = der_element(body, 0x02)?;
    if !body.is_empty() {
        return None;
    }
    Some((unsigned(r)?, unsigned(s)?))
}

/// One TLV with the expected tag: (contents, what follows). Lengths below 256 only, in
/// the shortest form (X.690 §10.1), which covers every ECDSA signature up to P-521.
fn der_element(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&actual, input) = input.split_first()?;
    let (&first, input) = input.split_first()?;
    let (len, input) = match first {
        0x00..=0x7f => (usize::from(first), input),
        0x81 => {
            let (&len, input) = input.split_first()?;
            (len >= 0x80).then_some((usize::from(len), input))?
        }
        _ => return None,
    };
    if actual != tag || input.len() < len {
        return None;
    }
    Some(input.split_at(len))
}

/// The magnitude of a DER INTEGER that must be non-negative (X.690 §8.3): not empty, no
/// redundant leading octet, sign bit clear.
fn unsigned(contents: &[u8]) -> Option<&[u8]> {
    match contents {
        [] => None,
        [first, ..] if first & 0x80 != 0 => None,
        [0x00, second, ..] if second & 0x80 == 0 => None,
        [0x00, rest @ ..] => Some(rest),
        _ => Some(contents),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_signatures_must_be_minimal_and_non_negative() {
        assert_eq!(parse_signature(&[0x30, 6, 2, 1, 1, 2, 1, 2]), Some((&[1u8][..], &[2u8][..])));
        assert_eq!(
            parse_signature(&[0x30, 7, 2, 2, 0, 0x80, 2, 1, 2]),
            Some((&[0x80u8][..], &[2u8][..]))
        );
        assert_eq!(parse_signature(&[0x30, 7, 2, 2, 0, 1, 2, 1, 2]), None, "redundant zero");
        assert_eq!(parse_signature(&[0x30, 6, 2, 1, 0x81, 2, 1, 2]), None, "negative");
        assert_eq!(parse_signature(&[0x30, 6, 2, 1, 1, 2, 1, 2, 0]), None, "trailing");
        assert_eq!(parse_signature(&[0x30, 0x81, 6, 2, 1, 1, 2, 1, 2]), None, "long form < 128");
        assert_eq!(parse_signature(&[0x30, 5, 2, 0, 2, 1, 2]), None, "empty integer");
        assert_eq!(parse_signature(&[0x31, 6, 2, 1, 1, 2, 1, 2]), None, "SET");
    }

    #[test]
    fn digests_are_cut_to_the_leftmost_bits_of_n() {
        let digest = [0xffu8; 64];
        let cut: Limbs<9> = leftmost_bits(&digest, 521);
        assert_eq!(montgomery::bit_length(&cut), 512, "shorter than n: whole");
        let cut: Limbs<4> = leftmost_bits(&[0x80, 0, 0, 0, 1], 12);
        assert_eq!(cut, montgomery::small(0x800));
        let cut: Limbs<4> = leftmost_bits(&[0xab; 48], 256);
        assert_eq!(cut, [u64::from_be_bytes([0xab; 8]); 4]);
    }
}
