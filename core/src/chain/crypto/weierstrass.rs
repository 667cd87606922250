//! The group of a curve y² = x³ - 3x + b over GF(p) (the NIST curves of `curves`), in
//! Jacobian coordinates: (X, Y, Z) stands for (X/Z², Y/Z³), and Z = 0 for the point at
//! infinity. Formulas from the Explicit-Formulas Database (Bernstein, Lange): doubling
//! "dbl-2001-b" (a = -3), addition "add-1998-cmo-2". Variable time: all inputs are public.

use super::curves::Curve;
use super::montgomery::{self, Limbs, Modulus};

/// A point in Jacobian coordinates, each in Montgomery form modulo p.
#[derive(Debug, Clone, Copy)]
pub struct Point<const K: usize> {
    x: Limbs<K>,
    y: Limbs<K>,
    z: Limbs<K>,
}

impl<const K: usize> Point<K> {
    /// The point at infinity (the identity).
    fn infinity() -> Self {
        Point { x: [0; K], y: [0; K], z: [0; K] }
    }

    /// Whether this is the point at infinity.
    pub fn is_infinity(&self) -> bool {
        montgomery::is_zero(&self.z)
    }
}

/// One curve, ready to compute with: field, scalars, b and G, on `K` limbs.
#[derive(Debug)]
pub struct Group<const K: usize> {
    /// Arithmetic modulo the field prime p.
    pub field: Modulus<K>,
    /// Arithmetic modulo the group order n.
    pub order: Modulus<K>,
    /// b, in Montgomery form.
    b: Limbs<K>,
    /// The base point G.
    g: Point<K>,
    /// The length of a field element in octets, ⌈log2(p)/8⌉ (SEC 1 §2.3.5).
    pub coordinate_len: usize,
}

impl<const K: usize> Group<K> {
    /// The group of `curve`; `None` if its constants do not fit `K` limbs.
    pub fn new(curve: &Curve) -> Option<Self> {
        let field = Modulus::new(montgomery::from_hex(curve.p)?)?;
        let order = Modulus::new(montgomery::from_hex(curve.n)?)?;
        let b = field.to_mont(&montgomery::from_hex(curve.b)?);
        let one = field.one();
        let gx = field.to_mont(&montgomery::from_hex(curve.gx)?);
        let gy = field.to_mont(&montgomery::from_hex(curve.gy)?);
        let coordinate_len = montgomery::bit_length(field.n()).div_ceil(8);
        Some(Group { field, order, b, g: Point { x: gx, y: gy, z: one }, coordinate_len })
    }

    /// Octet-String-to-Elliptic-Curve-Point (SEC 1 §2.3.4) for the uncompressed (04 X Y)
    /// and compressed (02/03 X) forms; `None` for the point at infinity (00), other forms,
    /// coordinates not below p, and points not on the curve.
    pub fn decode_point(&self, bytes: &[u8]) -> Option<Point<K>> {
        let len = self.coordinate_len;
        let (&tag, rest) = bytes.split_first()?;
        let x = self.coordinate(rest.get(..len)?)?;
        let y = match (tag, rest.len() - len) {
            (0x04, extra) if extra == len => self.coordinate(&rest[len..])?,
            (0x02 | 0x03, 0) => self.decompress_y(&x, tag == 0x03)?,
            _ => return None,
        };
        // SEC 1 §3.2.2.1 step 2 (public key validation): y² = x³ - 3x + b.
        let on_curve = self.field.square(&y) == self.curve_rhs(&x);
        on_curve.then_some(Point { x, y, z: self.field.one() })
    }

    /// A field element from its octets (SEC 1 §2.3.6), in Montgomery form; `None` if ≥ p.
    fn coordinate(&self, bytes: &[u8]) -> Option<Limbs<K>> {
        let value = montgomery::from_be_bytes(bytes)?;
        self.field.holds(&value).then(|| self.field.to_mont(&value))
    }

    /// x³ - 3x + b.
    fn curve_rhs(&self, x: &Limbs<K>) -> Limbs<K> {
        let f = &self.field;
        let x3 = f.mul(&f.square(x), x);
        let three_x = f.add(&f.add(x, x), x);
        f.add(&f.sub(&x3, &three_x), &self.b)
    }

