//! Benchmark (not a test): how long the page's work takes in headless Chromium, against the
//! release bundle on loopback. Run: scripts/bench-browser
//! Background jobs are timed by the page itself (`data-ms` of their status line, from request to
//! result). Input to update is timed in the page too: from the input event a script dispatches to
//! the frame after the last DOM change it caused, for the ledger, the essay's inline numbers and
//! Pool or spread.

#[path = "../tests/support/mod.rs"]
mod support;

use support::app::App;
use support::browser::Browser;

/// Runs of each background job; the median is reported.
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

/// Changes measured for each input-to-update latency (after one unmeasured warm-up change).
const CHANGES: usize = 21;

/// How long the page must stay unchanged before an update counts as finished.
const QUIET_MS: u32 = 500;

/// From an input event to the next animation frame after the last DOM mutation it caused, and
/// to the frame after the first one, in milliseconds, measured in the page. `change` is a script
/// that sets `target` (the element matching `css`) to a new value and dispatches the event a
/// reader's input would; it is run for change 0 (the warm-up) to [`CHANGES`]. A MutationObserver
/// on the whole document notes every mutation and asks for a frame after it; once nothing has
/// changed for [`QUIET_MS`], the time of the frame after the last mutation is the update's end.
/// The last mutation can be a worker's result arriving; the first is the main thread's answer.
async fn update_latency(browser: &Browser, css: &str, change: impl Fn(usize) -> String) -> Latencies {
    let mut latencies = Latencies::default();
    for run in 0..=CHANGES {
        let script = format!(
            r#"const target = document.querySelector({css:?});
            if (!target) throw new Error('no element matches {css}');
            return new Promise((done, fail) => {{
                let lastMutation = null, frameAfterFirst = null, frameAfterLast = null, generation = 0;
                const observer = new MutationObserver(() => {{
                    lastMutation = performance.now();
                    const mine = ++generation;
                    requestAnimationFrame(() => {{
                        const now = performance.now();
                        if (frameAfterFirst === null) frameAfterFirst = now;
                        if (mine === generation) frameAfterLast = now;
                    }});
                }});
                observer.observe(document.documentElement,
                    {{ subtree: true, childList: true, attributes: true, characterData: true }});
                const start = performance.now();
                {change}
                const settle = () => {{
                    const now = performance.now();
                    if (lastMutation === null && now - start > 10000) {{
                        observer.disconnect();
                        fail(new Error('the page did not change within 10 s'));
                    }} else if (frameAfterLast !== null && now - lastMutation >= {QUIET_MS}) {{
                        observer.disconnect();
                        done([frameAfterFirst - start, frameAfterLast - start]);
                    }} else {{
                        setTimeout(settle, 20);
                    }}
                }};
                setTimeout(settle, 20);
            }});"#,
            change = change(run)
        );
        let times = browser.execute(&script).await;
        let millis = |i: usize| {
            times[i].as_f64().unwrap_or_else(|| panic!("the script returns milliseconds, not {times}"))
        };
        if run > 0 {
            latencies.first.push(millis(0));
            latencies.last.push(millis(1));
        }
    }
    latencies
}

/// Input-to-update times of a series of changes, in milliseconds.
#[derive(Default)]
struct Latencies {
    /// To the frame after the first DOM mutation.
    first: Vec<f64>,
    /// To the frame after the last DOM mutation: the update complete.
    last: Vec<f64>,
}

/// Sets a field's text in one input event, as pasting a value does.
fn type_value(value: &str) -> String {
    format!(
        "target.value = '{value}';
        target.dispatchEvent(new InputEvent('input', {{ bubbles: true, inputType: 'insertFromPaste', data: '{value}' }}));"
    )
}

/// One arrow key on a focused inline number, right on even changes and left on odd ones, so
/// the value moves back and forth by one step and never sticks at a bound.
fn arrow_key(run: usize) -> String {
    let key = if run.is_multiple_of(2) { "ArrowRight" } else { "ArrowLeft" };
    format!(
        "target.focus();
        target.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}', bubbles: true, cancelable: true }}));"
    )
}

/// Median and 90th percentile (nearest rank) of input-to-update latencies, to the complete update
/// and to its first painted change.
fn report_latency(what: &str, latencies: Latencies) {
    let stats = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        (values[values.len() / 2], values[(values.len() * 9).div_ceil(10) - 1])
    };
    let changes = latencies.last.len();
    let ((median, p90), (first_median, first_p90)) = (stats(latencies.last), stats(latencies.first));
    println!(
        "{what}: median {median:.1} ms, p90 {p90:.1} ms \
        (first change painted: median {first_median:.1} ms, p90 {first_p90:.1} ms; {changes} changes)"
    );
}

fn report(what: &str, unit: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    let (median, min, max) = (values[values.len() / 2], values[0], values[values.len() - 1]);
    println!("{what}: median {median:.1} {unit}, min {min:.1}, max {max:.1}");
}

#[tokio::main]
async fn main() {
    input_latencies().await;

    let app = App::open_until("/ledger?draws=100000", "#headline-cost[data-value]").await;
    app.browser.click("#band-settings summary").await;
    let band = job_times(&app.browser, "#seed", |run| run.to_string(), "#job-status", "#band").await;
    report("ledger band, 100,000 draws in the worker (request to result)", "ms", band);

    let app = App::open_until("/pool-or-spread", "#c-star[data-value]").await;
    let browser = &app.browser;
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

/// Input to update on the pages a reader changes numbers on, one browser at a time.
async fn input_latencies() {
    {
        let app = App::open_until("/ledger", "#headline-cost[data-value]").await;
        let salary = |run: usize| type_value(&(120_000 + 1_000 * run).to_string());
        let times = update_latency(&app.browser, "#salary", salary).await;
        report_latency("input to update, ledger: a new salary in its field", times);
    }
    {
        let app = App::open_until("/", "#story-cost[data-value]").await;
        let times = update_latency(&app.browser, "#story-salary", arrow_key).await;
        report_latency("input to update, essay: salary, one arrow key", times);
        let times = update_latency(&app.browser, "#story-open", arrow_key).await;
        report_latency("input to update, essay: open share, one arrow key", times);
    }
    let app = App::open_until("/pool-or-spread", "#c-star[data-value]").await;
    let open = |run: usize| type_value(&format!("0.{}", 30 + run % 10));
    let times = update_latency(&app.browser, "#open", open).await;
    report_latency("input to update, pool or spread: one input change", times);
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
