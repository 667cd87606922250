//! One component per file, each with its `Properties`.

pub mod bundles;
pub mod cert_card;
pub mod cert_list;
pub mod chain_diagram;
pub mod findings;
pub mod header;
pub mod input_panel;
pub mod summary;
pub mod timeline;
