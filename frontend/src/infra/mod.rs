//! Browser I/O, and only here: the clock, local storage, downloads and the clipboard.

pub mod clock;
pub mod files;
pub mod storage;
