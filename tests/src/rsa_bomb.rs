//! The RSA-exponent input of `cargo xtask hostile` and of the hostile tests: a self-signed CA whose RSA key has a
//! 16,384-bit modulus and a 480,000-bit public exponent, and a leaf "signed" by it. Each
//! signature check with that key is one modular exponentiation by the huge exponent (about
//! 700,000 multiplications of 16,384-bit numbers) unless the verifier refuses the key.
//! Only the structure is right (RFC 5280 §4.1): the numbers are arbitrary, the signatures
//! do not verify. Plain DER, written here with no library.

/// Bits of the CA's modulus.
const MODULUS_BITS: usize = 16_384;
/// Bits of the CA's public exponent.
const EXPONENT_BITS: usize = 480_000;

/// The leaf then the CA, as PEM text.
pub fn chain_pem() -> String {
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    let modulus = number(&mut random, MODULUS_BITS);
    let exponent = number(&mut random, EXPONENT_BITS);
    let ca_key = rsa_key(&modulus, &exponent);
    let leaf_key = rsa_key(&number(&mut random, 2048), &[0x01, 0x00, 0x01]);
    let ca_name = name("certchain hostile RSA-exponent CA");
    let ca = certificate(&mut random, 1, &ca_name, &ca_name, &ca_key, true);
    let leaf = certificate(&mut random, 2, &ca_name, &name("hostile.example"), &leaf_key, false);
    [pem(&leaf), pem(&ca)].concat()
}

/// A pseudo-random generator (xorshift64): the input is the same on every run.
struct XorShift(u64);

impl XorShift {
    fn byte(&mut self) -> u8 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 32) as u8
    }
}

/// An odd number of exactly `bits` bits (a multiple of 8), big-endian.
fn number(random: &mut XorShift, bits: usize) -> Vec<u8> {
    let mut bytes: Vec<u8> = (0..bits / 8).map(|_| random.byte()).collect();
    if let Some(first) = bytes.first_mut() {
        *first |= 0x80;
    }
    if let Some(last) = bytes.last_mut() {
        *last |= 1;
    }
    bytes
}

/// A DER tag-length-value (X.690 §8.1, definite lengths).
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend(content);
    out
}

fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A positive INTEGER (a leading zero when the top bit is set).
fn integer(magnitude: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(magnitude.len() + 1);
    if magnitude.first().is_some_and(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend(magnitude);
    tlv(0x02, &content)
}

/// A BIT STRING with no unused bits.
fn bits(content: &[u8]) -> Vec<u8> {
    tlv(0x03, &[&[0u8][..], content].concat())
}

/// rsaEncryption, 1.2.840.113549.1.1.1, with NULL parameters (RFC 8017 §A.1).
const RSA_ENCRYPTION: [u8; 15] =
    [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
/// sha256WithRSAEncryption, 1.2.840.113549.1.1.11, with NULL parameters (RFC 8017 §A.2.4).
const SHA256_WITH_RSA: [u8; 15] =
    [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00];

/// SubjectPublicKeyInfo of an RSA key (RFC 8017 §A.1.1).
fn rsa_key(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
    let key = sequence(&[&integer(modulus), &integer(exponent)]);
    sequence(&[&RSA_ENCRYPTION, &bits(&key)])
}

/// A Name with one common name (RFC 5280 §4.1.2.4).
fn name(common_name: &str) -> Vec<u8> {
    let attribute =
        sequence(&[&[0x06, 0x03, 0x55, 0x04, 0x03], &tlv(0x0c, common_name.as_bytes())]);
    sequence(&[&tlv(0x31, &attribute)])
}

/// basicConstraints cA (critical) and keyUsage keyCertSign, cRLSign (RFC 5280 §4.2.1).
fn ca_extensions() -> Vec<u8> {
    let basic = sequence(&[
        &[0x06, 0x03, 0x55, 0x1d, 0x13],
        &[0x01, 0x01, 0xff],
        &tlv(0x04, &sequence(&[&[0x01, 0x01, 0xff]])),
    ]);
    let usage = sequence(&[
        &[0x06, 0x03, 0x55, 0x1d, 0x0f],
        &[0x01, 0x01, 0xff],
        &tlv(0x04, &[0x03, 0x02, 0x01, 0x06]),
    ]);
    tlv(0xa3, &sequence(&[&basic, &usage]))
}

/// A v3 certificate (RFC 5280 §4.1) with an arbitrary 16,384-bit "signature".
fn certificate(
    random: &mut XorShift,
    serial: u8,
    issuer: &[u8],
    subject: &[u8],
    key: &[u8],
    ca: bool,
) -> Vec<u8> {
    let validity = sequence(&[&tlv(0x17, b"250101000000Z"), &tlv(0x17, b"350101000000Z")]);
    let extensions = if ca { ca_extensions() } else { Vec::new() };
    let tbs = sequence(&[
        &tlv(0xa0, &integer(&[2])),
        &integer(&[serial]),
        &SHA256_WITH_RSA,
        issuer,
        &validity,
        subject,
        key,
        &extensions,
    ]);
    let mut signature = number(random, MODULUS_BITS);
    // Below the modulus, whose top bits are set: a signature checker computes it.
    signature[0] &= 0x7f;
    sequence(&[&tbs, &SHA256_WITH_RSA, &bits(&signature)])
}

/// PEM (RFC 7468 §2), 64 base64 characters a line.
fn pem(der: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::with_capacity(der.len() * 4 / 3 + 4);
    for chunk in der.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            let sextet = (n >> (18 - 6 * i)) & 0x3f;
            text.push(if i <= chunk.len() { char::from(ALPHABET[sextet as usize]) } else { '=' });
        }
    }
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out + "-----END CERTIFICATE-----\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths_and_base64_are_right() {
        assert_eq!(tlv(0x04, &[1, 2]), [0x04, 0x02, 1, 2]);
        let long = tlv(0x04, &vec![0; 300]);
        assert_eq!(&long[..4], [0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(integer(&[0x80]), [0x02, 0x02, 0x00, 0x80]);
        let text = pem(b"Man");
        assert!(text.contains("\nTWFu\n"), "{text}");
        assert!(pem(b"Ma").contains("\nTWE=\n"));
        assert!(pem(b"M").contains("\nTQ==\n"));
    }

    #[test]
    fn the_chain_is_a_leaf_then_a_ca_with_the_huge_exponent() {
        let chain = chain_pem();
        assert_eq!(chain.matches("-----BEGIN CERTIFICATE-----").count(), 2);
        // 16,384-bit modulus, 480,000-bit exponent, three 2,048-byte numbers: about 87 KB.
        assert!((80_000..100_000).contains(&chain.len()), "{}", chain.len());
    }
}
