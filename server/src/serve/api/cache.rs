//! Answers already computed, by what determines them. The analysis is a pure function of
//! the input, the host, the time, the trust anchors (and, for snippets, the parameters and
//! targets): the same request at the same second gets the same bytes. A portal sees the
//! same corporate chain pasted again and again, and monitors poll it; those are served from
//! here. Bounded in entries and in entry size; oldest out first.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use super::request::Job;

/// Largest answer kept: a chain of a few certificates is a few tens of KiB; a 10,000-leaf
/// bundle is not worth keeping.
const MAX_ENTRY: usize = 64 * 1024;

/// The cache of JSON answers.
pub struct Cache {
    capacity: usize,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    map: HashMap<[u8; 32], Bytes>,
    order: VecDeque<[u8; 32]>,
}

impl Cache {
    /// A cache of at most `capacity` answers (0: none kept).
    pub fn new(capacity: usize) -> Self {
        Cache { capacity, entries: Mutex::default() }
    }

    /// The answer for `key`, if kept.
    pub fn get(&self, key: &[u8; 32]) -> Option<Bytes> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.map.get(key).cloned()
    }

    /// Keeps `answer` for `key` unless it is too large, dropping the oldest past capacity.
    pub fn put(&self, key: [u8; 32], answer: Bytes) {
        if self.capacity == 0 || answer.len() > MAX_ENTRY {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.map.insert(key, answer).is_none() {
            entries.order.push_back(key);
        }
        while entries.order.len() > self.capacity {
            if let Some(oldest) = entries.order.pop_front() {
                entries.map.remove(&oldest);
            }
        }
    }
}

/// What determines the answer of `endpoint` to `job` at `now`, hashed. Every variable part is
/// length-prefixed, so no two different requests share a key.
pub fn key(endpoint: &str, job: &Job, now: i64) -> [u8; 32] {
    let mut hash = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    part(endpoint.as_bytes());
    part(&now.to_le_bytes());
    part(job.host.as_deref().unwrap_or("\0none").as_bytes());
    for (tag, sources) in [("input", &job.sources), ("trust", &job.trust)] {
        part(tag.as_bytes());
        part(&(sources.len() as u64).to_le_bytes());
        for source in sources.iter() {
            part(source.name.as_deref().unwrap_or("\0none").as_bytes());
            part(&source.bytes);
        }
    }
    part(format!("{:?}", job.params).as_bytes());
    for target in &job.targets {
        part(target.as_bytes());
    }
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use certchain_core::Source;

    fn job(input: &str) -> Job {
        Job { sources: vec![Source::text(input)], ..Job::default() }
    }

    #[test]
    fn every_part_of_the_request_changes_the_key() {
        let base = key("analyze", &job("a"), 1);
        assert_eq!(base, key("analyze", &job("a"), 1));
        assert_ne!(base, key("snippets", &job("a"), 1));
        assert_ne!(base, key("analyze", &job("a"), 2));
        assert_ne!(base, key("analyze", &job("b"), 1));
        let mut hosted = job("a");
        hosted.host = Some("h".into());
        assert_ne!(base, key("analyze", &hosted, 1));
        let mut trusted = job("a");
        trusted.trust.push(Source::text("a"));
        assert_ne!(base, key("analyze", &trusted, 1));
        let mut split = job("");
        split.sources = vec![Source::text("ab"), Source::text("c")];
        let mut joined = job("");
        joined.sources = vec![Source::text("a"), Source::text("bc")];
        assert_ne!(key("analyze", &split, 1), key("analyze", &joined, 1));
        let mut param = job("a");
        param.params.dind = true;
        assert_ne!(base, key("analyze", &param, 1));
    }

    #[test]
    fn the_oldest_answer_goes_first_and_large_ones_are_not_kept() {
        let cache = Cache::new(2);
        cache.put([1; 32], Bytes::from_static(b"1"));
        cache.put([2; 32], Bytes::from_static(b"2"));
        cache.put([3; 32], Bytes::from_static(b"3"));
        assert_eq!(cache.get(&[1; 32]), None);
        assert_eq!(cache.get(&[3; 32]), Some(Bytes::from_static(b"3")));
        cache.put([4; 32], Bytes::from(vec![0; MAX_ENTRY + 1]));
        assert_eq!(cache.get(&[4; 32]), None);
        let off = Cache::new(0);
        off.put([1; 32], Bytes::from_static(b"1"));
        assert_eq!(off.get(&[1; 32]), None);
    }
}
