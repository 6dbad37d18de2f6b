//! Frames paced to a link: with `--max-rate` (or `max_rate` in the config file) a frame
//! is drawn only once the bytes of the frames before it have had time to cross the link at
//! that rate. Keys that come meanwhile are applied as they come and only the newest state
//! is drawn, so the frames a reader would never see (each replaced by the next before it
//! arrived) are never sent, and the screen is never more than about one frame behind the
//! keys. Over SSH this is the only bound: sshd takes whatever brief writes at once, so
//! nothing blocks and the bytes queue in the link.
//!
//! Without a declared rate nothing waits: a terminal slower than brief's output pushes
//! back itself (the write blocks while the pty's buffer is full), and the keys that come
//! meanwhile are all taken before the next frame.

use std::time::{Duration, Instant};

/// When the link is free again.
#[derive(Debug, Clone, Copy)]
pub struct Pacer {
    /// Bytes per second; `None`: no pacing.
    rate: Option<u64>,
    /// When the bytes written so far have all crossed the link; `None` before any.
    free_at: Option<Instant>,
}

impl Pacer {
    pub fn new(rate: Option<u64>) -> Self {
        Self {
            rate: rate.filter(|&r| r > 0),
            free_at: None,
        }
    }

    /// `bytes` were written at `at`: they cross after whatever was still crossing.
    pub fn wrote(&mut self, bytes: usize, at: Instant) {
        let Some(rate) = self.rate else {
            return;
        };
        let crossing = Duration::from_secs_f64(bytes as f64 / rate as f64);
        let start = self.free_at.map_or(at, |free| free.max(at));
        self.free_at = Some(start + crossing);
    }

    /// How long a frame that is due must still wait at `now`; `None` when it may go.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.rate?;
        self.free_at?
            .checked_duration_since(now)
            .filter(|wait| !wait.is_zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_waits_for_the_bytes_before_it_to_cross() {
        let start = Instant::now();
        let mut pacer = Pacer::new(Some(10_000));
        assert_eq!(pacer.wait(start), None);
        pacer.wrote(5_000, start);
        let half = Duration::from_millis(500);
        assert_eq!(pacer.wait(start), Some(half));
        // Written while the first still crosses: it queues behind it.
        pacer.wrote(1_000, start + Duration::from_millis(100));
        assert_eq!(pacer.wait(start + half), Some(Duration::from_millis(100)));
        assert_eq!(pacer.wait(start + Duration::from_millis(600)), None);
        // After an idle spell the link starts from empty.
        let later = start + Duration::from_secs(10);
        pacer.wrote(1_000, later);
        assert_eq!(pacer.wait(later), Some(Duration::from_millis(100)));
    }

    #[test]
    fn without_a_rate_nothing_waits() {
        let now = Instant::now();
        let mut pacer = Pacer::new(None);
        pacer.wrote(1_000_000, now);
        assert_eq!(pacer.wait(now), None);
    }
}
