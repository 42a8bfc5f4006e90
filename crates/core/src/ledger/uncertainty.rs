//! How uncertain the ledger's total is: a seeded Monte Carlo over the line count, the model's
//! calibration error and the salary, in chunks so a Web Worker can report progress and stop.
//!
//! Every draw scales all frameworks' lines by one factor (a counter's bias is shared), the
//! salary by one factor, and each framework's effort by its own calibration error (projects miss
//! their estimates independently). Because both models are power laws, scaling lines by L scales
//! effort by L^b, so a draw costs one multiplication per framework instead of a model run.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::blocks::{block_count, block_draws, BandPartial, BlocksError, BLOCK_DRAWS};
use crate::estimate::EffortModel;
use crate::input::Bounds;
use crate::keys::Key;
use crate::progress::Progress;
use crate::query::{number, seed, QueryReader, QueryWriter};
use crate::random::{math, LogUniform, Rng};
use crate::stats::Distribution;

/// Beyond this the percentiles no longer move and the run only costs time.
pub const DRAW_BOUNDS: Bounds = Bounds::new(100.0, 1_000_000.0);
/// A line count off by more than a factor of two is a different codebase, not a counter's bias.
pub const LINES_BOUNDS: Bounds = Bounds::new(0.5, 2.0);
/// Salary factors: from a fifth to five times the chosen salary.
pub const PAY_BOUNDS: Bounds = Bounds::new(0.2, 5.0);
/// The 80% error factor: 1 is no error at all, 20 is no estimate at all.
pub const ERROR_BOUNDS: Bounds = Bounds::new(1.0, 20.0);

/// z of the standard normal at 80% and 87.5%: the quantiles the published accuracies name.
const Z_90: f64 = 1.281_551_565_5;
const Z_80: f64 = 0.841_621_233_6;
const Z_87_5: f64 = 1.150_349_380_4;

/// A model's published accuracy, and the lognormal error it implies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accuracy {
    /// What the source says, in its own words.
    pub claim: &'static str,
    pub source: &'static str,
    /// σ of ln(actual / estimate).
    pub sigma: f64,
}

impl Accuracy {
    pub fn of(model: &EffortModel) -> Accuracy {
        match model {
            // Within a factor of 2 in 60% of cases: ln 2 is the 80th percentile of |ln error|.
            EffortModel::Basic(_) => Accuracy {
                claim: "basic COCOMO estimates fall within a factor of 2 of the actual effort only about 60% of the time",
                source: "Boehm, Software Engineering Economics (1981), section 8.8",
                sigma: std::f64::consts::LN_2 / Z_80,
            },
            // Within 30% in 75% of cases: ln 1.3 is the 87.5th percentile of ln error.
            EffortModel::Cocomo2(_) => Accuracy {
                claim: "COCOMO II.2000 estimates fall within 30% of the actual effort 75% of the time",
                source: "Boehm et al., Software Cost Estimation with COCOMO II (2000), chapter 4",
                sigma: 1.3f64.ln() / Z_87_5,
            },
        }
    }

    /// The factor within which 80% of actual efforts fall around the estimate.
    pub fn error_factor(&self) -> f64 {
        (Z_90 * self.sigma).exp()
    }
}

/// The ranges the reader sees and edits; `None` for the error means "the model's published one".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranges {
    /// Every framework's lines times a factor uniform in [low, high].
    pub lines: (f64, f64),
    /// 80% of actual efforts lie within this factor of the estimate (lognormal).
    pub error_factor: Option<f64>,
    /// The salary times a factor, log-uniform in [low, high].
    pub pay: (f64, f64),
    pub seed: u64,
    pub draws: usize,
}

impl Default for Ranges {
    /// Counters disagree by a few percent on the same tree (ohcount, tokei and cloc in the
    /// dataset); salaries for the same work differ by tens of percent between employers.
    fn default() -> Self {
        Ranges { lines: (0.9, 1.1), error_factor: None, pay: (0.8, 1.25), seed: 2017, draws: 20_000 }
    }
}

