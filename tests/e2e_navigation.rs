#![cfg(not(target_arch = "wasm32"))]
//! What a reader arriving from a link meets: the article's figures in words, a shared view
//! reproduced exactly, unusable values named in a notice, keys from elsewhere ignored without a
//! word, and pages reached without reload.

mod support;

use headstart_core::dataset::{Dataset, Era};
use headstart_core::estimate::Preset;
use headstart_core::ledger::{Ledger, LedgerView};
use support::app::App;

async fn open_ledger(path: &str) -> App {
    App::open_until(path, "#headline-cost[data-value]").await
}

#[tokio::test]
async fn the_headline_states_the_articles_figures_in_words() {
    let app = open_ledger("/ledger").await;
    assert_eq!(app.browser.text("#headline-lines").await, "2.50 million");
    assert_eq!(app.browser.text("#headline-person-years").await, "654");
    assert_eq!(app.browser.text("#headline-cost").await, "$80.5m");
    assert!(app.browser.text("#article-comparison").await.contains("within 2%"));
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_shared_link_opens_the_senders_view() {
    let app = open_ledger("/ledger?preset=sloccount&era=latest&salary=70000").await;
    let mut view = LedgerView::with_preset(Preset::Sloccount);
    view.era = Era::Latest;
    view.assumptions.salary = 70_000.0;
    let cost = Ledger::compute(Dataset::bundled(), &view).totals.cost;
    let shown: f64 = app.browser.attr("#headline-cost", "data-value").await.unwrap().parse().unwrap();
    assert!((shown - cost).abs() <= 1e-6 * cost, "{shown} ≠ {cost}");
    let salary = app.browser.execute("return document.querySelector('#salary').value").await;
    assert_eq!(salary.as_str(), Some("70,000"));
    assert!(app.browser.count("#query-notice").await == 0, "a clean link raises no notice");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn garbage_values_fall_back_to_defaults_with_a_dismissible_notice() {
    let app = open_ledger("/ledger?era=1999&salary=lots&zoom=3&sel=nope").await;
    let notice = app.browser.text("#query-notice").await;
    for key in ["era=1999", "salary=lots", "sel=nope"] {
        assert!(notice.contains(key), "the notice names {key}: {notice}");
    }
    assert!(!notice.contains("zoom"), "zoom is no Headstart key, so it goes without a word: {notice}");
    let default_cost = Ledger::compute(Dataset::bundled(), &LedgerView::default()).totals.cost;
    let shown: f64 = app.browser.attr("#headline-cost", "data-value").await.unwrap().parse().unwrap();
    assert!((shown - default_cost).abs() <= 1e-6 * default_cost);
    app.browser.click(".notice-dismiss").await;
    app.browser.wait_absent("#query-notice").await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
/// Each page is its own bundle, so a link to another page is a page load (served from the service
/// worker's cache after the first visit); before, the one app swapped pages in the same document.
async fn links_load_other_pages_with_the_shared_choices_and_back_returns() {
    let app = open_ledger("/ledger?salary=150000").await;
    app.browser.execute("window.__sameDocument = true; return null").await;
    app.browser.click(r#".site-nav a[href*="/method"]"#).await;
    app.browser.wait_for("#basic-cocomo").await;
    assert!(
        app.browser.current_url().await.ends_with("/method?salary=150000"),
        "the shared choices travel with the link"
    );
    let same = app.browser.execute("return window.__sameDocument === true").await;
    assert_eq!(same.as_bool(), Some(false), "the method page is a document of its own");
    assert!(
        app.server.requests().iter().any(|r| r.starts_with("GET /entry_method-")),
        "and loads only its own bundle: {:?}",
        app.server.requests()
    );
    app.browser.execute("history.back(); return null").await;
    app.browser.wait_for("#headline-cost").await;
    assert!(app.browser.current_url().await.contains("salary=150000"), "back restores the view");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_deep_link_works_on_a_static_host() {
    let app = App::open("/method").await;
    app.browser.wait_for("#basic-cocomo").await;
    assert!(app.server.requests().iter().any(|r| r == "GET /method"), "served by its own page, method.html");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_link_to_a_section_of_another_page_lands_on_it() {
    let app = App::open_until("/", "#story-cost[data-value]").await;
    app.browser.click(r#"#pool-or-spread a[href="method#talent-model"]"#).await;
    app.browser.wait_for("#talent-model").await;
    assert!(app.browser.current_url().await.ends_with("/method#talent-model"));
    app.browser
        .eventually("the section scrolled into view", async || {
            let top = app
                .browser
                .execute("return document.getElementById('talent-model').getBoundingClientRect().top")
                .await;
            match top.as_f64() {
                Some(top) if top.abs() < 5.0 => Ok(()),
                other => Err(format!("its top is at {other:?}")),
            }
        })
        .await;
    app.browser.assert_no_console_errors();
}

/// What links pick up on their way through newsletters, search ads and aggregators, and a typo.
const FROM_THE_WILD: &str = "utm_source=newsletter&utm_medium=email&fbclid=abc&gclid=xyz&ref=hn&salery=90000";

fn carries_from_the_wild(url: &str) -> bool {
    ["utm_", "fbclid", "gclid", "ref=", "salery"].iter().any(|key| url.contains(key))
}

#[tokio::test]
async fn a_link_from_the_wild_opens_without_a_notice_and_the_app_drops_what_it_picked_up() {
    let app = open_ledger(&format!("/ledger?{FROM_THE_WILD}&salary=150000")).await;
    let browser = &app.browser;
    assert_eq!(browser.count("#query-notice").await, 0, "keys from elsewhere go without a word");
    let mut view = LedgerView::default();
    view.assumptions.salary = 150_000.0;
    let cost = Ledger::compute(Dataset::bundled(), &view).totals.cost;
    let shown: f64 = browser.attr("#headline-cost", "data-value").await.unwrap().parse().unwrap();
    assert!((shown - cost).abs() <= 1e-6 * cost, "the link's own setting is used: {shown} ≠ {cost}");
    // The embed snippet carries the chart's state, not the link's trackers.
    browser.click("#ledger-chart ~ .chart-actions [data-embed]").await;
    browser.wait_for("#ledger-chart-embed-code").await;
    let snippet = browser.execute("return document.getElementById('ledger-chart-embed-code').value").await;
    let snippet = snippet.as_str().unwrap_or_default();
    assert!(snippet.contains("/embed/ledger-costs?salary=150000\""), "{snippet}");
    assert!(!carries_from_the_wild(snippet), "{snippet}");
    let nav = browser.attr(r#".site-nav a[href*="/method"]"#, "href").await.unwrap();
    assert!(nav.ends_with("/method?salary=150000"), "{nav}");
    // Any change rewrites the address from the page's own state.
    browser.select_option("#era", "latest").await;
    let url = browser
        .eventually("the era in the URL", async || {
            let url = browser.current_url().await;
            if url.contains("era=latest") {
                Ok(url)
            } else {
                Err(url)
            }
        })
        .await;
    assert!(url.contains("salary=150000") && !carries_from_the_wild(&url), "{url}");
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_essay_ignores_keys_from_elsewhere_but_still_names_a_value_it_cannot_use() {
    let app = App::open_until(&format!("/?{FROM_THE_WILD}"), "#story-cost[data-value]").await;
    let browser = &app.browser;
    assert_eq!(browser.count("#query-notice").await, 0, "a link from a news aggregator opens cleanly");
    // A key of the Pool-or-spread page, which the essay does not read, is set aside as quietly.
    browser.goto(&app.server.url("/?ref=hn&map_x=beta&salary=lots&era=1999")).await;
    let notice = browser.text("#query-notice").await;
    for named in ["salary=lots", "era=1999"] {
        assert!(notice.contains(named), "the notice names {named}: {notice}");
    }
    for quiet in ["ref", "map_x"] {
        assert!(!notice.contains(quiet), "{quiet} goes without a word: {notice}");
    }
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_shared_count_is_shared_on_without_what_its_link_picked_up() {
    let app = App::open_until(&format!("/your-code?code=Rust:120000&{FROM_THE_WILD}"), "#share-link").await;
    let browser = &app.browser;
    assert_eq!(browser.count("#query-notice").await, 0);
    let link = browser.execute("return document.getElementById('share-link').value").await;
    let link = link.as_str().unwrap_or_default();
    assert!(link.ends_with("/your-code?code=Rust:120000"), "{link}");
    browser.assert_no_console_errors();
}
