//! c* and the gain over a grid of two parameters, a row at a time so a Web Worker can report
//! progress between rows and stop by simply not asking for the next one.

use serde::{Deserialize, Serialize};

use super::catalogue::ParamMeta;
use super::error::TalentError;
use super::key::ParamKey;
use super::optimum::optimum;
use super::params::Params;
use super::uncertainty::{resolve, Range};
use crate::progress::Progress;

/// Beyond this a map takes tens of seconds and has more cells than a chart has pixels for.
pub(super) const MAX_SIDE: usize = 400;

/// One row of the map: y fixed, x running along `HeatmapJob::x_values`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeatmapRow {
    pub index: usize,
    pub y: f64,
    pub c_star: Vec<f64>,
    pub gain: Vec<f64>,
}

#[derive(Clone, Debug)]
pub struct HeatmapJob {
    base: Params,
    x: &'static ParamMeta,
    y: &'static ParamMeta,
    xs: Vec<f64>,
    ys: Vec<f64>,
    next: usize,
}

impl HeatmapJob {
    /// Axes are spaced on their ranges' scales, so a log-scaled parameter gets equal ratios.
    pub fn new(
        base: &Params,
        x: &Range,
        y: &Range,
        columns: usize,
        rows: usize,
    ) -> Result<HeatmapJob, TalentError> {
        base.validate()?;
        if x.key == y.key {
            return Err(TalentError::SameAxes);
        }
        let metas = resolve(&[x.clone(), y.clone()])?;
        for side in [columns, rows] {
            if !(2..=MAX_SIDE).contains(&side) {
                return Err(TalentError::MapSide(side));
            }
        }
        let points = |range: &Range, n: usize| (0..n).map(|i| range.at(i as f64 / (n - 1) as f64)).collect();
        Ok(HeatmapJob {
            base: *base,
            x: metas[0],
            y: metas[1],
            xs: points(x, columns),
            ys: points(y, rows),
            next: 0,
        })
    }

    /// The spec's default map: o across, ρ up.
    pub fn default_axes() -> (Range, Range) {
        (Range::default_for(ParamKey::OpenShare), Range::default_for(ParamKey::Relevance))
    }

    pub fn x_values(&self) -> &[f64] {
        &self.xs
    }

    pub fn y_values(&self) -> &[f64] {
        &self.ys
    }

    pub fn progress(&self) -> Progress {
        Progress { done: self.next, total: self.ys.len() }
    }

    pub fn next_row(&mut self) -> Option<HeatmapRow> {
        let (index, &y) = (self.next, self.ys.get(self.next)?);
        self.next += 1;
        let mut params = self.base;
        *self.y.slot(&mut params) = y;
        let (c_star, gain) = self
            .xs
            .iter()
            .map(|&x| {
                *self.x.slot(&mut params) = x;
                let best = optimum(&params);
                (best.c_star, best.gain)
            })
            .unzip();
        Some(HeatmapRow { index, y, c_star, gain })
    }
}

/// The map as its rows arrive from the worker, in any order: what the page draws and describes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatmapGrid {
    pub x_values: Vec<f64>,
    pub y_values: Vec<f64>,
    rows: Vec<Option<HeatmapRow>>,
}

/// One cell of the map, for describing it in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatmapCell {
    pub x: f64,
    pub y: f64,
    pub value: f64,
}

impl HeatmapGrid {
    pub fn new(x_values: Vec<f64>, y_values: Vec<f64>) -> HeatmapGrid {
        let rows = vec![None; y_values.len()];
        HeatmapGrid { x_values, y_values, rows }
    }

    /// Keeps a row that belongs to this grid; a row of another grid's shape is ignored.
    pub fn insert(&mut self, row: HeatmapRow) {
        let fits = row.c_star.len() == self.x_values.len() && row.gain.len() == self.x_values.len();
        if let (true, Some(slot)) = (fits, self.rows.get_mut(row.index)) {
            *slot = Some(row);
        }
    }

    pub fn is_complete(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(Option::is_some)
    }

