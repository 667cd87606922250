//! Known-answer vectors: RFC 8032 §7.1 (Ed25519 TEST 1 to 3) and RFC 6979 §A.2.5 to §A.2.7
//! (ECDSA on P-256, P-384, P-521: public key, message, r and s).

use certchain_core::cert::algorithm::{Hash, SigAlg};
use certchain_core::cert::key::Spki;

use super::common::{agree, der_signature, flip, hex, own};

/// RFC 8032 §7.1: (SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE).
const RFC8032: [(&str, &str, &str, &str); 3] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
];

#[test]
fn rfc8032_test_vectors_1_to_3() {
    for (secret, public, message, signature) in RFC8032 {
        // The vectors as typed here are the ones dalek derives from the secret keys.
        let signing = ed25519_dalek::SigningKey::from_bytes(&hex(secret).try_into().unwrap());
        assert_eq!(signing.verifying_key().to_bytes().to_vec(), hex(public));
        let dalek_sig = ed25519_dalek::Signer::sign(&signing, &hex(message));
        assert_eq!(dalek_sig.to_bytes().to_vec(), hex(signature));

        let key = Spki::Ed25519(hex(public));
        let (message, signature) = (hex(message), hex(signature));
        assert!(own(&key, &SigAlg::Ed25519, &message, &signature), "{public}");
        assert!(!agree(&key, &SigAlg::Ed25519, &[&message[..], b"!"].concat(), &signature));
        assert!(!agree(&key, &SigAlg::Ed25519, &message, &flip(&signature, 300)));
    }
}

/// One RFC 6979 case: curve, Ux, Uy, hash, message, r, s.
struct EcVector {
    curve: &'static str,
    ux: &'static str,
    uy: &'static str,
    hash: Hash,
    message: &'static [u8],
    r: &'static str,
    s: &'static str,
}

const P256_UX: &str = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
const P256_UY: &str = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
const P384_UX: &str = "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64\
                       DEF8F0EA9055866064A254515480BC13";
const P384_UY: &str = "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1\
                       288B231C3AE0D4FE7344FD2533264720";
const P521_UX: &str = "01894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD3\
                       71123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4";
const P521_UY: &str = "00493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A2\
                       8A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5";

const RFC6979: [EcVector; 6] = [
    // §A.2.5, P-256, SHA-256, "sample".
    EcVector {
        curve: "P-256",
        ux: P256_UX,
        uy: P256_UY,
        hash: Hash::Sha256,
        message: b"sample",
        r: "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        s: "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
    },
    // §A.2.5, P-256, SHA-384 (longer than n: truncated), "test".
    EcVector {
        curve: "P-256",
        ux: P256_UX,
        uy: P256_UY,
        hash: Hash::Sha384,
        message: b"test",
        r: "83910E8B48BB0C74244EBDF7F07A1C5413D61472BD941EF3920E623FBCCEBEB6",
        s: "8DDBEC54CF8CD5874883841D712142A56A8D0F218F5003CB0296B6B509619F2C",
    },
    // §A.2.6, P-384, SHA-384, "sample".
    EcVector {
        curve: "P-384",
        ux: P384_UX,
        uy: P384_UY,
        hash: Hash::Sha384,
        message: b"sample",
        r: "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C\
            81A648152E44ACF96E36DD1E80FABE46",
        s: "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F\
            A329C145786E679E7B82C71A38628AC8",
    },
    // §A.2.6, P-384, SHA-1 (shorter than n), "sample".
    EcVector {
        curve: "P-384",
        ux: P384_UX,
        uy: P384_UY,
        hash: Hash::Sha1,
        message: b"sample",
        r: "EC748D839243D6FBEF4FC5C4859A7DFFD7F3ABDDF72014540C16D73309834FA3\
            7B9BA002899F6FDA3A4A9386790D4EB2",
        s: "A3BCFA947BEEF4732BF247AC17F71676CB31A847B9FF0CBC9C9ED4C1A5B3FACF\
            26F49CA031D4857570CCB5CA4424A443",
    },
    // §A.2.7, P-521, SHA-512, "sample".
    EcVector {
        curve: "P-521",
        ux: P521_UX,
        uy: P521_UY,
        hash: Hash::Sha512,
        message: b"sample",
        r: "00C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F1\
            74E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA",
        s: "00617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF2\
            82623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A",
    },
    // §A.2.7, P-521, SHA-256, "test".
    EcVector {
        curve: "P-521",
        ux: P521_UX,
        uy: P521_UY,
        hash: Hash::Sha256,
        message: b"test",
        r: "000E871C4A14F993C6C7369501900C4BC1E9C7B0B4BA44E04868B30B41D807104\
            2EB28C4C250411D0CE08CD197E4188EA4876F279F90B3D8D74A3C76E6F1E4656AA8",
        s: "00CD52DBAA33B063C3A6CD8058A1FB0A46A4754B034FCC644766CA14DA8CA5CA9\
            FDE00E88C1AD60CCBA759025299079D7A427EC3CC5B619BFBC828E7769BCD694E86",
    },
];

#[test]
fn rfc6979_signatures_verify_on_p256_p384_p521() {
    for v in &RFC6979 {
        let point = [&[0x04][..], &hex(v.ux), &hex(v.uy)].concat();
        let key = Spki::Ec { curve: v.curve.into(), point };
        let alg = SigAlg::Ecdsa(v.hash);
        let sig = der_signature(&hex(v.r), &hex(v.s));
        assert!(agree(&key, &alg, v.message, &sig), "{} {:?}", v.curve, v.hash);
        assert!(!agree(&key, &alg, b"other", &sig), "{} {:?}", v.curve, v.hash);
        let swapped = der_signature(&hex(v.s), &hex(v.r));
        assert!(!agree(&key, &alg, v.message, &swapped), "{} {:?}", v.curve, v.hash);
    }
}
