//! What the page says next to each control, and what it may be set to: one table, so the
//! sliders, the URL keys, validation and the Method page cannot drift apart.

use super::error::TalentError;
use super::key::ParamKey;
use super::params::Params;
use crate::input::Bounds;

/// One parameter as the UI presents it. The default is read from `Params::default()`, which
/// stays the single place the spec's defaults are written.
#[derive(Debug)]
pub struct ParamMeta {
    /// Which parameter this row describes; the table follows [`ParamKey::ALL`].
    pub key: ParamKey,
    /// As in the spec's equations, for the Method page.
    pub symbol: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    /// One sentence, shown next to the control.
    pub meaning: &'static str,
    pub source: &'static str,
    pub min: f64,
    pub max: f64,
    /// Whether the slider should move in equal ratios: the parameter is uncertain in its order
    /// of magnitude. Also the default distribution of its Monte Carlo range.
    pub log: bool,
    slot: fn(&mut Params) -> &mut f64,
}

impl ParamMeta {
    pub fn default_value(&self) -> f64 {
        self.of(&Params::default())
    }

    /// Reads through the same accessor that writes, so each field is named once in the table.
    pub fn of(&self, params: &Params) -> f64 {
        let mut copy = *params;
        *(self.slot)(&mut copy)
    }

    pub(super) fn slot<'a>(&self, params: &'a mut Params) -> &'a mut f64 {
        (self.slot)(params)
    }

    /// The values the parameter may take, as the page's field and the URL reader accept them.
    pub fn bounds(&self) -> Bounds {
        Bounds::new(self.min, self.max)
    }

    pub fn check(&self, value: f64) -> Result<(), TalentError> {
        if !value.is_finite() {
            Err(TalentError::NotFinite { key: self.key, value })
        } else if !(self.min..=self.max).contains(&value) {
            Err(TalentError::OutOfBounds { key: self.key, value })
        } else {
            Ok(())
        }
    }
}

const ASSUMPTION: &str = "Assumption; change it to test the argument.";
const LEDGER: &str =
    "The cost ledger's selected model; by default Basic COCOMO organic, a 2.4, b 1.05 (Boehm 1981).";

