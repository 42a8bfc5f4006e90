#![cfg(not(target_arch = "wasm32"))]
//! The ledger (home page) as a reader uses it: the release bundle in headless Chromium, every
//! figure on the page checked against what headstart-core computes for the same choices, so
//! the page can only pass by showing the model's numbers.

mod support;

use headstart_core::dataset::{Counter, Dataset, Era};
use headstart_core::estimate::Preset;
use headstart_core::ledger::{Ledger, LedgerView, SortKey};
use support::browser::Browser;
use support::ledger::{expect_headline, expect_query, open_ledger};

fn with_salary(salary: f64) -> LedgerView {
    let mut view = LedgerView::default();
    view.assumptions.salary = salary;
    view
}

/// Waits until the table's rows are in the core's order for `view`.
async fn expect_row_order(browser: &Browser, view: &LedgerView) {
    let expected: Vec<String> =
        Ledger::compute(Dataset::bundled(), view).rows.iter().map(|row| row.framework.id.clone()).collect();
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

#[tokio::test]
async fn the_home_page_shows_the_core_totals_for_the_article_view() {
    let app = open_ledger("/ledger").await;
    let view = LedgerView::default();
    expect_headline(&app.browser, &view).await;
    let ledger = Ledger::compute(Dataset::bundled(), &view);
    assert_eq!(
        app.browser.count("#ledger-table tbody tr[data-id]").await,
        ledger.rows.len(),
        "one row per framework"
    );
    let bars = app.browser.count("#ledger-chart svg rect").await;
    assert!(
        bars >= ledger.totals.counted,
        "a bar per counted framework: {bars} rects for {} frameworks",
        ledger.totals.counted
    );
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_new_salary_changes_the_cost_the_chart_and_the_url() {
    let app = open_ledger("/ledger").await;
    let chart_before = app.browser.html("#ledger-chart svg").await;
    app.browser.set_input("#salary", "150000").await;
    expect_headline(&app.browser, &with_salary(150_000.0)).await;
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
    let app = open_ledger("/ledger").await;
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
    let app = open_ledger("/ledger").await;
    app.browser.select_option("#era", "latest").await;
    app.browser.select_option("#counter", "tokei").await;
    let view = LedgerView { era: Era::Latest, counter: Counter::Tokei, ..LedgerView::default() };
    expect_headline(&app.browser, &view).await;

    // The URL is the state: loading it again shows the same view.
    let shared = app.browser.current_url().await;
    app.browser.goto(&shared).await;
    expect_headline(&app.browser, &view).await;
    let picked = app
        .browser
        .execute("return [document.querySelector('#era').value, document.querySelector('#counter').value]")
        .await;
    assert_eq!(picked, serde_json::json!(["latest", "tokei"]), "the controls show the view of {shared}");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn an_unusable_salary_is_explained_and_keeps_the_last_good_totals() {
    let app = open_ledger("/ledger").await;
    let good = with_salary(150_000.0);
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
    let app = open_ledger("/ledger").await;
    let browser = &app.browser;
    let mut view = LedgerView::default();

    browser.set_input("#salary", "150000").await;
    view.assumptions.salary = 150_000.0;
    browser.click(r#"th button[data-sort="cost"]"#).await;
    view.sort_by(SortKey::Cost);
    expect_row_order(browser, &view).await;
    browser.select_option("#era", "latest").await;
    browser.select_option("#counter", "cloc").await;
    (view.era, view.counter) = (Era::Latest, Counter::Cloc);
    expect_headline(browser, &view).await;

    browser.select_option("#preset", "sloccount").await;
    view.assumptions.pick_preset(Preset::Sloccount);
    expect_headline(browser, &view).await;
    browser.set_input("#overhead", "3").await;
    view.assumptions.overhead = 3.0;
    expect_headline(browser, &view).await;
    browser.paste("#overhead", "0").await;
    assert!(!browser.text("#overhead-error").await.trim().is_empty(), "an overhead of 0 gets an explanation");
    expect_headline(browser, &view).await;

    browser.assert_no_console_errors();
}
