//! Maximising a function of c over [0, 1] that need not be smooth or unimodal: V(c) has a kink
//! where firms' application effort reaches zero, and at some parameters two humps, one of them
//! narrow near c = 1. A grid scan finds every hump; golden-section search, which needs no
//! derivative and is not disturbed by a kink, sharpens each; the best wins.

/// Width of the bracket at which golden-section search stops: far below any c a chart can show.
const TOLERANCE: f64 = 1e-10;

/// 1/φ: each golden-section step keeps this share of the bracket and reuses one evaluation.
const INV_PHI: f64 = 0.618_033_988_749_895;

/// (c, f(c)) at the largest f: the best of `grid` evenly spaced points (both ends included) and of
/// the refinements inside the two grid cells around each grid point higher than its neighbours.
/// Ties keep the smaller c.
pub(super) fn maximise(f: impl Fn(f64) -> f64, grid: usize) -> (f64, f64) {
    let last = grid.max(2) - 1;
    let at = |i: usize| i as f64 / last as f64;
    let values: Vec<f64> = (0..=last).map(|i| f(at(i))).collect();
    let is_peak =
        |i: usize| (i == 0 || values[i] >= values[i - 1]) && (i == last || values[i] > values[i + 1]);
    let mut best = (0.0, values[0]);
    for i in (0..=last).filter(|&i| is_peak(i)) {
        for candidate in [(at(i), values[i]), golden(&f, at(i.saturating_sub(1)), at((i + 1).min(last)))] {
            if candidate.1 > best.1 {
                best = candidate;
            }
        }
    }
    best
}

/// Golden-section search for the maximum of f on [low, high], assumed unimodal there.
fn golden(f: &impl Fn(f64) -> f64, mut low: f64, mut high: f64) -> (f64, f64) {
    let mut left = high - INV_PHI * (high - low);
    let mut right = low + INV_PHI * (high - low);
    let (mut f_left, mut f_right) = (f(left), f(right));
    while high - low > TOLERANCE {
        if f_left < f_right {
            (low, left, f_left) = (left, right, f_right);
            right = low + INV_PHI * (high - low);
            f_right = f(right);
        } else {
            (high, right, f_right) = (right, left, f_left);
            left = high - INV_PHI * (high - low);
            f_left = f(left);
        }
    }
    if f_left >= f_right {
        (left, f_left)
    } else {
        (right, f_right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_kinked_peak_between_grid_points() {
        let peak = 0.314_159_265;
        let (c, v) = maximise(|c| if c < peak { 3.0 * c } else { 3.0 * peak - 0.5 * (c - peak) }, 11);
        assert!((c - peak).abs() < 1e-9, "{c}");
        assert!((v - 3.0 * peak).abs() < 1e-8);
    }

    #[test]
    fn picks_the_higher_of_two_humps_and_the_ends() {
        let hump = |c: f64, at: f64, width: f64| (-((c - at) / width).powi(2)).exp();
        let wide_then_narrow = |c: f64| hump(c, 0.2, 0.1) + 1.01 * hump(c, 0.991, 0.01);
        assert!((maximise(wide_then_narrow, 201).0 - 0.991).abs() < 1e-4);
        let narrow_then_wide = |c: f64| 1.01 * hump(c, 0.0123, 0.01) + hump(c, 0.6, 0.1);
        assert!((maximise(narrow_then_wide, 201).0 - 0.0123).abs() < 1e-4);
        assert_eq!(maximise(|c| c, 201), (1.0, 1.0));
        assert_eq!(maximise(|c| -c, 201), (0.0, 0.0));
        assert_eq!(maximise(|_| 7.0, 201), (0.0, 7.0), "a flat curve keeps the smallest c");
    }
}
