//! Cost estimation from code size: the COCOMO family and the tool presets built on it.

mod basic;
mod preset;

pub use basic::{BasicCocomo, Mode, ProjectEffort};
pub use preset::{CostSettings, Preset, ProjectEstimate};

/// Code lines of one project, split the way Open Hub splits them before estimating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
