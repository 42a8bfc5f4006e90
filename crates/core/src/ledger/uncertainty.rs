//! How uncertain the ledger's total is: a seeded Monte Carlo over the line count, the model's
//! calibration error and the salary, in chunks so a Web Worker can report progress and stop.
//!
//! Every draw scales all frameworks' lines by one factor (a counter's bias is shared), the
//! salary by one factor, and each framework's effort by its own calibration error (projects miss
//! their estimates independently). Because both models are power laws, scaling lines by L scales
//! effort by L^b, so a draw costs one multiplication per framework instead of a model run.

use serde::{Deserialize, Serialize};

use crate::estimate::EffortModel;
use crate::input::Bounds;
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

    pub fn read(query: &mut QueryReader) -> Self {
        let mut ranges = Ranges::default();
        let low_high = |lo: &str, hi: &str, bounds: Bounds, query: &mut QueryReader, default: (f64, f64)| {
            let low = query.take(lo, number(bounds)).unwrap_or(default.0);
            let high = query.take(hi, number(bounds)).unwrap_or(default.1);
            // A reversed range is the same range.
            (low.min(high), low.max(high))
        };
        ranges.lines = low_high("lines_lo", "lines_hi", LINES_BOUNDS, query, ranges.lines);
        ranges.pay = low_high("pay_lo", "pay_hi", PAY_BOUNDS, query, ranges.pay);
        ranges.error_factor = query.take("error", number(ERROR_BOUNDS));
        if let Some(seed) = query.take("seed", seed) {
            ranges.seed = seed;
        }
        if let Some(draws) = query.take("draws", number(DRAW_BOUNDS)) {
            ranges.draws = draws.round() as usize;
        }
        ranges
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = Ranges::default();
        query.put_unless_default("lines_lo", self.lines.0, base.lines.0);
        query.put_unless_default("lines_hi", self.lines.1, base.lines.1);
        query.put_unless_default("pay_lo", self.pay.0, base.pay.0);
        query.put_unless_default("pay_hi", self.pay.1, base.pay.1);
        if let Some(factor) = self.error_factor {
            query.put("error", factor);
        }
        query.put_unless_default("seed", self.seed, base.seed);
        query.put_unless_default("draws", self.draws, base.draws);
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

#[derive(Clone, Debug)]
pub struct BandJob {
    input: BandInput,
    rng: Rng,
    person_years: Vec<f64>,
    cost: Vec<f64>,
    effort_factor: Vec<f64>,
    cost_factor: Vec<f64>,
}

impl BandJob {
    pub fn new(input: BandInput) -> Result<BandJob, String> {
        let r = &input.ranges;
        let usable = input.efforts.iter().all(|e| e.is_finite() && *e >= 0.0)
            && [input.exponent, input.cost_per_month, input.sigma, r.lines.0, r.lines.1, r.pay.0, r.pay.1]
                .iter()
                .all(|x| x.is_finite() && *x >= 0.0);
        if !usable || r.lines.0 <= 0.0 || r.pay.0 <= 0.0 {
            return Err("the uncertainty ranges need positive, finite numbers".into());
        }
        if !DRAW_BOUNDS.contains(r.draws as f64) {
            return Err(format!("the Monte Carlo takes {} to {} draws", DRAW_BOUNDS.min, DRAW_BOUNDS.max));
        }
        let draws = r.draws;
        Ok(BandJob {
            rng: Rng::seeded(r.seed),
            input,
            person_years: Vec::with_capacity(draws),
            cost: Vec::with_capacity(draws),
            effort_factor: Vec::with_capacity(draws),
            cost_factor: Vec::with_capacity(draws),
        })
    }

    /// Up to `max_draws` more draws. Each takes its numbers in one fixed order, so a seed
    /// reproduces a run whatever the chunking.
    pub fn run(&mut self, max_draws: usize) -> Progress {
        let BandInput { efforts, exponent, cost_per_month, sigma, ranges } = &self.input;
        let pay_factor = LogUniform::new(ranges.pay.0, ranges.pay.1);
        for _ in 0..max_draws.min(ranges.draws - self.cost.len()) {
            let scale = math::pow(self.rng.uniform(ranges.lines.0, ranges.lines.1), *exponent);
            let pay = pay_factor.sample(&mut self.rng);
            let mut months = 0.0;
            let mut first_error = 1.0;
            for (i, effort) in efforts.iter().enumerate() {
                let error = self.rng.lognormal(*sigma);
                if i == 0 {
                    first_error = error;
                }
                months += effort * error;
            }
            months *= scale;
            self.person_years.push(months / 12.0);
            self.cost.push(months * cost_per_month * pay);
            self.effort_factor.push(scale * first_error);
            self.cost_factor.push(scale * first_error * pay);
        }
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress { done: self.cost.len(), total: self.input.ranges.draws }
    }

    /// Of the draws so far; none before the first.
    pub fn band(&self) -> Option<Band> {
        const BINS: usize = 40;
        Some(Band {
            draws: self.cost.len(),
            person_years: Distribution::of(&self.person_years, BINS)?,
            cost: Distribution::of(&self.cost, BINS)?,
            project_effort_factor: Distribution::of(&self.effort_factor, BINS)?,
            project_cost_factor: Distribution::of(&self.cost_factor, BINS)?,
        })
    }

    /// Runs to the end in one go: for tests and benchmarks.
    pub fn finish(mut self) -> Option<Band> {
        while !self.run(usize::MAX).is_finished() {}
        self.band()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Cocomo2, Mode};

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
        let ranges = Ranges { draws: 1_000, ..Ranges::default() };
        let whole = BandJob::new(input(ranges)).unwrap().finish();
        let mut chunked = BandJob::new(input(ranges)).unwrap();
        while !chunked.run(37).is_finished() {}
        assert_eq!(whole, chunked.band());
        let other = BandJob::new(input(Ranges { seed: 1, ..ranges })).unwrap().finish();
        assert_ne!(whole, other);
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
        assert!(BandJob::new(input(Ranges { draws: 5, ..Ranges::default() })).is_err());
        assert!(BandJob::new(input(Ranges { lines: (0.0, 1.0), ..Ranges::default() })).is_err());
        assert!(BandJob::new(BandInput { exponent: f64::NAN, ..input(Ranges::default()) }).is_err());
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
