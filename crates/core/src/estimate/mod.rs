//! Cost estimation from code size: the COCOMO family and the tool presets built on it.

mod basic;
mod cocomo2;
mod preset;
mod reuse;

pub use basic::{BasicCocomo, Mode, ProjectEffort};
pub use cocomo2::{Cocomo2, Driver, Rating, EFFORT_MULTIPLIERS, SCALE_FACTORS};
pub use preset::{CostSettings, Preset, ProjectEstimate};
pub use reuse::{Reuse, ReuseInput, ASSESSMENT, REUSE_INPUTS, UNDERSTANDING};

use serde::{Deserialize, Serialize};

/// Code lines of one project, split the way Open Hub splits them before estimating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSize {
    pub logic: u64,
    pub markup: u64,
    pub build: u64,
}

impl CodeSize {
    pub fn total(&self) -> u64 {
        self.logic + self.markup + self.build
    }

    /// All lines as logic: for estimators that do not split by category.
    pub fn undivided(lines: u64) -> Self {
        CodeSize { logic: lines, markup: 0, build: 0 }
    }
}

impl std::ops::Add for CodeSize {
    type Output = CodeSize;

    fn add(self, other: CodeSize) -> CodeSize {
        CodeSize {
            logic: self.logic + other.logic,
            markup: self.markup + other.markup,
            build: self.build + other.build,
        }
    }
}

/// The effort equation in use: both are PM = a · KSLOC^b with their own schedule equation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum EffortModel {
    Basic(BasicCocomo),
    Cocomo2(Cocomo2),
}

impl EffortModel {
    pub fn effort_pm(&self, sloc: u64) -> f64 {
        match self {
            EffortModel::Basic(model) => model.effort_pm(sloc),
            EffortModel::Cocomo2(model) => model.effort_pm(sloc),
        }
    }

    pub fn schedule_months(&self, person_months: f64) -> f64 {
        match self {
            EffortModel::Basic(model) => model.schedule_months(person_months),
            EffortModel::Cocomo2(model) => model.schedule_months(person_months),
        }
    }

    /// (a, b) of PM = a · KSLOC^b, multipliers included: what the talent model inverts and what
    /// scaling every size by the same factor multiplies the effort by (factor^b).
    pub fn power_law(&self) -> (f64, f64) {
        match self {
            EffortModel::Basic(model) => (model.a * model.eaf, model.b),
            EffortModel::Cocomo2(model) => (model.a * model.effort_adjustment(), model.exponent()),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            EffortModel::Basic(_) => "basic COCOMO (1981)",
            EffortModel::Cocomo2(_) => "COCOMO II.2000",
        }
    }
}
