//! The ways the tools a reader may know turn code lines into money, and the settings a reader
//! edits after picking one of them.

use super::{CodeSize, EffortModel, Mode, ProjectEffort};
use serde::{Deserialize, Serialize};

/// A starting point that reproduces one tool's published arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Open Hub (ohloh-ui `app/models/analysis.rb`): organic COCOMO applied separately to logic,
    /// markup and build lines, summed; 55,000 USD per person-year, no overhead.
    OpenHub,
    /// David A. Wheeler's SLOCCount (sloccount.html): organic COCOMO on all lines; 56,286 USD
    /// per person-year (ComputerWorld 2000 survey) times an overhead of 2.4.
    Sloccount,
    /// boyter/scc `processor/cocomo.go`: the same defaults as SLOCCount (`--avg-wage 56286`,
    /// `--overhead 2.4`, `--eaf 1.0`), with the mode chosen by `--cocomo-project-type`.
    Scc,
    /// The 2017 article: Open Hub's method at the salary its headline implies
    /// ($80m / 650 person-years ≈ 123,000 USD).
    Article2017,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::Article2017, Preset::OpenHub, Preset::Sloccount, Preset::Scc];

    pub fn label(self) -> &'static str {
        match self {
            Preset::OpenHub => "Open Hub",
            Preset::Sloccount => "SLOCCount",
            Preset::Scc => "scc",
            Preset::Article2017 => "Article, 2017",
        }
    }

    /// The preset's name in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Preset::OpenHub => "open-hub",
            Preset::Sloccount => "sloccount",
            Preset::Scc => "scc",
            Preset::Article2017 => "article-2017",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.key() == key)
    }

    pub fn settings(self) -> CostSettings {
        let organic = EffortModel::Basic(Mode::Organic.constants());
        match self {
            Preset::OpenHub => {
                CostSettings { model: organic, split_by_category: true, salary: 55_000.0, overhead: 1.0 }
            }
            Preset::Sloccount | Preset::Scc => {
                CostSettings { model: organic, split_by_category: false, salary: 56_286.0, overhead: 2.4 }
            }
            Preset::Article2017 => CostSettings {
                model: organic,
                split_by_category: true,
                salary: crate::article::implied_salary(),
                overhead: 1.0,
            },
        }
    }

    /// The year whose dollars the preset's salary is in.
    pub fn salary_year(self) -> u16 {
        match self {
            Preset::OpenHub => 2017,
            Preset::Sloccount | Preset::Scc => 2000,
            Preset::Article2017 => 2017,
        }
    }
}

/// Everything that turns code size into effort and cost; a preset fills it, the reader edits it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostSettings {
    pub model: EffortModel,
    /// Estimate logic, markup and build lines as three projects and add the efforts (Open Hub).
    pub split_by_category: bool,
    /// Cost of one person-year, in USD.
    pub salary: f64,
    /// Multiplier on salary for everything else a developer costs (SLOCCount's 2.4).
    pub overhead: f64,
}

/// What one project is worth under some settings.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ProjectEstimate {
    pub lines: u64,
    pub person_years: f64,
    pub cost: f64,
}

impl CostSettings {
    pub fn person_months(&self, size: &CodeSize) -> f64 {
        if self.split_by_category {
            [size.logic, size.markup, size.build].iter().map(|&lines| self.model.effort_pm(lines)).sum()
        } else {
            self.model.effort_pm(size.total())
        }
    }

    /// Cost of a given effort: person-months / 12 · salary · overhead.
    pub fn cost_of(&self, person_months: f64) -> f64 {
        person_months / 12.0 * self.salary * self.overhead
    }

    pub fn estimate(&self, size: &CodeSize) -> ProjectEstimate {
        let person_months = self.person_months(size);
        ProjectEstimate {
            lines: size.total(),
            person_years: person_months / 12.0,
            cost: self.cost_of(person_months),
        }
    }

    /// Schedule and staffing for a project of this size, from the model's c and d.
    pub fn schedule(&self, size: &CodeSize) -> ProjectEffort {
        let person_months = self.person_months(size);
        let schedule_months = self.model.schedule_months(person_months);
        let people = if schedule_months > 0.0 { person_months / schedule_months } else { 0.0 };
        ProjectEffort { person_months, schedule_months, people }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(value: f64) -> i64 {
        (value * 100.0).round() as i64
    }

    /// docs/estimation.md, reference values.
    #[test]
    fn scc_costs_match_the_reference_values_to_the_cent() {
        let vectors = [
            (1_000, Mode::Organic, 2_701_728),
            (50_000, Mode::Organic, 164_270_708),
            (1_000_000, Mode::Organic, 3_816_292_235),
            (1_000_000, Mode::Embedded, 16_133_659_345),
        ];
        for (sloc, mode, expected_cents) in vectors {
            let settings =
                CostSettings { model: EffortModel::Basic(mode.constants()), ..Preset::Scc.settings() };
            assert_eq!(
                cents(settings.estimate(&CodeSize::undivided(sloc)).cost),
                expected_cents,
                "{sloc} {mode:?}"
            );
        }
    }

    #[test]
    fn open_hub_matches_the_reference_values_for_a_million_lines() {
        let estimate = Preset::OpenHub.settings().estimate(&CodeSize::undivided(1_000_000));
        assert!((estimate.person_years - 282.5075).abs() < 5e-5);
        assert_eq!(cents(estimate.cost), 1_553_791_299);
    }

    #[test]
    fn open_hub_splits_categories_before_estimating() {
        let split = CodeSize { logic: 600_000, markup: 300_000, build: 100_000 };
        let settings = Preset::OpenHub.settings();
        let whole = settings.estimate(&CodeSize::undivided(split.total()));
        let parts = settings.estimate(&split);
        assert!(parts.person_years < whole.person_years, "b > 1 makes three small projects cheaper than one");
        let sloccount = Preset::Sloccount.settings();
        assert_eq!(
            sloccount.estimate(&split).person_years,
            sloccount.estimate(&CodeSize::undivided(split.total())).person_years
        );
    }

    /// The pooled figure the Method page sets against the article's per-project sum.
    #[test]
    fn a_single_project_of_two_and_a_half_million_lines_is_739_person_years() {
        let estimate = Preset::OpenHub.settings().estimate(&CodeSize::undivided(2_500_000));
        assert!((estimate.person_years - 739.38).abs() < 0.005);
    }
}