impl Ranges {
    pub fn sigma(&self, model: &EffortModel) -> f64 {
        match self.error_factor {
            Some(factor) => factor.ln() / Z_90,
            None => Accuracy::of(model).sigma,
        }
    }

    /// The URL keys of the ranges, in the order they are read.
    pub const KEYS: [Key; 7] =
        [Key::LinesLow, Key::LinesHigh, Key::PayLow, Key::PayHigh, Key::ErrorFactor, Key::Seed, Key::Draws];

    pub fn read(query: &mut QueryReader) -> Self {
        let mut ranges = Ranges::default();
        let low_high = |lo: Key, hi: Key, bounds: Bounds, query: &mut QueryReader, default: (f64, f64)| {
            let low = query.take(lo, number(bounds)).unwrap_or(default.0);
            let high = query.take(hi, number(bounds)).unwrap_or(default.1);
            // A reversed range is the same range.
            (low.min(high), low.max(high))
        };
        ranges.lines = low_high(Key::LinesLow, Key::LinesHigh, LINES_BOUNDS, query, ranges.lines);
        ranges.pay = low_high(Key::PayLow, Key::PayHigh, PAY_BOUNDS, query, ranges.pay);
        ranges.error_factor = query.take(Key::ErrorFactor, number(ERROR_BOUNDS));
        if let Some(seed) = query.take(Key::Seed, seed) {
            ranges.seed = seed;
        }
        if let Some(draws) = query.take(Key::Draws, number(DRAW_BOUNDS)) {
            ranges.draws = draws.round() as usize;
        }
        ranges
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = Ranges::default();
        query.put_unless_default(Key::LinesLow, self.lines.0, base.lines.0);
        query.put_unless_default(Key::LinesHigh, self.lines.1, base.lines.1);
        query.put_unless_default(Key::PayLow, self.pay.0, base.pay.0);
        query.put_unless_default(Key::PayHigh, self.pay.1, base.pay.1);
        if let Some(factor) = self.error_factor {
            query.put(Key::ErrorFactor, factor);
        }
        query.put_unless_default(Key::Seed, self.seed, base.seed);
        query.put_unless_default(Key::Draws, self.draws, base.draws);
    }
}

/// What the Monte Carlo needs, small enough to post to a Web Worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BandInput {
    /// Each counted framework's estimated person-months.
    pub efforts: Vec<f64>,
    /// b of the power law: how effort scales with lines.
    pub exponent: f64,
    /// Cost of one person-month at the chosen salary and overhead.
    pub cost_per_month: f64,
    /// σ of ln(actual / estimate) per framework.
    pub sigma: f64,
    pub ranges: Ranges,
}

/// P10 / P50 / P90 of the totals, and of the factor by which any one framework's figure moves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub draws: usize,
    pub person_years: Distribution,
    pub cost: Distribution,
    /// Every framework's person-years times this factor's percentiles give its error bar.
    pub project_effort_factor: Distribution,
    pub project_cost_factor: Distribution,
}

/// Why a band cannot be drawn, as the page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandError {
    /// A negative, infinite or NaN input, or a range that reaches zero.
    Unusable,
    /// Draws outside [`DRAW_BOUNDS`].
    Draws,
}

impl std::fmt::Display for BandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BandError::Unusable => f.write_str("the uncertainty ranges need positive, finite numbers"),
            BandError::Draws => {
                write!(f, "the Monte Carlo takes {} to {} draws", DRAW_BOUNDS.min, DRAW_BOUNDS.max)
            }
        }
    }
}

impl std::error::Error for BandError {}

/// Draws blocks of a run (all of them unless [`BandJob::blocks`] says which) in slices.
#[derive(Clone, Debug)]
pub struct BandJob {
    input: BandInput,
    /// The draws of the run that this job makes (its blocks'), and how many it has made.
    share: Range<usize>,
    done: usize,
    rng: Rng,
    samples: BandPartial,
}