    /// `cells[row][column]` of one outcome, `None` where the row has not arrived.
    pub fn cells(&self, outcome: fn(&HeatmapRow) -> &[f64]) -> Vec<Vec<Option<f64>>> {
        let width = self.x_values.len();
        self.rows
            .iter()
            .map(|row| {
                row.as_ref()
                    .map_or_else(|| vec![None; width], |row| outcome(row).iter().copied().map(Some).collect())
            })
            .collect()
    }

    /// The cells with the lowest and highest value of an outcome, among those arrived.
    pub fn extremes(&self, outcome: fn(&HeatmapRow) -> &[f64]) -> Option<(HeatmapCell, HeatmapCell)> {
        let cells = self.rows.iter().flatten().flat_map(|row| {
            outcome(row).iter().zip(&self.x_values).map(|(&value, &x)| HeatmapCell { x, y: row.y, value })
        });
        cells.fold(None, |found, cell| match found {
            None => Some((cell, cell)),
            Some((low, high)) => Some((
                if cell.value < low.value { cell } else { low },
                if cell.value > high.value { cell } else { high },
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_fills_in_as_rows_arrive_and_finds_its_extremes() {
        let (x, y) = HeatmapJob::default_axes();
        let mut job = HeatmapJob::new(&Params::default(), &x, &y, 4, 3).unwrap();
        let mut grid = HeatmapGrid::new(job.x_values().to_vec(), job.y_values().to_vec());
        let rows: Vec<_> = std::iter::from_fn(|| job.next_row()).collect();
        grid.insert(rows[2].clone());
        assert_eq!(grid.cells(|r| &r.c_star)[0], vec![None; 4]);
        assert!(!grid.is_complete());
        grid.insert(HeatmapRow { index: 1, y: 0.0, c_star: vec![0.5], gain: vec![1.0] });
        assert!(
            grid.cells(|r| &r.c_star)[1].iter().all(Option::is_none),
            "a row of the wrong width is ignored"
        );
        for row in rows.iter().cloned() {
            grid.insert(row);
        }
        assert!(grid.is_complete());
        let (low, high) = grid.extremes(|r| &r.c_star).unwrap();
        let all: Vec<f64> = rows.iter().flat_map(|r| r.c_star.clone()).collect();
        assert_eq!(low.value, all.iter().copied().fold(f64::INFINITY, f64::min));
        assert_eq!(high.value, all.iter().copied().fold(0.0, f64::max));
        assert_eq!(HeatmapGrid::default().extremes(|r| &r.gain), None);
    }

    #[test]
    fn rows_come_one_at_a_time_until_done() {
        let (x, y) = HeatmapJob::default_axes();
        let mut job = HeatmapJob::new(&Params::default(), &x, &y, 5, 3).unwrap();
        assert_eq!(job.x_values().len(), 5);
        let mut rows = Vec::new();
        while let Some(row) = job.next_row() {
            assert_eq!(job.progress(), Progress { done: row.index + 1, total: 3 });
            rows.push(row);
        }
        assert_eq!(rows.len(), 3);
        assert!(job.progress().is_finished());
        assert!(rows.iter().all(|r| r.c_star.len() == 5 && r.c_star.iter().all(|c| (0.0..=1.0).contains(c))));
        assert!(
            rows[2].c_star[0] < rows[0].c_star[0],
            "firms that can use more of the stock need fewer pooled"
        );
    }

    #[test]
    fn refuses_one_parameter_twice_and_absurd_grids() {
        let (x, _) = HeatmapJob::default_axes();
        assert_eq!(HeatmapJob::new(&Params::default(), &x, &x, 5, 5).err(), Some(TalentError::SameAxes));
        let (x, y) = HeatmapJob::default_axes();
        assert_eq!(HeatmapJob::new(&Params::default(), &x, &y, 1, 5).err(), Some(TalentError::MapSide(1)));
        assert!(HeatmapJob::new(&Params::default(), &x, &y, 5, 10_000).is_err());
    }
}
