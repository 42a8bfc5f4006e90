//! c* and the gain over a grid of two parameters, a row at a time so a Web Worker can report
//! progress between rows and stop by simply not asking for the next one.

use serde::{Deserialize, Serialize};

use super::catalogue::ParamMeta;
use super::optimum::optimum;
use super::params::Params;
use crate::progress::Progress;
use super::uncertainty::{resolve, Range};

/// Beyond this a map takes tens of seconds and has more cells than a chart has pixels for.
const MAX_SIDE: usize = 400;

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
    pub fn new(base: &Params, x: &Range, y: &Range, columns: usize, rows: usize) -> Result<HeatmapJob, String> {
        base.validate()?;
        if x.key == y.key {
            return Err("the heat map's two axes must be different parameters".to_owned());
        }
        let metas = resolve(&[x.clone(), y.clone()])?;
        for side in [columns, rows] {
            if !(2..=MAX_SIDE).contains(&side) {
                return Err(format!("the heat map takes 2 to {MAX_SIDE} points a side; got {side}"));
            }
        }
        let points = |range: &Range, n: usize| (0..n).map(|i| range.at(i as f64 / (n - 1) as f64)).collect();
        Ok(HeatmapJob { base: *base, x: metas[0], y: metas[1], xs: points(x, columns), ys: points(y, rows), next: 0 })
    }

    /// The spec's default map: o across, ρ up.
    pub fn default_axes() -> (Range, Range) {
        let axis = |key| Range::default_for(key).expect("o and ρ are parameters");
        (axis("open"), axis("rho"))
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(rows[2].c_star[0] < rows[0].c_star[0], "firms that can use more of the stock need fewer pooled");
    }

    #[test]
    fn refuses_one_parameter_twice_and_absurd_grids() {
        let (x, _) = HeatmapJob::default_axes();
        assert!(HeatmapJob::new(&Params::default(), &x, &x, 5, 5).is_err());
        let (x, y) = HeatmapJob::default_axes();
        assert!(HeatmapJob::new(&Params::default(), &x, &y, 1, 5).is_err());
        assert!(HeatmapJob::new(&Params::default(), &x, &y, 5, 10_000).is_err());
    }
}
