//! The cost ledger: which frameworks, counted how, costed how — and the table, totals and
//! chart data that follow. One state type, so the page, the URL and the tests agree.

use crate::dataset::{Counter, Dataset, Era, Framework};
use crate::estimate::{CostSettings, Preset, ProjectEstimate};
use crate::input::Bounds;
use crate::query::{number, QueryReader, QueryWriter};
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Salaries outside this range are typos, not scenarios.
pub const SALARY_BOUNDS: Bounds = Bounds::new(1_000.0, 10_000_000.0);
/// SLOCCount's 2.4 is the usual; zero or a hundredfold would be a typo.
pub const OVERHEAD_BOUNDS: Bounds = Bounds::new(0.1, 10.0);

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Sponsor,
    Kind,
    Opened,
    Lines,
    PersonYears,
    Cost,
}

impl SortKey {
    pub const ALL: [SortKey; 7] =
        [SortKey::Name, SortKey::Sponsor, SortKey::Kind, SortKey::Opened, SortKey::Lines, SortKey::PersonYears, SortKey::Cost];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Sponsor => "sponsor",
            SortKey::Kind => "kind",
            SortKey::Opened => "opened",
            SortKey::Lines => "lines",
            SortKey::PersonYears => "person-years",
            SortKey::Cost => "cost",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Numbers read best largest-first; names alphabetically.
    pub fn descending_by_default(self) -> bool {
        matches!(self, SortKey::Lines | SortKey::PersonYears | SortKey::Cost)
    }
}

/// What the ledger's bar chart measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    Cost,
    PersonYears,
}

impl Metric {
    pub const ALL: [Metric; 2] = [Metric::Cost, Metric::PersonYears];

    pub fn key(self) -> &'static str {
        match self {
            Metric::Cost => "cost",
            Metric::PersonYears => "person-years",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::Cost => "Cost",
            Metric::PersonYears => "Person-years",
        }
    }

    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn of(self, estimate: &ProjectEstimate) -> f64 {
        match self {
            Metric::Cost => estimate.cost,
            Metric::PersonYears => estimate.person_years,
        }
    }
}

/// Everything the reader chose on the ledger page.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerView {
    pub era: Era,
    pub counter: Counter,
    pub preset: Preset,
    pub salary: f64,
    pub overhead: f64,
    /// Ids of the frameworks in the totals; `None` is the article's default set.
    pub selection: Option<BTreeSet<String>>,
    pub sort: SortKey,
    pub descending: bool,
    /// What the chart's bars measure.
    pub metric: Metric,
}

impl Default for LedgerView {
    /// The article's view: its date, Open Hub's counter, its salary.
    fn default() -> Self {
        LedgerView::with_preset(Preset::Article2017)
    }
}

impl LedgerView {
    /// The default view with another preset and that preset's salary and overhead.
    pub fn with_preset(preset: Preset) -> Self {
        let settings = preset.settings();
        LedgerView {
            era: Era::Article2017,
            counter: Counter::Ohcount,
            preset,
            salary: settings.salary,
            overhead: settings.overhead,
            selection: None,
            sort: SortKey::Cost,
            descending: true,
            metric: Metric::Cost,
        }
    }

    /// Picking a preset resets salary and overhead to the preset's, as the tool would.
    pub fn pick_preset(&mut self, preset: Preset) {
        let settings = preset.settings();
        self.preset = preset;
        self.salary = settings.salary;
        self.overhead = settings.overhead;
    }

    /// Clicking a column sorts by it; clicking it again reverses the order.
    pub fn sort_by(&mut self, key: SortKey) {
        self.descending = if self.sort == key { !self.descending } else { key.descending_by_default() };
        self.sort = key;
    }

    pub fn is_selected(&self, framework: &Framework) -> bool {
        match &self.selection {
            Some(ids) => ids.contains(&framework.id),
            None => framework.in_article_default(),
        }
    }

