//! The model's parameters by identity. Code names a parameter with this enum, so a misspelt
//! parameter does not compile; its short name is text only in links and the page's pickers, and
//! is parsed once there.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::catalogue::{ParamMeta, PARAMS};

/// One of the thirteen inputs of [`super::Params`], in the order of the spec's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ParamKey {
    Engineers,
    Labs,
    TeamSize,
    HorizonYears,
    OpenShare,
    EffortA,
    EffortB,
    LabProductivity,
    PlatformKsloc,
    Relevance,
    AdoptionCost,
    ProblemDepth,
    LabBreadth,
}

/// The parameters that come from the ledger's effort model rather than from this page.
pub const FROM_THE_LEDGER: [ParamKey; 2] = [ParamKey::EffortA, ParamKey::EffortB];

impl ParamKey {
    /// In the catalogue's order, which [`ParamKey::meta`] relies on.
    pub const ALL: [ParamKey; 13] = [
        ParamKey::Engineers,
        ParamKey::Labs,
        ParamKey::TeamSize,
        ParamKey::HorizonYears,
        ParamKey::OpenShare,
        ParamKey::EffortA,
        ParamKey::EffortB,
        ParamKey::LabProductivity,
        ParamKey::PlatformKsloc,
        ParamKey::Relevance,
        ParamKey::AdoptionCost,
        ParamKey::ProblemDepth,
        ParamKey::LabBreadth,
    ];

    /// Short and URL-safe: the parameter's key in a link and the id of its field.
    pub fn name(self) -> &'static str {
        match self {
            ParamKey::Engineers => "engineers",
            ParamKey::Labs => "labs",
            ParamKey::TeamSize => "team",
            ParamKey::HorizonYears => "years",
            ParamKey::OpenShare => "open",
            ParamKey::EffortA => "a",
            ParamKey::EffortB => "b",
            ParamKey::LabProductivity => "q",
            ParamKey::PlatformKsloc => "platform",
            ParamKey::Relevance => "rho",
            ParamKey::AdoptionCost => "aam",
            ParamKey::ProblemDepth => "depth",
            ParamKey::LabBreadth => "beta",
        }
    }

    /// The parameter a link or a picker names, if any.
    pub fn parse(name: &str) -> Option<ParamKey> {
        ParamKey::ALL.into_iter().find(|key| key.name() == name)
    }

    /// What the page says about it and the values it may take.
    pub fn meta(self) -> &'static ParamMeta {
        &PARAMS[self as usize]
    }

    /// Whether this page sets it: a and b travel with the ledger's effort model instead.
    pub fn is_own(self) -> bool {
        !FROM_THE_LEDGER.contains(&self)
    }

    /// The parameters the page sets itself, in the catalogue's order: its fields, its keys in a
    /// link and the axes its heat map can sweep.
    pub fn own() -> impl Iterator<Item = ParamKey> {
        ParamKey::ALL.into_iter().filter(|key| key.is_own())
    }
}

impl fmt::Display for ParamKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_each_key_has_its_own_row() {
        for (i, key) in ParamKey::ALL.into_iter().enumerate() {
            assert_eq!(ParamKey::parse(key.name()), Some(key));
            assert_eq!(key.to_string(), key.name());
            assert_eq!(PARAMS[i].key, key, "the catalogue follows ParamKey::ALL");
            assert_eq!(key.meta().key, key);
        }
        assert_eq!(ParamKey::parse("salery"), None);
        assert_eq!(ParamKey::parse("Open"), None, "names are exact");
    }

    #[test]
    fn the_page_sets_all_but_the_ledgers_two() {
        let own: Vec<ParamKey> = ParamKey::own().collect();
        assert_eq!(own.len(), 11);
        assert!(!own.contains(&ParamKey::EffortA) && !own.contains(&ParamKey::EffortB));
    }
}
