//! The NIST prime curves y² = x³ - 3x + b over GF(p), with their group order n and base
//! point G, as published in SEC 2 v2.0 §2.4.2 (secp256r1), §2.5.1 (secp384r1),
//! §2.6.1 (secp521r1), identical to FIPS 186-4 Appendix D.1.2.3 to D.1.2.5.
//!
//! The values are hex, big-endian, as the standards print them (p is written out from its
//! defining formula; the tests check that G is on the curve and that [n]G is the identity).

/// The domain parameters of one curve with a = -3.
#[derive(Debug)]
pub struct Curve {
    /// The field prime p.
    pub p: &'static str,
    /// The coefficient b.
    pub b: &'static str,
    /// The order n of G (prime; the cofactor is 1).
    pub n: &'static str,
    /// The x-coordinate of the base point G.
    pub gx: &'static str,
    /// The y-coordinate of the base point G.
    pub gy: &'static str,
}

/// P-256 = secp256r1 (SEC 2 §2.4.2, FIPS 186-4 D.1.2.3); p = 2^256 - 2^224 + 2^192 + 2^96 - 1.
pub const P256: Curve = Curve {
    p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
    n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
    gy: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
};

/// P-384 = secp384r1 (SEC 2 §2.5.1, FIPS 186-4 D.1.2.4); p = 2^384 - 2^128 - 2^96 + 2^32 - 1.
pub const P384: Curve = Curve {
    p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
        ffffffff0000000000000000ffffffff",
    b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a\
        c656398d8a2ed19d2a85c8edd3ec2aef",
    n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf\
        581a0db248b0a77aecec196accc52973",
    gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38\
         5502f25dbf55296c3a545e3872760ab7",
    gy: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c0\
         0a60b1ce1d7e819d7a431d7c90ea0e5f",
};

/// P-521 = secp521r1 (SEC 2 §2.6.1, FIPS 186-4 D.1.2.5); p = 2^521 - 1.
pub const P521: Curve = Curve {
    p: "01ff ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
        ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    b: "0051 953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e1\
        56193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
    n: "01ff ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
        fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    gx: "00c6 858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3d\
         baa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
    gy: "0118 39296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e66\
         2c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
};
