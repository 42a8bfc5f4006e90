#![cfg(not(target_arch = "wasm32"))]
//! "Pool or spread" as a reader uses it: the optimum the page shows is the core's, for every
//! assumption the reader changes.

mod support;

use headstart_core::query::QueryReader;
use headstart_core::talent::{optimum, MonteCarloJob, ParamKey, Params, Study};
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
            if (shown - expected).abs() <= TOLERANCE {
                Ok(())
            } else {
                Err(format!("c* is {shown}"))
            }
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
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn moving_the_open_share_moves_c_star_as_the_core_says() {
    let app = open_talent("/pool-or-spread").await;
    let mut params = Params::default();
    for open in ["0.3", "0.8"] {
        app.browser.paste("#open", open).await;
        params.set(ParamKey::OpenShare, open.parse().unwrap());
        expect_c_star(&app.browser, &params).await;
        assert!(app.browser.current_url().await.contains(&format!("open={open}")));
    }
    app.browser.click("#reset-parameters").await;
    expect_c_star(&app.browser, &Params::default()).await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn nonsense_gets_a_message_and_keeps_the_last_good_result() {
    let app = open_talent("/pool-or-spread?rho=0.01").await;
    let mut params = Params::default();
    params.set(ParamKey::Relevance, 0.01);
    expect_c_star(&app.browser, &params).await;
    for nonsense in ["lots", "-1", ""] {
        app.browser.paste("#rho", nonsense).await;
        assert!(app.browser.text("#rho-error").await.contains("Enter a number"), "for “{nonsense}”");
        expect_c_star(&app.browser, &params).await;
    }
    app.browser.assert_no_console_errors();
}

/// The page's number in `attr` of `css`, once it is there.
async fn number(browser: &Browser, css: &str, attr: &str) -> f64 {
    browser
        .eventually(&format!("{css}[{attr}]"), async || {
            let text = browser.attr(css, attr).await.ok_or("not there yet")?;
            text.parse::<f64>().map_err(|_| format!("{attr} reads “{text}”"))
        })
        .await
}

#[tokio::test]
async fn the_monte_carlo_runs_in_the_worker_and_matches_a_native_run_with_its_seed() {
    let query = "draws=400&seed=7&q_hi=2";
    let app = open_talent(&format!("/pool-or-spread?{query}")).await;
    let study = Study::read(&mut QueryReader::parse(query));
    let mut job = MonteCarloJob::new(&Params::default(), &study.ranges, study.draws, study.seed).unwrap();
    while !job.run(1_000).is_finished() {}
    let native = job.summary(30).unwrap();
    assert_eq!(number(&app.browser, "#monte-carlo-summary", "data-draws").await, 400.0);
    for (attr, expected) in [
        ("data-c-p10", native.c_star.p10),
        ("data-c-p50", native.c_star.p50),
        ("data-c-p90", native.c_star.p90),
        ("data-gain-p50", native.gain.p50),
    ] {
        let shown = number(&app.browser, "#monte-carlo-summary", attr).await;
        assert!((shown - expected).abs() <= 1e-6, "{attr}: page {shown}, native {expected}");
    }
    app.browser.wait_for("#c-star-histogram svg").await;
    app.browser.wait_for("#gain-histogram svg").await;
    assert!(app.browser.text("#monte-carlo-summary").await.contains("Over 400 draws"));
    assert!(app.browser.attr("#monte-carlo-status", "data-ms").await.is_some());
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_heat_map_fills_in_and_follows_the_axes_the_reader_picks() {
    let app = open_talent("/pool-or-spread?draws=100").await;
    let browser = &app.browser;
    browser.wait_for("#heatmap[data-complete='true']").await;
    assert!(browser.text("#heatmap-chart-summary").await.contains(": from "));
    assert_eq!(browser.count("#heatmap-chart circle").await, 2, "the ring at the current values");
    browser.select_option("#map-x", "beta").await;
    browser
        .eventually("map_x in the URL", async || {
            let url = browser.current_url().await;
            if url.contains("map_x=beta") {
                Ok(())
            } else {
                Err(url)
            }
        })
        .await;
    browser
        .eventually("the new map's summary", async || {
            let text = browser.text("#heatmap-chart-summary").await;
            let complete = browser.attr("#heatmap", "data-complete").await;
            if text.contains("β (a lab's problem breadth) is") && complete.as_deref() == Some("true") {
                Ok(())
            } else {
                Err(text)
            }
        })
        .await;
    assert!(browser.html("#heatmap-chart").await.contains("β (a lab's problem breadth)"));
    assert!(browser.text("#c-star-tornado-summary").await.contains("moves it most"));
    browser.wait_for("#c-star-tornado svg").await;
    browser.assert_no_console_errors();
}

/// How many jobs the status line `css` has started, once its latest has finished.
async fn finished_runs(browser: &Browser, css: &str) -> u64 {
    browser
        .eventually(&format!("{css} to finish its job"), async || {
            let done = browser.attr(css, "data-ms").await;
            let runs = browser.attr(css, "data-runs").await.unwrap_or_default();
            match (done, runs.parse()) {
                (Some(_), Ok(runs)) => Ok(runs),
                _ => Err(format!("running, data-runs “{runs}”")),
            }
        })
        .await
}

#[tokio::test]
async fn each_job_runs_again_only_when_its_own_inputs_change() {
    let app = open_talent("/pool-or-spread?draws=100").await;
    let browser = &app.browser;
    let map_runs = finished_runs(browser, "#heatmap-status").await;
    let draw_runs = finished_runs(browser, "#monte-carlo-status").await;

    // The map's axes: a new map, the same Monte Carlo.
    browser.select_option("#map-x", "beta").await;
    browser
        .eventually("a second map", async || match finished_runs(browser, "#heatmap-status").await {
            runs if runs > map_runs => Ok(()),
            runs => Err(format!("{runs} maps")),
        })
        .await;
    assert_eq!(finished_runs(browser, "#monte-carlo-status").await, draw_runs, "the axes moved no draw");

    // The seed: new draws, the same map.
    let map_runs = finished_runs(browser, "#heatmap-status").await;
    browser.paste("#seed", "7").await;
    browser
        .eventually("a second Monte Carlo", async || {
            match finished_runs(browser, "#monte-carlo-status").await {
                runs if runs > draw_runs => Ok(()),
                runs => Err(format!("{runs} runs")),
            }
        })
        .await;
    assert_eq!(finished_runs(browser, "#heatmap-status").await, map_runs, "the seed moved no map");
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_reversed_or_impossible_range_is_explained_not_obeyed() {
    let app = open_talent("/pool-or-spread?rho_lo=0.2&rho_hi=0.01&draws=100").await;
    let browser = &app.browser;
    browser.click("#monte-carlo-settings summary").await;
    let low = browser.execute("return document.querySelector('#rho_lo').value").await;
    assert_eq!(low.as_str(), Some("0.01"), "a reversed range is read the right way round");
    browser.paste("#rho_hi", "7").await;
    assert!(browser.text("#rho_hi-error").await.contains("Enter a number"));
    assert!(!browser.current_url().await.contains("rho_hi=7"), "the last good range stays");
    browser.wait_for("#monte-carlo-summary[data-draws='100']").await;
    browser.assert_no_console_errors();
}
