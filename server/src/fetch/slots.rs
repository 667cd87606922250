//! Analyses run on a fixed set of threads, one per core unless configured. Analysis is CPU
//! work: more of them at once than there are cores gains no throughput, and every extra
//! thread costs a stack, an allocator arena and the working set of its analysis. Requests
//! beyond the slots wait in a queue (bounded by the service's concurrency limit and timeout);
//! a request abandoned while it waited is skipped.
//!
//! A request abandoned while its analysis ran (its timeout passed) cannot stop it: a thread
//! cannot be stopped from outside, and the analysis has no point to stop at. It gives up its
//! slot instead: a new thread takes the slot's place, and the old one ends with its
//! analysis. At most as many analyses as there are slots run abandoned at once; beyond that,
//! an abandoned analysis keeps its slot until it ends.

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::oneshot;

use super::FetchError;

/// A job; it says whether its thread is to end after it (its slot was given up).
type Job = Box<dyn FnOnce() -> bool + Send>;

/// Where a job is: [`QUEUED`], [`RUNNING`], [`DONE`] or [`ABANDONED`] (running, its slot
/// given up).
const QUEUED: u8 = 0;
const RUNNING: u8 = 1;
const DONE: u8 = 2;
const ABANDONED: u8 = 3;

/// The analysis threads; they end once every clone of this is dropped.
#[derive(Debug, Clone)]
pub struct Slots {
    queue: Sender<Job>,
    jobs: Arc<Mutex<Receiver<Job>>>,
    count: usize,
    /// Threads still running an abandoned analysis, their slot taken by a new thread.
    abandoned: Arc<AtomicUsize>,
}

impl Slots {
    /// `count` threads (at least one).
    pub fn new(count: usize) -> Self {
        let (queue, jobs) = channel::<Job>();
        let jobs = Arc::new(Mutex::new(jobs));
        let mut slots = Slots { queue, jobs, count: 0, abandoned: Arc::default() };
        slots.count = (0..count.max(1)).filter(|_| slots.spawn()).count();
        slots
    }

    /// One more analysis thread; false when the system has none to give.
    fn spawn(&self) -> bool {
        let (jobs, abandoned) = (self.jobs.clone(), self.abandoned.clone());
        std::thread::Builder::new()
            .name("certchain-analysis".into())
            .spawn(move || work_through(&jobs, &abandoned))
            .is_ok()
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

    /// How many abandoned analyses run outside the slots now.
    pub fn abandoned(&self) -> usize {
        self.abandoned.load(Ordering::Relaxed)
    }

    /// Runs `work` on an analysis thread once one is free. A panic in `work` (a bug) is
    /// [`FetchError::Analysis`]; the thread goes on with the next job.
    pub async fn run<T, F>(&self, work: F) -> Result<T, FetchError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (answer, result) = oneshot::channel();
        let state = Arc::new(AtomicU8::new(QUEUED));
        let job: Job = {
            let state = state.clone();
            Box::new(move || {
                if answer.is_closed() || state.swap(RUNNING, Ordering::AcqRel) != QUEUED {
                    return false;
                }
                if let Ok(value) = catch_unwind(AssertUnwindSafe(work)) {
                    let _ = answer.send(value);
                }
                state.swap(DONE, Ordering::AcqRel) == ABANDONED
            })
        };
        if self.count == 0 || self.queue.send(job).is_err() {
            return Err(FetchError::Analysis);
        }
        let mut waiting = Waiting { slots: self, state, answered: false };
        let outcome = result.await.map_err(|_| FetchError::Analysis);
        waiting.answered = true;
        outcome
    }

    /// The running job of `state` was abandoned: a new thread takes its slot, unless as
    /// many abandoned analyses as there are slots already run.
    fn give_up_slot(&self, state: &AtomicU8) {
        let reserved = self.abandoned.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < self.count).then_some(n + 1)
        });
        if reserved.is_err() {
            return;
        }
        let given_up =
            state.compare_exchange(RUNNING, ABANDONED, Ordering::AcqRel, Ordering::Acquire);
        if given_up.is_err() {
            // It ended meanwhile: nothing to give up.
            self.abandoned.fetch_sub(1, Ordering::AcqRel);
            return;
        }
        if self.spawn() {
            return;
        }
        // No thread to be had: the analysis keeps its slot if it still runs. (If it ended
        // meanwhile, its thread has already ended and returned the reservation.)
        let kept = state.compare_exchange(ABANDONED, RUNNING, Ordering::AcqRel, Ordering::Acquire);
        if kept.is_ok() {
            self.abandoned.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// A request waiting for its analysis; dropped unanswered (its timeout passed, its client
/// left) while the analysis runs, it gives the slot up.
struct Waiting<'a> {
    slots: &'a Slots,
    state: Arc<AtomicU8>,
    answered: bool,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if !self.answered && self.state.load(Ordering::Acquire) == RUNNING {
            self.slots.give_up_slot(&self.state);
        }
    }
}

/// One analysis thread: takes the next job until the queue is closed, or until it ran an
/// analysis whose slot was given to another thread.
fn work_through(jobs: &Mutex<Receiver<Job>>, abandoned: &AtomicUsize) {
    loop {
        let Ok(job) = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv() else {
            return;
        };
        if job() {
            abandoned.fetch_sub(1, Ordering::AcqRel);
            return;
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

    /// An analysis that outlives its request gives its slot to a new thread; at most as
    /// many as there are slots do so at once.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_analysis_abandoned_while_running_gives_up_its_slot() {
        let slots = Slots::new(1);
        let (release_first, first_waits) = std::sync::mpsc::channel::<()>();
        let first = slots.run(move || first_waits.recv().is_ok());
        assert!(tokio::time::timeout(Duration::from_millis(100), first).await.is_err());
        assert_eq!(slots.abandoned(), 1);
        // The one slot is free again while the abandoned analysis still runs.
        let quick = tokio::time::timeout(Duration::from_secs(2), slots.run(|| 7)).await;
        assert_eq!(quick.ok(), Some(Ok(7)));
        // A second abandoned analysis finds the budget spent: it keeps its slot.
        let (release_second, second_waits) = std::sync::mpsc::channel::<()>();
        let second = slots.run(move || second_waits.recv().is_ok());
        assert!(tokio::time::timeout(Duration::from_millis(100), second).await.is_err());
        assert_eq!(slots.abandoned(), 1);
        let blocked = tokio::time::timeout(Duration::from_millis(200), slots.run(|| 8)).await;
        assert!(blocked.is_err(), "no slot while the second analysis runs");
        let _ = release_second.send(());
        assert_eq!(slots.run(|| 9).await, Ok(9));
        // The first analysis ends, and its thread with it.
        let _ = release_first.send(());
        for _ in 0..100 {
            if slots.abandoned() == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(slots.abandoned(), 0);
        assert_eq!(slots.run(|| 10).await, Ok(10));
    }
}