    /// Adds or removes one framework from the totals.
    pub fn toggle(&mut self, dataset: &Dataset, id: &str) {
        let mut ids: BTreeSet<String> = match self.selection.take() {
            Some(ids) => ids,
            None => dataset.frameworks.iter().filter(|f| f.in_article_default()).map(|f| f.id.clone()).collect(),
        };
        if !ids.remove(id) {
            ids.insert(id.to_owned());
        }
        let is_default = dataset.frameworks.iter().all(|f| f.in_article_default() == ids.contains(&f.id));
        self.selection = (!is_default).then_some(ids);
    }

    pub fn settings(&self) -> CostSettings {
        CostSettings { salary: self.salary, overhead: self.overhead, ..self.preset.settings() }
    }

    /// Reads the view from a query, keeping defaults for what is missing or unusable.
    pub fn read(query: &mut QueryReader, dataset: &Dataset) -> Self {
        let preset = query.take("preset", |v| Preset::from_key(v).ok_or_else(|| one_of(Preset::ALL.map(Preset::key))));
        let mut view = LedgerView::with_preset(preset.unwrap_or(Preset::Article2017));
        if let Some(era) = query.take("era", |v| Era::from_key(v).ok_or_else(|| one_of(Era::ALL.map(Era::key)))) {
            view.era = era;
        }
        if let Some(counter) = query.take("counter", |v| Counter::from_key(v).ok_or_else(|| one_of(Counter::ALL.map(Counter::key)))) {
            view.counter = counter;
        }
        if let Some(salary) = query.take("salary", number(SALARY_BOUNDS)) {
            view.salary = salary;
        }
        if let Some(overhead) = query.take("overhead", number(OVERHEAD_BOUNDS)) {
            view.overhead = overhead;
        }
        if let Some(sort) = query.take("sort", |v| SortKey::from_key(v).ok_or_else(|| one_of(SortKey::ALL.map(SortKey::key)))) {
            view.sort = sort;
            view.descending = sort.descending_by_default();
        }
        if let Some(descending) = query.take("desc", parse_flag) {
            view.descending = descending;
        }
        if let Some(metric) = query.take("chart", |v| Metric::from_key(v).ok_or_else(|| one_of(Metric::ALL.map(Metric::key)))) {
            view.metric = metric;
        }
        view.selection = query.take("sel", |v| parse_selection(v, dataset));
        view
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = LedgerView::with_preset(self.preset);
        query.put_unless_default("preset", self.preset.key(), Preset::Article2017.key());
        query.put_unless_default("era", self.era.key(), base.era.key());
        query.put_unless_default("counter", self.counter.key(), base.counter.key());
        query.put_unless_default("salary", self.salary, base.salary);
        query.put_unless_default("overhead", self.overhead, base.overhead);
        query.put_unless_default("sort", self.sort.key(), base.sort.key());
        query.put_unless_default("desc", u8::from(self.descending), u8::from(self.sort.descending_by_default()));
        query.put_unless_default("chart", self.metric.key(), base.metric.key());
        if let Some(ids) = &self.selection {
            query.put("sel", ids.iter().cloned().collect::<Vec<_>>().join(","));
        }
    }
}

fn one_of<const N: usize>(keys: [&str; N]) -> String {
    format!("expected one of {}", keys.join(", "))
}

fn parse_flag(value: &str) -> Result<bool, String> {
    match value {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err("expected 1 or 0".into()),
    }
}

/// A comma-separated list of framework ids; unknown ids make the whole list unusable, because a
/// silently shortened selection would show different totals from the sender's.
fn parse_selection(value: &str, dataset: &Dataset) -> Result<BTreeSet<String>, String> {
    let ids: BTreeSet<String> = value.split(',').filter(|id| !id.is_empty()).map(str::to_owned).collect();
    let unknown: Vec<&str> = ids.iter().filter(|id| dataset.get(id).is_none()).map(String::as_str).collect();
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(format!("no framework with id {}", unknown.join(", ")))
    }
}

