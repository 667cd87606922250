//! One integration-test binary for the engine: every finding code, every input form end to
//! end, path building, and properties. Regression tests are named after the bug they caught.

mod bounds;
mod findings;
mod fuzz_regressions;
mod inputs;
mod name_constraints;
mod paths;
mod properties;
