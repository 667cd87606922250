//! Request counters and latency histograms, served as Prometheus text (exposition format
//! 0.0.4) at `/metrics`. Labels are the route template (`/api/v1/analyze`, never the raw
//! path, so a scan cannot grow them) and the status code.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 9] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    total: u64,
}

#[derive(Default)]
struct Tables {
    requests: BTreeMap<(String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
}

/// The service's metrics.
#[derive(Default)]
pub struct Metrics {
    tables: Mutex<Tables>,
    in_flight: AtomicI64,
}

impl Metrics {
    fn record(&self, route: &str, status: u16, seconds: f64) {
        let mut tables = self.tables.lock().unwrap_or_else(PoisonError::into_inner);
        *tables.requests.entry((route.to_string(), status)).or_default() += 1;
        let histogram = tables.latency.entry(route.to_string()).or_default();
        for (count, bound) in histogram.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        histogram.sum += seconds;
        histogram.total += 1;
    }

    /// The Prometheus text.
    pub fn render(&self) -> String {
        let tables = self.tables.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP certchain_build_info The running version.\n# TYPE certchain_build_info gauge"
        );
        let _ =
            writeln!(out, "certchain_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(out, "# HELP certchain_http_requests_in_flight Requests being answered.\n# TYPE certchain_http_requests_in_flight gauge");
        let _ = writeln!(
            out,
            "certchain_http_requests_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(out, "# HELP certchain_http_requests_total Requests answered, by route and status.\n# TYPE certchain_http_requests_total counter");
        for ((route, status), count) in &tables.requests {
            let _ = writeln!(
                out,
                "certchain_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        let _ = writeln!(out, "# HELP certchain_http_request_duration_seconds Time to answer, by route.\n# TYPE certchain_http_request_duration_seconds histogram");
        for (route, h) in &tables.latency {
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(out, "certchain_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}");
            }
            let _ = writeln!(out, "certchain_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", h.total);
            let _ = writeln!(
                out,
                "certchain_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "certchain_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.total
            );
        }
        out
    }
}

/// Middleware: counts and times every request under its route template.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let started = Instant::now();
    metrics.in_flight.fetch_add(1, Ordering::Relaxed);
    let response = next.run(request).await;
    metrics.in_flight.fetch_sub(1, Ordering::Relaxed);
    metrics.record(&route, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative_and_counts_are_per_route_and_status() {
        let metrics = Metrics::default();
        metrics.record("/healthz", 200, 0.0004);
        metrics.record("/healthz", 200, 0.02);
        metrics.record("/api/v1/analyze", 413, 2.0);
        let text = metrics.render();
        assert!(
            text.contains("certchain_http_requests_total{route=\"/healthz\",status=\"200\"} 2"),
            "{text}"
        );
        assert!(text.contains(
            "certchain_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.001\"} 1"
        ));
        assert!(text.contains(
            "certchain_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.025\"} 2"
        ));
        assert!(text.contains(
            "certchain_http_request_duration_seconds_bucket{route=\"/api/v1/analyze\",le=\"1\"} 0"
        ));
        assert!(text.contains("certchain_http_request_duration_seconds_bucket{route=\"/api/v1/analyze\",le=\"+Inf\"} 1"));
        assert!(text
            .contains("certchain_http_requests_total{route=\"/api/v1/analyze\",status=\"413\"} 1"));
    }
}
