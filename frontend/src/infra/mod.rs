//! The browser around the app: clock, storage, downloads, file reading, the permalink and
//! performance marks. Components call these; nothing here renders.

pub mod catalogues;
pub mod clock;
pub mod files;
pub mod perf;
pub mod permalink;
pub mod storage;
pub mod upload;
