//! Times what the talent page recomputes: run with
//! `cargo run --release -p headstart-core --example talent_bench`.

use std::time::Instant;

use headstart_core::talent::{curve, default_ranges, optimum, HeatmapJob, MonteCarloJob, Params};

/// Runs `work` `repeats` times and prints the mean in milliseconds.
fn time<T>(label: &str, repeats: u32, mut work: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..repeats {
        std::hint::black_box(work());
    }
    println!("{label:<44} {:>9.3} ms", start.elapsed().as_secs_f64() * 1e3 / f64::from(repeats));
}

fn main() {
    let params = Params::default();
    time("curve, 201 points", 1_000, || curve(&params, 201));
    time("optimum", 1_000, || optimum(&params));
    time("slider move: curve (201) + optimum", 1_000, || (curve(&params, 201), optimum(&params)));
    time("heat map, 40 × 40 (o against ρ)", 5, || {
        let (x, y) = HeatmapJob::default_axes();
        let mut job = HeatmapJob::new(&params, &x, &y, 40, 40).expect("default axes are valid");
        std::iter::from_fn(|| job.next_row()).count()
    });
    time("Monte Carlo, 10,000 draws (chunks of 500)", 3, || {
        let mut job =
            MonteCarloJob::new(&params, &default_ranges(), 10_000, 2017).expect("spec ranges are valid");
        while !job.run(500).is_finished() {}
        job.summary(40)
    });
}
