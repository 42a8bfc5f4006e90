//! COCOMO II.2000 post-architecture (USC, *COCOMO II Model Definition Manual*, version 2.1,
//! 2000): the calibrated successor of basic COCOMO, with five scale factors that set the
//! exponent and seventeen effort multipliers that scale the effort.

use serde::{Deserialize, Serialize};

/// A driver's rating. Not every driver defines every rating; [`Driver::value`] says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    VeryLow,
    Low,
    Nominal,
    High,
    VeryHigh,
    ExtraHigh,
}

impl Rating {
    pub const ALL: [Rating; 6] =
        [Rating::VeryLow, Rating::Low, Rating::Nominal, Rating::High, Rating::VeryHigh, Rating::ExtraHigh];

    pub fn label(self) -> &'static str {
        match self {
            Rating::VeryLow => "Very low",
            Rating::Low => "Low",
            Rating::Nominal => "Nominal",
            Rating::High => "High",
            Rating::VeryHigh => "Very high",
            Rating::ExtraHigh => "Extra high",
        }
    }

    /// One digit per rating, so a URL carries all 22 ratings in two short words.
    pub fn key(self) -> &'static str {
        ["0", "1", "2", "3", "4", "5"][self as usize]
    }

    pub fn from_key(key: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// One scale factor or effort multiplier, with its values per rating (`None`: undefined).
#[derive(Debug, PartialEq)]
pub struct Driver {
    /// The manual's acronym, e.g. "PREC".
    pub acronym: &'static str,
    pub name: &'static str,
    values: [Option<f64>; 6],
}

impl Driver {
    pub fn value(&self, rating: Rating) -> Option<f64> {
        self.values[rating as usize]
    }

    /// The ratings the model defines for this driver, in order.
    pub fn ratings(&self) -> impl Iterator<Item = Rating> + '_ {
        Rating::ALL.into_iter().filter(|&r| self.value(r).is_some())
    }
}

const fn driver(acronym: &'static str, name: &'static str, values: [Option<f64>; 6]) -> Driver {
    Driver { acronym, name, values }
}

const fn all(v: [f64; 6]) -> [Option<f64>; 6] {
    [Some(v[0]), Some(v[1]), Some(v[2]), Some(v[3]), Some(v[4]), Some(v[5])]
}

const X: Option<f64> = None;

/// Manual table 10: scale factors, VL … XH.
pub const SCALE_FACTORS: [Driver; 5] = [
    driver("PREC", "Precedentedness", all([6.20, 4.96, 3.72, 2.48, 1.24, 0.0])),
    driver("FLEX", "Development flexibility", all([5.07, 4.05, 3.04, 2.03, 1.01, 0.0])),
    driver("RESL", "Architecture and risk resolution", all([7.07, 5.65, 4.24, 2.83, 1.41, 0.0])),
    driver("TEAM", "Team cohesion", all([5.48, 4.38, 3.29, 2.19, 1.10, 0.0])),
    driver("PMAT", "Process maturity", all([7.80, 6.24, 4.68, 3.12, 1.56, 0.0])),
];

/// Manual tables 17–32: post-architecture effort multipliers, VL … XH. SCED is last, because
/// the schedule equation leaves it out.
pub const EFFORT_MULTIPLIERS: [Driver; 17] = [
    driver("RELY", "Required reliability", [Some(0.82), Some(0.92), Some(1.0), Some(1.10), Some(1.26), X]),
    driver("DATA", "Database size", [X, Some(0.90), Some(1.0), Some(1.14), Some(1.28), X]),
    driver("CPLX", "Product complexity", all([0.73, 0.87, 1.0, 1.17, 1.34, 1.74])),
    driver("RUSE", "Developed for reuse", [X, Some(0.95), Some(1.0), Some(1.07), Some(1.15), Some(1.24)]),
    driver("DOCU", "Documentation needs", [Some(0.81), Some(0.91), Some(1.0), Some(1.11), Some(1.23), X]),
    driver("TIME", "Execution time constraint", [X, X, Some(1.0), Some(1.11), Some(1.29), Some(1.63)]),
    driver("STOR", "Main storage constraint", [X, X, Some(1.0), Some(1.05), Some(1.17), Some(1.46)]),
    driver("PVOL", "Platform volatility", [X, Some(0.87), Some(1.0), Some(1.15), Some(1.30), X]),
    driver("ACAP", "Analyst capability", [Some(1.42), Some(1.19), Some(1.0), Some(0.85), Some(0.71), X]),
    driver("PCAP", "Programmer capability", [Some(1.34), Some(1.15), Some(1.0), Some(0.88), Some(0.76), X]),
    driver("PCON", "Personnel continuity", [Some(1.29), Some(1.12), Some(1.0), Some(0.90), Some(0.81), X]),
    driver("APEX", "Applications experience", [Some(1.22), Some(1.10), Some(1.0), Some(0.88), Some(0.81), X]),
    driver("PLEX", "Platform experience", [Some(1.19), Some(1.09), Some(1.0), Some(0.91), Some(0.85), X]),
    driver(
        "LTEX",
        "Language and tool experience",
        [Some(1.20), Some(1.09), Some(1.0), Some(0.91), Some(0.84), X],
    ),
    driver("TOOL", "Use of software tools", [Some(1.17), Some(1.09), Some(1.0), Some(0.90), Some(0.78), X]),
    driver("SITE", "Multisite development", all([1.22, 1.09, 1.0, 0.93, 0.86, 0.80])),
    driver("SCED", "Required schedule", [Some(1.43), Some(1.14), Some(1.0), Some(1.0), Some(1.0), X]),
];

