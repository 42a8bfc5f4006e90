//! Reading the ledger's figures off the page and waiting for them to equal the core's.

use super::app::App;
use super::browser::Browser;
use headstart_core::dataset::Dataset;
use headstart_core::ledger::{Band, BandJob, Ledger, LedgerView};

/// The page prints f64s in full; this only absorbs a last-digit difference in the printing.
pub const RELATIVE_TOLERANCE: f64 = 1e-6;

/// Opens the ledger at `path` and waits until the app has rendered its totals.
pub async fn open_ledger(path: &str) -> App {
    App::open_until(path, "#headline-cost[data-value]").await
}

/// The headline's raw numbers (lines, person-years, cost) from its `data-value`s.
pub async fn headline(browser: &Browser) -> Result<[f64; 3], String> {
    let mut values = [0.0; 3];
    for (value, id) in values.iter_mut().zip(["lines", "person-years", "cost"]) {
        let css = format!("#headline-{id}");
        let text =
            browser.attr(&css, "data-value").await.ok_or_else(|| format!("{css} has no data-value"))?;
        *value = text.parse().map_err(|_| format!("{css} has data-value “{text}”"))?;
    }
    Ok(values)
}

/// Waits until the headline shows the core's totals for `view`.
pub async fn expect_headline(browser: &Browser, view: &LedgerView) {
    let totals = Ledger::compute(Dataset::bundled(), view).totals;
    let expected = [totals.lines as f64, totals.person_years, totals.cost];
    let close = |shown: f64, expected: f64| (shown - expected).abs() <= RELATIVE_TOLERANCE * expected.abs();
    browser
        .eventually(
            &format!("the headline to show the core's [lines, person-years, cost] {expected:?} for {view:?}"),
            async || {
                let shown = headline(browser).await?;
                if shown.iter().zip(expected).all(|(&shown, expected)| close(shown, expected)) {
                    Ok(())
                } else {
                    Err(format!("it shows {shown:?}"))
                }
            },
        )
        .await
}

/// Waits until the query string of the page's URL has `key=value`.
pub async fn expect_query(browser: &Browser, key: &str, value: &str) {
    let pair = format!("{key}={value}");
    browser
        .eventually(&format!("{pair} in the URL"), async || {
            let url = browser.current_url().await;
            let query = url.split_once('?').map_or("", |(_, query)| query);
            if query.split('&').any(|p| p == pair) {
                Ok(())
            } else {
                Err(format!("the URL is {url}"))
            }
        })
        .await
}

/// The band the core computes for `view` (the worker's jobs give the same, core's jobs tests).
pub fn core_band(view: &LedgerView) -> Band {
    let input = Ledger::compute(Dataset::bundled(), view).band_input(view);
    BandJob::new(input).expect("a usable request").finish().expect("draws")
}

/// Waits until the page shows the band's P10, P50 and P90 of the cost as the core has them.
pub async fn expect_band(browser: &Browser, view: &LedgerView) {
    let expected = core_band(view).cost;
    let expected = [expected.p10, expected.p50, expected.p90];
    browser
        .eventually(&format!("the band to show the core's P10/P50/P90 {expected:?}"), async || {
            let mut shown = [0.0; 3];
            for (value, name) in shown.iter_mut().zip(["data-p10", "data-p50", "data-p90"]) {
                let text = browser.attr("#band", name).await.ok_or("no band yet")?;
                *value = text.parse().map_err(|_| format!("{name} is “{text}”"))?;
            }
            let close =
                shown.iter().zip(expected).all(|(s, e)| (s - e).abs() <= RELATIVE_TOLERANCE * e.abs());
            if close {
                Ok(())
            } else {
                Err(format!("it shows {shown:?}"))
            }
        })
        .await
}
