//! RSA signature verification (RFC 8017): the public operation RSAVP1 (§5.2.2) on the
//! Montgomery arithmetic, then the encoding check of RSASSA-PKCS1-v1_5 (§8.2.2, EMSA §9.2)
//! or RSASSA-PSS (§8.1.2, EMSA-PSS-VERIFY §9.1.2 with MGF1 §B.2.1).

use super::digest::{digest, digest_info_prefix};
use super::montgomery::{self, Modulus};
use crate::cert::algorithm::Hash;

/// Largest RSA modulus accepted, in bits: larger keys are rare and slow to check.
pub const MAX_RSA_BITS: usize = 16384;

/// Largest public exponent computed with, in bytes (64 bits). RFC 8017 §3.1 only asks for
/// an odd e ≥ 3; real keys use 65537, and Go's crypto/rsa refuses e > 2^31 − 1. RSAVP1
/// costs one modular squaring per bit of e, so a crafted 480,000-bit exponent would take
/// minutes for one signature: such a key is reported, never computed with.
pub const MAX_EXPONENT_BYTES: usize = 8;

/// Whether `e` is an exponent certchain computes with: odd, at least 3, at most 64 bits.
pub fn exponent_in_bounds(e: &[u8]) -> bool {
    let e = trim(e);
    let odd = e.last().is_some_and(|low| low & 1 == 1);
    let at_least_3 = e.len() > 1 || e.first().is_some_and(|&b| b >= 3);
    odd && at_least_3 && e.len() <= MAX_EXPONENT_BYTES
}

/// RSASSA-PKCS1-v1_5-VERIFY (RFC 8017 §8.2.2) of `message` with the key (n, e); `None`
/// when the hash is MD2 (not implemented).
pub fn verify_pkcs1(n: &[u8], e: &[u8], hash: Hash, message: &[u8], sig: &[u8]) -> Option<bool> {
    let hashed = digest(hash, message)?;
    let prefix = digest_info_prefix(hash)?;
    let Some(em) = rsavp1(n, e, sig) else { return Some(false) };
    // §9.2 note 2: the digest AlgorithmIdentifier's NULL parameters may be absent.
    Some(
        em == emsa_pkcs1(em.len(), prefix, &hashed, true)
            || em == emsa_pkcs1(em.len(), prefix, &hashed, false),
    )
}

/// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) with MGF1 over the same hash and a salt of
/// `salt_len` bytes (RFC 4055 §3.1); `None` when the hash is MD2 or MD5.
pub fn verify_pss(
    n: &[u8],
    e: &[u8],
    hash: Hash,
    salt_len: usize,
    message: &[u8],
    sig: &[u8],
) -> Option<bool> {
    if matches!(hash, Hash::Md2 | Hash::Md5) {
        return None;
    }
    let m_hash = digest(hash, message)?;
    let Some(em) = rsavp1(n, e, sig) else { return Some(false) };
    // §8.1.2 step 2c: EM is the integer in emLen = ⌈(modBits - 1)/8⌉ octets.
    let em_bits = bit_length(n).saturating_sub(1);
    let em_len = em_bits.div_ceil(8);
    let (high, em) = em.split_at(em.len() - em_len);
    if high.iter().any(|&b| b != 0) {
        return Some(false);
    }
    Some(emsa_pss_verify(hash, &m_hash, em, em_bits, salt_len))
}

/// RSAVP1 (RFC 8017 §5.2.2): s^e mod n, as k = len(n) bytes; `None` when the signature is
/// not k bytes long (§8.1.2 step 1, §8.2.2 step 1) or not below n, or n does not fit.
fn rsavp1(n: &[u8], e: &[u8], sig: &[u8]) -> Option<Vec<u8>> {
    if sig.len() != n.len() {
        return None;
    }
    pow_mod(n, e, sig)
}

/// s^e mod n as big-endian bytes of n's length; `None` when n is even or below 3, s ≥ n,
/// or n is longer than 16384 bits.
pub fn pow_mod(n: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    let n = trim(n);
    // A modulus is padded with zero limbs up to the next size (R = 2^(64K) > n still holds).
    match n.len().div_ceil(8) {
        0 => None,
        1..=16 => pow_mod_fixed::<16>(n, e, s),
        17..=32 => pow_mod_fixed::<32>(n, e, s),
        33..=48 => pow_mod_fixed::<48>(n, e, s),
        49..=64 => pow_mod_fixed::<64>(n, e, s),
        65..=128 => pow_mod_fixed::<128>(n, e, s),
        129..=256 => pow_mod_fixed::<256>(n, e, s),
        _ => None,
    }
}

fn pow_mod_fixed<const K: usize>(n_bytes: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    let m = Modulus::<K>::new(montgomery::from_be_bytes(n_bytes)?)?;
    let s = montgomery::from_be_bytes(s)?;
    if !m.holds(&s) {
        return None;
    }
    let e: Vec<u64> =
        e.rchunks(8).map(|c| c.iter().fold(0, |a, &b| a << 8 | u64::from(b))).collect();
    let power = m.pow(&m.to_mont(&s), &e);
    Some(montgomery::to_be_bytes(&m.canonical(&power), n_bytes.len()))
}

