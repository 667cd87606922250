//! Chain building: index, verify every link, search every path (RFC 4158, RFC 5280 §6.1).

pub mod anchors;
pub mod graph;
pub mod search;
pub mod signature;

pub use anchors::{Anchor, AnchorKind, Anchors};
pub use graph::{Graph, Issuer};
pub use search::{paths_from, Cut, End, Found, Limits, Outcome};
pub mod classify;
mod fast_path;
pub mod path_end;

pub use classify::{classify, InputKind, Shape};
pub use path_end::PathEnd;
