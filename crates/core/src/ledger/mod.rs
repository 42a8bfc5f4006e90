//! The cost ledger: which frameworks, counted how, costed how — and the table, totals, band and
//! chart data that follow.

mod blocks;
pub mod compare;
mod uncertainty;
mod view;

pub use blocks::{block_count, split_blocks, BandPartial, BlocksError, BLOCK_DRAWS};
pub use uncertainty::{
    Accuracy, Band, BandError, BandInput, BandJob, Ranges, DRAW_BOUNDS, ERROR_BOUNDS, LINES_BOUNDS,
    PAY_BOUNDS,
};
pub use view::{LedgerView, Metric, SortKey};

use crate::dataset::{Dataset, Framework};
use crate::estimate::{CodeSize, CostSettings, ProjectEffort, ProjectEstimate};
use std::cmp::Ordering;

/// One framework's line in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerRow<'a> {
    pub framework: &'a Framework,
    pub selected: bool,
    /// `None` when the framework has no measured tree for the era.
    pub estimate: Option<ProjectEstimate>,
    pub size: Option<CodeSize>,
}

/// The selected frameworks added up, each estimated on its own (as Open Hub and the article did).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub lines: u64,
    pub person_years: f64,
    pub cost: f64,
    pub counted: usize,
    /// Selected frameworks with no figure for the era, left out of the sums.
    pub without_figure: usize,
    /// All their lines estimated as one codebase: more, when b > 1 (diseconomy of scale).
    pub pooled: ProjectEstimate,
    /// What adopting them costs under the reuse model, each framework adopted on its own.
    pub adoption: ProjectEstimate,
    /// The model's schedule and average staff for the pooled codebase.
    pub pooled_schedule: ProjectEffort,
}

impl Totals {
    /// One sentence on summing projects against pooling their lines, for exponent `b`.
    pub fn pooling_note(&self, b: f64) -> String {
        use crate::format::{money, person_years};
        let (summed, pooled) = (self.person_years, self.pooled.person_years);
        let why = if (b - 1.0).abs() < 1e-9 {
            "the same, because with b = 1 effort grows exactly as fast as size".to_owned()
        } else if b > 1.0 {
            format!("{} more than the sum of the projects, because with b = {b} effort grows faster than size (a diseconomy of scale)", person_years(pooled - summed))
        } else {
            format!("{} less than the sum of the projects, because with b = {b} effort grows more slowly than size", person_years(summed - pooled))
        };
        format!(
            "Estimated as one pooled codebase, the same lines would take {} person-years ({}): {why}. Open Hub and the article sum per project. \
             The model's schedule for that codebase is {:.0} months with {:.0} people on average.",
            person_years(pooled),
            money(self.pooled.cost),
            self.pooled_schedule.schedule_months,
            self.pooled_schedule.people,
        )
    }
}

/// The ledger for one view: every framework's row, in the view's order, and the totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger<'a> {
    pub rows: Vec<LedgerRow<'a>>,
    pub totals: Totals,
}

impl<'a> Ledger<'a> {
    pub fn compute(dataset: &'a Dataset, view: &LedgerView) -> Self {
        Ledger::compute_with(dataset, view, view.settings())
    }

    /// The view's frameworks, era and counter under other arithmetic, e.g. another tool's.
    pub fn compute_with(dataset: &'a Dataset, view: &LedgerView, settings: CostSettings) -> Self {
        let mut rows: Vec<LedgerRow<'a>> = dataset
            .frameworks
            .iter()
            .map(|framework| {
                let size = framework.tree(view.era).map(|tree| tree.size(view.counter));
                LedgerRow {
                    framework,
                    selected: view.is_selected(framework),
                    estimate: size.map(|s| settings.estimate(&s)),
                    size,
                }
            })
            .collect();
        rows.sort_by(|a, b| compare(a, b, view.sort, view.descending));
        let mut totals = Totals::default();
        let mut pooled_size = CodeSize::default();
        let (mut adopted_lines, mut adoption_months) = (0.0, 0.0);
        for row in rows.iter().filter(|row| row.selected) {
            match (row.estimate, row.size) {
                (Some(estimate), Some(size)) => {
                    totals.lines += estimate.lines;
                    totals.person_years += estimate.person_years;
                    totals.cost += estimate.cost;
                    totals.counted += 1;
                    pooled_size = pooled_size + size;
                    let equivalent = view.reuse.equivalent_lines(size.total());
                    adopted_lines += equivalent;
                    adoption_months += settings.model.effort_pm(equivalent.round() as u64);
                }
                _ => totals.without_figure += 1,
            }
        }
        totals.pooled = settings.estimate(&pooled_size);
        totals.pooled_schedule = settings.schedule(&pooled_size);
        totals.adoption = ProjectEstimate {
            lines: adopted_lines.round() as u64,
            person_years: adoption_months / 12.0,
            cost: settings.cost_of(adoption_months),
        };
        Ledger { rows, totals }
    }

    /// The Monte Carlo's input for the selected frameworks under the view's model and ranges.
    pub fn band_input(&self, view: &LedgerView) -> BandInput {
        let settings = view.settings();
        BandInput {
            efforts: self
                .rows
                .iter()
                .filter(|r| r.selected)
                .filter_map(|r| r.estimate)
                .map(|e| e.person_years * 12.0)
                .collect(),
            exponent: settings.model.power_law().1,
            cost_per_month: settings.cost_of(1.0),
            sigma: view.ranges.sigma(&settings.model),
            ranges: view.ranges,
        }
    }

