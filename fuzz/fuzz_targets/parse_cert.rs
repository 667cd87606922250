//! Certificate parsing (`cert::parse`) on any DER: no panic; a certificate that parses
//! renders as PEM and keeps its bytes.
#![no_main]

use certchain_core::cert;
use certchain_core::input::{Block, Format, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let origin = Origin { file: 0, line: 0, format: Format::Der, label: None };
    let block = Block { der: data.to_vec(), origin };
    if let Ok(parsed) = cert::parse(block, 0) {
        assert_eq!(parsed.der, data, "the parsed certificate must keep its DER");
        assert!(parsed.tbs.end <= data.len(), "the TBS range lies outside the DER");
        assert!(parsed.pem().starts_with("-----BEGIN CERTIFICATE-----\n"));
    }
});
