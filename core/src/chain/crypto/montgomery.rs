//! Arithmetic modulo an odd number, on `K` little-endian 64-bit limbs, by Montgomery
//! multiplication (CIOS: Koç, Acar, Kaliski, "Analyzing and Comparing Montgomery
//! Multiplication Algorithms", IEEE Micro 1996).
//!
//! Shared by RSA (the modulus n), ECDSA (the field prime p and the group order n) and
//! Ed25519 (2^255 - 19 and the group order L). With R = 2^(64K) > n, a residue `a` is kept
//! as `a·R mod n` (its *Montgomery form*); `mul` returns `a·b·R⁻¹ mod n`, so forms multiply
//! into forms.
//!
//! Variable time on purpose: every input here is public (certificates and issuer keys).
//! Fixed limb counts let the compiler unroll the loops and drop bounds checks.

/// A number as `K` little-endian 64-bit limbs.
pub type Limbs<const K: usize> = [u64; K];

/// An odd modulus n > 1 with what Montgomery multiplication needs.
#[derive(Debug, Clone)]
pub struct Modulus<const K: usize> {
    n: Limbs<K>,
    /// -n⁻¹ mod 2^64.
    n0_inv: u64,
    /// R mod n: the Montgomery form of 1.
    one: Limbs<K>,
    /// R² mod n: multiplying by it converts into Montgomery form.
    r_squared: Limbs<K>,
}

impl<const K: usize> Modulus<K> {
    /// Prepare n; `None` when n is even or below 3 (Montgomery needs gcd(n, R) = 1).
    pub fn new(n: Limbs<K>) -> Option<Self> {
        if n[0] & 1 == 0 || less_than(&n, &small::<K>(3)) {
            return None;
        }
        let one = power_of_two_mod(&n, 64 * K);
        let r_squared = power_of_two_mod(&n, 128 * K);
        Some(Modulus { n, n0_inv: neg_inverse(n[0]), one, r_squared })
    }

    /// The modulus n.
    pub fn n(&self) -> &Limbs<K> {
        &self.n
    }

    /// The Montgomery form of 1 (R mod n).
    pub fn one(&self) -> Limbs<K> {
        self.one
    }

    /// x·R mod n, the Montgomery form of x mod n; any x < R is accepted, so this also
    /// reduces x modulo n.
    pub fn to_mont(&self, x: &Limbs<K>) -> Limbs<K> {
        self.mul(x, &self.r_squared)
    }

    /// The canonical residue (< n) of a Montgomery form.
    pub fn canonical(&self, a: &Limbs<K>) -> Limbs<K> {
        self.mul(a, &small(1))
    }

    /// a·b·R⁻¹ mod n (coarsely integrated operand scanning). Needs a·b < n·R, which holds
    /// when one factor is below n and the other below R.
    pub fn mul(&self, a: &Limbs<K>, b: &Limbs<K>) -> Limbs<K> {
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
            sub_assign(&mut t, n);
        }
        t
    }

    /// a²·R⁻¹ mod n.
    pub fn square(&self, a: &Limbs<K>) -> Limbs<K> {
        self.mul(a, a)
    }

    /// a + b mod n, for a, b < n.
    pub fn add(&self, a: &Limbs<K>, b: &Limbs<K>) -> Limbs<K> {
        let mut sum = *a;
        let carry = add_assign(&mut sum, b);
        if carry || !less_than(&sum, &self.n) {
            sub_assign(&mut sum, &self.n);
        }
        sum
    }

    /// a - b mod n, for a, b < n.
    pub fn sub(&self, a: &Limbs<K>, b: &Limbs<K>) -> Limbs<K> {
        let mut diff = *a;
        if sub_assign(&mut diff, b) {
            add_assign(&mut diff, &self.n);
        }
        diff
    }

    /// -a mod n, for a < n.
    pub fn neg(&self, a: &Limbs<K>) -> Limbs<K> {
        self.sub(&[0; K], a)
    }

    /// a^e in Montgomery form (a in Montgomery form, e as little-endian limbs of any
    /// length): left-to-right binary exponentiation, variable time.
    pub fn pow(&self, a: &Limbs<K>, e: &[u64]) -> Limbs<K> {
        let mut acc = self.one;
        let bits = e.iter().rev().flat_map(|limb| (0..64).rev().map(move |i| limb >> i & 1));
        let mut started = false;
        for bit in bits {
            if started {
                acc = self.square(&acc);
            }
            if bit == 1 {
                acc = if started { self.mul(&acc, a) } else { *a };
                started = true;
            }
        }
        acc
    }

    /// a⁻¹ in Montgomery form, for a prime modulus (Fermat: a^(n-2) = a⁻¹); zero for zero.
    pub fn invert(&self, a: &Limbs<K>) -> Limbs<K> {
        let mut e = self.n;
        sub_assign(&mut e, &small::<K>(2));
        self.pow(a, &e)
    }

    /// Whether x is a canonical residue (x < n).
    pub fn holds(&self, x: &Limbs<K>) -> bool {
        less_than(x, &self.n)
    }
}

