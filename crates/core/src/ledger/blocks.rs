//! The band's draws in fixed blocks, so several Web Workers can share a run. Block i always
//! draws from its own generator, seeded from the run's seed and i, so it gives the same samples
//! whoever draws it; the percentiles and histograms of a band do not depend on the samples'
//! order, so a run's band is the same however its blocks are split between workers.
//!
//! A worker draws a range of blocks into a [`BandPartial`]: each quantity's samples counted on a
//! grid shared by every run ([`Tally`]): some thousands of counts, however many the draws. The page
//! adds the partials up and reads the band from the sum.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::uncertainty::Band;
use crate::stats::{Distribution, Tally};

/// Draws per block. Part of what a seed means: changing it changes every band.
pub const BLOCK_DRAWS: usize = 1_000;

/// Histogram bins of the band's charts.
const BINS: usize = 40;

/// How many blocks a run of `draws` has; the last may be short.
pub fn block_count(draws: usize) -> usize {
    draws.div_ceil(BLOCK_DRAWS)
}

/// The draws that blocks `blocks` of a run of `draws` hold, as indices into the run.
pub fn block_draws(blocks: &Range<usize>, draws: usize) -> Range<usize> {
    (blocks.start * BLOCK_DRAWS).min(draws)..(blocks.end * BLOCK_DRAWS).min(draws)
}

/// `count` blocks split into at most `parts` consecutive ranges of near-equal size, none empty:
/// the share of each worker when a run is spread over `parts` of them.
pub fn split_blocks(count: usize, parts: usize) -> Vec<Range<usize>> {
    let parts = parts.clamp(1, count.max(1));
    (0..parts).map(|k| count * k / parts..count * (k + 1) / parts).filter(|r| !r.is_empty()).collect()
}

/// Why partial results do not make a band; each is a fault of the page that sent the requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlocksError {
    /// A request named blocks the run does not have.
    OutOfRange { blocks: Range<usize>, count: usize },
    /// Two partials hold the same block, or a block between them is missing.
    Misfit { end: usize, start: usize },
    /// The partials do not cover the whole run.
    Incomplete { blocks: Range<usize>, count: usize },
}

impl fmt::Display for BlocksError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BlocksError::OutOfRange { blocks, count } => {
                write!(f, "a background worker was asked for blocks {blocks:?} of a band of {count} blocks")?
            }
            BlocksError::Misfit { end, start } => write!(
                f,
                "the background workers' shares of the band do not join (one ends at block {end}, the next starts at {start})"
            )?,
            BlocksError::Incomplete { blocks, count } => {
                write!(f, "the background workers sent blocks {blocks:?} of a band of {count} blocks")?
            }
        }
        f.write_str("; reload the page to draw the band again")
    }
}

impl std::error::Error for BlocksError {}

/// The samples of a range of blocks, counted per quantity the band shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BandPartial {
    pub blocks: Range<usize>,
    pub(super) person_years: Tally,
    pub(super) cost: Tally,
    pub(super) effort_factor: Tally,
    pub(super) cost_factor: Tally,
}

impl BandPartial {
    pub(super) fn new(blocks: Range<usize>) -> Self {
        BandPartial { blocks, ..BandPartial::default() }
    }

    pub fn draws(&self) -> u64 {
        self.cost.count()
    }

    /// Partials of consecutive block ranges, in any order, as one.
    pub fn merge(parts: impl IntoIterator<Item = BandPartial>) -> Result<BandPartial, BlocksError> {
        let mut parts: Vec<BandPartial> = parts.into_iter().collect();
        parts.sort_by_key(|p| p.blocks.start);
        let mut parts = parts.into_iter();
        let Some(mut whole) = parts.next() else { return Ok(BandPartial::default()) };
        for part in parts {
            if part.blocks.start != whole.blocks.end {
                return Err(BlocksError::Misfit { end: whole.blocks.end, start: part.blocks.start });
            }
            whole.blocks.end = part.blocks.end;
            whole.person_years.merge(&part.person_years);
            whole.cost.merge(&part.cost);
            whole.effort_factor.merge(&part.effort_factor);
            whole.cost_factor.merge(&part.cost_factor);
        }
        Ok(whole)
    }

    /// The band of a whole run of `draws` draws.
    pub fn band(&self, draws: usize) -> Result<Band, BlocksError> {
        let count = block_count(draws);
        let incomplete = BlocksError::Incomplete { blocks: self.blocks.clone(), count };
        if self.blocks != (0..count) || self.draws() != draws as u64 {
            return Err(incomplete);
        }
        let distribution = |tally| Distribution::of_tally(tally, BINS).ok_or(incomplete.clone());
        Ok(Band {
            draws,
            person_years: distribution(&self.person_years)?,
            cost: distribution(&self.cost)?,
            project_effort_factor: distribution(&self.effort_factor)?,
            project_cost_factor: distribution(&self.cost_factor)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_a_run_once_however_it_is_split() {
        assert_eq!((block_count(100), block_count(1_000), block_count(1_001)), (1, 1, 2));
        assert_eq!(block_draws(&(1..3), 2_500), 1_000..2_500);
        for (count, parts) in [(1, 4), (20, 1), (20, 3), (100, 7), (3, 3)] {
            let split = split_blocks(count, parts);
            assert_eq!(split.len(), parts.min(count));
            assert_eq!(split.first().unwrap().start, 0);
            assert_eq!(split.last().unwrap().end, count);
            assert!(split.windows(2).all(|w| w[0].end == w[1].start));
        }
    }
}
