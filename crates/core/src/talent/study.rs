//! The questions the page asks of the model beyond one curve: which two parameters the heat map
//! sweeps, and the Monte Carlo's ranges, draws and seed. One type so the URL carries them all
//! and the heat map, the Monte Carlo and the tornado read the same ranges.

use super::heatmap::HeatmapJob;
use super::key::ParamKey;
use super::params::Params;
use super::uncertainty::{default_ranges, Range};
use crate::input::Bounds;
use crate::jobs::Request;
use crate::keys::Key;
use crate::query::{number, seed, QueryReader, QueryWriter, ValueError};

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
    pub map_x: MapAxis,
    pub map_y: MapAxis,
}

/// A parameter the heat map can sweep: one of the page's own, not the ledger's a or b.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapAxis(ParamKey);

impl MapAxis {
    pub fn new(key: ParamKey) -> Option<MapAxis> {
        key.is_own().then_some(MapAxis(key))
    }

    /// The axis a link or the page's picker names, if the map can sweep it.
    pub fn parse(name: &str) -> Option<MapAxis> {
        ParamKey::parse(name).and_then(MapAxis::new)
    }

    pub fn key(self) -> ParamKey {
        self.0
    }
}

impl Default for Study {
    fn default() -> Self {
        let (x, y) = HeatmapJob::default_axes();
        // Both are the page's own parameters (tested below).
        Study {
            ranges: default_ranges(),
            draws: 10_000,
            seed: 2017,
            map_x: MapAxis(x.key),
            map_y: MapAxis(y.key),
        }
    }
}

/// Parameters a heat-map axis may sweep.
pub fn map_axes() -> impl Iterator<Item = MapAxis> {
    ParamKey::own().map(MapAxis)
}

impl Study {
    /// The URL keys of the study, in the order they are read: each range's ends, then the rest.
    pub fn keys() -> Vec<Key> {
        let ends = default_ranges().into_iter().flat_map(|range| [Key::Low(range.key), Key::High(range.key)]);
        ends.chain([Key::Draws, Key::Seed, Key::MapX, Key::MapY]).collect()
    }

    pub fn read(query: &mut QueryReader) -> Study {
        let mut study = Study::default();
        for range in &mut study.ranges {
            let bounds = range.key.meta().bounds();
            let low = query.take(Key::Low(range.key), number(bounds)).unwrap_or(range.low);
            let high = query.take(Key::High(range.key), number(bounds)).unwrap_or(range.high);
            // A reversed range is the same range.
            (range.low, range.high) = (low.min(high), low.max(high));
        }
        if let Some(draws) = query.take(Key::Draws, number(DRAW_BOUNDS)) {
            study.draws = draws.round() as usize;
        }
        if let Some(seed) = query.take(Key::Seed, seed) {
            study.seed = seed;
        }
        let axis = |text: &str| MapAxis::parse(text).ok_or(ValueError::NotAnAxis);
        for (across, key) in [(true, Key::MapX), (false, Key::MapY)] {
            if let Some(axis) = query.take(key, axis) {
                study.set_axis(across, axis);
            }
        }
        study
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let base = Study::default();
        for (range, default) in self.ranges.iter().zip(&base.ranges) {
            query.put_unless_default(Key::Low(range.key), range.low, default.low);
            query.put_unless_default(Key::High(range.key), range.high, default.high);
        }
        query.put_unless_default(Key::Draws, self.draws, base.draws);
        query.put_unless_default(Key::Seed, self.seed, base.seed);
        query.put_unless_default(Key::MapX, self.map_x.key().name(), base.map_x.key().name());
        query.put_unless_default(Key::MapY, self.map_y.key().name(), base.map_y.key().name());
    }

    /// The Monte Carlo range of a parameter; `None` for the parameters the spec gives none.
    pub fn range(&self, key: ParamKey) -> Option<&Range> {
        self.ranges.iter().find(|r| r.key == key)
    }

    /// To move its ends with [`Range::set_end`].
    pub fn range_mut(&mut self, key: ParamKey) -> Option<&mut Range> {
        self.ranges.iter_mut().find(|r| r.key == key)
    }