    /// The selected frameworks, largest first by the metric; those without a figure last.
    pub fn chart_bars(&self, metric: Metric) -> Vec<(&'a Framework, Option<f64>)> {
        let mut bars: Vec<_> = self
            .rows
            .iter()
            .filter(|row| row.selected)
            .map(|row| (row.framework, row.estimate.map(|e| metric.of(&e))))
            .collect();
        bars.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (x, y) => y.is_some().cmp(&x.is_some()),
        });
        bars
    }
}

/// Orders rows by a column; rows without a figure go last whichever the direction.
fn compare(a: &LedgerRow, b: &LedgerRow, key: SortKey, descending: bool) -> Ordering {
    let figure = |row: &LedgerRow| -> Option<f64> {
        row.estimate.map(|e| match key {
            SortKey::Lines => e.lines as f64,
            SortKey::PersonYears => e.person_years,
            _ => e.cost,
        })
    };
    let directed = |ordering: Ordering| if descending { ordering.reverse() } else { ordering };
    let (fa, fb) = (a.framework, b.framework);
    let ordering = match key {
        SortKey::Name => directed(fa.name.to_lowercase().cmp(&fb.name.to_lowercase())),
        SortKey::Sponsor => directed(fa.organization.to_lowercase().cmp(&fb.organization.to_lowercase())),
        SortKey::Kind => directed(fa.org_kind.label().cmp(fb.org_kind.label())),
        SortKey::Opened => directed(fa.open_sourced.cmp(&fb.open_sourced)),
        SortKey::Lines | SortKey::PersonYears | SortKey::Cost => match (figure(a), figure(b)) {
            (Some(x), Some(y)) => directed(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    };
    ordering.then_with(|| fa.name.cmp(&fb.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Era;

    fn dataset() -> &'static Dataset {
        Dataset::bundled()
    }

    #[test]
    fn the_default_view_reproduces_the_article() {
        let totals = Ledger::compute(dataset(), &LedgerView::default()).totals;
        assert_eq!(totals.counted, 15);
        assert_eq!(totals.lines, 2_496_116);
        assert!((totals.person_years - 654.4).abs() < 0.05, "{}", totals.person_years);
        assert!((totals.cost / 1e6 - 80.5).abs() < 0.05, "{}", totals.cost);
    }

    #[test]
    fn frameworks_without_a_figure_are_counted_apart() {
        let view = LedgerView { era: Era::Latest, ..LedgerView::default() };
        let ledger = Ledger::compute(dataset(), &view);
        let tensorflow = ledger.rows.iter().find(|row| row.framework.id == "tensorflow").unwrap();
        assert!(tensorflow.estimate.is_none());
        assert_eq!(ledger.totals.without_figure, 1);
        assert_eq!(ledger.totals.counted, 14);
        assert!(ledger.rows.last().unwrap().estimate.is_none(), "rows without a figure sort last");
    }

    #[test]
    fn chart_bars_are_largest_first_with_missing_figures_last() {
        let view = LedgerView { era: Era::Latest, ..LedgerView::default() };
        let ledger = Ledger::compute(dataset(), &view);
        let bars = ledger.chart_bars(Metric::PersonYears);
        assert_eq!(bars.len(), 15);
        assert!(bars.windows(2).all(|w| match (w[0].1, w[1].1) {
            (Some(a), Some(b)) => a >= b,
            (a, b) => a.is_some() || b.is_none(),
        }));
        assert_eq!(bars.last().unwrap().0.id, "tensorflow");
    }

    #[test]
    fn pooling_the_lines_costs_more_than_summing_projects() {
        let totals = Ledger::compute(dataset(), &LedgerView::default()).totals;
        assert_eq!(totals.pooled.lines, totals.lines);
        assert!(totals.pooled.person_years > totals.person_years, "b > 1: one big codebase is dearer");
    }

    #[test]
    fn the_pooling_note_follows_the_exponent() {
        let totals = Totals {
            person_years: 10.0,
            pooled: ProjectEstimate { person_years: 12.0, ..Default::default() },
            ..Default::default()
        };
        assert!(totals.pooling_note(1.05).contains("2.0 more than the sum"), "{}", totals.pooling_note(1.05));
        let economy =
            Totals { pooled: ProjectEstimate { person_years: 8.0, ..Default::default() }, ..totals };
        assert!(economy.pooling_note(0.9).contains("less than the sum"));
        assert!(totals.pooling_note(1.0).contains("the same"));
        let real = Ledger::compute(Dataset::bundled(), &LedgerView::default()).totals;
        let schedule = real.pooled_schedule;
        assert!(
            (schedule.person_months / 12.0 - real.pooled.person_years).abs() < 1e-9
                && schedule.schedule_months > 12.0
        );
    }

    #[test]
    fn adopting_costs_a_fraction_of_writing() {
        let totals = Ledger::compute(dataset(), &LedgerView::default()).totals;
        assert!((totals.adoption.lines as f64 / totals.lines as f64 - 0.1516).abs() < 1e-3);
        assert!(totals.adoption.cost < 0.2 * totals.cost && totals.adoption.cost > 0.0);
    }

    #[test]
    fn the_band_input_takes_the_counted_frameworks() {
        let view = LedgerView::default();
        let ledger = Ledger::compute(dataset(), &view);
        let input = ledger.band_input(&view);
        assert_eq!(input.efforts.len(), 15);
        assert!((input.efforts.iter().sum::<f64>() / 12.0 - ledger.totals.person_years).abs() < 1e-9);
        assert_eq!(input.exponent, 1.05);
        let band = BandJob::new(input).unwrap().finish().unwrap();
        assert!(band.cost.p10 < ledger.totals.cost && ledger.totals.cost < band.cost.p90);
    }
}
