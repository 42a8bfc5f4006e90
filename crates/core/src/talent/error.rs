//! Why the model refuses a question, each reason worded as the page shows it.

use std::fmt;

use super::heatmap::MAX_SIDE;
use super::key::ParamKey;
use super::monte_carlo::MAX_DRAWS;

#[derive(Clone, Debug, PartialEq)]
pub enum TalentError {
    /// NaN or an infinity where a parameter should be.
    NotFinite {
        key: ParamKey,
        value: f64,
    },
    /// A value the parameter's slider does not reach.
    OutOfBounds {
        key: ParamKey,
        value: f64,
    },
    /// A Monte Carlo range whose low end is above its high end.
    ReversedRange {
        key: ParamKey,
        low: f64,
        high: f64,
    },
    /// A log-uniform range cannot reach zero.
    LogRangeFromZero {
        key: ParamKey,
    },
    /// One parameter with two ranges, of which one would silently lose.
    TwoRanges {
        key: ParamKey,
    },
    SameAxes,
    /// Points a side of the heat map, outside what it takes.
    MapSide(usize),
    /// Draws of the Monte Carlo, outside what it takes.
    Draws(usize),
}

impl fmt::Display for TalentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let symbol = |key: &ParamKey| key.meta().symbol;
        match self {
            TalentError::NotFinite { key, value } => {
                let m = key.meta();
                write!(f, "{} ({}) must be a finite number; got {value}", m.symbol, m.label)
            }
            TalentError::OutOfBounds { key, value } => {
                let m = key.meta();
                write!(f, "{} ({}) must be between {} and {}; got {value}", m.symbol, m.label, m.min, m.max)
            }
            TalentError::ReversedRange { key, low, high } => {
                write!(f, "the range of {} runs from {low} down to {high}: swap its ends", symbol(key))
            }
            TalentError::LogRangeFromZero { key } => {
                write!(f, "a log-uniform range of {} must start above 0", symbol(key))
            }
            TalentError::TwoRanges { key } => write!(f, "{} is given two ranges", symbol(key)),
            TalentError::SameAxes => f.write_str("the heat map's two axes must be different parameters"),
            TalentError::MapSide(side) => {
                write!(f, "the heat map takes 2 to {MAX_SIDE} points a side; got {side}")
            }
            TalentError::Draws(draws) => {
                write!(f, "the Monte Carlo takes 1 to {MAX_DRAWS} draws; got {draws}")
            }
        }
    }
}

impl std::error::Error for TalentError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_reads_as_the_page_shows_it() {
        let open = ParamKey::OpenShare;
        let cases = [
            (
                TalentError::NotFinite { key: open, value: f64::NAN },
                "o (share of lab effort open-sourced) must be a finite number; got NaN",
            ),
            (
                TalentError::OutOfBounds { key: open, value: 2.0 },
                "o (share of lab effort open-sourced) must be between 0 and 0.95; got 2",
            ),
            (
                TalentError::ReversedRange { key: ParamKey::Relevance, low: 0.5, high: 0.1 },
                "the range of ρ runs from 0.5 down to 0.1: swap its ends",
            ),
            (
                TalentError::LogRangeFromZero { key: ParamKey::Relevance },
                "a log-uniform range of ρ must start above 0",
            ),
            (TalentError::TwoRanges { key: ParamKey::LabBreadth }, "β is given two ranges"),
            (TalentError::SameAxes, "the heat map's two axes must be different parameters"),
            (TalentError::MapSide(1), "the heat map takes 2 to 400 points a side; got 1"),
            (TalentError::Draws(0), "the Monte Carlo takes 1 to 1000000 draws; got 0"),
        ];
        for (error, sentence) in cases {
            assert_eq!(error.to_string(), sentence);
        }
    }
}