    /// The spec's ranges, draws and seed again, keeping the heat map's axes.
    pub fn reset_ranges(&mut self) {
        *self = Study { map_x: self.map_x, map_y: self.map_y, ..Study::default() };
    }

    /// Picks an axis; picking the other axis's parameter swaps the two, so they never coincide.
    pub fn set_axis(&mut self, across: bool, axis: MapAxis) {
        let (this, other) =
            if across { (&mut self.map_x, &mut self.map_y) } else { (&mut self.map_y, &mut self.map_x) };
        if *other == axis {
            *other = *this;
        }
        *this = axis;
    }

    /// The span of an axis: the Monte Carlo's range of the parameter where it has one, else all
    /// the values the parameter may take.
    pub fn axis_range(&self, axis: MapAxis) -> Range {
        self.range(axis.key()).cloned().unwrap_or_else(|| Range::default_for(axis.key()))
    }

    pub fn heatmap_request(&self, params: &Params) -> Request {
        Request::Heatmap {
            params: *params,
            x: self.axis_range(self.map_x),
            y: self.axis_range(self.map_y),
            columns: MAP_SIDE,
            rows: MAP_SIDE,
        }
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

    fn axis(key: ParamKey) -> MapAxis {
        MapAxis::new(key).unwrap()
    }

    #[test]
    fn the_default_axes_are_the_pages_own_parameters() {
        let study = Study::default();
        assert_eq!((study.map_x, study.map_y), (axis(ParamKey::OpenShare), axis(ParamKey::Relevance)));
        assert!(study.map_x.key().is_own() && study.map_y.key().is_own());
        assert_eq!(MapAxis::new(ParamKey::EffortA), None, "a comes from the ledger");
        assert_eq!(MapAxis::parse("beta"), Some(axis(ParamKey::LabBreadth)));
        assert_eq!(MapAxis::parse("b"), None);
        assert_eq!(map_axes().count(), 11);
    }

    #[test]
    fn defaults_write_nothing_and_edits_round_trip() {
        assert_eq!(round_trip(&Study::default()).0, "");
        let mut study = Study::default();
        study.range_mut(ParamKey::Relevance).unwrap().set_end(true, 0.1);
        study.range_mut(ParamKey::OpenShare).unwrap().set_end(false, 0.9);
        study.set_axis(true, axis(ParamKey::LabBreadth));
        study.draws = 500;
        let (query, back) = round_trip(&study);
        assert_eq!(query, "open_lo=0.8&open_hi=0.9&rho_hi=0.1&draws=500&map_x=beta");
        assert_eq!(back, study);
    }

    #[test]
    fn picking_the_other_axis_swaps_them() {
        let mut study = Study::default();
        study.set_axis(false, axis(ParamKey::OpenShare));
        assert_eq!((study.map_x, study.map_y), (axis(ParamKey::Relevance), axis(ParamKey::OpenShare)));
    }

    #[test]
    fn bad_parameters_are_reported_and_the_defaults_kept() {
        let mut reader = QueryReader::parse("rho_lo=-1&draws=3&map_y=nope&seed=x");
        let study = Study::read(&mut reader);
        let problems = reader.finish();
        let keys: Vec<Key> = problems.iter().map(|p| p.key).collect();
        assert_eq!(keys, [Key::Low(ParamKey::Relevance), Key::Draws, Key::Seed, Key::MapY]);
        assert_eq!(problems[3].reason, "not a parameter the heat map can sweep");
        assert_eq!(study, Study::default());
        let swapped = Study::read(&mut QueryReader::parse("map_x=rho"));
        assert_eq!(
            (swapped.map_x, swapped.map_y),
            (axis(ParamKey::Relevance), axis(ParamKey::OpenShare)),
            "one axis named alone swaps, as the picker does"
        );
    }

    #[test]
    fn axes_span_the_monte_carlo_ranges() {
        let mut study = Study::default();
        study.range_mut(ParamKey::Relevance).unwrap().set_end(false, 0.01);
        let Request::Heatmap { y, columns, .. } = study.heatmap_request(&Params::default()) else { panic!() };
        assert_eq!((y.low, y.high, columns), (0.01, 0.05, MAP_SIDE));
        let years = study.axis_range(axis(ParamKey::HorizonYears));
        assert_eq!((years.low, years.high), (0.5, 10.0));
    }
}
