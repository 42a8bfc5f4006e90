//! How much of a job to run before giving the thread back. Jobs run in slices: in a Web Worker so
//! that a newer request is read between two slices, and on the page's own thread (when no worker
//! could start) so that the reader's input is handled between two slices. The work a slice can
//! do varies by job and by device, so the size is measured as the job runs.

/// Work per slice, tuned after each slice so that one lasts about `budget_ms`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    budget_ms: f64,
    work: usize,
}

/// The fewest and most units of work a slice is given, whatever the clock says.
const WORK_BOUNDS: (usize, usize) = (10, 50_000_000);

/// A slice never grows more than this many times over the last one: a slice that ran under the
/// clock's resolution says little about how long a much larger one takes.
const MOST_GROWTH: f64 = 4.0;

impl Pace {
    /// In a worker: posting costs little next to 30 ms, and a newer request waits at most that.
    pub const WORKER: Pace = Pace { budget_ms: 30.0, work: 1_000 };
    /// On the page's thread: a slice stays well inside a 16 ms frame, so typing stays smooth.
    pub const MAIN_THREAD: Pace = Pace { budget_ms: 8.0, work: 100 };

    /// The units of work to do in the next slice.
    pub fn work(&self) -> usize {
        self.work
    }

    /// The longest a slice should take, in milliseconds.
    pub fn budget_ms(&self) -> f64 {
        self.budget_ms
    }

    /// Records that the last slice of `work()` units took `millis`, and sizes the next one.
    pub fn took(&mut self, millis: f64) {
        let ratio = (self.budget_ms / millis.max(0.5)).min(MOST_GROWTH);
        self.work = ((self.work as f64 * ratio) as usize).clamp(WORK_BOUNDS.0, WORK_BOUNDS.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_settles_on_its_budget() {
        // A job whose unit of work takes 0.01 ms: 800 units fill the page's 8 ms.
        let mut pace = Pace::MAIN_THREAD;
        for _ in 0..20 {
            let millis = pace.work() as f64 * 0.01;
            pace.took(millis);
        }
        assert_eq!(pace.work(), 800);
        let mut pace = Pace::WORKER;
        for _ in 0..20 {
            pace.took(pace.work() as f64 * 0.01);
        }
        assert_eq!(pace.work(), 3_000);
    }

    #[test]
    fn a_fast_slice_grows_the_next_at_most_fourfold_and_slow_ones_shrink_it() {
        let mut pace = Pace::MAIN_THREAD;
        pace.took(0.0);
        assert_eq!(pace.work(), 400);
        pace.took(80.0);
        assert_eq!(pace.work(), 40);
        for _ in 0..10 {
            pace.took(1_000.0);
        }
        assert_eq!(pace.work(), WORK_BOUNDS.0);
    }
}
