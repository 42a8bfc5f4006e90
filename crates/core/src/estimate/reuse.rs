//! The COCOMO II reuse model (*Model Definition Manual* 2.1, section 2.4): the code a team would
//! have to write to match the effort of adopting existing code. It prices the head start: a
//! company that adopts a framework pays for ESLOC equivalent lines, not for the whole framework.

use crate::input::Bounds;
use crate::keys::Key;
use serde::{Deserialize, Serialize};

/// Software understanding (SU, percent) per rating, very high … very low understandability.
pub const UNDERSTANDING: [(&str, f64); 5] =
    [("Very high", 10.0), ("High", 20.0), ("Nominal", 30.0), ("Low", 40.0), ("Very low", 50.0)];

/// Assessment and assimilation (AA, percent): from none to extensive module evaluation.
pub const ASSESSMENT: [f64; 5] = [0.0, 2.0, 4.0, 6.0, 8.0];

/// How much of the adopted code a team changes and has to understand.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// DM: percent of the design modified.
    pub design_modified: f64,
    /// CM: percent of the code modified.
    pub code_modified: f64,
    /// IM: percent of the usual integration and test effort needed.
    pub integration: f64,
    /// SU: software understanding penalty, 10 (very clear) to 50 (very obscure).
    pub understanding: f64,
    /// UNFM: programmer unfamiliarity, 0 (completely familiar) to 1 (completely unfamiliar).
    pub unfamiliarity: f64,
    /// AA: assessment and assimilation, 0 to 8 percent.
    pub assessment: f64,
    /// AT: percent of the code translated automatically, which costs nothing here.
    pub automated: f64,
}

impl Default for Reuse {
    /// A framework used as a library, as the talent model's spec assumes: no design or code
    /// changed, 30% of the usual integration effort, nominal understanding, a team somewhat new
    /// to it (UNFM 0.4), some evaluation of the alternatives (AA 4). AAM = 0.1516.
    fn default() -> Self {
        Reuse {
            design_modified: 0.0,
            code_modified: 0.0,
            integration: 30.0,
            understanding: 30.0,
            unfamiliarity: 0.4,
            assessment: 4.0,
            automated: 0.0,
        }
    }
}

impl Reuse {
    /// AAF = 0.4·DM + 0.3·CM + 0.3·IM.
    pub fn adaptation_factor(&self) -> f64 {
        0.4 * self.design_modified + 0.3 * self.code_modified + 0.3 * self.integration
    }

    /// AAM: the two branches of the manual meet at AAF = 50.
    pub fn adjustment_multiplier(&self) -> f64 {
        let aaf = self.adaptation_factor();
        let understanding = self.understanding * self.unfamiliarity;
        if aaf <= 50.0 {
            (self.assessment + aaf * (1.0 + 0.02 * understanding)) / 100.0
        } else {
            (self.assessment + aaf + understanding) / 100.0
        }
    }

    /// ESLOC = ASLOC · (1 − AT/100) · AAM.
    pub fn equivalent_lines(&self, adapted_lines: u64) -> f64 {
        adapted_lines as f64 * (1.0 - self.automated / 100.0) * self.adjustment_multiplier()
    }

    /// Acronyms of the inputs outside the manual's ranges, for a message; empty when all are usable.
    pub fn out_of_range(&self) -> Vec<&'static str> {
        REUSE_INPUTS
            .iter()
            .filter(|input| !input.bounds.contains(input.get(self)))
            .map(|input| input.acronym)
            .collect()
    }
}

/// One input of the reuse model: its URL key, the manual's acronym, how the page labels it, the
/// manual's range, and where it lives in [`Reuse`]. One table for the URL, the page and the checks.
pub struct ReuseInput {
    pub key: Key,
    pub acronym: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub bounds: Bounds,
    slot: fn(&mut Reuse) -> &mut f64,
}

impl ReuseInput {
    pub fn get(&self, reuse: &Reuse) -> f64 {
        let mut copy = *reuse;
        *(self.slot)(&mut copy)
    }

