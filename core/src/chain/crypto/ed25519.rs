//! Ed25519 signature verification (RFC 8032 §5.1.7; in certificates RFC 8410 §6), with
//! the strict rules of ed25519-dalek's `verify_strict`: S canonical, A and R neither
//! non-canonical nor of small order, and the cofactorless equation [S]B = R + [k]A.

use sha2::{Digest, Sha512};

use super::edwards::Curve25519;
use super::montgomery::{self, Limbs, Modulus};

/// L = 2^252 + 27742317777372353535851937790883648493, the order of B (RFC 8032 §5.1).
const L: &str = "1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed";

/// Verify the 64-byte `signature` R || S of `message` with the 32-byte public key A.
pub fn verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(a_bytes), Some((r_bytes, s_bytes))) =
        (<[u8; 32]>::try_from(public_key), signature.split_at_checked(32))
    else {
        return false;
    };
    let (Some(curve), Some(order)) = (Curve25519::new(), order()) else { return false };
    // Step 1: decode S (canonical: 0 ≤ S < L) and A (RFC 8032 §5.1.3). R is compared by its
    // encoding in step 3, which refuses any non-canonical R.
    let Some(s) = canonical_scalar(&order, s_bytes) else { return false };
    let Some(a) = curve.decode(&a_bytes) else { return false };
    if curve.is_small_order(&a) {
        return false;
    }
    // Step 2: k = SHA-512(dom2(F, C) || R || A || PH(M)) mod L; dom2 is empty for Ed25519.
    let hash = Sha512::new().chain_update(r_bytes).chain_update(a_bytes).chain_update(message);
    let k = reduce_wide(&order, &hash.finalize().into());
    // Step 3, cofactorless: R' = [S]B - [k]A must encode as R, and R must not be of small
    // order.
    let r_computed = curve.double_mul(&s, &curve.base(), &k, &curve.negate(&a));
    curve.encode(&r_computed) == r_bytes && !curve.is_small_order(&r_computed)
}

/// Arithmetic modulo L.
fn order() -> Option<Modulus<4>> {
    Modulus::new(montgomery::from_hex(L)?)
}

/// S from 32 little-endian octets, only if S < L (RFC 8032 §5.1.7 step 1).
fn canonical_scalar(order: &Modulus<4>, bytes: &[u8]) -> Option<Limbs<4>> {
    let s = le_limbs(bytes)?;
    order.holds(&s).then_some(s)
}

/// A 64-octet little-endian number (a SHA-512 digest) reduced modulo L: low + high·2^256,
/// where the Montgomery form of high·2^256 = high·R is to_mont applied twice.
fn reduce_wide(order: &Modulus<4>, digest: &[u8; 64]) -> Limbs<4> {
    let (low, high) = digest.split_at(32);
    let (low, high) = (le_limbs(low).unwrap_or([0; 4]), le_limbs(high).unwrap_or([0; 4]));
    let sum = order.add(&order.to_mont(&low), &order.to_mont(&order.to_mont(&high)));
    order.canonical(&sum)
}

/// 32 little-endian octets as limbs.
fn le_limbs(bytes: &[u8]) -> Option<Limbs<4>> {
    let mut be = <[u8; 32]>::try_from(bytes).ok()?;
    be.reverse();
    montgomery::from_be_bytes(&be)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_reduction_matches_the_definition() {
        let order = order().unwrap();
        // 2^256 mod L, then (2^512 - 1) mod L, computed with Python:
        // hex(2**256 % L), hex((2**512 - 1) % L).
        let mut one_high = [0u8; 64];
        one_high[32] = 1;
        let expected =
            montgomery::from_hex("ffffffffffffffffffffffffffffffec6ef5bf4737dcf70d6ec31748d98951d")
                .unwrap();
        assert_eq!(reduce_wide(&order, &one_high), expected);
        let all =
            montgomery::from_hex("399411b7c309a3dceec73d217f5be65d00e1ba768859347a40611e3449c0f00")
                .unwrap();
        assert_eq!(reduce_wide(&order, &[0xff; 64]), all);
    }

    /// A of order 8 with R = identity and S = 0 satisfies the cofactorless equation
    /// whenever 8 divides k; only the small-order rule then refuses it.
    #[test]
    fn small_order_key_satisfying_the_equation_is_refused() {
        let curve = Curve25519::new().unwrap();
        let order = order().unwrap();
        let mut a_bytes = [0u8; 32];
        let order8 = "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05";
        for (i, byte) in a_bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&order8[2 * i..2 * i + 2], 16).unwrap();
        }
        let a = curve.decode(&a_bytes).unwrap();
        assert!(curve.is_small_order(&a));
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let sig = [identity, [0; 32]].concat();
        let mut held = 0;
        for i in 0u32..64 {
            let message = i.to_be_bytes();
            let hash =
                Sha512::new().chain_update(identity).chain_update(a_bytes).chain_update(message);
            let k = reduce_wide(&order, &hash.finalize().into());
            let r = curve.double_mul(&[0; 4], &curve.base(), &k, &curve.negate(&a));
            if curve.encode(&r) == identity {
                held += 1;
            }
            assert!(!verify(&a_bytes, &message, &sig));
        }
        assert!(held > 0, "the equation held for some message");
    }

    #[test]
    fn scalars_at_or_above_l_are_refused() {
        let order = order().unwrap();
        let mut l = montgomery::to_be_bytes(order.n(), 32);
        l.reverse();
        assert!(canonical_scalar(&order, &l).is_none());
        l[0] -= 1;
        assert!(canonical_scalar(&order, &l).is_some());
    }
}