/// The bit length of a big-endian number (modBits of RFC 8017 §8.1.2).
fn bit_length(bytes: &[u8]) -> usize {
    let bytes = trim(bytes);
    bytes.first().map_or(0, |&b| 8 * bytes.len() - b.leading_zeros() as usize)
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF..FF 00 DigestInfo. `with_null`: the digest
/// AlgorithmIdentifier carries NULL parameters (the norm; note 2 of §9.2 allows omitting them).
fn emsa_pkcs1(k: usize, prefix: &[u8], hashed: &[u8], with_null: bool) -> Vec<u8> {
    let mut t = prefix.to_vec();
    if !with_null {
        // Drop "05 00" and shrink the two enclosing SEQUENCE lengths by 2.
        t = [&[t[0], t[1] - 2, t[2], t[3] - 2], &t[4..t.len() - 4], &t[t.len() - 2..]].concat();
    }
    t.extend_from_slice(hashed);
    let pad = k.saturating_sub(t.len() + 3);
    let mut em = vec![0x00, 0x01];
    em.extend(std::iter::repeat_n(0xff, pad));
    em.push(0x00);
    em.extend(t);
    em
}

/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2), steps 3 to 14, on EM of emLen octets.
fn emsa_pss_verify(hash: Hash, m_hash: &[u8], em: &[u8], em_bits: usize, s_len: usize) -> bool {
    let (h_len, em_len) = (m_hash.len(), em.len());
    // Step 3 and 4: room for hash, salt and the two fixed octets; trailer 0xbc.
    if em_len < h_len + s_len + 2 || em.last() != Some(&0xbc) {
        return false;
    }
    // Step 5: maskedDB || H || 0xbc.
    let (masked_db, h) = em[..em_len - 1].split_at(em_len - h_len - 1);
    // Step 6: the leftmost 8·emLen - emBits bits of maskedDB are zero.
    let unused_bits = 8 * em_len - em_bits;
    let top_mask = 0xffu8 >> unused_bits;
    if masked_db[0] & !top_mask != 0 {
        return false;
    }
    // Steps 7 to 9: DB = maskedDB ⊕ MGF1(H), leftmost bits cleared.
    let Some(mask) = mgf1(hash, h, masked_db.len()) else { return false };
    let mut db: Vec<u8> = masked_db.iter().zip(&mask).map(|(a, b)| a ^ b).collect();
    db[0] &= top_mask;
    // Step 10: PS of zeros, then 0x01, then the salt.
    let ps_len = em_len - h_len - s_len - 2;
    if db[..ps_len].iter().any(|&b| b != 0) || db[ps_len] != 0x01 {
        return false;
    }
    // Steps 11 to 14: H' = Hash(0x00 × 8 || mHash || salt) must equal H.
    let salt = &db[db.len() - s_len..];
    let m_prime = [&[0u8; 8][..], m_hash, salt].concat();
    digest(hash, &m_prime).is_some_and(|h_prime| h_prime == h)
}

/// MGF1 (RFC 8017 §B.2.1): Hash(seed || counter) for counter = 0, 1, ..., cut to `len`.
fn mgf1(hash: Hash, seed: &[u8], len: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(len + 64);
    let mut counter = 0u32;
    while out.len() < len {
        out.extend(digest(hash, &[seed, &counter.to_be_bytes()].concat())?);
        counter += 1;
    }
    out.truncate(len);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// s^e mod n by square-and-multiply over `Modulus`-free shift-and-subtract arithmetic.
    fn reference(n: &[u8], e: &[u8], s: &[u8]) -> Vec<u8> {
        let n_limbs: [u64; 16] = montgomery::from_be_bytes(n).unwrap();
        let mul = |a: &[u64; 16], b: &[u64; 16]| {
            let mut acc = [0u64; 16];
            for i in (0..1024).rev() {
                let copy = acc;
                let carry = montgomery::add_assign(&mut acc, &copy);
                if carry || !montgomery::less_than(&acc, &n_limbs) {
                    montgomery::sub_assign(&mut acc, &n_limbs);
                }
                if a[i / 64] >> (i % 64) & 1 == 1 {
                    let carry = montgomery::add_assign(&mut acc, b);
                    if carry || !montgomery::less_than(&acc, &n_limbs) {
                        montgomery::sub_assign(&mut acc, &n_limbs);
                    }
                }
            }
            acc
        };
        let s: [u64; 16] = montgomery::from_be_bytes(s).unwrap();
        let mut acc = montgomery::small(1);
        for bit in e.iter().flat_map(|byte| (0..8).rev().map(move |i| byte >> i & 1)) {
            acc = mul(&acc, &acc);
            if bit == 1 {
                acc = mul(&acc, &s);
            }
        }
        montgomery::to_be_bytes(&acc, trim(n).len())
    }

    /// A deterministic byte stream (xorshift).
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
    fn pow_mod_agrees_with_shift_and_subtract() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for len in [8, 9, 17, 64, 100, 127, 128] {
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
    fn pow_mod_rejects_even_moduli_and_large_signatures() {
        assert_eq!(pow_mod(&[0x10, 0x00], &[3], &[1]), None);
        assert_eq!(pow_mod(&[0x10, 0x01], &[3], &[0x10, 0x02]), None);
        assert_eq!(pow_mod(&[0xff; 2049], &[3], &[1]), None, "over 16384 bits");
        assert_eq!(pow_mod(&[], &[3], &[1]), None);
    }

    #[test]
    fn mgf1_sha1_known_answer() {
        // MGF1-SHA1("foo", 3) = 1a c9 07 (PKCS#1 v2.1 test material, also in Wikipedia's MGF1).
        assert_eq!(mgf1(Hash::Sha1, b"foo", 3), Some(vec![0x1a, 0xc9, 0x07]));
        let long = mgf1(Hash::Sha1, b"bar", 50).unwrap_or_default();
        assert_eq!(&long[..5], &[0xbc, 0x0c, 0x65, 0x5e, 0x01]);
    }
}
