//! Benchmark (not a test): how long the page's background work takes in headless Chromium,
//! against the release bundle on loopback. Run: scripts/bench-browser
//! It reads the times the page itself measures (`#job-status[data-ms]`, from request to result).

#[path = "../tests/support/mod.rs"]
mod support;

use support::app::App;

/// Runs of each measurement; the median is reported.
const RUNS: u64 = 5;

#[tokio::main]
async fn main() {
    let app = App::open_until("/?draws=100000", "#headline-cost[data-value]").await;
    let browser = &app.browser;
    browser.click("#band-settings summary").await;
    let mut times = Vec::new();
    for seed in 1..=RUNS {
        let previous = browser.attr("#band", "data-p50").await;
        browser.set_input("#seed", &seed.to_string()).await;
        let millis = browser
            .eventually("the band for the new seed", async || {
                let done = browser.attr("#job-status", "data-ms").await.ok_or("still running")?;
                let p50 = browser.attr("#band", "data-p50").await;
                if p50 == previous { return Err("the old band".to_owned()) }
                done.parse::<f64>().map_err(|_| format!("data-ms is {done}"))
            })
            .await;
        times.push(millis);
    }
    times.sort_by(f64::total_cmp);
    println!("ledger band, 100,000 draws in the worker (request to result): median {:.0} ms, min {:.0}, max {:.0}", times[times.len() / 2], times[0], times[times.len() - 1]);
}
