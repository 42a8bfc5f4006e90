//! The slow computations as jobs a Web Worker runs in slices: what the page sends, what comes
//! back, and the loop in between. Pure, so the worker's numbers are tested natively and equal
//! a native run with the same seed.

use serde::{Deserialize, Serialize};

use std::fmt;

use crate::ledger::{Band, BandError, BandInput, BandJob, BandPartial, BlocksError};
use crate::progress::Progress;
use crate::talent::{HeatmapJob, HeatmapRow, MonteCarloJob, MonteCarloSummary, Params, Range, TalentError};

/// The version of the messages between the page and its workers (these, and the counting
/// worker's `CountRequest`/`CountReply`). A page and a worker from different deploys can meet: a
/// host's HTTP cache, or the previous deploy's service worker, can hand last week's worker to
/// today's page. Each worker states its version as it starts; on a mismatch the page asks the
/// reader to reload instead of misreading messages. Raise it whenever a message changes shape
/// (the test `message_shapes_are_those_of_this_protocol` fails until it is).
pub const PROTOCOL: u32 = 2;

/// What the page asks for. A new request replaces the one running: the page only ever wants
/// the answer for its current inputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Band(BandInput),
    /// One worker's share of a band spread over several: blocks `blocks` of the run (see
    /// `ledger::split_blocks`), answered with a `Reply::BandPartial`.
    BandBlocks {
        input: BandInput,
        blocks: std::ops::Range<usize>,
    },
    Heatmap {
        params: Params,
        x: Range,
        y: Range,
        columns: usize,
        rows: usize,
    },
    MonteCarlo {
        params: Params,
        ranges: Vec<Range>,
        draws: usize,
        seed: u64,
    },
}

/// What the worker says back, always tagged with the request's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is listening, and speaks `protocol` (see [`PROTOCOL`]); messages posted
    /// before this are lost, so the page waits for it.
    Ready {
        protocol: u32,
    },
    Progress(Progress),
    /// Rows finished since the last reply, so the map fills in as it goes.
    HeatmapRows {
        x_values: Vec<f64>,
        y_values: Vec<f64>,
        rows: Vec<HeatmapRow>,
        progress: Progress,
    },
    Band(Band),
    /// The samples of a `Request::BandBlocks`; the page merges them (`BandPartial::merge`) and
    /// reads the band from the sum (`BandPartial::band`).
    BandPartial(BandPartial),
    MonteCarlo(MonteCarloSummary),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u64,
    pub body: T,
}

/// Why a request could not start: its model's own reason, worded for the page.
#[derive(Clone, Debug, PartialEq)]
pub enum JobError {
    Band(BandError),
    Blocks(BlocksError),
    Talent(TalentError),
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Band(error) => error.fmt(f),
            JobError::Blocks(error) => error.fmt(f),
            JobError::Talent(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for JobError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JobError::Band(error) => Some(error),
            JobError::Blocks(error) => Some(error),
            JobError::Talent(error) => Some(error),
        }
    }
}

impl From<BandError> for JobError {
    fn from(error: BandError) -> Self {
        JobError::Band(error)
    }
}

impl From<BlocksError> for JobError {
    fn from(error: BlocksError) -> Self {
        JobError::Blocks(error)
    }
}

impl From<TalentError> for JobError {
    fn from(error: TalentError) -> Self {
        JobError::Talent(error)
    }
}

/// A started request.
pub enum Job {
    Band(BandJob),
    BandBlocks(BandJob),
    Heatmap(HeatmapJob),
    MonteCarlo(MonteCarloJob),
}

/// Histogram bins of the talent Monte Carlo's charts.
const MONTE_CARLO_BINS: usize = 30;

