//! Ranges of the uncertain parameters: drawn from by the Monte Carlo, their ends are the tornado's,
//! and they span the heat map's axes, so the three charts question the same uncertainty.

use serde::{Deserialize, Serialize};

use super::catalogue::{meta, ParamMeta};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    Uniform,
    /// Every factor of the range equally likely: for parameters uncertain in their order of magnitude.
    LogUniform,
}

/// The range of one parameter, by its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub key: String,
    pub low: f64,
    pub high: f64,
    pub scale: Scale,
}

/// The spec's Monte Carlo ranges. The scale follows each parameter's slider: shares and the
/// productivity multiple (under a factor of 4 wide) uniform; platform need, relevance, depth and
/// breadth (factors of 10 to 20) log-uniform.
const SPEC_RANGES: [(&str, f64, f64); 6] = [
    ("open", 0.2, 0.8),
    ("rho", 0.005, 0.05),
    ("platform", 20.0, 200.0),
    ("depth", 100.0, 1_000.0),
    ("beta", 5.0, 100.0),
    ("q", 1.0, 2.5),
];

pub fn default_ranges() -> Vec<Range> {
    SPEC_RANGES
        .iter()
        .map(|&(key, low, high)| Range::new(key, low, high).expect("the spec's ranges are valid"))
        .collect()
}

impl Range {
    /// With the scale the parameter's slider uses.
    pub fn new(key: &str, low: f64, high: f64) -> Result<Range, String> {
        let m = meta(key).ok_or_else(|| format!("unknown parameter “{key}”"))?;
        let scale = if m.log { Scale::LogUniform } else { Scale::Uniform };
        let range = Range { key: key.to_owned(), low, high, scale };
        range.check().map(|_| range)
    }

    /// The spec's range where it gives one, else everything the parameter may be set to: what a
    /// heat-map axis or a new Monte Carlo range starts from when the user picks a parameter.
    pub fn default_for(key: &str) -> Option<Range> {
        let m = meta(key)?;
        let (low, high) = SPEC_RANGES.iter().find(|r| r.0 == key).map_or((m.min, m.max), |r| (r.1, r.2));
        Range::new(key, low, high).ok()
    }

    /// The point a share t (0…1) of the way along the range, on its scale; a uniform t gives a draw.
    pub fn at(&self, t: f64) -> f64 {
        let point = match self.scale {
            Scale::Uniform => self.low + (self.high - self.low) * t,
            Scale::LogUniform => self.low * (self.high / self.low).powf(t),
        };
        point.clamp(self.low, self.high)
    }

    fn check(&self) -> Result<&'static ParamMeta, String> {
        let m = meta(&self.key).ok_or_else(|| format!("unknown parameter “{}”", self.key))?;
        m.check(self.low)?;
        m.check(self.high)?;
        if self.low > self.high {
            Err(format!(
                "the range of {} runs from {} down to {}: swap its ends",
                m.symbol, self.low, self.high
            ))
        } else if self.scale == Scale::LogUniform && self.low <= 0.0 {
            Err(format!("a log-uniform range of {} must start above 0", m.symbol))
        } else {
            Ok(m)
        }
    }
}

/// Each range's parameter, in order; a parameter given twice is an error, since one of its ranges
/// would silently lose.
pub(super) fn resolve(ranges: &[Range]) -> Result<Vec<&'static ParamMeta>, String> {
    let metas = ranges.iter().map(Range::check).collect::<Result<Vec<_>, _>>()?;
    match metas.iter().enumerate().find(|(i, m)| metas[..*i].iter().any(|other| other.key == m.key)) {
        Some((_, m)) => Err(format!("{} is given two ranges", m.symbol)),
        None => Ok(metas),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_ranges_with_their_scales() {
        let ranges = default_ranges();
        let scales: Vec<_> = ranges.iter().map(|r| (r.key.as_str(), r.scale)).collect();
        assert_eq!(scales[0], ("open", Scale::Uniform));
        assert_eq!(scales[1], ("rho", Scale::LogUniform));
        assert_eq!(scales[5], ("q", Scale::Uniform));
        assert_eq!(resolve(&ranges).map(|m| m.len()), Ok(6));
    }

    #[test]
    fn points_along_a_range_stay_inside_it() {
        let rho = Range::default_for("rho").unwrap();
        assert_eq!((rho.at(0.0), rho.at(1.0)), (0.005, 0.05));
        assert!((rho.at(0.5) - (0.005f64 * 0.05).sqrt()).abs() < 1e-15);
        assert_eq!(Range::default_for("years").map(|r| (r.low, r.high)), Some((0.5, 10.0)));
    }

    #[test]
    fn bad_ranges_are_refused_readably() {
        assert!(Range::new("open", 0.8, 0.2).unwrap_err().contains("swap"));
        assert!(Range::new("open", 0.2, 1.5).is_err());
        assert!(Range::new("x", 0.0, 1.0).is_err());
        let log_from_zero = Range { key: "open".into(), low: 0.0, high: 0.5, scale: Scale::LogUniform };
        assert!(resolve(&[log_from_zero]).is_err());
        let twice = [Range::default_for("rho").unwrap(), Range::default_for("rho").unwrap()];
        assert!(resolve(&twice).unwrap_err().contains("two ranges"));
    }
}
