#![cfg(not(target_arch = "wasm32"))]
//! "Pool or spread" as a reader uses it: the optimum the page shows is the core's, for every
//! assumption the reader changes.

mod support;

use headstart_core::talent::{optimum, Params};
use support::app::App;
use support::browser::Browser;

async fn open_talent(path: &str) -> App {
    App::open_until(path, "#c-star[data-value]").await
}

/// wasm's powf and exp round differently from the native maths library in the last bits, so
/// the page and the core agree to about 1e-11, not to the bit.
const TOLERANCE: f64 = 1e-9;

/// Waits until the page shows the core's c* for `params`.
async fn expect_c_star(browser: &Browser, params: &Params) {
    let expected = optimum(params).c_star;
    browser
        .eventually(&format!("c* = {expected}"), async || {
            let shown = browser.attr("#c-star", "data-value").await.unwrap_or_default();
            let shown: f64 = shown.parse().map_err(|_| format!("c* reads “{shown}”"))?;
            if (shown - expected).abs() <= TOLERANCE { Ok(()) } else { Err(format!("c* is {shown}")) }
        })
        .await;
}

#[tokio::test]
async fn the_page_opens_at_the_specs_optimum_with_its_charts() {
    let app = open_talent("/pool-or-spread").await;
    expect_c_star(&app.browser, &Params::default()).await;
    assert_eq!(app.browser.text("#c-star").await, "12.8%");
    for chart in ["#value-chart svg", "#coverage-chart svg", "#effort-chart svg", "#evidence-chart svg"] {
        app.browser.wait_for(chart).await;
    }
    assert!(app.browser.html("#value-chart").await.contains("c* = 12.8%"));
    app.browser.assert_no_console_errors_but_the_fallback("/pool-or-spread");
}

#[tokio::test]
async fn moving_the_open_share_moves_c_star_as_the_core_says() {
    let app = open_talent("/pool-or-spread").await;
    let mut params = Params::default();
    for open in ["0.3", "0.8"] {
        app.browser.paste("#open", open).await;
        params.set("open", open.parse().unwrap()).unwrap();
        expect_c_star(&app.browser, &params).await;
        assert!(app.browser.current_url().await.contains(&format!("open={open}")));
    }
    app.browser.click("#reset-parameters").await;
    expect_c_star(&app.browser, &Params::default()).await;
    app.browser.assert_no_console_errors_but_the_fallback("/pool-or-spread");
}

#[tokio::test]
async fn nonsense_gets_a_message_and_keeps_the_last_good_result() {
    let app = open_talent("/pool-or-spread?rho=0.01").await;
    let mut params = Params::default();
    params.set("rho", 0.01).unwrap();
    expect_c_star(&app.browser, &params).await;
    for nonsense in ["lots", "-1", ""] {
        app.browser.paste("#rho", nonsense).await;
        assert!(app.browser.text("#rho-error").await.contains("Enter a number"), "for “{nonsense}”");
        expect_c_star(&app.browser, &params).await;
    }
    app.browser.assert_no_console_errors_but_the_fallback("/pool-or-spread?rho=0.01");
}
