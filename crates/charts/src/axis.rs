//! Where an axis's ticks go: round numbers on linear axes, powers of ten (and their halves and
//! fifths when few) on log axes. Chosen here rather than by plotters, so the charts can draw the
//! tick labels themselves and fit as many as their measured widths allow.

/// A value axis: its span, its scale and how its ticks are written.
pub struct Axis<'a> {
    pub low: f64,
    pub high: f64,
    pub log: bool,
    pub format: &'a dyn Fn(f64) -> String,
}

impl Axis<'_> {
    /// About `count` ticks (never more than `count + 1`) within the span.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        if self.log {
            log_ticks(self.low, self.high, count)
        } else {
            linear_ticks(self.low, self.high, count)
        }
    }

    /// Where `value` falls along the axis, from 0 at `low` to 1 at `high`.
    pub fn fraction(&self, value: f64) -> f64 {
        if self.log {
            (value.ln() - self.low.ln()) / (self.high.ln() - self.low.ln())
        } else {
            (value - self.low) / (self.high - self.low)
        }
    }

    /// The most ticks, up to `most`, for which `fits` holds, with their labels. A tick that would
    /// read the same as the one before it (as $0.2 and $0.4 both read "$0") is left out.
    pub fn fitted(&self, most: usize, fits: impl Fn(&[(f64, String)]) -> bool) -> Vec<(f64, String)> {
        let labelled = |count| {
            let mut ticks: Vec<(f64, String)> =
                self.ticks(count).into_iter().map(|v| (v, (self.format)(v))).collect();
            ticks.dedup_by(|later, earlier| later.1 == earlier.1);
            ticks
        };
        (1..=most.max(1)).rev().map(labelled).find(|ticks| fits(ticks)).unwrap_or_else(|| labelled(1))
    }
}

/// The step of about `count` round ticks over `span`: 1, 2, 2.5 or 5 times a power of ten.
fn step(span: f64, count: usize) -> f64 {
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw * 0.999).unwrap_or(raw)
}

pub fn linear_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    if !(low.is_finite() && high.is_finite() && high > low) {
        return if low.is_finite() { vec![low] } else { Vec::new() };
    }
    let step = step(high - low, count);
    let first = (low / step - 1e-9).ceil();
    // Rounded to the step's own decimals, so 3 × 0.2 is 0.6 and not 0.6000000000000001.
    let scale = 10f64.powf((1.0 - step.log10().floor()).max(0.0));
    (0..)
        .map(|i| (first + i as f64) * step)
        .take_while(|v| *v <= high + step * 1e-9)
        .map(|v| (v * scale).round() / scale + 0.0)
        .collect()
}

pub fn log_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    if !(low > 0.0 && high > low && high.is_finite()) {
        return Vec::new();
    }
    let (first, last) = ((low.log10() - 1e-9).ceil() as i32, (high.log10() + 1e-9).floor() as i32);
    let decades = (last - first + 1).max(0) as usize;
    if decades >= 2 {
        let every = decades.div_ceil(count.max(1)).max(1);
        return (first..=last).step_by(every).map(|e| 10f64.powi(e)).collect();
    }
    // Under two powers of ten in view: their 2s and 5s too, or round linear steps.
    let within = |v: &f64| *v >= low * (1.0 - 1e-9) && *v <= high * (1.0 + 1e-9);
    let richer: Vec<f64> = (first - 1..=last + 1)
        .flat_map(|e| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(e)))
        .filter(within)
        .collect();
    if richer.len() >= 2 && richer.len() <= count + 1 {
        richer
    } else {
        linear_ticks(low, high, count).into_iter().filter(|v| *v > 0.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round_and_within_the_span() {
        assert_eq!(linear_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(linear_ticks(0.0, 1.08, 5), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(linear_ticks(0.0, 1.08, 4), vec![0.0, 0.5, 1.0]);
        assert_eq!(linear_ticks(3.0, 3.0, 5), vec![3.0]);
        let ticks = linear_ticks(0.9, 2.7, 6);
        assert!(ticks.iter().all(|t| (0.9..=2.7).contains(t)) && ticks.len() <= 7, "{ticks:?}");
        assert_eq!(linear_ticks(0.1, 0.35, 5), vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    }

    #[test]
    fn log_ticks_are_powers_of_ten_thinned_to_the_count() {
        assert_eq!(log_ticks(500.0, 2e6, 8), vec![1e3, 1e4, 1e5, 1e6]);
        assert_eq!(log_ticks(500.0, 2e6, 2), vec![1e3, 1e5]);
        assert_eq!(log_ticks(150.0, 900.0, 4), vec![200.0, 500.0]);
        assert!(log_ticks(0.0, 10.0, 4).is_empty());
    }

    #[test]
    fn fitting_drops_ticks_until_the_labels_fit() {
        let format = |v: f64| format!("{v}");
        let axis = Axis { low: 0.0, high: 100.0, log: false, format: &format };
        let ticks = axis.fitted(8, |ticks| ticks.len() <= 4);
        assert_eq!(ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["0", "50", "100"]);
        assert!((axis.fraction(25.0) - 0.25).abs() < 1e-12);
    }
}
