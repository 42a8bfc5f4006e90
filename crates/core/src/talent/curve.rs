//! V(c), κ(c) and E(c) for the charts.

use super::model::{CurvePoint, Model};
use super::params::Params;

/// `points` evenly spaced values of c from 0 (all distributed) to 1 (all pooled), both included;
/// at least those two.
pub fn curve(params: &Params, points: usize) -> Vec<CurvePoint> {
    let model = Model::new(params);
    let last = points.max(2) - 1;
    (0..=last).map(|i| model.at(i as f64 / last as f64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_both_pure_allocations_and_splits_value() {
        let points = curve(&Params::default(), 201);
        assert_eq!((points.len(), points[0].c, points[200].c), (201, 0.0, 1.0));
        assert_eq!(points[0].v_labs, 0.0);
        assert_eq!(points[200].v_firms, 0.0);
        assert!(points.iter().all(|p| p.v_total == p.v_firms + p.v_labs));
        assert_eq!(curve(&Params::default(), 0).len(), 2);
    }
}