    pub fn set(&self, reuse: &mut Reuse, value: f64) {
        *(self.slot)(reuse) = value;
    }
}

const fn input(
    key: Key,
    acronym: &'static str,
    label: &'static str,
    unit: &'static str,
    bounds: Bounds,
    slot: fn(&mut Reuse) -> &mut f64,
) -> ReuseInput {
    ReuseInput { key, acronym, label, unit, bounds, slot }
}

/// The reuse inputs in the manual's order, each within the manual's range.
pub const REUSE_INPUTS: [ReuseInput; 7] = [
    input(Key::DesignModified, "DM", "Design modified (DM)", "%", Bounds::new(0.0, 100.0), |r| {
        &mut r.design_modified
    }),
    input(Key::CodeModified, "CM", "Code modified (CM)", "%", Bounds::new(0.0, 100.0), |r| {
        &mut r.code_modified
    }),
    input(Key::Integration, "IM", "Integration and test (IM)", "% of usual", Bounds::new(0.0, 100.0), |r| {
        &mut r.integration
    }),
    input(
        Key::Understanding,
        "SU",
        "Software understanding (SU)",
        "10 clear … 50 obscure",
        Bounds::new(10.0, 50.0),
        |r| &mut r.understanding,
    ),
    input(Key::Unfamiliarity, "UNFM", "Unfamiliarity (UNFM)", "0 … 1", Bounds::new(0.0, 1.0), |r| {
        &mut r.unfamiliarity
    }),
    input(Key::Assessment, "AA", "Assessment (AA)", "0 … 8", Bounds::new(0.0, 8.0), |r| &mut r.assessment),
    input(Key::Automated, "AT", "Translated automatically (AT)", "%", Bounds::new(0.0, 100.0), |r| {
        &mut r.automated
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn with_aaf(aaf: f64) -> Reuse {
        // DM = CM = IM = aaf gives AAF = aaf.
        Reuse { design_modified: aaf, code_modified: aaf, integration: aaf, ..Reuse::default() }
    }

    #[test]
    fn the_two_branches_meet_at_fifty() {
        let below = with_aaf(50.0).adjustment_multiplier();
        let above = with_aaf(50.0 + 1e-9).adjustment_multiplier();
        assert!((below - above).abs() < 1e-9, "{below} vs {above}");
        // AA 4 + 50 + SU 30 · UNFM 0.4 = 66 percent.
        assert!((below - 0.66).abs() < 1e-12);
        assert!((Reuse::default().adjustment_multiplier() - 0.1516).abs() < 1e-12);
    }

    #[test]
    fn hand_computed_branches() {
        let small = Reuse {
            design_modified: 10.0,
            code_modified: 20.0,
            integration: 30.0,
            understanding: 40.0,
            unfamiliarity: 0.4,
            assessment: 2.0,
            automated: 0.0,
        };
        assert!((small.adaptation_factor() - 19.0).abs() < 1e-12);
        // (2 + 19 · (1 + 0.02 · 16)) / 100 = 0.2708
        assert!((small.adjustment_multiplier() - 0.2708).abs() < 1e-12);
        let large = Reuse { design_modified: 80.0, code_modified: 90.0, integration: 100.0, ..small };
        // AAF = 32 + 27 + 30 = 89; (2 + 89 + 16) / 100 = 1.07
        assert!((large.adjustment_multiplier() - 1.07).abs() < 1e-12);
        assert!((large.equivalent_lines(1_000) - 1_070.0).abs() < 1e-9);
    }

    #[test]
    fn automated_translation_is_free_and_ranges_are_checked() {
        let half = Reuse { automated: 50.0, ..Reuse::default() };
        assert!((half.equivalent_lines(1_000) * 2.0 - Reuse::default().equivalent_lines(1_000)).abs() < 1e-9);
        assert!(Reuse::default().out_of_range().is_empty());
        assert_eq!(
            Reuse { unfamiliarity: 2.0, assessment: -1.0, ..Reuse::default() }.out_of_range(),
            ["UNFM", "AA"]
        );
    }
}
