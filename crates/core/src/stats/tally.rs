//! Samples counted on a grid that is the same for every run, so that counts made by different
//! workers add up exactly, in any order, and a band's percentiles and histograms are read from
//! the counts instead of from every sample.
//!
//! The grid has 1,024 bins per doubling, each about 0.07% of its values wide. A percentile read
//! from the counts is within its bin of the samples' own; P10 of 100,000 draws moves by about
//! half a percent from one seed to the next, so the grid adds nothing a reader could see.

use serde::{Deserialize, Serialize};

use super::Histogram;

/// Bins per doubling, as bits of the mantissa.
const GRID_BITS: u32 = 10;
const SHIFT: u32 = 52 - GRID_BITS;

/// The grid bin of x: its bits, reordered to increase with the value, cut to the top ones.
fn bin_of(x: f64) -> u64 {
    let bits = x.to_bits();
    let ordered = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
    ordered >> SHIFT
}

/// The smallest value in grid bin `bin`: every value of the bin is in
/// [lower_edge(bin), lower_edge(bin + 1)).
fn lower_edge(bin: u64) -> f64 {
    let ordered = bin << SHIFT;
    f64::from_bits(if ordered >> 63 == 1 { ordered & !(1 << 63) } else { !ordered })
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// The grid bin of `counts[0]`; the counts run to the largest sample's bin.
    first: u64,
    counts: Vec<u32>,
    /// The smallest and largest samples, exactly (meaningless while there are none).
    #[serde(with = "every_bit")]
    min: f64,
    #[serde(with = "every_bit")]
    max: f64,
}

impl Tally {
    pub fn count(&self) -> u64 {
        self.counts.iter().map(|&c| c as u64).sum()
    }

    pub fn add(&mut self, x: f64) {
        let bin = bin_of(x);
        if self.counts.is_empty() {
            (self.min, self.max) = (x, x);
        } else if x < self.min {
            self.min = x;
        } else if x > self.max {
            self.max = x;
        }
        self.cover(bin, bin);
        self.counts[(bin - self.first) as usize] += 1;
    }

    /// Adds `other`'s samples.
    pub fn merge(&mut self, other: &Tally) {
        let Some(last) = other.last_bin() else { return };
        if self.counts.is_empty() {
            (self.min, self.max) = (other.min, other.max);
        } else {
            (self.min, self.max) = (self.min.min(other.min), self.max.max(other.max));
        }
        self.cover(other.first, last);
        let offset = (other.first - self.first) as usize;
        for (mine, theirs) in self.counts[offset..].iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
    }

    fn last_bin(&self) -> Option<u64> {
        (self.counts.len() as u64).checked_sub(1).map(|n| self.first + n)
    }

    /// Makes room for counts from bin `low` to bin `high`.
    fn cover(&mut self, low: u64, high: u64) {
        let Some(last) = self.last_bin() else {
            self.first = low;
            self.counts = vec![0; (high - low + 1) as usize];
            return;
        };
        if low < self.first {
            self.counts.splice(0..0, std::iter::repeat_n(0, (self.first - low) as usize));
            self.first = low;
        }
        if high > last {
            self.counts.resize((high - self.first + 1) as usize, 0);
        }
    }

    /// The p-th percentiles (0–100, in increasing order), interpolated between ranks as in a
    /// sorted list of the samples, each sample being placed at the middle of its share of its
    /// bin; the smallest and largest are exact. None for no samples.
    pub fn percentiles<const N: usize>(&self, ps: [f64; N]) -> Option<[f64; N]> {
        let last = self.count().checked_sub(1)?;
        let mut ranks = Ranks { tally: self, bin: 0, before: 0, last };
        Some(ps.map(|p| {
            let rank = (p / 100.0).clamp(0.0, 1.0) * last as f64;
            let below = rank.floor() as u64;
            let low = ranks.value(below);
            match rank > below as f64 {
                true => low + (ranks.value(below + 1) - low) * (rank - below as f64),
                false => low,
            }
        }))
    }

    /// `bins` bins over the samples' span. Its inner edges are moved down onto the grid, by
    /// less than 0.07%, so that each count is exactly the samples between its edges.
    pub fn histogram(&self, bins: usize) -> Option<Histogram> {
        self.last_bin()?;
        // Identical samples still get a bar a chart can draw.
        let pad = if self.max > self.min { 0.0 } else { 0.05 * self.min.abs().max(0.01) };
        let (low, high) = (self.min - pad, self.max + pad);
        let bins = bins.max(1);
        let width = (high - low) / bins as f64;
        let mut edges = vec![low];
        for i in 1..bins {
            let on_grid = lower_edge(bin_of(low + width * i as f64));
            edges.push(on_grid.clamp(edges[i - 1], high));
        }
        edges.push(high);
        let mut counts = vec![0; bins];
        let mut into = 0;
        for (offset, &count) in self.counts.iter().enumerate().filter(|(_, &c)| c > 0) {
            let from = lower_edge(self.first + offset as u64).max(low);
            while into + 1 < bins && edges[into + 1] <= from {
                into += 1;
            }
            counts[into] += count;
        }
        Some(Histogram { edges, counts })
    }
}

