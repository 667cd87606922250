//! Analyses run on blocking threads, at most a fixed number at once (one per core unless
//! configured). Analysis is CPU work: more of them at once than there are cores gains no
//! throughput, and each extra thread costs a stack, an allocator arena and the working set
//! of its analysis. Requests beyond the slots wait (still bounded by the service's
//! concurrency limit and timeout).

use std::num::NonZeroUsize;
use std::sync::Arc;

use tokio::sync::Semaphore;

use super::FetchError;

/// The slots analyses run in.
#[derive(Debug, Clone)]
pub struct Slots {
    semaphore: Arc<Semaphore>,
    count: usize,
}

impl Slots {
    /// `count` slots (at least one).
    pub fn new(count: usize) -> Self {
        let count = count.max(1);
        Slots { semaphore: Arc::new(Semaphore::new(count)), count }
    }

    /// One slot per core this process may use.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, NonZeroUsize::get))
    }

    /// How many analyses may run at once.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Runs `work` on a blocking thread once a slot is free. The slot is held by the thread,
    /// not by the caller: an analysis whose request was abandoned (timed out) still holds its
    /// slot until it ends.
    pub async fn run<T, F>(&self, work: F) -> Result<T, FetchError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let slot =
            self.semaphore.clone().acquire_owned().await.map_err(|_| FetchError::Analysis)?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(slot);
            result
        })
        .await
        .map_err(|_| FetchError::Analysis)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn never_more_analyses_at_once_than_slots() {
        let slots = Slots::new(2);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..8).map(|_| {
            let (slots, running, most) = (slots.clone(), running.clone(), most.clone());
            tokio::spawn(async move {
                slots
                    .run(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            })
        });
        for job in jobs.collect::<Vec<_>>() {
            assert_eq!(job.await.ok(), Some(Ok(())));
        }
        assert_eq!(most.load(Ordering::SeqCst), 2, "8 analyses through 2 slots");
    }

    #[test]
    fn zero_slots_still_means_one() {
        assert_eq!(Slots::new(0).count(), 1);
        assert!(Slots::per_core().count() >= 1);
    }
}
