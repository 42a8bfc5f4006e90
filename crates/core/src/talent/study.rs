//! The questions the page asks of the model beyond one curve: which two parameters the heat map
//! sweeps, and the Monte Carlo's ranges, draws and seed. One type so the URL carries them all
//! and the heat map, the Monte Carlo and the tornado read the same ranges.

use super::catalogue::{meta, PARAMS};
use super::heatmap::HeatmapJob;
use super::params::Params;
use super::uncertainty::{default_ranges, Range};
use super::view::FROM_THE_LEDGER;
use crate::input::Bounds;
use crate::jobs::Request;
use crate::query::{number, seed, QueryReader, QueryWriter};

/// Cells a side of the heat map: about 0.1 s in a browser's worker, finer than the eye needs.
pub const MAP_SIDE: usize = 40;
pub const DRAW_BOUNDS: Bounds = Bounds::new(100.0, 200_000.0);

#[derive(Clone, Debug, PartialEq)]
pub struct Study {
    /// The spec's six uncertain parameters, in its order, with the ends the reader chose.
    pub ranges: Vec<Range>,
    pub draws: usize,
    pub seed: u64,
    /// The heat map's parameters, across and up.
    pub map_x: &'static str,
    pub map_y: &'static str,
}

impl Default for Study {
    fn default() -> Self {
        let (x, y) = HeatmapJob::default_axes();
        let key = |range: Range| meta(&range.key).expect("the default axes are parameters").key;
        Study { ranges: default_ranges(), draws: 10_000, seed: 2017, map_x: key(x), map_y: key(y) }
    }
}

/// Parameters a heat-map axis may sweep: the page's own, not the ledger's a and b.
pub fn map_axes() -> impl Iterator<Item = &'static str> {
    PARAMS.iter().map(|m| m.key).filter(|key| !FROM_THE_LEDGER.contains(key))
}

impl Study {
    pub fn read(query: &mut QueryReader) -> Study {
        let mut study = Study::default();
        for range in &mut study.ranges {
            let m = meta(&range.key).expect("ranges name parameters");
            let low = query.take(&format!("{}_lo", m.key), number(m.bounds())).unwrap_or(range.low);
            let high = query.take(&format!("{}_hi", m.key), number(m.bounds())).unwrap_or(range.high);
            // A reversed range is the same range.
            (range.low, range.high) = (low.min(high), low.max(high));
        }
        if let Some(draws) = query.take("draws", number(DRAW_BOUNDS)) {
            study.draws = draws.round() as usize;
        }
        if let Some(seed) = query.take("seed", seed) {
            study.seed = seed;
        }
        let axis = |text: &str| {
            map_axes()
                .find(|key| *key == text)
                .ok_or_else(|| "not a parameter the heat map can sweep".to_owned())
        };
        for (across, key) in [(true, "map_x"), (false, "map_y")] {
            if let Some(axis) = query.take(key, axis) {
                study.set_axis(across, axis).expect("map_axes lists what set_axis takes");
            }
        }
        study
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = Study::default();
        for (range, default) in self.ranges.iter().zip(&base.ranges) {
            query.put_unless_default(&format!("{}_lo", range.key), range.low, default.low);
            query.put_unless_default(&format!("{}_hi", range.key), range.high, default.high);
        }
        query.put_unless_default("draws", self.draws, base.draws);
        query.put_unless_default("seed", self.seed, base.seed);
        query.put_unless_default("map_x", self.map_x, base.map_x);
        query.put_unless_default("map_y", self.map_y, base.map_y);
    }

    /// Sets one end of a parameter's range, keeping the ends in order by swapping if needed.
    pub fn set_end(&mut self, key: &str, high: bool, value: f64) -> Result<(), String> {
        let range =
            self.ranges.iter_mut().find(|r| r.key == key).ok_or_else(|| format!("{key} has no range"))?;
        let (low, high) = if high { (range.low, value) } else { (value, range.high) };
        *range = Range::new(key, low.min(high), low.max(high))?;
        Ok(())
    }

