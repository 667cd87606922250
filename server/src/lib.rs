//! certchain's server side: the web app's HTTP service (`certchain serve`).
//!
//! The binary (`main.rs`) adds the command line; tests drive [`serve::router`] in-process.
#![forbid(unsafe_code)]

pub mod serve;
