//! Benchmark (not a test): how long the page's work takes in headless Chromium, against the
//! release bundle on loopback. Run: scripts/bench-browser
//! Background jobs are timed by the page itself (`data-ms` of their status line, from request to
//! result); a slider move is timed in the page from the input event to the redrawn headline.

#[path = "../tests/support/mod.rs"]
mod support;

use support::app::App;
use support::browser::Browser;

/// Runs of each measurement; the median is reported.
const RUNS: u64 = 5;

/// Changes `field` to each run's value and waits for the job behind `status` to report a result
/// that differs from the last one (the text of `result`).
async fn job_times(
    browser: &Browser,
    field: &str,
    values: impl Fn(u64) -> String,
    status: &str,
    result: &str,
) -> Vec<f64> {
    let mut times = Vec::new();
    for run in 1..=RUNS {
        let previous = browser.text(result).await;
        browser.set_input(field, &values(run)).await;
        let millis = browser
            .eventually("the new result", async || {
                let done = browser.attr(status, "data-ms").await.ok_or("still running")?;
                if browser.text(result).await == previous {
                    return Err("the old result".to_owned());
                }
                done.parse::<f64>().map_err(|_| format!("data-ms is {done}"))
            })
            .await;
        times.push(millis);
    }
    times
}

/// From typing into `field` to the headline's c* changing, measured with the page's clock.
async fn slider_times(browser: &Browser) -> Vec<f64> {
    let mut times = Vec::new();
    for run in 1..=RUNS {
        let script = format!(
            r#"const input = document.querySelector('#open');
            const before = document.querySelector('#c-star').dataset.value;
            const start = performance.now();
            input.value = '0.{}';
            input.dispatchEvent(new Event('input', {{ bubbles: true }}));
            return new Promise(done => {{
                const check = () => document.querySelector('#c-star').dataset.value !== before
                    ? done(performance.now() - start) : setTimeout(check, 0);
                check();
            }});"#,
            30 + run
        );
        times.push(browser.execute(&script).await.as_f64().expect("the script returns milliseconds"));
    }
    times
}

fn report(what: &str, unit: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    let (median, min, max) = (values[values.len() / 2], values[0], values[values.len() - 1]);
    println!("{what}: median {median:.1} {unit}, min {min:.1}, max {max:.1}");
}

#[tokio::main]
async fn main() {
    let app = App::open_until("/ledger?draws=100000", "#headline-cost[data-value]").await;
    app.browser.click("#band-settings summary").await;
    let band = job_times(&app.browser, "#seed", |run| run.to_string(), "#job-status", "#band").await;
    report("ledger band, 100,000 draws in the worker (request to result)", "ms", band);

    let app = App::open_until("/pool-or-spread", "#c-star[data-value]").await;
    let browser = &app.browser;
    report(
        "pool or spread, one input change: curves, optimum and charts redrawn",
        "ms",
        slider_times(browser).await,
    );
    browser.click("#monte-carlo-settings summary").await;
    let heatmap = job_times(
        browser,
        "#rho_hi",
        |run| format!("{:.3}", 0.05 - 0.005 * run as f64),
        "#heatmap-status",
        "#heatmap-chart-summary",
    )
    .await;
    report("pool or spread, heat map 40 × 40 in the worker", "ms", heatmap);
    let monte_carlo =
        job_times(browser, "#seed", |run| run.to_string(), "#monte-carlo-status", "#monte-carlo-summary")
            .await;
    report("pool or spread, Monte Carlo 10,000 draws in the worker", "ms", monte_carlo);

    if let Some(zip) = std::env::var_os("HEADSTART_COUNT_ZIP") {
        count_throughput(std::path::Path::new(&zip)).await;
    }
}

/// "Your code" counting an archive (unpacking included) in the page's worker, in MB/s of source.
async fn count_throughput(zip: &std::path::Path) {
    let bytes = std::fs::read(zip).expect("the archive made by count_bench --zip");
    let unpacked: u64 = headstart_counter::archive::read(&bytes, &headstart_counter::Limits::default())
        .expect("a readable zip")
        .iter()
        .map(|e| e.size)
        .sum();
    let app = App::open_until("/your-code", "#archive-input").await;
    let browser = &app.browser;
    let mut times = Vec::new();
    for _ in 0..RUNS {
        browser
            .execute("document.getElementById('count-status').removeAttribute('data-ms'); return null")
            .await;
        browser.press("#archive-input", &zip.display().to_string()).await;
        let millis = browser
            .eventually("the count", async || {
                let done = browser.attr("#count-status", "data-ms").await.ok_or("still counting")?;
                done.parse::<f64>().map_err(|_| format!("data-ms is {done}"))
            })
            .await;
        times.push(unpacked as f64 / 1_048_576.0 / (millis / 1000.0));
        // The same file again is no change for the input: clear it so the next run starts a count.
        browser.execute("document.getElementById('archive-input').value = ''; return null").await;
    }
    report(
        &format!(
            "your code, counting a {:.0} MB zip in the worker, unpacking included",
            unpacked as f64 / 1_048_576.0
        ),
        "MB/s",
        times,
    );
}