const SCED: usize = EFFORT_MULTIPLIERS.len() - 1;

/// SCED%: the schedule as a percentage of the nominal one, per SCED rating (manual table 32).
const SCHEDULE_PERCENT: [f64; 5] = [75.0, 85.0, 100.0, 130.0, 160.0];

/// The model's constants and the reader's ratings.
/// PM = A · KSLOC^E · Π EM, E = B + 0.01 · Σ SF; TDEV = C · PM_NS^F · SCED% / 100, F = D + 0.2 · (E − B).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cocomo2 {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub scale: [Rating; 5],
    pub effort: [Rating; 17],
}

impl Default for Cocomo2 {
    /// The manual's calibration (COCOMO II.2000) with every driver nominal.
    fn default() -> Self {
        Cocomo2 {
            a: 2.94,
            b: 0.91,
            c: 3.67,
            d: 0.28,
            scale: [Rating::Nominal; 5],
            effort: [Rating::Nominal; 17],
        }
    }
}

impl Cocomo2 {
    /// A rating the driver does not define counts as nominal; [`Cocomo2::undefined_ratings`] finds them.
    fn driver_value(driver: &Driver, rating: Rating) -> f64 {
        driver.value(rating).or(driver.value(Rating::Nominal)).unwrap_or(1.0)
    }

    pub fn exponent(&self) -> f64 {
        let sum: f64 = SCALE_FACTORS.iter().zip(self.scale).map(|(d, r)| Self::driver_value(d, r)).sum();
        self.b + 0.01 * sum
    }

    /// Π EM over all seventeen multipliers.
    pub fn effort_adjustment(&self) -> f64 {
        EFFORT_MULTIPLIERS.iter().zip(self.effort).map(|(d, r)| Self::driver_value(d, r)).product()
    }

    pub fn effort_pm(&self, sloc: u64) -> f64 {
        self.a * (sloc as f64 / 1000.0).powf(self.exponent()) * self.effort_adjustment()
    }

    /// TDEV in months for an effort from [`Cocomo2::effort_pm`]; the SCED multiplier is taken back
    /// out first, because the manual's schedule equation uses the effort without it.
    pub fn schedule_months(&self, person_months: f64) -> f64 {
        let sced = self.effort[SCED];
        let nominal_schedule_effort = person_months / Self::driver_value(&EFFORT_MULTIPLIERS[SCED], sced);
        let f = self.d + 0.2 * (self.exponent() - self.b);
        let percent = SCHEDULE_PERCENT.get(sced as usize).copied().unwrap_or(100.0);
        self.c * nominal_schedule_effort.powf(f) * percent / 100.0
    }

    /// Drivers rated where the model has no value (only possible from a hand-edited URL).
    pub fn undefined_ratings(&self) -> Vec<&'static str> {
        let scale = SCALE_FACTORS.iter().zip(self.scale);
        let effort = EFFORT_MULTIPLIERS.iter().zip(self.effort);
        scale.chain(effort).filter(|(d, r)| d.value(*r).is_none()).map(|(d, _)| d.acronym).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The manual's nominal case, as docs/estimation.md gives it.
    #[test]
    fn all_nominal_matches_the_manual() {
        let model = Cocomo2::default();
        assert!((model.exponent() - 1.0997).abs() < 1e-9);
        let pm = model.effort_pm(1_000_000);
        assert!((pm - 5853.93).abs() < 0.005, "{pm}");
        assert!((model.schedule_months(pm) - 57.87).abs() < 0.005, "{}", model.schedule_months(pm));
    }

    #[test]
    fn a_rating_moves_the_effort_the_way_its_table_says() {
        let nominal = Cocomo2::default().effort_pm(100_000);
        let mut capable = Cocomo2::default();
        capable.effort[9] = Rating::VeryHigh; // PCAP
        assert!((capable.effort_pm(100_000) / nominal - 0.76).abs() < 1e-12);
        let mut unprecedented = Cocomo2::default();
        unprecedented.scale[0] = Rating::VeryLow; // PREC
        assert!(unprecedented.effort_pm(100_000) > nominal);
    }

    #[test]
    fn compressing_the_schedule_costs_effort_and_shortens_time() {
        let mut rushed = Cocomo2::default();
        rushed.effort[SCED] = Rating::VeryLow;
        let (pm, nominal_pm) = (rushed.effort_pm(200_000), Cocomo2::default().effort_pm(200_000));
        assert!((pm / nominal_pm - 1.43).abs() < 1e-12);
        let nominal_months = Cocomo2::default().schedule_months(nominal_pm);
        assert!((rushed.schedule_months(pm) / nominal_months - 0.75).abs() < 1e-12);
    }

    #[test]
    fn every_driver_defines_nominal_and_ratings_round_trip_as_keys() {
        assert!(SCALE_FACTORS.iter().chain(&EFFORT_MULTIPLIERS).all(|d| d.value(Rating::Nominal).is_some()));
        for rating in Rating::ALL {
            assert_eq!(Rating::from_key(rating.key()), Some(rating));
        }
        let mut model = Cocomo2::default();
        model.effort[5] = Rating::VeryLow; // TIME has no very low
        assert_eq!(model.undefined_ratings(), ["TIME"]);
        assert_eq!(model.effort_pm(10_000), Cocomo2::default().effort_pm(10_000));
    }
}
