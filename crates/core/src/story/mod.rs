//! The landing essay: the article's argument with every figure computed from the bundled data and
//! the reader's current assumptions, so dragging a number in a sentence re-derives the rest.
//! Its state is the ledger's and the talent model's query keys, so its links carry it onward.

pub mod phrases;

use crate::dataset::{ArticleSet, Counter, Dataset, Era};
use crate::estimate::{Cocomo2, CostSettings, EffortModel, Mode};
use crate::keys::Key;
use crate::ledger::{Ledger, LedgerView, Totals};
use crate::query::{QueryReader, QueryWriter};
use crate::talent::{optimum, param_keys, read_params, write_params, Optimum, Params};

/// What the essay's reader has set: the ledger's choices (salary, era, counter, model, the
/// band's ranges) and the talent model's parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryView {
    pub ledger: LedgerView,
    pub talent: Params,
}

impl StoryView {
    /// The ledger's keys and the talent model's parameters.
    pub fn keys() -> Vec<Key> {
        LedgerView::keys().into_iter().chain(param_keys()).collect()
    }

    pub fn read(query: &mut QueryReader, dataset: &Dataset) -> StoryView {
        let ledger = LedgerView::read(query, dataset);
        let talent = read_params(query, &ledger.assumptions);
        StoryView { ledger, talent }
    }

    pub fn write(&self, query: &mut QueryWriter) {
        self.ledger.write(query);
        write_params(&self.talent, query);
    }

    /// The query of the Pool-or-spread page with the same assumptions and parameters.
    pub fn talent_query(&self) -> String {
        let mut query = QueryWriter::default();
        self.ledger.assumptions.write(&mut query);
        write_params(&self.talent, &mut query);
        query.finish()
    }

    pub fn ledger_query(&self) -> String {
        self.ledger_query_in(self.ledger.era)
    }

    /// The ledger's query with the code of another era.
    pub fn ledger_query_in(&self, era: Era) -> String {
        let mut query = QueryWriter::default();
        LedgerView { era, ..self.ledger.clone() }.write(&mut query);
        query.finish()
    }
}

/// The same frameworks under arithmetic other than the reader's: another counter or model.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    pub label: String,
    pub person_years: f64,
    pub cost: f64,
}

/// Every figure the essay states.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// The reader's view: the article's figures, recomputed.
    pub claim: Totals,
    /// The reader's salary and overhead throughout, so only the arithmetic differs.
    pub alternatives: Vec<Alternative>,
    /// The same frameworks' lines in 2017 and today.
    pub lines_2017: u64,
    /// The same frameworks today, in today's dollars.
    pub now: Totals,
    /// Frameworks first published after the article, today, in today's dollars.
    pub newcomers: Totals,
    pub newcomer_names: Vec<String>,
    pub dollars_today: u16,
    pub pooling: Optimum,
}

impl Story {
    pub fn compute(dataset: &Dataset, view: &StoryView) -> Story {
        let ledger = &view.ledger;
        let claim = Ledger::compute(dataset, ledger).totals;
        let in_era = |era: Era| LedgerView { era, ..ledger.clone() };
        let lines_2017 = Ledger::compute(dataset, &in_era(Era::Article2017)).totals.lines;
        let mut today = in_era(Era::Latest);
        today.assumptions.today_dollars = true;
        let now = Ledger::compute(dataset, &today).totals;
        let newcomers: Vec<_> = dataset
            .frameworks
            .iter()
            .filter(|f| f.in_article_set == ArticleSet::No && f.trees.latest.is_some())
            .collect();
        today.selection = Some(newcomers.iter().map(|f| f.id.clone()).collect());
        Story {
            claim,
            alternatives: alternatives(dataset, ledger),
            lines_2017,
            now,
            newcomers: Ledger::compute(dataset, &today).totals,
            newcomer_names: newcomers.iter().map(|f| f.name.clone()).collect(),
            dollars_today: today.assumptions.dollars_year(),
            pooling: optimum(&view.talent),
        }
    }
}

