#![cfg(not(target_arch = "wasm32"))]
//! The landing essay as a visitor reads and plays with it: the article's figures in its
//! sentences, numbers changed in place by keyboard or by typing, and links that carry the state.

mod support;

use fantoccini::key::Key;
use headstart_core::dataset::Dataset;
use headstart_core::query::QueryReader;
use headstart_core::story::{Story, StoryView};
use support::app::App;
use support::browser::Browser;
use support::ledger::RELATIVE_TOLERANCE;

async fn open_story(path: &str) -> App {
    App::open_until(path, "#story-cost[data-value]").await
}

fn story(query: &str) -> Story {
    let dataset = Dataset::bundled();
    Story::compute(dataset, &StoryView::read(&mut QueryReader::parse(query), dataset))
}

/// Waits until the essay's cost is the core's for `query`.
async fn expect_cost(browser: &Browser, query: &str) {
    let expected = story(query).claim.cost;
    browser
        .eventually(&format!("the cost for “{query}”"), async || {
            let shown = browser.attr("#story-cost", "data-value").await.unwrap_or_default();
            let shown: f64 = shown.parse().map_err(|_| format!("data-value “{shown}”"))?;
            if (shown - expected).abs() <= RELATIVE_TOLERANCE * expected {
                Ok(())
            } else {
                Err(format!("{shown} ≠ {expected}"))
            }
        })
        .await;
}

#[tokio::test]
async fn the_essay_opens_with_the_articles_figures_and_its_sources() {
    let app = open_story("/").await;
    let browser = &app.browser;
    assert_eq!(browser.text("#story-lines").await, "2.5 million");
    assert_eq!(browser.text("#story-person-years").await, "over 650");
    assert_eq!(browser.text("#story-cost").await, "$80m");
    assert!(browser.text("#story-verdict").await.starts_with("matches the article's $80m"));
    for chart in [
        "#story-claim-chart svg",
        "#story-alternatives-chart svg",
        "#story-growth-chart svg",
        "#story-value-chart svg",
    ] {
        browser.wait_for(chart).await;
    }
    browser.wait_for("#story-band[data-ready='true']").await;
    assert!(browser.text("#story-band").await.contains("80% of plausible costs lie between"));
    assert!(browser.text("#story-pooling").await.contains("neither extreme is best"));
    assert!(browser
        .attr(".story-source a", "href")
        .await
        .unwrap_or_default()
        .starts_with("https://medium.com/"));
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_salary_in_the_sentence_moves_with_the_keyboard_and_by_typing() {
    let app = open_story("/").await;
    let browser = &app.browser;
    let chart = browser.html("#story-claim-chart").await;
    let keys = format!("{}{}", Key::Right, Key::Right);
    browser.press("#story-salary", &keys).await;
    expect_cost(browser, "salary=125000").await;
    assert!(browser.current_url().await.contains("salary=125000"));
    assert_ne!(browser.html("#story-claim-chart").await, chart, "the chart follows the salary");
    browser.click("#story-salary + .scrub-edit").await;
    browser.paste("#story-salary-input", "246000").await;
    expect_cost(browser, "salary=246000").await;
    assert_eq!(browser.text("#story-cost").await, "$160m");
    assert!(browser.text("#story-verdict").await.contains("more than the article's $80m"));
    browser.paste("#story-salary-input", "lots").await;
    assert!(browser.text("#story-salary-input-error").await.contains("not a number"));
    expect_cost(browser, "salary=246000").await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn todays_code_and_the_open_share_rewrite_their_sentences() {
    let app = open_story("/").await;
    let browser = &app.browser;
    browser.click("#story-era").await;
    expect_cost(browser, "era=latest").await;
    assert_eq!(browser.attr("#story-era", "aria-pressed").await.as_deref(), Some("true"));
    let before = browser.attr("#story-pooling", "data-c-star").await;
    browser.press("#story-open", &Key::End.to_string()).await;
    let expected = story("open=0.95").pooling.c_star;
    browser
        .eventually("c* for o = 0.95", async || {
            let shown: f64 = browser
                .attr("#story-pooling", "data-c-star")
                .await
                .unwrap_or_default()
                .parse()
                .map_err(|_| "no c*")?;
            if (shown - expected).abs() < 1e-9 {
                Ok(())
            } else {
                Err(format!("{shown}"))
            }
        })
        .await;
    assert_ne!(browser.attr("#story-pooling", "data-c-star").await, before);
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn links_into_the_deeper_pages_carry_the_readers_state() {
    let app = open_story("/?salary=150000&open=0.3").await;
    let browser = &app.browser;
    let today = browser.attr("#now-deeper", "href").await.unwrap();
    assert!(today.ends_with("/ledger?salary=150000&era=latest"), "part 3 opens today's code: {today}");
    let models = browser.attr("#holds-up-deeper", "href").await.unwrap();
    assert!(models.ends_with("/ledger?salary=150000#model-settings"), "{models}");
    browser.click("#claim-deeper").await;
    browser.wait_for("#headline-cost[data-value]").await;
    assert!(browser.current_url().await.contains("/ledger?salary=150000"));
    let shown: f64 = browser.attr("#headline-cost", "data-value").await.unwrap().parse().unwrap();
    let expected = story("salary=150000").claim.cost;
    assert!((shown - expected).abs() <= RELATIVE_TOLERANCE * expected, "the ledger shows the essay's cost");
    browser.execute("history.back(); return null").await;
    browser.wait_for("#story-cost").await;
    browser.click("#pool-deeper").await;
    browser.wait_for("#c-star[data-value]").await;
    let url = browser.current_url().await;
    assert!(url.contains("salary=150000") && url.contains("open=0.3"), "{url}");
    browser.assert_no_console_errors();
}
