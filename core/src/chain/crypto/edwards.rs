//! edwards25519, the twisted Edwards curve -x² + y² = 1 + d·x²·y² over GF(2^255 - 19)
//! of Ed25519 (RFC 8032 §5.1), in extended coordinates (X, Y, Z, T) with x = X/Z,
//! y = Y/Z, x·y = T/Z (Hisil, Wong, Carter, Dawson 2008; the formulas of RFC 8032 §5.1.4,
//! complete: no exceptional cases). Variable time: all inputs are public.

use super::montgomery::{self, Limbs, Modulus};

/// p = 2^255 - 19 (RFC 8032 §5.1).
const P: &str = "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed";
/// d = -121665/121666 mod p (RFC 8032 §5.1: 370957059346694393431380835087545651895421138798
/// 43219016388785533085940283555).
const D: &str = "52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3";
/// sqrt(-1) = 2^((p-1)/4) mod p (RFC 8032 §5.1.3 step 3).
const SQRT_M1: &str = "2b8324804fc1df0b2b4d00993dfbd7a72f431806ad2fe478c4ee1b274a0ea0b0";
/// The base point B = (x, 4/5) with x even (RFC 8032 §5.1; x = 1511222134953540077250115
/// 1409588531511454012693041857206046113283949847762202).
const BASE_X: &str = "216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a";
/// y of B: 4/5 mod p (4631683569492647816942839400347516314130799386625622561578303360316
/// 5251855960).
const BASE_Y: &str = "6666666666666666666666666666666666666666666666666666666666666658";

/// A point in extended coordinates, each in Montgomery form modulo p.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    x: Limbs<4>,
    y: Limbs<4>,
    z: Limbs<4>,
    t: Limbs<4>,
}

/// The field GF(p) and the curve constants, in Montgomery form.
#[derive(Debug)]
pub struct Curve25519 {
    field: Modulus<4>,
    /// 2·d, as the addition uses it.
    d2: Limbs<4>,
    d: Limbs<4>,
    sqrt_m1: Limbs<4>,
    base: Point,
}

impl Curve25519 {
    /// The field and constants; `None` only if the constants above were mistyped.
    pub fn new() -> Option<Self> {
        let field = Modulus::new(montgomery::from_hex(P)?)?;
        let constant = |hex| montgomery::from_hex(hex).map(|v| field.to_mont(&v));
        let (d, sqrt_m1) = (constant(D)?, constant(SQRT_M1)?);
        let (x, y) = (constant(BASE_X)?, constant(BASE_Y)?);
        let base = Point { x, y, z: field.one(), t: field.mul(&x, &y) };
        Some(Curve25519 { d2: field.add(&d, &d), d, sqrt_m1, base, field })
    }

    /// The base point B.
    pub fn base(&self) -> Point {
        self.base
    }

    /// The neutral element (0, 1).
    fn identity(&self) -> Point {
        Point { x: [0; 4], y: self.field.one(), z: self.field.one(), t: [0; 4] }
    }

    /// Decoding (RFC 8032 §5.1.3): y little-endian with the sign of x in bit 255; `None`
    /// when y ≥ p (step 1), x² has no root (step 3), or x = 0 with the sign bit set (step 4).
    pub fn decode(&self, bytes: &[u8; 32]) -> Option<Point> {
        let f = &self.field;
        let sign = bytes[31] >> 7 == 1;
        let mut le = *bytes;
        le[31] &= 0x7f;
        le.reverse();
        let y = montgomery::from_be_bytes(&le)?;
        if !f.holds(&y) {
            return None;
        }
        let y = f.to_mont(&y);
        // Step 2: x² = (y² - 1) / (d·y² + 1) = u/v.
        let y2 = f.square(&y);
        let u = f.sub(&y2, &f.one());
        let v = f.add(&f.mul(&self.d, &y2), &f.one());
        let mut x = self.sqrt_ratio(&u, &v)?;
        // Step 4: pick the root whose parity is the sign bit.
        let x_is_odd = f.canonical(&x)[0] & 1 == 1;
        if montgomery::is_zero(&x) && sign {
            return None;
        }
        if x_is_odd != sign {
            x = f.neg(&x);
        }
        Some(Point { x, y, z: f.one(), t: f.mul(&x, &y) })
    }

    /// A square root of u/v (RFC 8032 §5.1.3 step 3): x = u·v³·(u·v⁷)^((p-5)/8), then
    /// checked against v·x² = ±u, times sqrt(-1) for -u; `None` if there is none.
    fn sqrt_ratio(&self, u: &Limbs<4>, v: &Limbs<4>) -> Option<Limbs<4>> {
        let f = &self.field;
        let v3 = f.mul(&f.square(v), v);
        let v7 = f.mul(&f.square(&v3), v);
        let mut exponent = *f.n();
        montgomery::sub_assign(&mut exponent, &montgomery::small::<4>(5));
        let exponent: Limbs<4> =
            std::array::from_fn(|i| exponent[i] >> 3 | exponent.get(i + 1).map_or(0, |n| n << 61));
        let x = f.mul(&f.mul(u, &v3), &f.pow(&f.mul(u, &v7), &exponent));
        let vx2 = f.mul(v, &f.square(&x));
        if vx2 == *u {
            Some(x)
        } else if vx2 == f.neg(u) {
            Some(f.mul(&x, &self.sqrt_m1))
        } else {
            None
        }
    }

