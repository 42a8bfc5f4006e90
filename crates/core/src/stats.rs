//! Summaries of Monte Carlo samples: percentiles for the bands, histograms for the charts.

use serde::{Deserialize, Serialize};

use crate::random::percentile;

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
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let (low, high) = (*sorted.first()?, *sorted.last()?);
        // Identical samples still get a bar a chart can draw.
        let pad = if high > low { 0.0 } else { 0.05 * low.abs().max(0.01) };
        let (low, high) = (low - pad, high + pad);
        let bins = bins.max(1);
        let width = (high - low) / bins as f64;
        let mut counts = vec![0; bins];
        for x in &sorted {
            counts[(((x - low) / width) as usize).min(bins - 1)] += 1;
        }
        let edges = (0..=bins).map(|i| if i == bins { high } else { low + width * i as f64 }).collect();
        let p = |q| percentile(&sorted, q).expect("samples are not empty");
        Some(Distribution {
            histogram: Histogram { edges, counts },
            p10: p(10.0),
            p50: p(50.0),
            p90: p(90.0),
        })
    }
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
}