/// Walks the tally's bins to the sample of a given rank; ranks asked in about increasing order.
struct Ranks<'a> {
    tally: &'a Tally,
    /// The bin reached, and how many samples lie in the bins before it.
    bin: usize,
    before: u64,
    last: u64,
}

impl Ranks<'_> {
    fn value(&mut self, rank: u64) -> f64 {
        let Tally { first, counts, min, max } = self.tally;
        match rank {
            0 => return *min,
            r if r >= self.last => return *max,
            r if r < self.before => (self.bin, self.before) = (0, 0),
            _ => {}
        }
        while rank >= self.before + counts[self.bin] as u64 {
            self.before += counts[self.bin] as u64;
            self.bin += 1;
        }
        let grid_bin = first + self.bin as u64;
        let (low, high) = (lower_edge(grid_bin), lower_edge(grid_bin + 1));
        let share = ((rank - self.before) as f64 + 0.5) / counts[self.bin] as f64;
        (low + (high - low) * share).clamp(*min, *max)
    }
}

/// A float as the integer of its bits: JSON keeps every bit of an integer, not always of a float.
mod every_bit {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(x.to_bits())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        u64::deserialize(deserializer).map(f64::from_bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::Rng;
    use crate::stats::percentiles;

    fn tally(samples: &[f64]) -> Tally {
        let mut tally = Tally::default();
        samples.iter().for_each(|&x| tally.add(x));
        tally
    }

    fn lognormal_samples(n: usize, seed: u64) -> Vec<f64> {
        let mut rng = Rng::seeded(seed);
        (0..n).map(|_| 3e7 * rng.lognormal(0.8)).collect()
    }

    #[test]
    fn the_grid_is_in_order_and_holds_each_value_in_its_bin() {
        for x in [-3.5, -1e-300, 0.0, 5e-324, 1e-5, 0.9, 1.0, 160.0, 1.7e8, f64::MAX] {
            let bin = bin_of(x);
            assert!(lower_edge(bin) <= x && x < lower_edge(bin + 1), "{x}");
        }
        assert!(bin_of(-1.0) < bin_of(-0.5) && bin_of(0.5) < bin_of(1.0) && bin_of(1.0) < bin_of(1.001));
        let width = lower_edge(bin_of(1.5) + 1) / lower_edge(bin_of(1.5)) - 1.0;
        assert!(width < 0.001, "{width}");
    }

    #[test]
    fn tallies_add_up_exactly_in_any_order() {
        let samples = lognormal_samples(5_000, 1);
        let whole = tally(&samples);
        assert_eq!(whole.count(), 5_000);
        let parts: Vec<Tally> = samples.chunks(700).map(tally).collect();
        let mut merged = Tally::default();
        parts.iter().rev().for_each(|part| merged.merge(part));
        assert_eq!(merged, whole);
        let text = serde_json::to_string(&whole).unwrap();
        assert_eq!(serde_json::from_str::<Tally>(&text).unwrap(), whole);
    }

    #[test]
    fn percentiles_are_within_a_bin_of_the_sorted_samples() {
        for n in [1, 2, 10, 101, 20_000] {
            let samples = lognormal_samples(n, n as u64);
            let ps = [0.0, 10.0, 50.0, 90.0, 100.0];
            let exact = percentiles(&mut samples.clone(), ps).unwrap();
            let read = tally(&samples).percentiles(ps).unwrap();
            for ((p, e), r) in ps.iter().zip(exact).zip(read) {
                assert!((r / e - 1.0).abs() < 0.001, "n = {n}, P{p}: {r} for {e}");
            }
            assert_eq!((read[0], read[4]), (exact[0], exact[4]), "the extremes are exact");
        }
        assert_eq!(Tally::default().percentiles([50.0]), None);
        assert_eq!(tally(&[160.0; 7]).percentiles([10.0, 90.0]), Some([160.0, 160.0]));
    }

    #[test]
    fn the_histogram_counts_each_sample_between_its_edges() {
        let samples = lognormal_samples(20_000, 4);
        let histogram = tally(&samples).histogram(40).unwrap();
        let Histogram { edges, counts } = &histogram;
        assert_eq!((edges.len(), counts.len()), (41, 40));
        assert!(edges.windows(2).all(|w| w[0] <= w[1]));
        let mut by_edges = vec![0; 40];
        for x in &samples {
            by_edges[edges[1..40].iter().filter(|&&e| e <= *x).count()] += 1;
        }
        assert_eq!(&by_edges, counts);
        // Near-equal widths: the grid moved the edges by under 0.1% of their values.
        let step = (edges[40] - edges[0]) / 40.0;
        assert!((1..40).all(|i| (edges[i] - (edges[0] + step * i as f64)).abs() < 0.001 * edges[i]));
        let same = tally(&[0.25; 5]).histogram(4).unwrap();
        assert!(same.edges[0] < 0.25 && 0.25 < same.edges[4]);
        assert_eq!(same.counts.iter().sum::<u32>(), 5);
    }
}
