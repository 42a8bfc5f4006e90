//! The ledger page's state: what the reader chose, read from and written to the URL, so the page,
//! a shared link and the tests agree.

use super::uncertainty::Ranges;
use crate::assumptions::Assumptions;
use crate::dataset::{Counter, Dataset, Era, Framework};
use crate::estimate::{CostSettings, Preset, ProjectEstimate, Reuse, REUSE_INPUTS};
use crate::keys::Key;
use crate::query::{number, one_of, QueryReader, QueryWriter, ValueError};
use std::collections::BTreeSet;
use std::fmt;

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
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Sponsor,
        SortKey::Kind,
        SortKey::Opened,
        SortKey::Lines,
        SortKey::PersonYears,
        SortKey::Cost,
    ];

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
    /// Model, constants, salary: shared with the other pages.
    pub assumptions: Assumptions,
    pub era: Era,
    pub counter: Counter,
    /// Ids of the frameworks in the totals; `None` is the article's default set.
    pub selection: Option<BTreeSet<String>>,
    pub sort: SortKey,
    pub descending: bool,
    /// What the chart's bars measure.
    pub metric: Metric,
    /// The Monte Carlo behind the band.
    pub ranges: Ranges,
    /// How much of a framework an adopter changes: prices adopting against writing.
    pub reuse: Reuse,
}

impl Default for LedgerView {
    /// The article's view: its date, Open Hub's counter, its salary.
    fn default() -> Self {
        LedgerView::with_preset(Preset::Article2017)
    }
}

impl LedgerView {
    /// The default view with another preset and that preset's model, salary and overhead.
    pub fn with_preset(preset: Preset) -> Self {
        LedgerView {
            assumptions: Assumptions::with_preset(preset),
            era: Era::Article2017,
            counter: Counter::Ohcount,
            selection: None,
            sort: SortKey::Cost,
            descending: true,
            metric: Metric::Cost,
            ranges: Ranges::default(),
            reuse: Reuse::default(),
        }
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
            None => {
                dataset.frameworks.iter().filter(|f| f.in_article_default()).map(|f| f.id.clone()).collect()
            }
        };
        if !ids.remove(id) {
            ids.insert(id.to_owned());
        }
        let is_default = dataset.frameworks.iter().all(|f| f.in_article_default() == ids.contains(&f.id));
        self.selection = (!is_default).then_some(ids);
    }

    pub fn settings(&self) -> CostSettings {
        self.assumptions.settings()
    }

    /// The keys the ledger reads: the shared estimation choices, its own, the band's and the
    /// reuse inputs.
    pub fn keys() -> Vec<Key> {
        let own = [Key::Era, Key::Counter, Key::Sort, Key::Descending, Key::Chart, Key::Selection];
        let reuse = REUSE_INPUTS.iter().map(|input| input.key);
        Assumptions::KEYS.into_iter().chain(own).chain(Ranges::KEYS).chain(reuse).collect()
    }

    /// Reads the view from a query, keeping defaults for what is missing or unusable.
    pub fn read(query: &mut QueryReader, dataset: &Dataset) -> Self {
        let mut view = LedgerView { assumptions: Assumptions::read(query), ..LedgerView::default() };
        if let Some(era) =
            query.take(Key::Era, |v| Era::from_key(v).ok_or_else(|| one_of(Era::ALL.map(Era::key))))
        {
            view.era = era;
        }
        if let Some(counter) = query.take(Key::Counter, |v| {
            Counter::from_key(v).ok_or_else(|| one_of(Counter::ALL.map(Counter::key)))
        }) {
            view.counter = counter;
        }
        if let Some(sort) = query
            .take(Key::Sort, |v| SortKey::from_key(v).ok_or_else(|| one_of(SortKey::ALL.map(SortKey::key))))
        {
            view.sort = sort;
            view.descending = sort.descending_by_default();
        }
        if let Some(descending) = query.take(Key::Descending, parse_flag) {
            view.descending = descending;
        }
        if let Some(metric) = query
            .take(Key::Chart, |v| Metric::from_key(v).ok_or_else(|| one_of(Metric::ALL.map(Metric::key))))
        {
            view.metric = metric;
        }
        view.selection = query.take(Key::Selection, |v| parse_selection(v, dataset));
        view.ranges = Ranges::read(query);
        view.reuse = read_reuse(query);
        view
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = LedgerView::default();
        self.assumptions.write(query);
        query.put_unless_default(Key::Era, self.era.key(), base.era.key());
        query.put_unless_default(Key::Counter, self.counter.key(), base.counter.key());
        query.put_unless_default(Key::Sort, self.sort.key(), base.sort.key());
        query.put_unless_default(
            Key::Descending,
            u8::from(self.descending),
            u8::from(self.sort.descending_by_default()),
        );
        query.put_unless_default(Key::Chart, self.metric.key(), base.metric.key());
        if let Some(ids) = &self.selection {
            query.put(Key::Selection, ids.iter().cloned().collect::<Vec<_>>().join(","));
        }
        self.ranges.write(query);
        write_reuse(&self.reuse, query);
    }
}