impl BandJob {
    pub fn new(input: BandInput) -> Result<BandJob, BandError> {
        let r = &input.ranges;
        let usable = input.efforts.iter().all(|e| e.is_finite() && *e >= 0.0)
            && [input.exponent, input.cost_per_month, input.sigma, r.lines.0, r.lines.1, r.pay.0, r.pay.1]
                .iter()
                .all(|x| x.is_finite() && *x >= 0.0);
        if !usable || r.lines.0 <= 0.0 || r.pay.0 <= 0.0 {
            return Err(BandError::Unusable);
        }
        if !DRAW_BOUNDS.contains(r.draws as f64) {
            return Err(BandError::Draws);
        }
        let blocks = 0..block_count(r.draws);
        let job = BandJob {
            share: 0..0,
            done: 0,
            rng: Rng::seeded(r.seed),
            samples: BandPartial::default(),
            input,
        };
        Ok(job.with_blocks(blocks))
    }

    /// The same run, but only the draws of `blocks`, for one worker's share.
    pub fn blocks(self, blocks: Range<usize>) -> Result<BandJob, BlocksError> {
        let count = block_count(self.input.ranges.draws);
        match blocks.start <= blocks.end && blocks.end <= count {
            true => Ok(self.with_blocks(blocks)),
            false => Err(BlocksError::OutOfRange { blocks, count }),
        }
    }

    fn with_blocks(self, blocks: Range<usize>) -> BandJob {
        let share = block_draws(&blocks, self.input.ranges.draws);
        let rng = Rng::stream(self.input.ranges.seed, blocks.start as u64);
        BandJob { share, done: 0, rng, samples: BandPartial::new(blocks), ..self }
    }

    /// Up to `max_draws` more draws. Each block's generator starts at the block, and each draw
    /// takes its numbers in one fixed order, so a seed reproduces a run whatever the slicing.
    pub fn run(&mut self, max_draws: usize) -> Progress {
        let BandInput { efforts, exponent, cost_per_month, sigma, ranges } = &self.input;
        let (rng, samples) = (&mut self.rng, &mut self.samples);
        let pay_factor = LogUniform::new(ranges.pay.0, ranges.pay.1);
        let start = self.share.start + self.done;
        let stop = self.share.end.min(start.saturating_add(max_draws));
        for draw in start..stop {
            if draw % BLOCK_DRAWS == 0 {
                *rng = Rng::stream(ranges.seed, (draw / BLOCK_DRAWS) as u64);
            }
            let scale = math::pow(rng.uniform(ranges.lines.0, ranges.lines.1), *exponent);
            let pay = pay_factor.sample(rng);
            let mut months = 0.0;
            let mut first_error = 1.0;
            for (i, effort) in efforts.iter().enumerate() {
                let error = rng.lognormal(*sigma);
                if i == 0 {
                    first_error = error;
                }
                months += effort * error;
            }
            months *= scale;
            samples.person_years.add(months / 12.0);
            samples.cost.add(months * cost_per_month * pay);
            samples.effort_factor.add(scale * first_error);
            samples.cost_factor.add(scale * first_error * pay);
        }
        self.done = stop - self.share.start;
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress { done: self.done, total: self.share.len() }
    }

    /// The samples drawn so far, leaving the job none.
    pub fn take_partial(&mut self) -> BandPartial {
        std::mem::take(&mut self.samples)
    }

    /// The band, once a job over the whole run has finished; this leaves the job no samples.
    pub fn take_band(&mut self) -> Result<Band, BlocksError> {
        self.take_partial().band(self.input.ranges.draws)
    }

    /// Runs to the end in one go: for tests and benchmarks.
    pub fn finish(mut self) -> Option<Band> {
        while !self.run(usize::MAX).is_finished() {}
        self.take_band().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Cocomo2, Mode};
    use crate::ledger::split_blocks;

    fn input(ranges: Ranges) -> BandInput {
        BandInput {
            efforts: vec![1_200.0, 600.0, 120.0],
            exponent: 1.05,
            cost_per_month: 10_000.0,
            sigma: 0.8,
            ranges,
        }
    }

