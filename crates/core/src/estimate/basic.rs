//! Basic COCOMO (Boehm, *Software Engineering Economics*, 1981): the model behind Open Hub,
//! SLOCCount and scc.

use serde::{Deserialize, Serialize};

/// Boehm's three development modes, plus user-chosen constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Organic,
    SemiDetached,
    Embedded,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Organic, Mode::SemiDetached, Mode::Embedded];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Organic => "organic",
            Mode::SemiDetached => "semi-detached",
            Mode::Embedded => "embedded",
        }
    }

    /// The mode's name in URLs: its label, which is already one lowercase word.
    pub fn key(self) -> &'static str {
        self.label()
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.key() == key)
    }

    /// Boehm 1981, table 6-1 (basic COCOMO), as reproduced in scc's processor/cocomo.go.
    pub fn constants(self) -> BasicCocomo {
        let (a, b, d) = match self {
            Mode::Organic => (2.4, 1.05, 0.38),
            Mode::SemiDetached => (3.0, 1.12, 0.35),
            Mode::Embedded => (3.6, 1.20, 0.32),
        };
        BasicCocomo { a, b, c: 2.5, d, eaf: 1.0 }
    }
}

/// effort PM = a · KSLOC^b · EAF; schedule months = c · PM^d; people = PM / schedule.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BasicCocomo {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    /// Effort adjustment factor; scc's `--eaf`.
    pub eaf: f64,
}

/// Effort, schedule and staffing of one project.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ProjectEffort {
    pub person_months: f64,
    pub schedule_months: f64,
    pub people: f64,
}

impl BasicCocomo {
    pub fn effort_pm(&self, sloc: u64) -> f64 {
        self.a * (sloc as f64 / 1000.0).powf(self.b) * self.eaf
    }

    pub fn schedule_months(&self, person_months: f64) -> f64 {
        self.c * person_months.powf(self.d)
    }

    pub fn project(&self, sloc: u64) -> ProjectEffort {
        let person_months = self.effort_pm(sloc);
        let schedule_months = self.schedule_months(person_months);
        let people = if schedule_months > 0.0 { person_months / schedule_months } else { 0.0 };
        ProjectEffort { person_months, schedule_months, people }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "{actual} is not within {tolerance} of {expected}");
    }

    /// The reference values of docs/estimation.md, which scc prints for the same sizes.
    #[test]
    fn matches_the_published_vectors() {
        let vectors = [
            (1_000, Mode::Organic, 2.4000, 3.4867, 0.6883),
            (50_000, Mode::Organic, 145.9250, 16.6077, 8.7866),
            (1_000_000, Mode::Organic, 3390.0901, 54.8808, 61.7719),
            (1_000_000, Mode::Embedded, 14331.8581, 53.4511, 268.1302),
        ];
        for (sloc, mode, pm, months, people) in vectors {
            let effort = mode.constants().project(sloc);
            close(effort.person_months, pm, 5e-5);
            close(effort.schedule_months, months, 5e-5);
            close(effort.people, people, 5e-5);
        }
    }

    #[test]
    fn empty_code_needs_no_effort_and_no_people() {
        let effort = Mode::Organic.constants().project(0);
        assert_eq!(effort.person_months, 0.0);
        assert_eq!(effort.people, 0.0);
    }

    #[test]
    fn effort_rises_with_size() {
        let model = Mode::SemiDetached.constants();
        let sizes = [0, 1, 10, 1_000, 100_000, 10_000_000];
        for pair in sizes.windows(2) {
            assert!(model.effort_pm(pair[0]) < model.effort_pm(pair[1]));
        }
    }
}
