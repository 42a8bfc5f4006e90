#![cfg(not(target_arch = "wasm32"))]
//! The ledger (home page) as a reader uses it: the release bundle in headless Chromium, every
//! figure on the page checked against what headstart-core computes for the same choices, so
//! the page can only pass by showing the model's numbers.

mod support;

use headstart_core::dataset::{Counter, Dataset, Era};
use headstart_core::estimate::Preset;
use headstart_core::ledger::{Ledger, LedgerView, SortKey};
use support::app::App;
use support::browser::Browser;

/// The page prints f64s in full; this only absorbs a last-digit difference in the printing.
const RELATIVE_TOLERANCE: f64 = 1e-6;

/// Opens the ledger at `path` and waits until the app has rendered its totals.
async fn open_ledger(path: &str) -> App {
    App::open_until(path, "#headline-cost[data-value]").await
}

/// The headline's raw numbers (lines, person-years, cost) from its `data-value`s.
async fn headline(browser: &Browser) -> Result<[f64; 3], String> {
    let mut values = [0.0; 3];
    for (value, id) in values.iter_mut().zip(["lines", "person-years", "cost"]) {
        let css = format!("#headline-{id}");
        let text = browser.attr(&css, "data-value").await.ok_or_else(|| format!("{css} has no data-value"))?;
        *value = text.parse().map_err(|_| format!("{css} has data-value “{text}”"))?;
    }
    Ok(values)
}

/// Waits until the headline shows the core's totals for `view`.
async fn expect_headline(browser: &Browser, view: &LedgerView) {
    let totals = Ledger::compute(Dataset::bundled(), view).totals;
    let expected = [totals.lines as f64, totals.person_years, totals.cost];
    let close = |shown: f64, expected: f64| (shown - expected).abs() <= RELATIVE_TOLERANCE * expected.abs();
    browser
        .eventually(&format!("the headline to show the core's [lines, person-years, cost] {expected:?} for {view:?}"), async || {
            let shown = headline(browser).await?;
            if shown.iter().zip(expected).all(|(&shown, expected)| close(shown, expected)) {
                Ok(())
            } else {
                Err(format!("it shows {shown:?}"))
            }
        })
        .await
}

/// Waits until the table's rows are in the core's order for `view`.
async fn expect_row_order(browser: &Browser, view: &LedgerView) {
    let expected: Vec<String> = Ledger::compute(Dataset::bundled(), view).rows.iter().map(|row| row.framework.id.clone()).collect();
    browser
        .eventually(&format!("rows in the core's order {expected:?}"), async || {
            let shown = browser.attrs("#ledger-table tbody tr[data-id]", "data-id").await;
            if shown == expected {
                Ok(())
            } else {
                Err(format!("they are {shown:?}"))
            }
        })
        .await
}

/// Waits until the query string of the page's URL has `key=value`.
async fn expect_query(browser: &Browser, key: &str, value: &str) {
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

#[tokio::test]
async fn the_home_page_shows_the_core_totals_for_the_article_view() {
    let app = open_ledger("/").await;
    let view = LedgerView::default();
    expect_headline(&app.browser, &view).await;
    let ledger = Ledger::compute(Dataset::bundled(), &view);
    assert_eq!(app.browser.count("#ledger-table tbody tr[data-id]").await, ledger.rows.len(), "one row per framework");
    let bars = app.browser.count("#ledger-chart svg rect").await;
    assert!(bars >= ledger.totals.counted, "a bar per counted framework: {bars} rects for {} frameworks", ledger.totals.counted);
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_new_salary_changes_the_cost_the_chart_and_the_url() {
    let app = open_ledger("/").await;
    let chart_before = app.browser.html("#ledger-chart svg").await;
    app.browser.set_input("#salary", "150000").await;
    expect_headline(&app.browser, &LedgerView { salary: 150_000.0, ..LedgerView::default() }).await;
    app.browser
        .eventually("the chart to change", async || match app.browser.html("#ledger-chart svg").await {
            chart if chart != chart_before => Ok(()),
            _ => Err("its markup is unchanged".to_owned()),
        })
        .await;
    expect_query(&app.browser, "salary", "150000").await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_lines_column_sorts_both_ways_as_the_core_does() {
    let app = open_ledger("/").await;
    let mut view = LedgerView::default();
    for _click in 0..2 {
        app.browser.click(r#"th button[data-sort="lines"]"#).await;
        view.sort_by(SortKey::Lines);
        expect_row_order(&app.browser, &view).await;
    }
    assert!(!view.descending, "two clicks: largest first, then smallest first");
    expect_query(&app.browser, "sort", "lines").await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn latest_code_counted_by_tokei_gives_the_core_totals_and_survives_a_reload() {
    let app = open_ledger("/").await;
    app.browser.select_option("#era", "latest").await;
    app.browser.select_option("#counter", "tokei").await;
    let view = LedgerView { era: Era::Latest, counter: Counter::Tokei, ..LedgerView::default() };
    expect_headline(&app.browser, &view).await;

    // The URL is the state: loading it again shows the same view.
    let shared = app.browser.current_url().await;
    app.browser.goto(&shared).await;
    expect_headline(&app.browser, &view).await;
    let picked = app.browser.execute("return [document.querySelector('#era').value, document.querySelector('#counter').value]").await;
    assert_eq!(picked, serde_json::json!(["latest", "tokei"]), "the controls show the view of {shared}");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn an_unusable_salary_is_explained_and_keeps_the_last_good_totals() {
    let app = open_ledger("/").await;
    let good = LedgerView { salary: 150_000.0, ..LedgerView::default() };
    // Pasted, not typed: typing "1e308" would pass through "1e3", a valid salary of 1,000.
    for bad in ["abc", "-5", "", "1e308"] {
        app.browser.paste("#salary", "150000").await;
        app.browser.wait_absent("#salary-error").await;
        expect_headline(&app.browser, &good).await;
        app.browser.paste("#salary", bad).await;
        let message = app.browser.text("#salary-error").await;
        assert!(!message.trim().is_empty(), "“{bad}” gets an explanation");
        expect_headline(&app.browser, &good).await;
        app.browser.assert_no_console_errors();
    }
}

#[tokio::test]
async fn a_whole_session_logs_no_console_errors() {
    let app = open_ledger("/").await;
    let browser = &app.browser;
    let mut view = LedgerView::default();

    browser.set_input("#salary", "150000").await;
    view.salary = 150_000.0;
    browser.click(r#"th button[data-sort="cost"]"#).await;
    view.sort_by(SortKey::Cost);
    expect_row_order(browser, &view).await;
    browser.select_option("#era", "latest").await;
    browser.select_option("#counter", "cloc").await;
    (view.era, view.counter) = (Era::Latest, Counter::Cloc);
    expect_headline(browser, &view).await;

    browser.select_option("#preset", "sloccount").await;
    view.pick_preset(Preset::Sloccount);
    expect_headline(browser, &view).await;
    browser.set_input("#overhead", "3").await;
    view.overhead = 3.0;
    expect_headline(browser, &view).await;
    browser.paste("#overhead", "0").await;
    assert!(!browser.text("#overhead-error").await.trim().is_empty(), "an overhead of 0 gets an explanation");
    expect_headline(browser, &view).await;

    browser.assert_no_console_errors();
}