/// 2^e mod n, for 2^e ≥ n: by shifts and one-word quotient estimates (Knuth, TAOCP
/// vol. 2, §4.3.1, algorithm D), on n shifted left by t bits so that its top bit is set;
/// 2^e mod n = (2^(e+t) mod n·2^t) / 2^t.
fn power_of_two_mod<const K: usize>(n: &Limbs<K>, e: usize) -> Limbs<K> {
    let t = 64 * K - bit_length(n);
    let v = shift_left(n, t);
    let mut x = [0u64; K];
    x[K - 1] = 1 << 63; // 2^(64K-1) < v
    let remaining = e + t + 1 - 64 * K;
    for _ in 0..remaining % 64 {
        let doubled = x;
        if add_assign(&mut x, &doubled) || !less_than(&x, &v) {
            sub_assign(&mut x, &v);
        }
    }
    for _ in 0..remaining / 64 {
        x = shift_word_mod(&x, &v);
    }
    shift_right(&x, t)
}

/// x·2^64 mod v, for x < v and v with its top bit set: the quotient estimate q̂ from the
/// top two words is at most 2 too large (TAOCP §4.3.1 theorem B), so v is added back at
/// most twice.
fn shift_word_mod<const K: usize>(x: &Limbs<K>, v: &Limbs<K>) -> Limbs<K> {
    let (top, next) = (x[K - 1], if K > 1 { x[K - 2] } else { 0 });
    let q = if top >= v[K - 1] {
        u64::MAX
    } else {
        ((u128::from(top) << 64 | u128::from(next)) / u128::from(v[K - 1])) as u64
    };
    // (top, low) = x·2^64 - q·v, as a (K+1)-limb two's complement number.
    let mut low: Limbs<K> = std::array::from_fn(|i| if i == 0 { 0 } else { x[i - 1] });
    let mut borrow = 0u64;
    for (l, &vj) in low.iter_mut().zip(v) {
        let product = u128::from(q) * u128::from(vj) + u128::from(borrow);
        let (difference, under) = l.overflowing_sub(product as u64);
        *l = difference;
        borrow = (product >> 64) as u64 + u64::from(under);
    }
    let mut top = top.wrapping_sub(borrow);
    while top != 0 {
        top = top.wrapping_add(u64::from(add_assign(&mut low, v)));
    }
    low
}

/// x·2^bits (bits < 64K; high bits dropped).
fn shift_left<const K: usize>(x: &Limbs<K>, bits: usize) -> Limbs<K> {
    let (words, rest) = (bits / 64, bits % 64);
    std::array::from_fn(|i| {
        let at = |j: usize| if j >= words { x[j - words] } else { 0 };
        let low = if rest > 0 && i > words { at(i - 1) >> (64 - rest) } else { 0 };
        (at(i) << rest) | low
    })
}

/// x / 2^bits (bits < 64K).
fn shift_right<const K: usize>(x: &Limbs<K>, bits: usize) -> Limbs<K> {
    let (words, rest) = (bits / 64, bits % 64);
    std::array::from_fn(|i| {
        let at = |j: usize| x.get(j + words).copied().unwrap_or(0);
        let high = if rest > 0 { at(i + 1) << (64 - rest) } else { 0 };
        (at(i) >> rest) | high
    })
}

/// The number of significant bits (0 for zero).
pub fn bit_length(x: &[u64]) -> usize {
    x.iter().rposition(|&l| l != 0).map_or(0, |i| 64 * i + 64 - x[i].leading_zeros() as usize)
}

/// A small number as limbs.
pub fn small<const K: usize>(v: u64) -> Limbs<K> {
    let mut out = [0u64; K];
    out[0] = v;
    out
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

/// a < b, both little-endian and of the same length.
pub fn less_than(a: &[u64], b: &[u64]) -> bool {
    for (x, y) in a.iter().zip(b).rev() {
        if x != y {
            return x < y;
        }
    }
    false
}

/// Whether every limb is zero.
pub fn is_zero(a: &[u64]) -> bool {
    a.iter().all(|&l| l == 0)
}

/// a += b (wrapping); the carry out.
pub fn add_assign(a: &mut [u64], b: &[u64]) -> bool {
    let mut carry = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (s1, c1) = x.overflowing_add(y);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        *x = s2;
        carry = c1 || c2;
    }
    carry
}

/// a -= b (wrapping); the borrow out.
pub fn sub_assign(a: &mut [u64], b: &[u64]) -> bool {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        *x = d2;
        borrow = b1 || b2;
    }
    borrow
}

/// Big-endian bytes to `K` limbs; `None` when the value does not fit.
pub fn from_be_bytes<const K: usize>(bytes: &[u8]) -> Option<Limbs<K>> {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let mut out = [0u64; K];
    for (limb, chunk) in out.iter_mut().zip(bytes[start..].rchunks(8)) {
        *limb = chunk.iter().fold(0, |acc, &b| acc << 8 | u64::from(b));
    }
    (bytes.len() - start <= 8 * K).then_some(out)
}

/// The low `len` bytes of a number, big-endian.
pub fn to_be_bytes(limbs: &[u64], len: usize) -> Vec<u8> {
    let all: Vec<u8> = limbs.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
    all[all.len().saturating_sub(len)..].to_vec()
}

