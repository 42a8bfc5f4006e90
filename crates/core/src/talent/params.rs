//! The model's inputs, with the spec's defaults, settable by key so the URL state and the fields
//! need no per-parameter code.

use serde::{Deserialize, Serialize};

use super::catalogue::PARAMS;
use super::error::TalentError;
use super::key::ParamKey;

/// COCOMO II.2000 effort multipliers for Very High analyst (ACAP) and programmer (PCAP)
/// capability: the pooled "best engineers" against firms' Nominal 1.0.
const ACAP_VERY_HIGH: f64 = 0.71;
const PCAP_VERY_HIGH: f64 = 0.76;

/// COCOMO II reuse: AAF = 0.4·DM + 0.3·CM + 0.3·IM with DM 0, CM 0, IM 30; then, as AAF ≤ 50,
/// AAM = [AA + AAF·(1 + 0.02·SU·UNFM)] / 100 with AA 4, SU 30 (Nominal), UNFM 0.4. = 0.1516.
const ADOPTION_AAF: f64 = 0.3 * 30.0;
const ADOPTION_AAM: f64 = (4.0 + ADOPTION_AAF * (1.0 + 0.02 * 30.0 * 0.4)) / 100.0;

/// Every quantity of the spec's table but the swept share c. Effort is in person-months (PM).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// T: ML engineers in the ecosystem.
    pub engineers: f64,
    /// L: number of core labs.
    pub labs: f64,
    /// s: engineers per distributed team, one team per firm.
    pub team_size: f64,
    /// H: horizon in years.
    pub horizon_years: f64,
    /// o: share of lab effort spent on open-sourced platform code.
    pub open_share: f64,
    /// a of PM = a·KSLOC^b: an input so the ledger's selected estimation model drives it.
    pub effort_a: f64,
    /// b of PM = a·KSLOC^b.
    pub effort_b: f64,
    /// q: lab productivity multiple.
    pub lab_productivity: f64,
    /// P: platform code a firm needs before its own application work, KSLOC.
    pub platform_ksloc: f64,
    /// ρ: share of the open-source stock relevant to one firm.
    pub relevance: f64,
    /// AAM: cost of adopting code, as a share of writing it.
    pub adoption_cost: f64,
    /// A0: a firm's problem depth, PM after which returns fall to 1/e.
    pub problem_depth: f64,
    /// β: a lab's problem breadth, in firms' worth.
    pub lab_breadth: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            engineers: 7_000.0,
            labs: 6.0,
            team_size: 5.0,
            horizon_years: 3.0,
            open_share: 0.5,
            effort_a: 2.4,
            effort_b: 1.05,
            lab_productivity: 1.0 / (ACAP_VERY_HIGH * PCAP_VERY_HIGH),
            platform_ksloc: 50.0,
            relevance: 0.02,
            adoption_cost: ADOPTION_AAM,
            problem_depth: 300.0,
            lab_breadth: 20.0,
        }
    }
}

impl Params {
    pub fn get(&self, key: ParamKey) -> f64 {
        key.meta().of(self)
    }

    /// Sets one parameter within its bounds. The page's fields and the URL reader check values
    /// against the same bounds before they get here, so nothing can fail: a value past an end
    /// (from a caller that did not check) is taken as that end, and NaN leaves the parameter as
    /// it was, so the model never sees a value it cannot use.
    pub fn set(&mut self, key: ParamKey, value: f64) {
        let m = key.meta();
        if !value.is_nan() {
            *m.slot(self) = value.clamp(m.min, m.max);
        }
    }

    /// Fields are public (the UI builds and deserialises them), so jobs check them as a whole.
    pub fn validate(&self) -> Result<(), TalentError> {
        PARAMS.iter().try_for_each(|m| m.check(m.of(self)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_spec_table() {
        let p = Params::default();
        assert!((p.lab_productivity - 1.853).abs() < 5e-4, "{}", p.lab_productivity);
        assert!((p.adoption_cost - 0.1516).abs() < 1e-12, "{}", p.adoption_cost);
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn set_keeps_every_parameter_within_its_bounds() {
        let mut p = Params::default();
        p.set(ParamKey::Relevance, 0.1);
        assert_eq!(p.relevance, 0.1);
        p.set(ParamKey::OpenShare, f64::NAN);
        assert_eq!(p.open_share, 0.5, "NaN leaves the parameter as it was");
        for (value, kept) in [(2.0, 0.95), (f64::INFINITY, 0.95), (-0.1, 0.0), (f64::NEG_INFINITY, 0.0)] {
            p.set(ParamKey::OpenShare, value);
            assert_eq!(p.open_share, kept, "{value} is taken as the nearest end");
        }
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(p.get(ParamKey::LabBreadth), 20.0);
    }

    #[test]
    fn validation_names_the_parameter_readably() {
        let bad = Params { open_share: 2.0, ..Params::default() };
        assert_eq!(
            bad.validate().unwrap_err().to_string(),
            "o (share of lab effort open-sourced) must be between 0 and 0.95; got 2"
        );
    }
}
