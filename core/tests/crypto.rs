//! certchain's own signature verification (`chain::crypto`) against RustCrypto (rsa, p256,
//! p384, p521, ed25519-dalek: dev-dependencies only), on generated keys and signatures,
//! valid and mutated, and against published known-answer vectors.
//!
//! Every check goes through the public `chain::signature::verify`, as the chain builder
//! calls it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

#[path = "crypto/common.rs"]
mod common;
#[path = "crypto/ecdsa.rs"]
mod ecdsa;
#[path = "crypto/ed25519.rs"]
mod ed25519;
#[path = "crypto/reference.rs"]
mod reference;
#[path = "crypto/rsa.rs"]
mod rsa;
#[path = "crypto/vectors.rs"]
mod vectors;
