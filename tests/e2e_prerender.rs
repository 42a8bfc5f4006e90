#![cfg(not(target_arch = "wasm32"))]
//! The first screen before the wasm: every address's page holds its default view, prerendered
//! at build time (xtask/src/prerender.rs), and the app takes it over without moving anything
//! (src/prerender.rs). A link that sets the view never shows the default's figures.

mod support;

use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use support::app::App;
use support::browser::Browser;
use support::bundle;
use support::http;
use support::server::Server;

/// Each page's first figure or heading, and whether the page has a chart.
fn landmark(view: View) -> (&'static str, bool) {
    match view {
        View::Story => ("story-cost", true),
        View::Ledger => ("headline-cost", true),
        View::Talent => ("c-star", true),
        View::YourCode => ("drop-zone", false),
        View::Method => ("basic-cocomo", false),
    }
}

/// The page as a crawler or a reader on a slow line gets it: the HTML alone.
fn served(server: &Server, path: &str) -> String {
    let reply = http::get(server.port(), path).unwrap_or_else(|e| panic!("GET {path}: {e}"));
    assert_eq!(reply.status, 200, "GET {path}");
    reply.text()
}

/// A copy of the bundle without any page's wasm, as on a slow line before it arrives: what the
/// HTML alone shows.
fn without_the_pages_code(label: &str) -> support::temp::TempDir {
    let dir = bundle::copy(label);
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("entry_") && name.ends_with(".wasm") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    dir
}

#[test]
fn every_page_and_embed_is_served_with_its_default_view() {
    let server = Server::start(bundle::dist());
    for view in View::ALL {
        let html = served(&server, view.path());
        let (id, charted) = landmark(view);
        assert!(html.contains(r#"<div id="prerender">"#), "{}: no first screen", view.path());
        assert!(html.contains(&format!(r#"id="{id}""#)), "{}: #{id} is not in the HTML", view.path());
        assert_eq!(html.contains("<svg"), charted, "{}: charts in the HTML", view.path());
        assert!(
            !html.contains(r#"class="hits""#),
            "{}: hit layers stay out of the first screen",
            view.path()
        );
    }
    assert!(served(&server, "/method").contains("Basic COCOMO"), "the method's text");
    for embed in Embed::ALL {
        let html = served(&server, &embed.path());
        assert!(html.contains(r#"id="embed-chart""#) && html.contains("<svg"), "{}: its chart", embed.path());
    }
}

#[tokio::test]
async fn the_live_page_shows_the_figures_it_was_served_with() {
    for view in [View::Story, View::Ledger, View::Talent] {
        let (id, _) = landmark(view);
        let app = App::open_until(view.path(), &format!("#{id}[data-value]")).await;
        // The served HTML read by the browser's own parser, not run.
        let read = format!(
            "return new DOMParser().parseFromString({}, 'text/html').querySelector('#prerender #{id}').textContent",
            serde_json::Value::String(served(&app.server, view.path()))
        );
        let first = app
            .browser
            .execute(&read)
            .await
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!first.is_empty(), "{}: #{id} has a figure", view.path());
        let live = app.browser.execute(&format!("return document.querySelector('#{id}').textContent")).await;
        let live = live.as_str().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(live, first, "{}: #{id}", view.path());
        app.browser.assert_no_console_errors();
    }
}

/// The sum of the page's layout shifts so far, as Lighthouse counts CLS (without input).
const LAYOUT_SHIFT: &str = r#"
return await new Promise((done) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(sum), 200);
});
"#;

#[tokio::test]
async fn the_app_takes_over_without_moving_anything() {
    let server = Server::start(bundle::dist());
    for (width, path, ready) in [
        (390, "/", "#story-cost[data-value]"),
        (390, "/ledger", "#band[data-p50]"),
        (1280, "/ledger", "#band[data-p50]"),
        (390, "/pool-or-spread", "#c-star[data-value]"),
        (1280, "/pool-or-spread", "#c-star[data-value]"),
        (390, "/embed/ledger-costs", "#embed-chart svg"),
    ] {
        let browser = Browser::start().await;
        browser.set_viewport(width, 900).await;
        browser.goto(&server.url(path)).await;
        browser.wait_for(ready).await;
        browser.wait_absent("#prerender").await;
        let shift = browser.execute(LAYOUT_SHIFT).await.as_f64().expect("a number");
        assert!(shift <= 0.02, "{path} at {width} px: layout shift {shift:.3}");
        browser.assert_no_console_errors();
    }
}

#[tokio::test]
async fn a_link_that_sets_the_view_never_shows_the_default_figures() {
    let dir = without_the_pages_code("no-app");
    let server = Server::start(dir.path());
    let browser = Browser::start().await;
    browser.without_app();
    let shown = async |path: &str| {
        browser.goto(&server.url(path)).await;
        browser.wait_for("#prerender #headline-cost").await;
        let shown = browser
            .execute(
                "return getComputedStyle(document.querySelector('#prerender #headline-cost')).visibility",
            )
            .await;
        (shown.as_str() == Some("visible"), browser.text("#prerender .site-nav").await)
    };
    let (figures, nav) = shown("/ledger?salary=150000").await;
    assert!(!figures, "salary=150000 is the ledger's own state: the default's figures stay hidden");
    assert!(nav.contains("Ledger"), "the site's frame still shows: {nav}");
    let waiting = browser.text("#prerender .prerender-wait").await;
    assert!(waiting.contains("Loading the view"), "and says the view is on its way: {waiting}");
    let (figures, _) = shown("/ledger?utm_source=x&theme=dark").await;
    assert!(figures, "foreign keys and the theme leave the default view shown");
    let (figures, _) = shown("/ledger").await;
    assert!(figures);
    let inert = browser.count("#prerender input:not([inert]), #prerender select:not([inert])").await;
    assert_eq!(inert, 0, "nothing can be typed into the first screen that the app would drop");
}

/// Each chart box's id and height.
const BOX_HEIGHTS: &str =
    "return [...document.querySelectorAll('.chart[id]')].map((c) => c.id + ' ' + Math.round(c.getBoundingClientRect().height))";

#[tokio::test]
async fn on_a_wide_screen_the_first_screens_chart_boxes_have_the_live_charts_heights() {
    // The first screen alone (the pages' code withheld), then the live page, at 1280 px.
    let dir = without_the_pages_code("no-app-wide");
    let first = Server::start(dir.path());
    let live = Server::start(bundle::dist());
    for (path, ready) in [("/ledger", "#band[data-p50]"), ("/pool-or-spread", "#gain-histogram > svg")] {
        let browser = Browser::start().await;
        browser.set_viewport(1280, 900).await;
        browser.without_app();
        browser.goto(&first.url(path)).await;
        browser.wait_for("#prerender .chart").await;
        let before = browser.execute(BOX_HEIGHTS).await;
        let browser = Browser::start().await;
        browser.set_viewport(1280, 900).await;
        browser.goto(&live.url(path)).await;
        browser.wait_for(ready).await;
        let after = browser.execute(BOX_HEIGHTS).await;
        assert_eq!(before, after, "{path}: the chart boxes before and after the take-over");
    }
}