    /// y from x and its parity (SEC 1 §2.3.4 step 2.4): y = rhs^((p+1)/4), the square root
    /// when p ≡ 3 (mod 4), which holds for P-256, P-384 and P-521. `None` if x has no point.
    fn decompress_y(&self, x: &Limbs<K>, odd: bool) -> Option<Limbs<K>> {
        let f = &self.field;
        if f.n()[0] & 3 != 3 {
            return None;
        }
        let rhs = self.curve_rhs(x);
        let mut exponent = *f.n();
        montgomery::add_assign(&mut exponent, &montgomery::small::<K>(1));
        let exponent = shift_right_2(&exponent);
        let y = f.pow(&rhs, &exponent);
        if f.square(&y) != rhs {
            return None;
        }
        let y_is_odd = f.canonical(&y)[0] & 1 == 1;
        Some(if y_is_odd == odd { y } else { f.neg(&y) })
    }

    /// 2P (dbl-2001-b, a = -3): 3M + 5S.
    pub fn double(&self, p: &Point<K>) -> Point<K> {
        let f = &self.field;
        let delta = f.square(&p.z);
        let gamma = f.square(&p.y);
        let beta = f.mul(&p.x, &gamma);
        let t = f.mul(&f.sub(&p.x, &delta), &f.add(&p.x, &delta));
        let alpha = f.add(&f.add(&t, &t), &t);
        let beta4 = times4(f, &beta);
        let x = f.sub(&f.square(&alpha), &f.add(&beta4, &beta4));
        let yz = f.add(&p.y, &p.z);
        let z = f.sub(&f.sub(&f.square(&yz), &gamma), &delta);
        let gamma_sq4 = times4(f, &f.square(&gamma));
        let y = f.sub(&f.mul(&alpha, &f.sub(&beta4, &x)), &f.add(&gamma_sq4, &gamma_sq4));
        Point { x, y, z }
    }

    /// P + Q (add-1998-cmo-2): 12M + 4S, with the cases it excludes handled first.
    pub fn add(&self, p: &Point<K>, q: &Point<K>) -> Point<K> {
        if p.is_infinity() {
            return *q;
        }
        if q.is_infinity() {
            return *p;
        }
        let f = &self.field;
        let (z1z1, z2z2) = (f.square(&p.z), f.square(&q.z));
        let u1 = f.mul(&p.x, &z2z2);
        let u2 = f.mul(&q.x, &z1z1);
        let s1 = f.mul(&f.mul(&p.y, &q.z), &z2z2);
        let s2 = f.mul(&f.mul(&q.y, &p.z), &z1z1);
        let h = f.sub(&u2, &u1);
        let r = f.sub(&s2, &s1);
        if montgomery::is_zero(&h) {
            // Same x: P = Q (double) or P = -Q (infinity).
            return if montgomery::is_zero(&r) { self.double(p) } else { Point::infinity() };
        }
        let hh = f.square(&h);
        let hhh = f.mul(&h, &hh);
        let v = f.mul(&u1, &hh);
        let x = f.sub(&f.sub(&f.square(&r), &hhh), &f.add(&v, &v));
        let y = f.sub(&f.mul(&r, &f.sub(&v, &x)), &f.mul(&s1, &hhh));
        let z = f.mul(&f.mul(&p.z, &q.z), &h);
        Point { x, y, z }
    }

    /// [u1]G + [u2]Q by Shamir's trick (one shared chain of doublings; ElGamal 1985),
    /// for canonical scalars u1, u2.
    pub fn double_mul(&self, u1: &Limbs<K>, u2: &Limbs<K>, q: &Point<K>) -> Point<K> {
        let g_plus_q = self.add(&self.g, q);
        let bits = montgomery::bit_length(u1).max(montgomery::bit_length(u2));
        let mut acc = Point::infinity();
        for i in (0..bits).rev() {
            acc = self.double(&acc);
            let addend = match (bit(u1, i), bit(u2, i)) {
                (true, true) => &g_plus_q,
                (true, false) => &self.g,
                (false, true) => q,
                (false, false) => continue,
            };
            acc = self.add(&acc, addend);
        }
        acc
    }

