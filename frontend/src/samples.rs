//! Built-in sample inputs, so a first visitor sees what certchain does in one click. They
//! are the real fixture files of the test suite.

/// One sample: a label key and the input text.
pub struct Sample {
    /// i18n key of its button label.
    pub key: &'static str,
    /// The input.
    pub text: &'static str,
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../tests/fixtures/inputs/", $name))
    };
}

/// The samples, in button order.
pub fn all() -> [Sample; 4] {
    [
        Sample { key: "sample_s_client", text: fixture!("s_client-showcerts.txt") },
        Sample { key: "sample_shuffled", text: SHUFFLED },
        Sample { key: "sample_missing", text: fixture!("s_client-leaf-only.txt") },
        Sample { key: "sample_with_key", text: fixture!("bundle-with-key.pem") },
    ]
}

/// Root, leaf, intermediate: the order a hurried `cat` makes.
const SHUFFLED: &str = concat!(
    include_str!("../../tests/fixtures/inputs/root.pem"),
    include_str!("../../tests/fixtures/inputs/leaf.pem"),
    include_str!("../../tests/fixtures/inputs/intermediate.pem"),
);