    /// Encoding (RFC 8032 §5.1.2): y little-endian, bit 255 = the low bit of x.
    pub fn encode(&self, p: &Point) -> [u8; 32] {
        let f = &self.field;
        let z_inv = f.invert(&p.z);
        let x = f.canonical(&f.mul(&p.x, &z_inv));
        let y = f.canonical(&f.mul(&p.y, &z_inv));
        let mut out = [0u8; 32];
        for (chunk, limb) in out.chunks_mut(8).zip(y) {
            chunk.copy_from_slice(&limb.to_le_bytes());
        }
        out[31] |= ((x[0] & 1) as u8) << 7;
        out
    }

    /// -P = (-x, y).
    pub fn negate(&self, p: &Point) -> Point {
        Point { x: self.field.neg(&p.x), t: self.field.neg(&p.t), ..*p }
    }

    /// P + Q (RFC 8032 §5.1.4, "add-2008-hwcd-3").
    pub fn add(&self, p: &Point, q: &Point) -> Point {
        let f = &self.field;
        let a = f.mul(&f.sub(&p.y, &p.x), &f.sub(&q.y, &q.x));
        let b = f.mul(&f.add(&p.y, &p.x), &f.add(&q.y, &q.x));
        let c = f.mul(&f.mul(&p.t, &self.d2), &q.t);
        let zz = f.mul(&p.z, &q.z);
        let d = f.add(&zz, &zz);
        let (e, ff, g, h) = (f.sub(&b, &a), f.sub(&d, &c), f.add(&d, &c), f.add(&b, &a));
        Point { x: f.mul(&e, &ff), y: f.mul(&g, &h), t: f.mul(&e, &h), z: f.mul(&ff, &g) }
    }

    /// 2P (RFC 8032 §5.1.4, "dbl-2008-hwcd").
    pub fn double(&self, p: &Point) -> Point {
        let f = &self.field;
        let a = f.square(&p.x);
        let b = f.square(&p.y);
        let zz = f.square(&p.z);
        let c = f.add(&zz, &zz);
        let h = f.add(&a, &b);
        let e = f.sub(&h, &f.square(&f.add(&p.x, &p.y)));
        let g = f.sub(&a, &b);
        let ff = f.add(&c, &g);
        Point { x: f.mul(&e, &ff), y: f.mul(&g, &h), t: f.mul(&e, &h), z: f.mul(&ff, &g) }
    }

    /// [a]P + [b]Q by Shamir's trick, for scalars given as little-endian limbs.
    pub fn double_mul(&self, a: &Limbs<4>, p: &Point, b: &Limbs<4>, q: &Point) -> Point {
        let sum = self.add(p, q);
        let mut acc = self.identity();
        for i in (0..256).rev() {
            acc = self.double(&acc);
            match (a[i / 64] >> (i % 64) & 1, b[i / 64] >> (i % 64) & 1) {
                (1, 1) => acc = self.add(&acc, &sum),
                (1, _) => acc = self.add(&acc, p),
                (_, 1) => acc = self.add(&acc, q),
                _ => {}
            }
        }
        acc
    }

    /// Whether [8]P is the identity: P is in the small (torsion) subgroup, order 1 to 8.
    pub fn is_small_order(&self, p: &Point) -> bool {
        let p8 = self.double(&self.double(&self.double(p)));
        // (0, 1) in projective form: X = 0 and Y = Z.
        montgomery::is_zero(&p8.x) && p8.y == p8.z
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_their_definitions() {
        let c = Curve25519::new().unwrap();
        let f = &c.field;
        let int = |v| f.to_mont(&montgomery::small(v));
        // d·121666 = -121665; sqrt(-1)² = -1; y_B·5 = 4.
        assert_eq!(f.mul(&c.d, &int(121_666)), f.neg(&int(121_665)));
        assert_eq!(f.square(&c.sqrt_m1), f.neg(&f.one()));
        assert_eq!(f.mul(&c.base.y, &int(5)), int(4));
        // B on the curve: -x² + y² = 1 + d·x²·y²; x even.
        let (x2, y2) = (f.square(&c.base.x), f.square(&c.base.y));
        let lhs = f.sub(&y2, &x2);
        assert_eq!(lhs, f.add(&f.one(), &f.mul(&c.d, &f.mul(&x2, &y2))));
        assert_eq!(f.canonical(&c.base.x)[0] & 1, 0);
    }

    #[test]
    fn base_point_round_trips_and_has_prime_order() {
        let c = Curve25519::new().unwrap();
        let encoded = c.encode(&c.base());
        assert_eq!(encoded[0], 0x58, "RFC 8032: B encodes as 5866..66");
        assert_eq!(c.encode(&c.decode(&encoded).unwrap()), encoded);
        assert!(!c.is_small_order(&c.base()));
        // L = 2^252 + 27742317777372353535851937790883648493: [L]B = identity.
        let l = montgomery::from_hex(
            "1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed",
        )
        .unwrap();
        let lb = c.double_mul(&l, &c.base(), &[0; 4], &c.base());
        assert_eq!(c.encode(&lb), c.encode(&c.identity()));
        assert!(c.is_small_order(&c.identity()));
    }

    #[test]
    fn non_canonical_encodings_are_refused() {
        let c = Curve25519::new().unwrap();
        // y = p + 1 (≥ p): would be the identity if reduced.
        let mut y = [0xffu8; 32];
        y[0] = 0xee;
        y[31] = 0x7f;
        assert!(c.decode(&y).is_none(), "y ≥ p");
        // y = 1, x = 0 with the sign bit set.
        let mut one = [0u8; 32];
        one[0] = 1;
        assert!(c.decode(&one).is_some());
        one[31] = 0x80;
        assert!(c.decode(&one).is_none(), "x = 0, sign 1");
    }
}
