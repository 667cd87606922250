//! Helpers shared by the signature tests.

use certchain_core::cert::algorithm::SigAlg;
use certchain_core::cert::key::Spki;
use certchain_core::chain::signature::{verify, Verdict};

/// Hex to bytes (whitespace allowed).
pub fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

/// The verdict as a plain yes or no; anything else fails the test.
pub fn valid(key: &Spki, alg: &SigAlg, message: &[u8], sig: &[u8]) -> bool {
    match verify(key, alg, message, sig) {
        Verdict::Valid => true,
        Verdict::Invalid => false,
        other => panic!("{alg:?}: expected a yes or no, got {other:?}"),
    }
}

/// Flip one bit (index taken modulo the length; nothing for empty input).
pub fn flip(bytes: &[u8], bit: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if !out.is_empty() {
        let i = (bit / 8) % out.len();
        out[i] ^= 1 << (bit % 8);
    }
    out
}

/// a + b, big-endian, as long as the longer operand plus one octet.
pub fn add_be(a: &[u8], b: &[u8]) -> Vec<u8> {
    let len = a.len().max(b.len()) + 1;
    let (mut out, mut carry) = (vec![0u8; len], 0u16);
    for i in 0..len {
        let x = u16::from(*a.iter().rev().nth(i).unwrap_or(&0));
        let y = u16::from(*b.iter().rev().nth(i).unwrap_or(&0));
        let sum = x + y + carry;
        out[len - 1 - i] = sum as u8;
        carry = sum >> 8;
    }
    out
}

/// a - b, big-endian, for a ≥ b, as long as a.
pub fn sub_be(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = a.to_vec();
    let mut borrow = 0i16;
    for i in 0..out.len() {
        let j = out.len() - 1 - i;
        let y = i16::from(*b.iter().rev().nth(i).unwrap_or(&0));
        let mut d = i16::from(out[j]) - y - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[j] = d as u8;
    }
    out
}

/// DER `Ecdsa-Sig-Value` of two magnitudes (minimal INTEGERs).
pub fn der_signature(r: &[u8], s: &[u8]) -> Vec<u8> {
    let int = |v: &[u8]| {
        let start = v.iter().position(|&b| b != 0).unwrap_or(v.len().saturating_sub(1));
        let mut body = v[start..].to_vec();
        if body.is_empty() || body[0] & 0x80 != 0 {
            body.insert(0, 0);
        }
        [&[0x02, body.len() as u8][..], &body].concat()
    };
    let body = [int(r), int(s)].concat();
    let len = if body.len() < 0x80 { vec![body.len() as u8] } else { vec![0x81, body.len() as u8] };
    [&[0x30][..], &len, &body].concat()
}
