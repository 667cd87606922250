//! `chain::signature::verify`, the one door to the RustCrypto crates, as the chain builder
//! calls it: known answers (RFC 8032, RFC 6979, Wycheproof, an OpenSSL-made 16,384-bit
//! RSA key) and every way of spoiling a good signature (a flipped bit in the signature, the
//! message or the key, the wrong curve, the wrong hash, out-of-range numbers), each with
//! the verdict it must get.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

#[path = "signature/common.rs"]
mod common;
#[path = "signature/ecdsa.rs"]
mod ecdsa;
#[path = "signature/ed25519.rs"]
mod ed25519;
#[path = "signature/rsa.rs"]
mod rsa;
#[path = "signature/wycheproof.rs"]
mod wycheproof;