/// Big-endian hex (constants as the standards print them) to limbs; `None` when it is not
/// hex or does not fit.
pub fn from_hex<const K: usize>(hex: &str) -> Option<Limbs<K>> {
    let digits: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = [0u64; K];
    for (i, &d) in digits.iter().rev().enumerate() {
        let value = u64::from(char::from(d).to_digit(16)?);
        *out.get_mut(i / 16)? |= value << (4 * (i % 16));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64: a deterministic limb stream.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    fn random<const K: usize>(seed: &mut u64) -> Limbs<K> {
        std::array::from_fn(|_| next(seed))
    }

    /// Schoolbook (a·b) mod n by shifts and subtractions: slow, obviously right.
    fn reference_mul_mod<const K: usize>(a: &Limbs<K>, b: &Limbs<K>, n: &Limbs<K>) -> Limbs<K> {
        let mut acc = [0u64; K];
        for i in (0..64 * K).rev() {
            let copy = acc;
            let carry = add_assign(&mut acc, &copy);
            if carry || !less_than(&acc, n) {
                sub_assign(&mut acc, n);
            }
            if a[i / 64] >> (i % 64) & 1 == 1 {
                let carry = add_assign(&mut acc, b);
                if carry || !less_than(&acc, n) {
                    sub_assign(&mut acc, n);
                }
            }
        }
        acc
    }

    fn check_size<const K: usize>(seed: &mut u64, top_mask: u64) {
        for _ in 0..20 {
            let mut n: Limbs<K> = random(seed);
            n[0] |= 1;
            n[K - 1] &= top_mask;
            n[K - 1] |= 1 << (63 - top_mask.leading_zeros().min(63));
            let Some(m) = Modulus::new(n) else { continue };
            let mut a: Limbs<K> = random(seed);
            let mut b: Limbs<K> = random(seed);
            a[K - 1] &= top_mask >> 1;
            b[K - 1] &= top_mask >> 1;
            let product = m.canonical(&m.mul(&m.to_mont(&a), &m.to_mont(&b)));
            assert_eq!(product, reference_mul_mod(&a, &b, &n), "K {K}");
            let sum = m.canonical(&m.add(&m.to_mont(&a), &m.to_mont(&b)));
            let expected = reference_mul_mod(&small(1), &m.canonical(&m.to_mont(&a)), &n);
            let back = m.canonical(&m.sub(&m.to_mont(&sum), &m.to_mont(&b)));
            assert_eq!(back, expected, "K {K}: (a + b) - b = a mod n");
        }
    }

    #[test]
    fn multiplication_agrees_with_shift_and_subtract() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        check_size::<1>(&mut seed, u64::MAX);
        check_size::<4>(&mut seed, u64::MAX);
        check_size::<4>(&mut seed, 0xffff);
        check_size::<9>(&mut seed, 0x1ff);
        check_size::<16>(&mut seed, u64::MAX >> 1);
    }

    #[test]
    fn powers_of_two_agree_with_doubling() {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for top_mask in [u64::MAX, u64::MAX >> 1, 0xff, 1, 0] {
            let mut n: Limbs<5> = random(&mut seed);
            n[0] |= 1;
            n[4] &= top_mask;
            if top_mask == 0 {
                n[3] &= 0xffff; // two zero-padding limbs' worth of room
            }
            let mut expected = small::<5>(1);
            for e in 0..=640 {
                if e >= bit_length(&n) {
                    assert_eq!(power_of_two_mod(&n, e), expected, "2^{e} mod {n:x?}");
                }
                let copy = expected;
                if add_assign(&mut expected, &copy) || !less_than(&expected, &n) {
                    sub_assign(&mut expected, &n);
                }
            }
        }
    }

    #[test]
    fn fermat_inverse_times_value_is_one() {
        // 2^255 - 19 is prime.
        let p: Limbs<4> =
            from_hex("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed")
                .unwrap_or_default();
        let m = Modulus::new(p).unwrap_or_else(|| unreachable!());
        let a = m.to_mont(&small(123_456_789));
        assert_eq!(m.canonical(&m.mul(&a, &m.invert(&a))), small(1));
    }

    #[test]
    fn rejects_even_and_tiny_moduli() {
        assert!(Modulus::new(small::<2>(10)).is_none());
        assert!(Modulus::new(small::<2>(1)).is_none());
        assert!(Modulus::new(small::<2>(3)).is_some());
    }

    #[test]
    fn byte_and_hex_conversions() {
        assert_eq!(from_be_bytes::<1>(&[0, 0, 1, 2]), Some([0x0102]));
        assert_eq!(from_be_bytes::<1>(&[1; 9]), None);
        assert_eq!(from_hex::<2>("1 0000000000000002"), Some([2, 1]));
        assert_eq!(from_hex::<1>("xyz"), None);
        assert_eq!(to_be_bytes(&[0x0102, 0], 3), vec![0, 1, 2]);
        assert_eq!(bit_length(&[0, 1]), 65);
    }
}