/// One framework's line in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerRow<'a> {
    pub framework: &'a Framework,
    pub selected: bool,
    /// `None` when the framework has no measured tree for the era.
    pub estimate: Option<ProjectEstimate>,
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
}

/// The ledger for one view: every framework's row, in the view's order, and the totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger<'a> {
    pub rows: Vec<LedgerRow<'a>>,
    pub totals: Totals,
}

impl<'a> Ledger<'a> {
    pub fn compute(dataset: &'a Dataset, view: &LedgerView) -> Self {
        let settings = view.settings();
        let mut rows: Vec<LedgerRow<'a>> = dataset
            .frameworks
            .iter()
            .map(|framework| LedgerRow {
                framework,
                selected: view.is_selected(framework),
                estimate: framework.tree(view.era).map(|tree| settings.estimate(&tree.size(view.counter))),
            })
            .collect();
        rows.sort_by(|a, b| compare(a, b, view.sort, view.descending));
        let mut totals = Totals::default();
        for row in rows.iter().filter(|row| row.selected) {
            match row.estimate {
                Some(estimate) => {
                    totals.lines += estimate.lines;
                    totals.person_years += estimate.person_years;
                    totals.cost += estimate.cost;
                    totals.counted += 1;
                }
                None => totals.without_figure += 1,
            }
        }
        Ledger { rows, totals }
    }

    /// The selected frameworks, largest first by the metric; those without a figure last.
    pub fn chart_bars(&self, metric: Metric) -> Vec<(&'a Framework, Option<f64>)> {
        let mut bars: Vec<_> =
            self.rows.iter().filter(|row| row.selected).map(|row| (row.framework, row.estimate.map(|e| metric.of(&e)))).collect();
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
    fn sorting_twice_reverses() {
        let mut view = LedgerView::default();
        view.sort_by(SortKey::Name);
        let names = |view: &LedgerView| Ledger::compute(dataset(), view).rows.iter().map(|r| r.framework.name.clone()).collect::<Vec<_>>();
        let ascending = names(&view);
        assert!(ascending.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
        view.sort_by(SortKey::Name);
        let mut descending = names(&view);
        descending.reverse();
        assert_eq!(ascending, descending);
    }

    #[test]
    fn toggling_back_restores_the_default_selection() {
        let mut view = LedgerView::default();
        view.toggle(dataset(), "xgboost");
        assert!(view.selection.as_ref().unwrap().contains("xgboost"));
        view.toggle(dataset(), "xgboost");
        assert_eq!(view.selection, None);
    }

    #[test]
    fn the_view_round_trips_through_the_query() {
        let mut view = LedgerView::with_preset(Preset::Sloccount);
        view.era = Era::Latest;
        view.counter = Counter::Cloc;
        view.salary = 150_000.0;
        view.sort_by(SortKey::Name);
        view.metric = Metric::PersonYears;
        view.toggle(dataset(), "jax");
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        let query = writer.finish();
        let mut reader = QueryReader::parse(&query);
        assert_eq!(LedgerView::read(&mut reader, dataset()), view, "{query}");
        assert!(reader.finish().is_empty());
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        let mut writer = QueryWriter::default();
        LedgerView::default().write(&mut writer);
        assert_eq!(writer.finish(), "");
    }

    #[test]
    fn garbage_falls_back_to_defaults_and_is_reported() {
        let mut reader = QueryReader::parse("era=1999&salary=-3&counter=tokei&sel=nope,keras&sort=cost&desc=maybe&x=1");
        let view = LedgerView::read(&mut reader, dataset());
        assert_eq!(view, LedgerView { counter: Counter::Tokei, ..LedgerView::default() });
        let keys: Vec<String> = reader.finish().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["era", "salary", "desc", "sel", "x"]);
    }
}
