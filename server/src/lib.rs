//! certchain's server side: the HTTP service (`certchain serve`): the web app, the JSON API
//! and the operations endpoints.
//!
//! The binary (`main.rs`) adds the command line; tests drive [`serve::app`] in-process.
#![forbid(unsafe_code)]

pub mod clock;
pub mod fetch;
pub mod serve;