    /// The affine x-coordinate X/Z² as a canonical residue mod p; `None` at infinity.
    pub fn affine_x(&self, p: &Point<K>) -> Option<Limbs<K>> {
        if p.is_infinity() {
            return None;
        }
        let f = &self.field;
        let z_inv = f.invert(&p.z);
        Some(f.canonical(&f.mul(&p.x, &f.square(&z_inv))))
    }

    /// The base point G.
    #[cfg(test)]
    pub fn generator(&self) -> Point<K> {
        self.g
    }
}

/// Bit i of x.
fn bit(x: &[u64], i: usize) -> bool {
    x[i / 64] >> (i % 64) & 1 == 1
}

/// 4a mod p.
fn times4<const K: usize>(f: &Modulus<K>, a: &Limbs<K>) -> Limbs<K> {
    let a2 = f.add(a, a);
    f.add(&a2, &a2)
}

/// x / 4 (a right shift by two bits).
fn shift_right_2<const K: usize>(x: &Limbs<K>) -> Limbs<K> {
    std::array::from_fn(|i| x[i] >> 2 | x.get(i + 1).map_or(0, |next| next << 62))
}

#[cfg(test)]
mod tests {
    use super::super::curves::{P256, P384, P521};
    use super::*;

    fn check_curve<const K: usize>(name: &str, curve: &Curve) {
        let group = Group::<K>::new(curve).unwrap();
        let g = group.generator();
        let f = &group.field;
        assert_eq!(f.square(&g.y), group.curve_rhs(&g.x), "{}: G is on the curve", name);
        let n = *group.order.n();
        assert!(group.double_mul(&n, &[0; K], &g).is_infinity(), "{}: [n]G = O", name);
        let mut n_minus_1 = n;
        montgomery::sub_assign(&mut n_minus_1, &montgomery::small::<K>(1));
        let minus_g = group.double_mul(&n_minus_1, &[0; K], &g);
        assert_eq!(group.affine_x(&minus_g), Some(f.canonical(&g.x)), "{}", name);
        // [2]G by doubling equals G + G by the addition's own special case.
        let two = montgomery::small(2);
        let doubled = group.affine_x(&group.double(&g));
        assert_eq!(doubled, group.affine_x(&group.double_mul(&two, &[0; K], &g)));
        assert_eq!(doubled, group.affine_x(&group.double_mul(&[0; K], &two, &g)));
    }

    #[test]
    fn base_points_are_on_their_curves_and_of_order_n() {
        check_curve::<4>("P-256", &P256);
        check_curve::<6>("P-384", &P384);
        check_curve::<9>("P-521", &P521);
    }

    #[test]
    fn compressed_and_uncompressed_generators_decode_alike() {
        let group = Group::<4>::new(&P256).unwrap();
        let x = montgomery::to_be_bytes(&montgomery::from_hex::<4>(P256.gx).unwrap(), 32);
        let y = montgomery::to_be_bytes(&montgomery::from_hex::<4>(P256.gy).unwrap(), 32);
        let uncompressed = [&[0x04][..], &x, &y].concat();
        let odd = y[31] & 1 == 1;
        let compressed = [&[if odd { 0x03 } else { 0x02 }][..], &x].concat();
        let a = group.decode_point(&uncompressed).unwrap();
        let b = group.decode_point(&compressed).unwrap();
        assert_eq!((a.x, a.y), (b.x, b.y));
        let wrong_parity = [&[if odd { 0x02 } else { 0x03 }][..], &x].concat();
        assert_ne!(group.decode_point(&wrong_parity).unwrap().y, a.y);
        let mut off_curve = uncompressed.clone();
        off_curve[64] ^= 1;
        assert!(group.decode_point(&off_curve).is_none());
        assert!(group.decode_point(&[0x00]).is_none(), "infinity");
        assert!(group.decode_point(&uncompressed[..64]).is_none(), "short");
    }
}