/// Ranges are wide enough for every plausible reading and narrow enough that the model stays
/// finite and the gain defined (o < 1 keeps labs producing something, see docs/talent-model.md).
/// The optimum search is checked against a dense scan over all of them.
pub static PARAMS: [ParamMeta; 13] = [
    ParamMeta {
        key: ParamKey::Engineers,
        symbol: "T",
        label: "ML engineers",
        unit: "engineers",
        meaning: "How many ML engineers the ecosystem has to share between core labs and firms.",
        source: "The article: over 7,000 job postings mention the frameworks.",
        min: 100.0,
        max: 100_000.0,
        log: true,
        slot: |p| &mut p.engineers,
    },
    ParamMeta {
        key: ParamKey::Labs,
        symbol: "L",
        label: "core labs",
        unit: "labs",
        meaning: "How many organisations pool engineers, do core work and open-source their platforms.",
        source: "The article names six: Google, Facebook, Microsoft, IBM, Baidu and Amazon.",
        min: 1.0,
        max: 30.0,
        log: false,
        slot: |p| &mut p.labs,
    },
    ParamMeta {
        key: ParamKey::TeamSize,
        symbol: "s",
        label: "team size",
        unit: "engineers",
        meaning: "How many engineers each firm gets when talent is spread, one team per firm.",
        source: "The article's \u{201c}small teams\u{201d}; the number is an assumption.",
        min: 1.0,
        max: 50.0,
        log: true,
        slot: |p| &mut p.team_size,
    },
    ParamMeta {
        key: ParamKey::HorizonYears,
        symbol: "H",
        label: "horizon",
        unit: "years",
        meaning: "Over how many years effort is counted, for platforms and applications alike.",
        source: ASSUMPTION,
        min: 0.5,
        max: 10.0,
        log: false,
        slot: |p| &mut p.horizon_years,
    },
    ParamMeta {
        key: ParamKey::OpenShare,
        symbol: "o",
        label: "share of lab effort open-sourced",
        unit: "share",
        meaning: "What share of a lab's effort goes into platform code it open-sources; the rest solves the lab's own problems.",
        source: ASSUMPTION,
        min: 0.0,
        max: 0.95,
        log: false,
        slot: |p| &mut p.open_share,
    },
    ParamMeta {
        key: ParamKey::EffortA,
        symbol: "a",
        label: "effort coefficient",
        unit: "PM per KSLOC^b",
        meaning: "The multiplier of the effort equation PM = a·KSLOC^b, the same one the cost ledger uses.",
        source: LEDGER,
        min: 0.5,
        max: 10.0,
        log: true,
        slot: |p| &mut p.effort_a,
    },
    ParamMeta {
        key: ParamKey::EffortB,
        symbol: "b",
        label: "effort exponent",
        unit: "",
        meaning: "The exponent of the effort equation: above 1, a bigger codebase costs more per line.",
        source: LEDGER,
        min: 0.8,
        max: 1.5,
        log: false,
        slot: |p| &mut p.effort_b,
    },
    ParamMeta {
        key: ParamKey::LabProductivity,
        symbol: "q",
        label: "lab productivity multiple",
        unit: "×",
        meaning: "How many times more a pooled engineer produces than one in a firm.",
        source: "COCOMO II effort multipliers: 1 / (ACAP Very High 0.71 × PCAP Very High 0.76) ≈ 1.853, firms Nominal.",
        min: 0.5,
        max: 4.0,
        log: false,
        slot: |p| &mut p.lab_productivity,
    },
    ParamMeta {
        key: ParamKey::PlatformKsloc,
        symbol: "P",
        label: "platform need",
        unit: "KSLOC",
        meaning: "How much platform code a firm needs before it can work on its own problem.",
        source: ASSUMPTION,
        min: 1.0,
        max: 1_000.0,
        log: true,
        slot: |p| &mut p.platform_ksloc,
    },
    ParamMeta {
        key: ParamKey::Relevance,
        symbol: "ρ",
        label: "relevance of the open-source stock",
        unit: "share",
        meaning: "What share of all open-sourced platform code is of use to one firm.",
        source: ASSUMPTION,
        min: 0.0001,
        max: 1.0,
        log: true,
        slot: |p| &mut p.relevance,
    },
    ParamMeta {
        key: ParamKey::AdoptionCost,
        symbol: "AAM",
        label: "adoption cost",
        unit: "share of writing",
        meaning: "What adopting a line of existing code costs, as a share of writing it anew.",
        source: "COCOMO II reuse model: AA 4, DM 0, CM 0, IM 30, SU 30 (Nominal), UNFM 0.4.",
        min: 0.0,
        // COCOMO II allows up to 1.58, but a firm would write code rather than adopt it at more
        // than its cost, and E(κ) would then punish firms for the stock (docs/talent-model.md).
        max: 1.0,
        log: false,
        slot: |p| &mut p.adoption_cost,
    },
    ParamMeta {
        key: ParamKey::ProblemDepth,
        symbol: "A0",
        label: "a firm's problem depth",
        unit: "PM",
        meaning: "How many person-months of its own application work a firm can use before returns fall to 1/e.",
        source: ASSUMPTION,
        min: 10.0,
        max: 10_000.0,
        log: true,
        slot: |p| &mut p.problem_depth,
    },
    ParamMeta {
        key: ParamKey::LabBreadth,
        symbol: "β",
        label: "a lab's problem breadth",
        unit: "firms' worth",
        meaning: "How many firms' worth of problems a lab can put its own application work to.",
        source: ASSUMPTION,
        min: 1.0,
        max: 1_000.0,
        log: true,
        slot: |p| &mut p.lab_breadth,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_url_safe_and_defaults_in_range() {
        for (i, m) in PARAMS.iter().enumerate() {
            let name = m.key.name();
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{name}");
            assert!(PARAMS[..i].iter().all(|other| other.key.name() != name), "{name} twice");
            assert_eq!(m.check(m.default_value()), Ok(()), "{}", m.key);
            assert!(m.min < m.max && (!m.log || m.min > 0.0), "{}", m.key);
        }
    }

    #[test]
    fn each_key_reaches_its_own_field() {
        for m in &PARAMS {
            let mut p = Params::default();
            p.set(m.key, m.max);
            let changed = PARAMS.iter().filter(|other| other.of(&p) != other.default_value()).count();
            assert_eq!((m.of(&p), changed), (m.max, 1), "{}", m.key);
        }
    }
}