fn parse_flag(value: &str) -> Result<bool, ValueError> {
    match value {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(ValueError::NotFlag),
    }
}

/// The ids of a link's selection that name no framework of the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFrameworks(pub Vec<String>);

impl fmt::Display for UnknownFrameworks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no framework with id {}", self.0.join(", "))
    }
}

impl std::error::Error for UnknownFrameworks {}

/// A comma-separated list of framework ids; unknown ids make the whole list unusable, because a
/// silently shortened selection would show different totals from the sender's.
fn parse_selection(value: &str, dataset: &Dataset) -> Result<BTreeSet<String>, UnknownFrameworks> {
    let ids: BTreeSet<String> = value.split(',').filter(|id| !id.is_empty()).map(str::to_owned).collect();
    let unknown: Vec<String> = ids.iter().filter(|id| dataset.get(id).is_none()).cloned().collect();
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(UnknownFrameworks(unknown))
    }
}

fn read_reuse(query: &mut QueryReader) -> Reuse {
    let mut reuse = Reuse::default();
    for input in &REUSE_INPUTS {
        if let Some(value) = query.take(input.key, number(input.bounds)) {
            input.set(&mut reuse, value);
        }
    }
    reuse
}

fn write_reuse(reuse: &Reuse, query: &mut QueryWriter) {
    let base = Reuse::default();
    for input in &REUSE_INPUTS {
        query.put_unless_default(input.key, input.get(reuse), input.get(&base));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Ledger;
    use super::*;

    fn dataset() -> &'static Dataset {
        Dataset::bundled()
    }

    #[test]
    fn sorting_twice_reverses() {
        let mut view = LedgerView::default();
        view.sort_by(SortKey::Name);
        let names = |view: &LedgerView| {
            Ledger::compute(dataset(), view).rows.iter().map(|r| r.framework.name.clone()).collect::<Vec<_>>()
        };
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
        view.assumptions.salary = 150_000.0;
        view.ranges.seed = 99;
        view.reuse.integration = 50.0;
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
        let mut reader =
            QueryReader::parse("era=1999&salary=-3&counter=tokei&sel=nope,keras&sort=cost&desc=maybe&x=1");
        let view = LedgerView::read(&mut reader, dataset());
        assert_eq!(view, LedgerView { counter: Counter::Tokei, ..LedgerView::default() });
        let problems = reader.finish();
        let keys: Vec<Key> = problems.iter().map(|p| p.key).collect();
        assert_eq!(keys, [Key::Salary, Key::Era, Key::Descending, Key::Selection], "x is no Headstart key");
        let reasons: Vec<&str> = problems.iter().map(|p| p.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "Enter a number from 1,000 to 10,000,000.",
                "expected one of 2017, latest",
                "expected 1 or 0",
                "no framework with id nope"
            ]
        );
    }
}
