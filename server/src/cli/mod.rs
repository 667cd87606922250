//! Command-line subcommands.

pub mod analyze;
pub mod text;
