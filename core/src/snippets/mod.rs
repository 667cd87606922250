//! Configuration snippets that use the files of a report: rendered from the [`Report`]
//! plus [`Params`], offered only when they make sense for it.
//!
//! One file per target family; each has the same signature, `offer(&Context) -> Vec<Snippet>`.
//! Templates are text files (`templates/`) with `{{name}}` placeholders.
//! The web app lists whatever [`render`] returns and edits [`Params`] through [`fields`], so
//! a new target needs no change there.

mod params;
mod runner;
mod servers;
mod template;

use serde::Serialize;

use crate::host::Target;
use crate::report::{Report, Text};

pub use params::{fields, Executor, Field, Os, Params};

/// One configuration snippet.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    /// Stable id (`runner-certs-dir`, `nginx`…): what `--target` selects.
    pub target: &'static str,
    /// What it is.
    pub title: Text,
    /// Where it goes (a file name or path), for download.
    pub filename: String,
    /// Syntax of the body (`toml`, `yaml`, `nginx`, `shell`, `powershell`…).
    pub language: &'static str,
    /// The text to use.
    pub body: String,
    /// Caveats, most important first.
    pub notes: Vec<Text>,
}

/// What every target family reads.
pub struct Context<'a> {
    /// The analysis.
    pub report: &'a Report,
    /// The user's parameters.
    pub params: &'a Params,
    /// Host clients connect to (from the params, else the report), without port.
    pub host: String,
    /// Port, when one was given.
    pub port: Option<u16>,
}

impl Context<'_> {
    /// `host` or `host:port`.
    pub fn authority(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// `https://host[:port]/`.
    pub fn url(&self) -> String {
        format!("https://{}/", self.authority())
    }
}

/// Placeholder host when neither the params nor the report name one.
const EXAMPLE_HOST: &str = "gitlab.example.com";

/// Every snippet that makes sense for `report` with `params`, in a stable order.
pub fn render(report: &Report, params: &Params) -> Vec<Snippet> {
    let target =
        Target::parse(&params.url).or_else(|| report.host.as_deref().and_then(Target::parse));
    let (host, port) = match target {
        Some(t) => (t.host, t.port),
        None => (EXAMPLE_HOST.to_string(), None),
    };
    let context = Context { report, params, host, port };
    let families: [fn(&Context) -> Vec<Snippet>; 2] = [runner::offer, servers::offer];
    families.iter().flat_map(|offer| offer(&context)).collect()
}

#[cfg(test)]
mod tests;
