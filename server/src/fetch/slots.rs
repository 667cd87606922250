//! Analyses run on a fixed set of threads, one per core unless configured. Analysis is CPU
//! work: more of them at once than there are cores gains no throughput, and every extra
//! thread costs a stack, an allocator arena and the working set of its analysis. Requests
//! beyond the slots wait in a queue (bounded by the service's concurrency limit and timeout);
//! a request abandoned while it waited is skipped, one abandoned while it ran keeps its slot
//! until the analysis ends.

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::oneshot;

use super::FetchError;

type Job = Box<dyn FnOnce() + Send>;

/// The analysis threads; they end once every clone of this is dropped.
#[derive(Debug, Clone)]
pub struct Slots {
    queue: Sender<Job>,
    count: usize,
}

impl Slots {
    /// `count` threads (at least one).
    pub fn new(count: usize) -> Self {
        let (queue, jobs) = channel::<Job>();
        let jobs = Arc::new(Mutex::new(jobs));
        let count = (0..count.max(1))
            .filter(|i| {
                let jobs = jobs.clone();
                std::thread::Builder::new()
                    .name(format!("certchain-analysis-{i}"))
                    .spawn(move || work_through(&jobs))
                    .is_ok()
            })
            .count();
        Slots { queue, count }
    }

    /// One thread per core this process may use.
    pub fn per_core() -> Self {
        Self::new(Self::cores())
    }

    /// The cores this process may use (cgroup CPU limits included): the default count.
    pub fn cores() -> usize {
        std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
    }

    /// How many analyses may run at once.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Runs `work` on an analysis thread once one is free. A panic in `work` (a bug) is
    /// [`FetchError::Analysis`]; the thread goes on with the next job.
    pub async fn run<T, F>(&self, work: F) -> Result<T, FetchError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (answer, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            if answer.is_closed() {
                return;
            }
            if let Ok(value) = catch_unwind(AssertUnwindSafe(work)) {
                let _ = answer.send(value);
            }
        });
        if self.count == 0 || self.queue.send(job).is_err() {
            return Err(FetchError::Analysis);
        }
        result.await.map_err(|_| FetchError::Analysis)
    }
}

/// One analysis thread: takes the next job until the queue is closed.
fn work_through(jobs: &Mutex<Receiver<Job>>) {
    loop {
        let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
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

    #[tokio::test]
    async fn a_panicking_analysis_is_an_error_and_its_thread_goes_on() {
        let slots = Slots::new(1);
        let failed = slots.run(|| std::panic::resume_unwind(Box::new("a bug"))).await;
        assert_eq!(failed, Err::<(), _>(FetchError::Analysis));
        assert_eq!(slots.run(|| 6 * 7).await, Ok(42));
    }

    #[tokio::test]
    async fn an_analysis_abandoned_while_waiting_is_skipped() {
        let slots = Slots::new(1);
        let ran = Arc::new(AtomicUsize::new(0));
        let (busy, release) = std::sync::mpsc::channel::<()>();
        // Occupy the one slot until released.
        let blocker = tokio::spawn({
            let slots = slots.clone();
            async move { slots.run(move || release.recv().is_ok()).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let waiting = {
            let ran = ran.clone();
            slots.run(move || ran.fetch_add(1, Ordering::SeqCst))
        };
        // Dropped before a slot frees: the request was abandoned.
        assert!(tokio::time::timeout(Duration::from_millis(50), waiting).await.is_err());
        let _ = busy.send(());
        assert_eq!(blocker.await.ok(), Some(Ok(true)));
        assert_eq!(slots.run(|| 1).await, Ok(1));
        assert_eq!(ran.load(Ordering::SeqCst), 0, "the abandoned analysis did not run");
    }

    #[test]
    fn zero_slots_still_means_one() {
        assert_eq!(Slots::new(0).count(), 1);
        assert!(Slots::per_core().count() >= 1);
    }
}
