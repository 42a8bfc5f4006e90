//! Ranges of the uncertain parameters: drawn from by the Monte Carlo, their ends are the tornado's,
//! and they span the heat map's axes, so the three charts question the same uncertainty.

use serde::{Deserialize, Serialize};

use super::catalogue::ParamMeta;
use super::error::TalentError;
use super::key::ParamKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    Uniform,
    /// Every factor of the range equally likely: for parameters uncertain in their order of magnitude.
    LogUniform,
}

/// The range of one parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub key: ParamKey,
    pub low: f64,
    pub high: f64,
    pub scale: Scale,
}

/// The spec's Monte Carlo ranges. The scale follows each parameter's slider: shares and the
/// productivity multiple (under a factor of 4 wide) uniform; platform need, relevance, depth and
/// breadth (factors of 10 to 20) log-uniform.
const SPEC_RANGES: [(ParamKey, f64, f64); 6] = [
    (ParamKey::OpenShare, 0.2, 0.8),
    (ParamKey::Relevance, 0.005, 0.05),
    (ParamKey::PlatformKsloc, 20.0, 200.0),
    (ParamKey::ProblemDepth, 100.0, 1_000.0),
    (ParamKey::LabBreadth, 5.0, 100.0),
    (ParamKey::LabProductivity, 1.0, 2.5),
];

pub fn default_ranges() -> Vec<Range> {
    SPEC_RANGES.iter().map(|&(key, _, _)| Range::default_for(key)).collect()
}

/// The scale of a parameter's slider, which its range is drawn on.
fn scale_of(m: &ParamMeta) -> Scale {
    if m.log {
        Scale::LogUniform
    } else {
        Scale::Uniform
    }
}

impl Range {
    /// With the scale the parameter's slider uses.
    pub fn new(key: ParamKey, low: f64, high: f64) -> Result<Range, TalentError> {
        let range = Range { key, low, high, scale: scale_of(key.meta()) };
        range.check().map(|_| range)
    }

    /// The spec's range where it gives one, else everything the parameter may be set to: what a
    /// heat-map axis or a new Monte Carlo range starts from when the user picks a parameter.
    /// Both lie within the parameter's bounds (the tests check every one), so this cannot fail.
    pub fn default_for(key: ParamKey) -> Range {
        let m = key.meta();
        let (low, high) = SPEC_RANGES.iter().find(|r| r.0 == key).map_or((m.min, m.max), |r| (r.1, r.2));
        Range { key, low, high, scale: scale_of(m) }
    }

    /// Moves one end, taking a value past the parameter's bounds as the bound and keeping the
    /// ends in order by swapping them, so the range stays one the Monte Carlo can draw from.
    pub fn set_end(&mut self, high: bool, value: f64) {
        let m = self.key.meta();
        if value.is_nan() {
            return;
        }
        let value = value.clamp(m.min, m.max);
        let (low, high) = if high { (self.low, value) } else { (value, self.high) };
        (self.low, self.high) = (low.min(high), low.max(high));
    }

    /// The point a share t (0…1) of the way along the range, on its scale; a uniform t gives a draw.
    pub fn at(&self, t: f64) -> f64 {
        let point = match self.scale {
            Scale::Uniform => self.low + (self.high - self.low) * t,
            Scale::LogUniform => self.low * (self.high / self.low).powf(t),
        };
        point.clamp(self.low, self.high)
    }

    fn check(&self) -> Result<&'static ParamMeta, TalentError> {
        let m = self.key.meta();
        m.check(self.low)?;
        m.check(self.high)?;
        if self.low > self.high {
            Err(TalentError::ReversedRange { key: self.key, low: self.low, high: self.high })
        } else if self.scale == Scale::LogUniform && self.low <= 0.0 {
            Err(TalentError::LogRangeFromZero { key: self.key })
        } else {
            Ok(m)
        }
    }
}

/// Each range's parameter, in order; a parameter given twice is an error, since one of its ranges
/// would silently lose.
pub(super) fn resolve(ranges: &[Range]) -> Result<Vec<&'static ParamMeta>, TalentError> {
    let metas = ranges.iter().map(Range::check).collect::<Result<Vec<_>, _>>()?;
    match metas.iter().enumerate().find(|(i, m)| metas[..*i].iter().any(|other| other.key == m.key)) {
        Some((_, m)) => Err(TalentError::TwoRanges { key: m.key }),
        None => Ok(metas),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_ranges_with_their_scales() {
        let ranges = default_ranges();
        let scales: Vec<_> = ranges.iter().map(|r| (r.key, r.scale)).collect();
        assert_eq!(scales[0], (ParamKey::OpenShare, Scale::Uniform));
        assert_eq!(scales[1], (ParamKey::Relevance, Scale::LogUniform));
        assert_eq!(scales[5], (ParamKey::LabProductivity, Scale::Uniform));
        assert_eq!(resolve(&ranges).map(|m| m.len()), Ok(6));
    }

    #[test]
    fn every_default_range_is_valid() {
        for key in ParamKey::ALL {
            let range = Range::default_for(key);
            assert_eq!(Range::new(key, range.low, range.high), Ok(range), "{key}");
        }
    }

    #[test]
    fn points_along_a_range_stay_inside_it() {
        let rho = Range::default_for(ParamKey::Relevance);
        assert_eq!((rho.at(0.0), rho.at(1.0)), (0.005, 0.05));
        assert!((rho.at(0.5) - (0.005f64 * 0.05).sqrt()).abs() < 1e-15);
        let years = Range::default_for(ParamKey::HorizonYears);
        assert_eq!((years.low, years.high), (0.5, 10.0));
    }

    #[test]
    fn moving_an_end_keeps_the_range_valid() {
        let mut open = Range::default_for(ParamKey::OpenShare);
        open.set_end(false, 0.9);
        assert_eq!((open.low, open.high), (0.8, 0.9), "a low end above the high one swaps them");
        open.set_end(true, 7.0);
        assert_eq!((open.low, open.high), (0.8, 0.95), "an end past the bounds stops at them");
        open.set_end(true, f64::NAN);
        assert_eq!((open.low, open.high), (0.8, 0.95));
        assert_eq!(resolve(&[open]).err(), None);
    }

    #[test]
    fn bad_ranges_are_refused_readably() {
        let reversed = Range::new(ParamKey::OpenShare, 0.8, 0.2).unwrap_err();
        assert_eq!(reversed.to_string(), "the range of o runs from 0.8 down to 0.2: swap its ends");
        assert!(Range::new(ParamKey::OpenShare, 0.2, 1.5).is_err());
        let log_from_zero = Range { key: ParamKey::OpenShare, low: 0.0, high: 0.5, scale: Scale::LogUniform };
        assert_eq!(
            resolve(&[log_from_zero]).err(),
            Some(TalentError::LogRangeFromZero { key: ParamKey::OpenShare })
        );
        let twice = [Range::default_for(ParamKey::Relevance), Range::default_for(ParamKey::Relevance)];
        assert_eq!(resolve(&twice).unwrap_err().to_string(), "ρ is given two ranges");
    }
}
