//! Monte Carlo over the uncertain parameters, in chunks of draws so a Web Worker can report
//! progress and stop. Seeded with the crate's own generator, so a shared URL redraws the same
//! samples natively and in every browser.

use serde::{Deserialize, Serialize};

use super::catalogue::ParamMeta;
use super::error::TalentError;
use super::optimum::optimum;
use super::params::Params;
use super::uncertainty::{resolve, Range};
use crate::progress::Progress;
use crate::random::Rng;
use crate::stats::Distribution;

/// Beyond this a run takes over a minute and its percentiles no longer move.
pub(super) const MAX_DRAWS: usize = 1_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonteCarloSummary {
    pub draws: usize,
    pub c_star: Distribution,
    pub gain: Distribution,
    /// Share of draws in which everyone distributed produces nothing (a firm cannot build its
    /// platform alone): there the spec's V(c*)/V(0) would be infinite.
    pub distributed_idle_share: f64,
}

#[derive(Clone, Debug)]
pub struct MonteCarloJob {
    base: Params,
    ranges: Vec<(&'static ParamMeta, Range)>,
    rng: Rng,
    total: usize,
    c_star: Vec<f64>,
    gain: Vec<f64>,
    distributed_idle: usize,
}

impl MonteCarloJob {
    /// Parameters without a range keep their values in `base`.
    pub fn new(
        base: &Params,
        ranges: &[Range],
        draws: usize,
        seed: u64,
    ) -> Result<MonteCarloJob, TalentError> {
        base.validate()?;
        if !(1..=MAX_DRAWS).contains(&draws) {
            return Err(TalentError::Draws(draws));
        }
        let ranges = resolve(ranges)?.into_iter().zip(ranges.iter().cloned()).collect();
        Ok(MonteCarloJob {
            base: *base,
            ranges,
            rng: Rng::seeded(seed),
            total: draws,
            c_star: Vec::with_capacity(draws),
            gain: Vec::with_capacity(draws),
            distributed_idle: 0,
        })
    }

    /// Runs up to `max_draws` more draws. Each draw takes one number per range in the ranges'
    /// order, which is what makes a seed reproduce a run.
    pub fn run(&mut self, max_draws: usize) -> Progress {
        for _ in 0..max_draws.min(self.total - self.c_star.len()) {
            let mut params = self.base;
            for (m, range) in &self.ranges {
                *m.slot(&mut params) = range.at(self.rng.unit());
            }
            let best = optimum(&params);
            self.c_star.push(best.c_star);
            self.gain.push(best.gain);
            self.distributed_idle += usize::from(best.all_distributed <= 0.0);
        }
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress { done: self.c_star.len(), total: self.total }
    }

    pub fn c_star_samples(&self) -> &[f64] {
        &self.c_star
    }

    pub fn gain_samples(&self) -> &[f64] {
        &self.gain
    }

    /// Of the draws so far, so a chart can fill in while the run goes on; none before the first.
    pub fn summary(&self, bins: usize) -> Option<MonteCarloSummary> {
        let draws = self.c_star.len();
        Some(MonteCarloSummary {
            draws,
            c_star: Distribution::of(&self.c_star, bins)?,
            gain: Distribution::of(&self.gain, bins)?,
            distributed_idle_share: self.distributed_idle as f64 / draws as f64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::talent::default_ranges;

    fn run(seed: u64, chunk: usize) -> MonteCarloJob {
        let mut job = MonteCarloJob::new(&Params::default(), &default_ranges(), 300, seed).unwrap();
        while !job.run(chunk).is_finished() {}
        job
    }

    #[test]
    fn same_seed_same_numbers_whatever_the_chunking() {
        let (a, b, c) = (run(42, 300), run(42, 7), run(43, 300));
        assert_eq!(a.c_star_samples(), b.c_star_samples());
        assert_eq!(a.gain_samples(), b.gain_samples());
        assert_eq!(a.summary(20), b.summary(20));
        assert_ne!(a.c_star_samples(), c.c_star_samples());
    }

    #[test]
    fn summarises_finite_samples_in_range() {
        let job = run(1, 64);
        let summary = job.summary(25).unwrap();
        assert_eq!(summary.draws, 300);
        assert_eq!(summary.c_star.histogram.counts.iter().sum::<u32>(), 300);
        assert!(summary.c_star.p10 <= summary.c_star.p50 && summary.c_star.p50 <= summary.c_star.p90);
        assert!(job.c_star_samples().iter().all(|c| (0.0..=1.0).contains(c)));
        assert!(job.gain_samples().iter().all(|g| g.is_finite() && *g >= 1.0));
        assert!(summary.distributed_idle_share > 0.2, "the spec's P range often leaves firms idle alone");
    }

    #[test]
    fn refuses_bad_inputs_and_summarises_nothing_before_the_first_draw() {
        let job = MonteCarloJob::new(&Params::default(), &default_ranges(), 10, 0).unwrap();
        assert_eq!(job.summary(10), None);
        assert_eq!(
            MonteCarloJob::new(&Params::default(), &default_ranges(), 0, 0).err(),
            Some(TalentError::Draws(0))
        );
        let bad = Params { open_share: f64::NAN, ..Params::default() };
        assert!(MonteCarloJob::new(&bad, &default_ranges(), 10, 0).is_err());
    }
}
