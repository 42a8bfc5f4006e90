//! Benchmark (not a test): time for the ledger's Monte Carlo over the article's fifteen
//! frameworks, natively, at 20,000 and 100,000 draws; and what spreading 100,000 draws over four
//! workers adds: the size of their partial results as JSON, and the page's merge.
//! The browser figure comes from scripts/bench-browser.
//! Run: cargo run --release -p headstart-core --example band_bench

use headstart_core::dataset::Dataset;
use headstart_core::ledger::{
    block_count, split_blocks, BandInput, BandJob, BandPartial, Ledger, LedgerView,
};
use std::time::Instant;

const RUNS: usize = 7;

fn input(draws: usize) -> BandInput {
    let mut view = LedgerView::default();
    view.ranges.draws = draws;
    Ledger::compute(Dataset::bundled(), &view).band_input(&view)
}

/// Median, min and max milliseconds of `RUNS` runs of `run`.
fn time(mut run: impl FnMut()) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], times[0], times[RUNS - 1])
}

fn main() {
    for draws in [20_000, 100_000] {
        let input = input(draws);
        let (median, min, max) = time(|| {
            let band = BandJob::new(input.clone()).expect("usable input").finish().expect("draws");
            assert_eq!(band.draws, draws);
        });
        println!(
            "{draws} band draws over {} frameworks: median {median:.1} ms (min {min:.1}, max {max:.1})",
            input.efforts.len()
        );
    }

    let (draws, workers) = (100_000, 4);
    let input = input(draws);
    let texts: Vec<String> = split_blocks(block_count(draws), workers)
        .into_iter()
        .map(|blocks| {
            let mut job = BandJob::new(input.clone()).expect("usable input").blocks(blocks).expect("blocks");
            while !job.run(usize::MAX).is_finished() {}
            serde_json::to_string(&job.take_partial()).expect("JSON")
        })
        .collect();
    let (median, min, max) = time(|| {
        let parts = texts.iter().map(|text| serde_json::from_str::<BandPartial>(text).expect("a partial"));
        BandPartial::merge(parts).expect("blocks that join").band(draws).expect("every block");
    });
    println!(
        "{draws} draws from {workers} workers: {:.0} KB of JSON; reading, merging and the band: median {median:.1} ms (min {min:.1}, max {max:.1})",
        texts.iter().map(String::len).sum::<usize>() as f64 / 1e3
    );
}