    /// The spec's ranges, draws and seed again, keeping the heat map's axes.
    pub fn reset_ranges(&mut self) {
        *self = Study { map_x: self.map_x, map_y: self.map_y, ..Study::default() };
    }

    /// Picks an axis; picking the other axis's parameter swaps the two, so they never coincide.
    pub fn set_axis(&mut self, across: bool, key: &str) -> Result<(), String> {
        let key =
            map_axes().find(|k| *k == key).ok_or_else(|| format!("the heat map cannot sweep “{key}”"))?;
        let (this, other) =
            if across { (&mut self.map_x, &mut self.map_y) } else { (&mut self.map_y, &mut self.map_x) };
        if *other == key {
            *other = *this;
        }
        *this = key;
        Ok(())
    }

    /// The span of an axis: the Monte Carlo's range of the parameter where it has one, else all
    /// the values the parameter may take.
    pub fn axis_range(&self, key: &str) -> Option<Range> {
        self.ranges.iter().find(|r| r.key == key).cloned().or_else(|| Range::default_for(key))
    }

    pub fn heatmap_request(&self, params: &Params) -> Result<Request, String> {
        let axis = |key: &str| self.axis_range(key).ok_or_else(|| format!("“{key}” is not a parameter"));
        Ok(Request::Heatmap {
            params: *params,
            x: axis(self.map_x)?,
            y: axis(self.map_y)?,
            columns: MAP_SIDE,
            rows: MAP_SIDE,
        })
    }

    pub fn monte_carlo_request(&self, params: &Params) -> Request {
        Request::MonteCarlo {
            params: *params,
            ranges: self.ranges.clone(),
            draws: self.draws,
            seed: self.seed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(study: &Study) -> (String, Study) {
        let mut writer = QueryWriter::default();
        study.write(&mut writer);
        let query = writer.finish();
        let mut reader = QueryReader::parse(&query);
        let back = Study::read(&mut reader);
        assert!(reader.finish().is_empty(), "{query}");
        (query, back)
    }

    #[test]
    fn defaults_write_nothing_and_edits_round_trip() {
        assert_eq!(round_trip(&Study::default()).0, "");
        let mut study = Study::default();
        study.set_end("rho", true, 0.1).unwrap();
        study.set_end("open", false, 0.9).unwrap();
        study.set_axis(true, "beta").unwrap();
        study.draws = 500;
        let (query, back) = round_trip(&study);
        assert_eq!(query, "open_lo=0.8&open_hi=0.9&rho_hi=0.1&draws=500&map_x=beta");
        assert_eq!(back, study);
    }

    #[test]
    fn picking_the_other_axis_swaps_them() {
        let mut study = Study::default();
        study.set_axis(false, "open").unwrap();
        assert_eq!((study.map_x, study.map_y), ("rho", "open"));
        assert!(study.set_axis(true, "a").is_err(), "a comes from the ledger");
    }

    #[test]
    fn bad_parameters_are_reported_and_the_defaults_kept() {
        let mut reader = QueryReader::parse("rho_lo=-1&draws=3&map_y=nope&seed=x");
        let study = Study::read(&mut reader);
        let mut keys: Vec<String> = reader.finish().into_iter().map(|p| p.key).collect();
        keys.sort();
        assert_eq!(keys, ["draws", "map_y", "rho_lo", "seed"]);
        assert_eq!(study, Study::default());
        let swapped = Study::read(&mut QueryReader::parse("map_x=rho"));
        assert_eq!(
            (swapped.map_x, swapped.map_y),
            ("rho", "open"),
            "one axis named alone swaps, as the picker does"
        );
    }

    #[test]
    fn axes_span_the_monte_carlo_ranges() {
        let mut study = Study::default();
        study.set_end("rho", false, 0.01).unwrap();
        let Request::Heatmap { y, columns, .. } = study.heatmap_request(&Params::default()).unwrap() else {
            panic!()
        };
        assert_eq!((y.low, y.high, columns), (0.01, 0.05, MAP_SIDE));
        assert_eq!(study.axis_range("years").map(|r| (r.low, r.high)), Some((0.5, 10.0)));
    }
}