    #[test]
    fn same_seed_same_band_whatever_the_chunking() {
        let ranges = Ranges { draws: 2_500, ..Ranges::default() };
        let whole = BandJob::new(input(ranges)).unwrap().finish();
        let mut chunked = BandJob::new(input(ranges)).unwrap();
        while !chunked.run(37).is_finished() {}
        assert_eq!(whole.as_ref(), chunked.take_band().as_ref().ok());
        let other = BandJob::new(input(Ranges { seed: 1, ..ranges })).unwrap().finish();
        assert_ne!(whole, other);
    }

    /// The partial of `blocks`, through the JSON a worker posts it in.
    fn partial(ranges: Ranges, blocks: Range<usize>) -> BandPartial {
        let mut job = BandJob::new(input(ranges)).unwrap().blocks(blocks).unwrap();
        while !job.run(777).is_finished() {}
        let text = serde_json::to_string(&job.take_partial()).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn blocks_shared_between_any_number_of_workers_give_the_same_band_exactly() {
        let ranges = Ranges { draws: 20_500, seed: 99, ..Ranges::default() };
        let whole = BandJob::new(input(ranges)).unwrap().finish().unwrap();
        let count = block_count(ranges.draws);
        assert_eq!(count, 21);
        for workers in [1, 2, 3, 7] {
            // They answer in any order.
            let parts = split_blocks(count, workers).into_iter().rev().map(|b| partial(ranges, b));
            let band = BandPartial::merge(parts).unwrap().band(ranges.draws).unwrap();
            assert_eq!(band, whole, "{workers} workers");
        }
    }

    #[test]
    fn partials_that_do_not_make_a_run_are_refused() {
        let ranges = Ranges { draws: 5_000, ..Ranges::default() };
        let job = || BandJob::new(input(ranges)).unwrap();
        assert_eq!(job().blocks(2..6).err(), Some(BlocksError::OutOfRange { blocks: 2..6, count: 5 }));
        let gap = BandPartial::merge([partial(ranges, 0..2), partial(ranges, 3..5)]);
        assert_eq!(gap, Err(BlocksError::Misfit { end: 2, start: 3 }));
        let twice = BandPartial::merge([partial(ranges, 0..3), partial(ranges, 2..5)]);
        assert_eq!(twice, Err(BlocksError::Misfit { end: 3, start: 2 }));
        let short = partial(ranges, 0..4).band(ranges.draws);
        assert_eq!(short, Err(BlocksError::Incomplete { blocks: 0..4, count: 5 }));
        assert!(job().blocks(1..5).unwrap().finish().is_none(), "a share is no band on its own");
    }

    /// The band the plain way: one generator, Box and Muller's normals, the platform's exp and
    /// powf, and sorted percentiles.
    fn reference_band(input: &BandInput) -> [[f64; 3]; 4] {
        let BandInput { efforts, exponent, cost_per_month, sigma, ranges } = input;
        let mut rng = Rng::seeded(ranges.seed);
        let mut columns = [(); 4].map(|_| Vec::new());
        for _ in 0..ranges.draws {
            let scale = rng.uniform(ranges.lines.0, ranges.lines.1).powf(*exponent);
            let pay = (ranges.pay.0.ln() + (ranges.pay.1 / ranges.pay.0).ln() * rng.unit()).exp();
            let errors: Vec<f64> = efforts
                .iter()
                .map(|_| {
                    let radius = (-2.0 * (1.0 - rng.unit()).ln()).sqrt();
                    (sigma * radius * (std::f64::consts::TAU * rng.unit()).cos()).exp()
                })
                .collect();
            let months = scale * efforts.iter().zip(&errors).map(|(e, x)| e * x).sum::<f64>();
            let factor = scale * errors[0];
            for (column, x) in
                columns.iter_mut().zip([months / 12.0, months * cost_per_month * pay, factor, factor * pay])
            {
                column.push(x);
            }
        }
        columns.map(|mut column| {
            column.sort_by(f64::total_cmp);
            [10.0, 50.0, 90.0].map(|p: f64| column[(p / 100.0 * (column.len() - 1) as f64).round() as usize])
        })
    }

    #[test]
    fn the_band_agrees_with_a_brute_force_reference() {
        let input = input(Ranges { draws: 200_000, ..Ranges::default() });
        let band = BandJob::new(input.clone()).unwrap().finish().unwrap();
        let shown = [&band.person_years, &band.cost, &band.project_effort_factor, &band.project_cost_factor]
            .map(|d| [d.p10, d.p50, d.p90]);
        let reference = reference_band(&input);
        for (quantity, (ours, theirs)) in shown.iter().zip(reference).enumerate() {
            for (a, b) in ours.iter().zip(theirs) {
                // Two independent samples of 200,000: their percentiles differ by well under 1%.
                assert!((a / b - 1.0).abs() < 0.01, "quantity {quantity}: {ours:?} against {theirs:?}");
            }
        }
    }

    #[test]
    fn without_uncertainty_the_band_is_the_point_estimate() {
        let ranges = Ranges { lines: (1.0, 1.0), pay: (1.0, 1.0), draws: 100, ..Ranges::default() };
        let band = BandJob::new(BandInput { sigma: 0.0, ..input(ranges) }).unwrap().finish().unwrap();
        assert!((band.person_years.p10 - 160.0).abs() < 1e-9 && (band.person_years.p90 - 160.0).abs() < 1e-9);
        assert!((band.cost.p50 - 19_200_000.0).abs() < 1e-6);
    }

    #[test]
    fn the_band_brackets_the_estimate_and_widens_with_the_error() {
        let narrow =
            BandJob::new(BandInput { sigma: 0.1, ..input(Ranges::default()) }).unwrap().finish().unwrap();
        let wide = BandJob::new(input(Ranges::default())).unwrap().finish().unwrap();
        assert!(narrow.person_years.p10 < 160.0 && 160.0 < narrow.person_years.p90);
        assert!(wide.cost.p90 / wide.cost.p10 > narrow.cost.p90 / narrow.cost.p10);
        assert!(wide.project_cost_factor.p10 < 1.0 && wide.project_cost_factor.p90 > 1.0);
    }

    #[test]
    fn published_accuracies_give_their_error_factors() {
        let basic = Accuracy::of(&EffortModel::Basic(Mode::Organic.constants()));
        assert!((basic.error_factor() - 2.873).abs() < 0.001, "{}", basic.error_factor());
        let two = Accuracy::of(&EffortModel::Cocomo2(Cocomo2::default()));
        assert!((two.error_factor() - 1.339).abs() < 0.001, "{}", two.error_factor());
        let custom = Ranges { error_factor: Some(2.0), ..Ranges::default() };
        assert!((custom.sigma(&EffortModel::Cocomo2(Cocomo2::default())) * Z_90 - 2f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn unusable_input_is_refused_not_run() {
        let refused = |input| BandJob::new(input).err().map(|error| error.to_string());
        let draws = refused(input(Ranges { draws: 5, ..Ranges::default() }));
        assert_eq!(draws.as_deref(), Some("the Monte Carlo takes 100 to 1000000 draws"));
        let unusable = Some("the uncertainty ranges need positive, finite numbers");
        assert_eq!(refused(input(Ranges { lines: (0.0, 1.0), ..Ranges::default() })).as_deref(), unusable);
        assert_eq!(
            refused(BandInput { exponent: f64::NAN, ..input(Ranges::default()) }).as_deref(),
            unusable
        );
    }

    #[test]
    fn ranges_round_trip_and_reversed_ranges_are_put_right() {
        let ranges = Ranges { lines: (0.95, 1.2), error_factor: Some(3.0), seed: 7, ..Ranges::default() };
        let mut writer = QueryWriter::default();
        ranges.write(&mut writer);
        let query = writer.finish();
        assert_eq!(query, "lines_lo=0.95&lines_hi=1.2&error=3&seed=7");
        assert_eq!(Ranges::read(&mut QueryReader::parse(&query)), ranges);
        let reversed = Ranges::read(&mut QueryReader::parse("pay_lo=1.5&pay_hi=0.5"));
        assert_eq!(reversed.pay, (0.5, 1.5));
    }
}