/// The tools' arithmetic and the other counters, each applied to the reader's frameworks and era.
fn alternatives(dataset: &Dataset, view: &LedgerView) -> Vec<Alternative> {
    let mine = view.settings();
    let basic = |mode: Mode, split: bool| CostSettings {
        model: EffortModel::Basic(mode.constants()),
        split_by_category: split,
        ..mine
    };
    let models = [
        ("Open Hub: organic COCOMO on logic, markup and build apart".to_owned(), basic(Mode::Organic, true)),
        ("SLOCCount and scc: organic COCOMO on all lines".to_owned(), basic(Mode::Organic, false)),
        ("scc, semi-detached".to_owned(), basic(Mode::SemiDetached, false)),
        (
            "COCOMO II.2000, every rating nominal".to_owned(),
            CostSettings {
                model: EffortModel::Cocomo2(Cocomo2::default()),
                split_by_category: false,
                ..mine
            },
        ),
    ];
    let by_model = models
        .into_iter()
        .map(|(label, settings)| (label, Ledger::compute_with(dataset, view, settings).totals));
    let by_counter = Counter::ALL.into_iter().filter(|c| *c != view.counter).map(|counter| {
        let totals = Ledger::compute(dataset, &LedgerView { counter, ..view.clone() }).totals;
        (format!("your model, lines counted by {}", counter.label()), totals)
    });
    by_model
        .chain(by_counter)
        .map(|(label, t)| Alternative { label, person_years: t.person_years, cost: t.cost })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    fn story(query: &str) -> Story {
        let dataset = Dataset::bundled();
        Story::compute(dataset, &StoryView::read(&mut QueryReader::parse(query), dataset))
    }

    #[test]
    fn the_default_story_states_the_articles_figures() {
        let s = story("");
        assert_eq!(phrases::lines(s.claim.lines), "2.5 million");
        assert_eq!(phrases::over(s.claim.person_years), "over 650");
        assert_eq!(phrases::about_money(s.claim.cost), "$80m");
        assert_eq!(s.lines_2017, s.claim.lines);
        assert!(s.now.lines > 2 * s.lines_2017, "the frameworks grew");
        assert!(!s.newcomer_names.is_empty() && s.newcomers.counted == s.newcomer_names.len());
        assert!(s.newcomer_names.iter().any(|n| n == "JAX"));
        assert_eq!(s.alternatives.len(), 6);
        let open_hub = &s.alternatives[0];
        assert!(
            (open_hub.person_years - s.claim.person_years).abs() < 1e-9,
            "the article used Open Hub's arithmetic"
        );
        assert!(s.alternatives.iter().all(|a| a.cost > 0.5 * article::COST));
        assert!((s.pooling.c_star - 0.128466).abs() < 1e-4);
    }

    #[test]
    fn the_readers_salary_and_era_flow_into_every_figure() {
        let base = story("");
        let paid = story("salary=246000");
        assert!((paid.claim.cost / base.claim.cost - 2.0).abs() < 0.01);
        assert_eq!(paid.claim.person_years, base.claim.person_years);
        let today = story("era=latest");
        assert_eq!(today.claim.lines, base.now.lines);
        let open = story("open=0.3");
        assert!(open.pooling.c_star != base.pooling.c_star);
    }

    #[test]
    fn links_carry_the_state_each_page_reads() {
        let dataset = Dataset::bundled();
        let view = StoryView::read(&mut QueryReader::parse("salary=150000&era=latest&open=0.3"), dataset);
        assert_eq!(view.ledger_query(), "salary=150000&era=latest");
        assert_eq!(view.talent_query(), "salary=150000&open=0.3");
        assert_eq!(view.ledger_query_in(Era::Article2017), "salary=150000");
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        assert_eq!(writer.finish(), "salary=150000&era=latest&open=0.3");
    }
}
