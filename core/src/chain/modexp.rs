//! The RSA public operation, s^e mod n (RFC 8017 §5.2.2 RSAVP1), by Montgomery
//! multiplication on 64-bit limbs (CIOS, Koç et al. 1996).
//!
//! Variable time on purpose: every input here is public (a certificate's signature and its
//! issuer's key). The generic big-integer `modpow` of the `rsa` crate spent ~200 µs per
//! 2048-bit check; this takes a few dozen.

use rsa::BigUint;

/// s^e mod n as big-endian bytes of n's length; `None` when n is even or zero, s ≥ n, or n
/// is longer than 16384 bits.
pub fn pow_mod(n: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    let n_bytes = trim(n);
    // Fixed limb counts let the compiler unroll and drop bounds checks; a modulus is padded
    // with zero limbs up to the next size (R = 2^(64K) > n still holds).
    match limbs(n_bytes).len() {
        0 => None,
        1..=16 => pow_mod_fixed::<16>(n_bytes, e, s),
        17..=32 => pow_mod_fixed::<32>(n_bytes, e, s),
        33..=48 => pow_mod_fixed::<48>(n_bytes, e, s),
        49..=64 => pow_mod_fixed::<64>(n_bytes, e, s),
        65..=128 => pow_mod_fixed::<128>(n_bytes, e, s),
        129..=256 => pow_mod_fixed::<256>(n_bytes, e, s),
        _ => None,
    }
}

fn pow_mod_fixed<const K: usize>(n_bytes: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    let n: [u64; K] = fixed(&limbs(n_bytes))?;
    let s: [u64; K] = fixed(&limbs(trim(s)))?;
    if n[0] & 1 == 0 || !less_than(&s, &n) {
        return None;
    }
    let m = Montgomery { n, n0_inv: neg_inverse(n[0]) };
    let base = m.mul(&s, &m.r_squared(n_bytes)?);
    let mut acc = base;
    let bits = e.iter().flat_map(|byte| (0..8).rev().map(move |i| byte >> i & 1 == 1));
    for bit in bits.skip_while(|b| !b).skip(1) {
        acc = m.mul(&acc, &acc);
        if bit {
            acc = m.mul(&acc, &base);
        }
    }
    let mut one = [0u64; K];
    one[0] = 1;
    Some(to_bytes(&m.mul(&acc, &one), n_bytes.len()))
}

struct Montgomery<const K: usize> {
    n: [u64; K],
    n0_inv: u64,
}

impl<const K: usize> Montgomery<K> {
    /// R² mod n with R = 2^(64K): the one division of the whole operation.
    fn r_squared(&self, n_bytes: &[u8]) -> Option<[u64; K]> {
        let r2 = (BigUint::from(1u8) << (128 * K)) % BigUint::from_bytes_be(n_bytes);
        fixed(&limbs(&r2.to_bytes_be()))
    }

    /// a·b·R⁻¹ mod n (coarsely integrated operand scanning).
    fn mul(&self, a: &[u64; K], b: &[u64; K]) -> [u64; K] {
        let n = &self.n;
        let mut t = [0u64; K];
        let mut top = 0u64;
        for &bi in b {
            let mut carry = 0u64;
            for (tj, &aj) in t.iter_mut().zip(a) {
                (*tj, carry) = mac(*tj, aj, bi, carry);
            }
            let (sum, over) = top.overflowing_add(carry);
            let (top_low, top_high) = (sum, u64::from(over));
            let m = t[0].wrapping_mul(self.n0_inv);
            let (_, mut carry) = mac(t[0], m, n[0], 0);
            for j in 1..K {
                (t[j - 1], carry) = mac(t[j], m, n[j], carry);
            }
            let (sum, over) = top_low.overflowing_add(carry);
            t[K - 1] = sum;
            top = top_high + u64::from(over);
        }
        if top != 0 || !less_than(&t, n) {
            sub_in_place(&mut t, n);
        }
        t
    }
}

/// Little-endian limbs padded to K; `None` when they do not fit.
fn fixed<const K: usize>(limbs: &[u64]) -> Option<[u64; K]> {
    let mut out = [0u64; K];
    out.get_mut(..limbs.len())?.copy_from_slice(limbs);
    Some(out)
}

/// a + b·c + carry, as (low, high).
fn mac(a: u64, b: u64, c: u64, carry: u64) -> (u64, u64) {
    let wide = u128::from(a) + u128::from(b) * u128::from(c) + u128::from(carry);
    (wide as u64, (wide >> 64) as u64)
}

/// -n⁻¹ mod 2^64 for odd n (Newton's iteration doubles the correct bits each step).
fn neg_inverse(n0: u64) -> u64 {
    let mut inv: u64 = 1;
    for _ in 0..6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
    }
    inv.wrapping_neg()
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Big-endian bytes to little-endian limbs.
fn limbs(bytes: &[u8]) -> Vec<u64> {
    bytes
        .rchunks(8)
        .map(|chunk| chunk.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b)))
        .collect()
}

fn to_bytes(limbs: &[u64], len: usize) -> Vec<u8> {
    let all: Vec<u8> = limbs.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
    all[all.len().saturating_sub(len)..].to_vec()
}

/// a < b, both little-endian (a may be shorter).
fn less_than(a: &[u64], b: &[u64]) -> bool {
    let len = a.len().max(b.len());
    for i in (0..len).rev() {
        let (x, y) = (a.get(i).copied().unwrap_or(0), b.get(i).copied().unwrap_or(0));
        if x != y {
            return x < y;
        }
    }
    false
}

fn sub_in_place(a: &mut [u64], b: &[u64]) {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        *x = d2;
        borrow = b1 || b2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(n: &[u8], e: &[u8], s: &[u8]) -> Vec<u8> {
        let r = BigUint::from_bytes_be(s)
            .modpow(&BigUint::from_bytes_be(e), &BigUint::from_bytes_be(n));
        let bytes = r.to_bytes_be();
        let mut out = vec![0; trim(n).len() - bytes.len()];
        out.extend(bytes);
        out
    }

    /// A deterministic byte stream (xorshift), to compare with the reference on many sizes.
    fn bytes(seed: &mut u64, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                *seed as u8
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_reference_modpow() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for len in [8, 9, 64, 127, 128, 129, 256, 384, 385, 512, 1024] {
            for e in [&[3u8][..], &[1, 0, 1], &[0xff, 0xff, 0xff, 0xff]] {
                let mut n = bytes(&mut seed, len);
                n[0] |= 0x80;
                n[len - 1] |= 1;
                let mut s = bytes(&mut seed, len);
                s[0] &= 0x7f;
                assert_eq!(pow_mod(&n, e, &s), Some(reference(&n, e, &s)), "len {len} e {e:?}");
            }
        }
    }

    #[test]
    fn rejects_even_moduli_and_large_signatures() {
        assert_eq!(pow_mod(&[0x10, 0x00], &[3], &[1]), None);
        assert_eq!(pow_mod(&[0x10, 0x01], &[3], &[0x10, 0x02]), None);
        assert_eq!(pow_mod(&[0xff; 2049], &[3], &[1]), None, "over 16384 bits");
        assert_eq!(pow_mod(&[], &[3], &[1]), None);
    }
}
