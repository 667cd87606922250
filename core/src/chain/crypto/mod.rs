//! certchain's own signature verification primitives, small enough for the web build.
//!
//! Every input is public (certificates and their issuers' keys), so the code is variable
//! time and favours clarity and size over side-channel resistance. One modular arithmetic,
//! [`montgomery`], carries all of it:
//!
//! ```text
//! montgomery   Montgomery multiplication mod any odd n on K 64-bit limbs (CIOS)
//!   ├─ rsa          RSAVP1, EMSA-PKCS1-v1_5, EMSA-PSS + MGF1         (RFC 8017)
//!   ├─ weierstrass  y² = x³ - 3x + b in Jacobian coordinates  ─┐
//!   │   curves      P-256, P-384, P-521 domain parameters       ├─ ecdsa (FIPS 186-4 §6.4)
//!   └─ edwards      edwards25519 in extended coordinates  ───── ed25519 (RFC 8032 §5.1.7)
//! digest       MD5, SHA-1, SHA-2 (RustCrypto hashes) and DigestInfo prefixes
//! ```

pub mod curves;
pub mod digest;
pub mod ecdsa;
pub mod ed25519;
pub mod edwards;
pub mod montgomery;
pub mod rsa;
pub mod weierstrass;
