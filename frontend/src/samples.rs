//! Built-in sample inputs, so a first visitor sees what certchain does in one click. They
//! are the real fixture files of the test suite.

/// One sample: its key, its label and the input text.
pub struct Sample {
    /// Its key, in its button's `data-testid` (`sample-<key>`).
    pub key: &'static str,
    /// The catalogue id of its button's label.
    pub label: &'static str,
    /// The input.
    pub text: &'static str,
    /// Trust anchors to use with it (the private root), or "" for the public roots.
    pub trust: &'static str,
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../tests/fixtures/inputs/", $name))
    };
}

/// The samples, in button order.
pub fn all() -> &'static [Sample] {
    &SAMPLES
}

static SAMPLES: [Sample; 6] = [
    Sample {
        key: "sample_good",
        label: "web-sample-good",
        text: fixture!("fullchain.pem"),
        trust: ROOT,
    },
    Sample {
        key: "sample_s_client",
        label: "web-sample-s-client",
        text: fixture!("s_client-showcerts.txt"),
        trust: "",
    },
    Sample { key: "sample_shuffled", label: "web-sample-shuffled", text: SHUFFLED, trust: "" },
    Sample {
        key: "sample_no_intermediate",
        label: "web-sample-no-intermediate",
        text: NO_INTERMEDIATE,
        trust: ROOT,
    },
    Sample {
        key: "sample_missing",
        label: "web-sample-missing",
        text: fixture!("s_client-leaf-only.txt"),
        trust: "",
    },
    Sample {
        key: "sample_with_key",
        label: "web-sample-with-key",
        text: fixture!("bundle-with-key.pem"),
        trust: "",
    },
];

/// The private CA's root, trusted by the samples that show a correct private-CA setup.
const ROOT: &str = fixture!("root.pem");

/// Root, leaf, intermediate: the order a hurried `cat` makes.
const SHUFFLED: &str =
    concat!(fixture!("root.pem"), fixture!("leaf.pem"), fixture!("intermediate.pem"));

/// The leaf alone, its private root trusted: the intermediate is missing.
const NO_INTERMEDIATE: &str = fixture!("leaf.pem");
