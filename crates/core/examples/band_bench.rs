//! Benchmark (not a test): time for the ledger's Monte Carlo at 100,000 draws over the
//! article's fifteen frameworks, natively. The browser figure comes from scripts/bench-browser.
//! Run: cargo run --release -p headstart-core --example band_bench

use headstart_core::dataset::Dataset;
use headstart_core::ledger::{BandJob, Ledger, LedgerView};
use std::time::Instant;

fn main() {
    let mut view = LedgerView::default();
    view.ranges.draws = 100_000;
    let input = Ledger::compute(Dataset::bundled(), &view).band_input(&view);
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let band = BandJob::new(input.clone()).expect("usable input").finish().expect("draws");
        times.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(band.draws, 100_000);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "100,000 band draws over {} frameworks: median {:.1} ms (min {:.1}, max {:.1})",
        input.efforts.len(),
        times[2],
        times[0],
        times[4]
    );
}
