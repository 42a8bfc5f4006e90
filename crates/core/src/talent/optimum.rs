//! The best share c* of engineers to pool, and how much it beats the pure allocations.

use serde::{Deserialize, Serialize};

use super::model::{CurvePoint, Model};
use super::params::Params;
use super::search::maximise;

/// Grid points of the scan before refinement. Over 20,000 random parameter sets spanning every
/// valid range, 129 points already found every optimum a 20,001-point scan did (65 missed humps
/// narrower than 1/64 near c = 1); 257 doubles that margin at an eighth of the cost of 2,001.
pub const GRID_POINTS: usize = 257;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Optimum {
    pub c_star: f64,
    /// V(c*), value-weighted PM.
    pub value: f64,
    /// V(c*) / max(V(0), V(1)): how many times the best mix beats the better pure allocation.
    /// Not V(c*)/V(0) as the spec has it, because V(0) is zero whenever a firm cannot build its
    /// platform alone (half the spec's Monte Carlo draws); at the defaults the two agree.
    /// Infinite only if both pure allocations produce nothing, which `Params::validate` rules out.
    pub gain: f64,
    /// The spec's V(c*)/V(0), none when everyone distributed produces nothing.
    pub gain_over_distributed: Option<f64>,
    /// V(0): everyone distributed.
    pub all_distributed: f64,
    /// V(1): everyone pooled.
    pub all_pooled: f64,
    /// The ecosystem at c*.
    pub at: CurvePoint,
}

pub fn optimum(params: &Params) -> Optimum {
    let model = Model::new(params);
    let (c_star, _) = maximise(|c| model.at(c).v_total, GRID_POINTS);
    let at = model.at(c_star);
    let (all_distributed, all_pooled) = (model.at(0.0).v_total, model.at(1.0).v_total);
    let corner = all_distributed.max(all_pooled);
    let gain = match (at.v_total > 0.0, corner > 0.0) {
        (_, true) => at.v_total / corner,
        (true, false) => f64::INFINITY,
        (false, false) => 1.0,
    };
    Optimum {
        c_star,
        value: at.v_total,
        gain,
        gain_over_distributed: (all_distributed > 0.0).then(|| at.v_total / all_distributed),
        all_distributed,
        all_pooled,
        at,
    }
}
