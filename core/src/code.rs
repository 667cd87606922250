//! The finding codes: a typed vocabulary, serialised to the stable snake_case names that
//! scripts and the JSON contract depend on (docs/findings.md). The order of the list
//! is the report order of findings of the same severity. [`Severity`] sits beside it: the
//! input readers, the rules and the report all speak this vocabulary.

use serde::{Serialize, Serializer};

/// Defines [`Code`], its names, and [`Code::ALL`] from one list.
macro_rules! codes {
    ($($variant:ident => $name:literal,)*) => {
        /// A finding code.
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in report order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    NoCertificates => "no_certificates",
    MalformedPem => "malformed_pem",
    UnparsableBlock => "unparsable_block",
    PrivateKeyInBundle => "private_key_in_bundle",
    NoTrustedCertificate => "no_trusted_certificate",
    SClientLeafOnly => "s_client_leaf_only",
    MissingIntermediate => "missing_intermediate",
    MissingRoot => "missing_root",
    BadSignature => "bad_signature",
    UntrustedRoot => "untrusted_root",
    Expired => "expired",
    NotYetValid => "not_yet_valid",
    HostnameMismatch => "hostname_mismatch",
    CnWithoutSan => "cn_without_san",
    HiddenCharactersInName => "hidden_characters_in_name",
    WeakSignature => "weak_signature",
    WeakKey => "weak_key",
    IntermediateNotCa => "intermediate_not_ca",
    PathlenExceeded => "pathlen_exceeded",
    KeyUsageNoCertSign => "key_usage_no_cert_sign",
    EkuNoServerAuth => "eku_no_server_auth",
    UnknownCriticalExtension => "unknown_critical_extension",
    DuplicateExtension => "duplicate_extension",
    MalformedExtension => "malformed_extension",
    NameConstraintViolation => "name_constraint_violation",
    AnchorInvalid => "anchor_invalid",
    WrongOrder => "wrong_order",
    MultipleLeaves => "multiple_leaves",
    LeafIsCa => "leaf_is_ca",
    SelfSignedLeaf => "self_signed_leaf",
    TrustedServerCertificate => "trusted_server_certificate",
    ExpiresSoon => "expires_soon",
    UnrelatedCertificate => "unrelated_certificate",
    DuplicateCertificate => "duplicate_certificate",
    RootIncluded => "root_included",
    CrossSigned => "cross_signed",
    UncheckedSignature => "unchecked_signature",
    PathSearchTruncated => "path_search_truncated",
    InputTooLarge => "input_too_large",
    TooManyCertificates => "too_many_certificates",
    CertificateTooLarge => "certificate_too_large",
    PathsNotAllListed => "paths_not_all_listed",
}

impl Code {
    /// The code of a snake_case name, if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Clients will fail, or the input is broken.
    Error,
    /// Works today but is wrong, risky or about to break.
    Warning,
    /// Worth knowing.
    Info,
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_snake_case_and_round_trip() {
        for code in Code::ALL {
            let name = code.as_str();
            assert!(!name.is_empty() && !name.starts_with('_') && !name.ends_with('_'), "{name}");
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{name}"
            );
            // `from_name` returns the first code with the name: a name given twice fails here.
            assert_eq!(Code::from_name(name), Some(*code), "{name} names two codes");
            assert_eq!(code.to_string(), name);
        }
        assert_eq!(Code::from_name("no_such_code"), None);
        assert_eq!(Code::from_name("Expired"), None, "names are exact, not case-folded");
    }

    #[test]
    fn each_code_serialises_to_its_name() {
        for code in Code::ALL {
            let value = serde_json::to_value(code).unwrap_or_default();
            assert_eq!(value, serde_json::Value::from(code.as_str()), "{code:?}");
        }
        let json = serde_json::to_string(&[Code::EkuNoServerAuth, Code::NoCertificates]);
        assert_eq!(json.unwrap_or_default(), r#"["eku_no_server_auth","no_certificates"]"#);
    }

    /// `diagnose::sort` orders by `Ord`: `ALL` must list the codes in that same order, once each.
    #[test]
    fn all_is_in_report_order_without_duplicates() {
        for pair in Code::ALL.windows(2) {
            assert!(pair[0] < pair[1], "{} is listed before {}", pair[0], pair[1]);
        }
        assert_eq!(Code::ALL.first(), Some(&Code::NoCertificates));
        assert_eq!(Code::ALL.last(), Some(&Code::PathsNotAllListed));
    }
}
