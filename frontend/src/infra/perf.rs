//! Performance marks, read by the web benchmark (`cargo xtask bench`):
//! `certchain:first-render` once the app has mounted, `certchain:report` each time a report
//! has rendered.

/// Sets the User Timing mark `name` (a no-op where there is no `performance`).
pub fn mark(name: &str) {
    if let Some(performance) = gloo_utils::window().performance() {
        let _ = performance.mark(name);
    }
}
