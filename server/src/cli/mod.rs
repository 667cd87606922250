//! Command-line subcommands.

pub mod analyze;
pub mod fetch;
pub mod input;
pub mod out_dir;
pub mod snippets;
pub mod text;