impl Job {
    pub fn start(request: Request) -> Result<Job, JobError> {
        Ok(match request {
            Request::Band(input) => Job::Band(BandJob::new(input)?),
            Request::BandBlocks { input, blocks } => Job::BandBlocks(BandJob::new(input)?.blocks(blocks)?),
            Request::Heatmap { params, x, y, columns, rows } => {
                Job::Heatmap(HeatmapJob::new(&params, &x, &y, columns, rows)?)
            }
            Request::MonteCarlo { params, ranges, draws, seed } => {
                Job::MonteCarlo(MonteCarloJob::new(&params, &ranges, draws, seed)?)
            }
        })
    }

    /// Does about `work` units (draws, or cells of the map) and returns what to post and whether
    /// the job is finished; a finished job's reply is its result.
    pub fn step(&mut self, work: usize) -> (Reply, bool) {
        match self {
            Job::Band(job) => match job.run(work) {
                progress if !progress.is_finished() => (Reply::Progress(progress), false),
                _ => (job.take_band().map_or_else(|e| Reply::Failed(e.to_string()), Reply::Band), true),
            },
            Job::BandBlocks(job) => match job.run(work) {
                progress if !progress.is_finished() => (Reply::Progress(progress), false),
                _ => (Reply::BandPartial(job.take_partial()), true),
            },
            Job::MonteCarlo(job) => {
                // A talent draw searches c*, a few hundred model runs; a band draw is one sum.
                let progress = job.run((work / 200).max(1));
                match progress.is_finished() {
                    true => (
                        job.summary(MONTE_CARLO_BINS)
                            .map_or_else(|| Reply::Failed("no draws".into()), Reply::MonteCarlo),
                        true,
                    ),
                    false => (Reply::Progress(progress), false),
                }
            }
            Job::Heatmap(job) => {
                let cells_per_row = job.x_values().len().max(1);
                let mut rows = Vec::new();
                for _ in 0..(work / (200 * cells_per_row)).max(1) {
                    match job.next_row() {
                        Some(row) => rows.push(row),
                        None => break,
                    }
                }
                let progress = job.progress();
                let reply = Reply::HeatmapRows {
                    x_values: job.x_values().to_vec(),
                    y_values: job.y_values().to_vec(),
                    rows,
                    progress,
                };
                (reply, progress.is_finished())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{block_count, split_blocks, Ranges};

    fn band_request(seed: u64) -> Request {
        Request::Band(BandInput {
            efforts: vec![100.0, 50.0],
            exponent: 1.05,
            cost_per_month: 9_000.0,
            sigma: 0.5,
            ranges: Ranges { seed, draws: 500, ..Ranges::default() },
        })
    }

    fn run(request: Request, work: usize) -> Vec<Reply> {
        let mut job = Job::start(request).unwrap();
        let mut replies = Vec::new();
        loop {
            let (reply, done) = job.step(work);
            replies.push(reply);
            if done {
                return replies;
            }
        }
    }

    #[test]
    fn a_band_job_reports_progress_then_the_same_band_as_a_direct_run() {
        let replies = run(band_request(3), 120);
        assert!(matches!(replies[0], Reply::Progress(Progress { done: 120, total: 500 })));
        let Request::Band(input) = band_request(3) else { unreachable!() };
        let direct = BandJob::new(input).unwrap().finish().unwrap();
        assert_eq!(replies.last(), Some(&Reply::Band(direct)));
    }

    #[test]
    fn band_blocks_shared_between_workers_make_the_band_a_single_worker_makes() {
        let Request::Band(input) = band_request(5) else { unreachable!() };
        let input = BandInput { ranges: Ranges { draws: 4_321, ..input.ranges }, ..input };
        let Some(Reply::Band(whole)) = run(Request::Band(input.clone()), 1_000).pop() else { panic!() };
        let partials = split_blocks(block_count(input.ranges.draws), 3).into_iter().map(|blocks| {
            let replies = run(Request::BandBlocks { input: input.clone(), blocks }, 1_000);
            let text = serde_json::to_string(&Envelope { id: 1, body: replies.last().unwrap() }).unwrap();
            match serde_json::from_str::<Envelope<Reply>>(&text).unwrap().body {
                Reply::BandPartial(partial) => partial,
                other => panic!("{other:?}"),
            }
        });
        assert_eq!(BandPartial::merge(partials).unwrap().band(input.ranges.draws), Ok(whole));
        let beyond = Request::BandBlocks { input, blocks: 3..9 };
        assert!(Job::start(beyond).is_err(), "a run of 4,321 draws has five blocks");
    }

    /// FNV-1a: a hash whose value never changes between Rust releases, unlike std's.
    fn fnv1a(text: &str) -> u64 {
        text.bytes()
            .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
    }

    /// One message of every kind, as JSON: a change of shape changes this text.
    fn every_message() -> String {
        let Request::Band(input) = band_request(2) else { unreachable!() };
        let (x, y) = HeatmapJob::default_axes();
        let heatmap =
            Request::Heatmap { params: Params::default(), x: x.clone(), y: y.clone(), columns: 2, rows: 2 };
        let monte_carlo = Request::MonteCarlo {
            params: Params::default(),
            ranges: vec![x.clone(), y.clone()],
            draws: 3,
            seed: 1,
        };
        let blocks = Request::BandBlocks { input: input.clone(), blocks: 0..1 };
        let mut messages: Vec<String> =
            [Request::Band(input), blocks.clone(), heatmap.clone(), monte_carlo.clone()]
                .iter()
                .map(|request| serde_json::to_string(&Envelope { id: 1, body: request }).unwrap())
                .collect();
        let mut replies = vec![Reply::Ready { protocol: PROTOCOL }, Reply::Failed("no".into())];
        for request in [band_request(2), blocks, heatmap, monte_carlo] {
            replies.extend(run(request, 1_000));
        }
        messages.extend(
            replies.iter().map(|reply| serde_json::to_string(&Envelope { id: 1, body: reply }).unwrap()),
        );
        messages.join("\n")
    }

    /// The protocol's number and the hash of its messages' JSON, recorded together: when a message
    /// changes shape, this fails until `PROTOCOL` is raised and the new hash recorded beside it.
    #[test]
    fn message_shapes_are_those_of_this_protocol() {
        const RECORDED: (u32, u64) = (2, 0xfea6_6989_e328_fdaf);
        let hash = fnv1a(&every_message());
        assert_eq!(
            RECORDED,
            (PROTOCOL, hash),
            "the worker messages changed shape: raise PROTOCOL and record ({}, {hash:#x})",
            PROTOCOL + u32::from(RECORDED.1 != hash && RECORDED.0 == PROTOCOL),
        );
    }

    #[test]
    fn messages_survive_json_both_ways() {
        let envelope = Envelope { id: 9, body: band_request(1) };
        let text = serde_json::to_string(&envelope).unwrap();
        assert_eq!(serde_json::from_str::<Envelope<Request>>(&text).unwrap(), envelope);
        let reply = Envelope { id: 9, body: run(band_request(1), 1_000).pop().unwrap() };
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(serde_json::from_str::<Envelope<Reply>>(&text).unwrap(), reply);
    }

    #[test]
    fn a_heat_map_arrives_row_by_row_and_bad_requests_fail_to_start() {
        let (x, y) = HeatmapJob::default_axes();
        let request = Request::Heatmap { params: Params::default(), x, y, columns: 4, rows: 3 };
        let replies = run(request, 1);
        let rows: usize = replies
            .iter()
            .map(|r| match r {
                Reply::HeatmapRows { rows, .. } => rows.len(),
                _ => 0,
            })
            .sum();
        assert_eq!((replies.len(), rows), (3, 3));
        let (x, _) = HeatmapJob::default_axes();
        let same_axes =
            Request::Heatmap { params: Params::default(), x: x.clone(), y: x, columns: 4, rows: 3 };
        let refused = Job::start(same_axes).err();
        assert_eq!(refused, Some(JobError::Talent(TalentError::SameAxes)));
        assert_eq!(refused.unwrap().to_string(), "the heat map's two axes must be different parameters");
    }
}
