//! Summaries of Monte Carlo samples: percentiles for the bands, histograms for the charts.

mod tally;

use serde::{Deserialize, Serialize};

pub use tally::Tally;

/// `counts[i]` samples fell in [edges[i], edges[i + 1]); the last bin also holds its upper edge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub edges: Vec<f64>,
    pub counts: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub histogram: Histogram,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Distribution {
    /// `bins` equal bins over the samples' span; none for no samples.
    pub fn of(samples: &[f64], bins: usize) -> Option<Distribution> {
        let mut samples = samples.to_vec();
        let first = *samples.first()?;
        let (low, high) = samples.iter().fold((first, first), |(low, high), &x| (low.min(x), high.max(x)));
        // Identical samples still get a bar a chart can draw.
        let pad = if high > low { 0.0 } else { 0.05 * low.abs().max(0.01) };
        let (low, high) = (low - pad, high + pad);
        let bins = bins.max(1);
        let width = (high - low) / bins as f64;
        let mut counts = vec![0; bins];
        for x in &samples {
            counts[(((x - low) / width) as usize).min(bins - 1)] += 1;
        }
        let edges = (0..=bins).map(|i| if i == bins { high } else { low + width * i as f64 }).collect();
        let [p10, p50, p90] = percentiles(&mut samples, [10.0, 50.0, 90.0])?;
        Some(Distribution { histogram: Histogram { edges, counts }, p10, p50, p90 })
    }

    /// The same from samples counted on a grid (see [`Tally`]), its edges moved onto the grid.
    pub fn of_tally(tally: &Tally, bins: usize) -> Option<Distribution> {
        let [p10, p50, p90] = tally.percentiles([10.0, 50.0, 90.0])?;
        Some(Distribution { histogram: tally.histogram(bins)?, p10, p50, p90 })
    }
}

/// The p-th percentiles (0–100, in increasing order) of `values`, each linearly interpolated
/// between the two ranks around it as in a sorted list, found by selection: O(n) where sorting
/// is O(n log n). Reorders `values`; none for no values.
pub fn percentiles<const N: usize>(values: &mut [f64], ps: [f64; N]) -> Option<[f64; N]> {
    let last = values.len().checked_sub(1)?;
    let mut found = [0.0; N];
    // Everything before `from` is at most everything after it, so each search starts there.
    let mut from = 0;
    for (slot, p) in found.iter_mut().zip(ps) {
        let rank = (p / 100.0).clamp(0.0, 1.0) * last as f64;
        let below = (rank.floor() as usize).max(from);
        let (_, &mut low, above) = values[from..].select_nth_unstable_by(below - from, f64::total_cmp);
        let high = match rank > below as f64 {
            true => above.iter().copied().min_by(f64::total_cmp).unwrap_or(low),
            false => low,
        };
        *slot = low + (high - low) * (rank - below as f64);
        from = below;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_sample_once_and_reads_percentiles() {
        let samples: Vec<f64> = (0..=100).rev().map(f64::from).collect();
        let d = Distribution::of(&samples, 10).unwrap();
        assert_eq!(d.histogram.edges.len(), 11);
        assert_eq!((d.histogram.edges[0], d.histogram.edges[10]), (0.0, 100.0));
        assert_eq!(d.histogram.counts.iter().sum::<u32>(), 101);
        assert_eq!(d.histogram.counts[9], 11, "the top bin holds its upper edge");
        assert_eq!((d.p10, d.p50, d.p90), (10.0, 50.0, 90.0));
    }

    #[test]
    fn identical_or_no_samples() {
        let d = Distribution::of(&[0.25; 5], 4).unwrap();
        assert!(d.histogram.edges[0] < 0.25 && 0.25 < d.histogram.edges[4]);
        assert_eq!(d.histogram.counts.iter().sum::<u32>(), 5);
        assert_eq!(Distribution::of(&[], 4), None);
    }

    /// The textbook definition: sort, then interpolate between the ranks around p.
    fn sorted_percentile(values: &[f64], p: f64) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let rank = p / 100.0 * (sorted.len() - 1) as f64;
        let (below, above) = (rank.floor() as usize, rank.ceil() as usize);
        sorted[below] + (sorted[above] - sorted[below]) * (rank - below as f64)
    }

    #[test]
    fn selected_percentiles_are_the_sorted_ones_exactly() {
        let mut rng = crate::random::Rng::seeded(3);
        for n in [1, 2, 3, 10, 11, 101, 1_000, 12_345] {
            let values: Vec<f64> = (0..n).map(|_| (rng.unit() * 50.0).round()).collect(); // with ties
            let ps = [0.0, 1.0, 10.0, 33.3, 50.0, 90.0, 99.9, 100.0];
            let found = percentiles(&mut values.clone(), ps).unwrap();
            for (p, x) in ps.iter().zip(found) {
                assert_eq!(x, sorted_percentile(&values, *p), "n = {n}, p = {p}");
            }
        }
        assert_eq!(percentiles(&mut [1.0, 2.0, 3.0, 4.0, 5.0], [10.0, 50.0]), Some([1.4, 3.0]));
        assert_eq!(percentiles(&mut [], [50.0]), None);
    }
}
