//! Sensitivity: how c* and the gain move when one parameter goes to an end of its range and the
//! others stay where the user set them.

use serde::{Deserialize, Serialize};

use super::error::TalentError;
use super::key::ParamKey;
use super::optimum::{optimum, Optimum};
use super::params::Params;
use super::uncertainty::{resolve, Range};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    pub key: ParamKey,
    /// The parameter's two ends.
    pub low: f64,
    pub high: f64,
    /// The outcome (c* or gain) with the parameter at each end.
    pub at_low: f64,
    pub at_high: f64,
}

impl TornadoBar {
    pub fn swing(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// Two tornadoes from one set of optima, each widest bar first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    pub base: Optimum,
    pub c_star: Vec<TornadoBar>,
    pub gain: Vec<TornadoBar>,
}

/// Over the same ranges as the Monte Carlo (by default the spec's six), so the tornado explains
/// the spread the histograms show.
pub fn tornado(base: &Params, ranges: &[Range]) -> Result<Tornado, TalentError> {
    base.validate()?;
    let ends: Vec<_> = resolve(ranges)?
        .into_iter()
        .zip(ranges)
        .map(|(m, range)| {
            let at = |value| {
                let mut params = *base;
                *m.slot(&mut params) = value;
                optimum(&params)
            };
            (range, at(range.low), at(range.high))
        })
        .collect();
    let bars = |outcome: fn(&Optimum) -> f64| {
        let mut bars: Vec<_> = ends
            .iter()
            .map(|(range, low, high)| TornadoBar {
                key: range.key,
                low: range.low,
                high: range.high,
                at_low: outcome(low),
                at_high: outcome(high),
            })
            .collect();
        bars.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
        bars
    };
    Ok(Tornado { base: optimum(base), c_star: bars(|o| o.c_star), gain: bars(|o| o.gain) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::talent::default_ranges;

    #[test]
    fn bars_sorted_by_swing_and_beta_pushes_c_star_up() {
        let t = tornado(&Params::default(), &default_ranges()).unwrap();
        assert_eq!((t.c_star.len(), t.gain.len()), (6, 6));
        for bars in [&t.c_star, &t.gain] {
            assert!(bars.windows(2).all(|w| w[0].swing() >= w[1].swing()));
        }
        let beta = t.c_star.iter().find(|b| b.key == ParamKey::LabBreadth).unwrap();
        assert!(beta.at_high > t.base.c_star && t.base.c_star > beta.at_low, "{beta:?}");
    }
}
