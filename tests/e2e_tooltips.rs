#![cfg(not(target_arch = "wasm32"))]
//! Values on hover, focus and tap (issue 13): every mark of a chart has a transparent hit target
//! whose tooltip gives its name and exact value in the page's number format; the keyboard
//! reaches a chart with one Tab and walks its marks with the arrow keys; pointing at a framework
//! in one chart or in the ledger's table marks it in the other charts; and the files a reader
//! takes away carry no hit layer.
//!
//! The hit layer is drawn only when the reader first reaches for a chart (chart_hits.rs says
//! why), so each test starts from the plain chart and reaches for it as a reader would: the first
//! pointer, finger or Tab must already do what it asks.
//!
//! The value a tooltip must show is read from the ledger's table, which formats the same figure
//! with its own code path, so the tooltip is checked against what the reader already sees.

mod support;

use fantoccini::key::Key;
use serde_json::{json, Value};
use support::app::App;
use support::browser::Browser;
use support::downloads;

const BARS: &str = "#ledger-chart .hit";
/// The bars as plotters draws them, before any hit layer exists.
const PLAIN_BARS: &str = r##"#ledger-chart svg rect[fill="#0072B2"]"##;
const TIP: &str = "ledger-chart-tip";

/// The text of a tooltip while it is shown, `None` while it is hidden.
async fn tooltip(browser: &Browser, id: &str) -> Option<String> {
    let script = format!(
        "const tip = document.getElementById({}); if (!tip || tip.hidden || tip.getAttribute('role') !== 'tooltip') return null;
         const box = tip.getBoundingClientRect();
         return box.width > 0 && box.height > 0 ? tip.textContent.trim() : null;",
        json!(id)
    );
    browser.execute(&script).await.as_str().map(str::to_owned)
}

/// Waits until the tooltip `id` shows `want`, and returns it.
async fn expect_tooltip(browser: &Browser, id: &str, want: impl Fn(&str) -> bool, what: &str) -> String {
    browser
        .eventually(what, async || match tooltip(browser, id).await {
            Some(text) if want(&text) => Ok(text),
            other => Err(format!("the tooltip says {other:?}")),
        })
        .await
}

/// Waits until the tooltip `id` is hidden; `what` says what should have hidden it.
async fn expect_no_tooltip(browser: &Browser, id: &str, what: &str) {
    browser
        .eventually(what, async || match tooltip(browser, id).await {
            None => Ok(()),
            Some(text) => Err(text),
        })
        .await;
}

/// The cost the ledger's table shows for `framework`.
async fn table_cost(browser: &Browser, framework: &str) -> String {
    browser.text(&format!("#ledger-table tr[data-key={}] > :nth-child(8)", json!(framework))).await
}

/// How many elements match `css` right now, without waiting for any.
async fn how_many(browser: &Browser, css: &str) -> u64 {
    let script = format!("return document.querySelectorAll({}).length;", json!(css));
    browser.execute(&script).await.as_u64().expect("a count")
}

/// Puts the focus on the last thing in the tab order before the chart `id`, then presses Tab, as
/// a keyboard user comes to the chart.
async fn tab_into(browser: &Browser, id: &str) {
    let script = format!(
        "const chart = document.getElementById({});
         const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
           .filter(e => e.tabIndex >= 0 && !chart.contains(e) && e.getClientRects().length > 0
             && (e.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING));
         const last = all[all.length - 1];
         if (!last) return false;
         last.focus();
         return document.activeElement === last;",
        json!(id)
    );
    assert_eq!(browser.execute(&script).await, Value::Bool(true), "something to Tab from before #{id}");
    browser.key(Key::Tab).await;
}

/// Waits until the focus is on the mark `label` of the chart `id`, described by its tooltip, and
/// the tooltip says `label`.
async fn expect_focus(browser: &Browser, id: &str, label: &str) {
    let focused = format!(
        "const f = document.activeElement; return f && f.matches({}) ? [f.getAttribute('aria-label'), f.getAttribute('aria-describedby')] : null;",
        json!(format!("#{id} .hit"))
    );
    let tip = format!("{id}-tip");
    browser
        .eventually(&format!("focus on the mark {label}"), async || match browser.execute(&focused).await {
            Value::Array(pair) if pair[0] == json!(label) && pair[1] == json!(tip) => Ok(()),
            other => Err(format!("focus is on {other}")),
        })
        .await;
    expect_tooltip(browser, &tip, |text| text == label, &format!("the tooltip to say {label}")).await;
}

#[tokio::test]
async fn pointing_at_a_bar_shows_its_framework_and_cost_as_the_table_writes_it() {
    let app = App::open_until("/ledger", PLAIN_BARS).await;
    let browser = &app.browser;
    assert_eq!(how_many(browser, BARS).await, 0, "no hit layer before the reader reaches for the chart");
    // The first pointer on the chart draws its layer, and the bar under the pointer shows at once.
    browser.hover(PLAIN_BARS).await;
    browser.wait_for(BARS).await;
    let keys = browser.attrs(BARS, "data-key").await;
    assert!(keys.len() >= 2, "a target per bar: {keys:?}");
    assert_eq!(how_many(browser, PLAIN_BARS).await, keys.len() as u64, "as many targets as bars drawn");
    for (index, framework) in keys.iter().take(3).enumerate() {
        let cost = table_cost(browser, framework).await;
        if index > 0 {
            browser.hover(&format!("{BARS}:nth-child({})", index + 1)).await;
        }
        // The whiskers' range follows once the background job has run.
        let expected = format!("{framework}: {cost}");
        expect_tooltip(
            browser,
            TIP,
            |text| text == expected || text.starts_with(&format!("{expected} (range ")),
            &format!("the tooltip of {framework}'s bar to say {expected}"),
        )
        .await;
    }
    // Off the chart, the tooltip goes.
    browser.hover("#ledger-table thead th").await;
    expect_no_tooltip(browser, TIP, "the tooltip to hide").await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn one_tab_reaches_a_chart_and_the_arrow_keys_walk_its_marks() {
    let app = App::open_until("/ledger", PLAIN_BARS).await;
    let browser = &app.browser;
    // Before the layer exists the box itself is the chart's one tab stop.
    assert_eq!(how_many(browser, "#ledger-chart[tabindex=\"0\"]").await, 1, "the box is the tab stop");
    assert_eq!(how_many(browser, BARS).await, 0, "no hit layer before the reader reaches for the chart");
    tab_into(browser, "ledger-chart").await;
    browser.wait_for(BARS).await;
    let labels = browser.attrs(BARS, "aria-label").await;
    let at = async |label: &str| expect_focus(browser, "ledger-chart", label).await;
    at(&labels[0]).await;
    browser.key(Key::Right).await;
    at(&labels[1]).await;
    browser.key(Key::End).await;
    at(labels.last().unwrap()).await;
    browser.key(Key::Up).await;
    at(&labels[labels.len() - 2]).await;
    browser.key(Key::Home).await;
    at(&labels[0]).await;
    // The roving focus keeps one tab stop, on the mark last visited; the box is no longer one.
    assert_eq!(
        browser.attrs(&format!("{BARS}[tabindex=\"0\"]"), "aria-label").await,
        vec![labels[0].clone()]
    );
    assert_eq!(how_many(browser, "#ledger-chart[tabindex]").await, 0, "one tab stop per chart");
    browser.key(Key::Escape).await;
    expect_no_tooltip(browser, TIP, "Escape to hide the tooltip").await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn tapping_a_dot_shows_its_values_until_a_tap_elsewhere() {
    let app = App::open_until("/ledger", "#effort-size-chart svg circle").await;
    let browser = &app.browser;
    assert_eq!(how_many(browser, "#effort-size-chart .hit").await, 0, "no hit layer before the first touch");
    // The first tap draws the layer and shows the dot under the finger: the target whose centre is
    // nearest the dot tapped.
    browser.tap("#effort-size-chart svg circle").await;
    browser.wait_for("#effort-size-chart .hit").await;
    let nearest = browser
        .execute(
            "const centre = e => { const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
             const [x, y] = centre(document.querySelector('#effort-size-chart svg circle'));
             const hits = [...document.querySelectorAll('#effort-size-chart .hit')];
             const away = h => { const [a, b] = centre(h); return Math.hypot(a - x, b - y); };
             return hits.reduce((best, h) => away(h) < away(best) ? h : best).getAttribute('aria-label');",
        )
        .await;
    let nearest = nearest.as_str().expect("a label").to_owned();
    expect_tooltip(
        browser,
        "effort-size-chart-tip",
        |text| text == nearest,
        &format!("{nearest} after the first tap"),
    )
    .await;
    let labels = browser.attrs("#effort-size-chart .hit", "aria-label").await;
    let keys = browser.attrs("#effort-size-chart .hit", "data-key").await;
    assert_eq!(labels.len(), keys.len(), "every dot is a framework");
    for index in [1, 0] {
        browser.tap(&format!("#effort-size-chart .hit:nth-child({})", index + 1)).await;
        let said = expect_tooltip(
            browser,
            "effort-size-chart-tip",
            |text| text == labels[index],
            &format!("the tooltip of {} after a tap", keys[index]),
        )
        .await;
        assert!(said.starts_with(&format!("{}: ", keys[index])), "{said}");
    }
    // A touch elsewhere on the page puts the tooltip away.
    browser.tap("#effort-size-chart-summary").await;
    expect_no_tooltip(browser, "effort-size-chart-tip", "a tap elsewhere to hide the tooltip").await;
    browser.assert_no_console_errors();
}

/// Whether the hit of `framework` in `chart` is drawn highlighted (its outline on), in the
/// browser's computed style.
async fn highlighted(browser: &Browser, chart: &str, framework: &str) -> bool {
    let script = format!(
        "const hit = document.querySelector({}); return hit ? getComputedStyle(hit).strokeWidth : null;",
        json!(format!("{chart} .hit[data-key={}]", json!(framework)))
    );
    browser.execute(&script).await == json!("3px")
}

#[tokio::test]
async fn a_framework_pointed_at_in_a_chart_or_the_table_lights_up_in_the_other_charts() {
    let app = App::open_until("/ledger", PLAIN_BARS).await;
    let browser = &app.browser;
    // A framework lit up anywhere draws the page's layers, which is where the light shows.
    assert_eq!(
        how_many(browser, ".chart .hits").await,
        0,
        "no hit layer before the reader reaches for a chart"
    );
    browser.hover("#ledger-table tbody tr[data-key] > th").await;
    browser.wait_for(BARS).await;
    browser.wait_for("#effort-size-chart .hit").await;
    let bars = browser.attrs(BARS, "data-key").await;
    let dots = browser.attrs("#effort-size-chart .hit", "data-key").await;
    let shared: Vec<&String> = bars.iter().filter(|k| dots.contains(k)).collect();
    assert!(shared.len() >= 2, "frameworks in both charts: {bars:?} {dots:?}");
    let (first, second) = (shared[0], shared[1]);
    let index = bars.iter().position(|k| k == first).unwrap();
    browser.hover(&format!("{BARS}:nth-child({})", index + 1)).await;
    browser
        .eventually(&format!("{first} marked in the scatter"), async || {
            match (
                highlighted(browser, "#effort-size-chart", first).await,
                highlighted(browser, "#effort-size-chart", second).await,
            ) {
                (true, false) => Ok(()),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
    // From the table: pointing at a row marks the framework in both charts.
    browser.hover(&format!("#ledger-table tr[data-key={}] > th", json!(second))).await;
    browser
        .eventually(&format!("{second} marked in both charts"), async || {
            match (
                highlighted(browser, "#effort-size-chart", second).await,
                highlighted(browser, "#ledger-chart", second).await,
                highlighted(browser, "#effort-size-chart", first).await,
            ) {
                (true, true, false) => Ok(()),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn downloads_carry_no_hit_layer() {
    let app = App::open_until("/ledger", PLAIN_BARS).await;
    let browser = &app.browser;
    // With the page's layer drawn, so the download is seen to leave it out.
    browser.hover(PLAIN_BARS).await;
    browser.wait_for(BARS).await;
    downloads::capture(browser).await;
    browser.click(r#"#ledger-chart ~ .chart-actions [data-download="svg"]"#).await;
    let (kind, svg) = downloads::nth(browser, 1).await;
    assert_eq!(kind, "image/svg+xml");
    assert!(svg.contains("Cost per framework"), "the chart itself");
    assert!(!svg.contains(r#"class="hits""#) && !svg.contains(r#"class="hit""#), "{svg}");
    assert!(
        browser.html("#ledger-chart").await.contains(r#"class="hits""#),
        "the page's own chart has its layer"
    );
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_chart_draws_its_hit_layer_only_once_a_reader_reaches_for_it() {
    let app = App::open_until("/pool-or-spread", "#coverage-chart svg").await;
    let browser = &app.browser;
    browser.wait_for("#value-chart svg").await;
    let boxes = how_many(browser, ".chart").await;
    assert!(boxes >= 3, "the page's charts: {boxes}");
    assert_eq!(how_many(browser, ".chart .hits").await, 0, "no chart has a hit layer on load");
    assert_eq!(how_many(browser, ".chart[tabindex=\"0\"]").await, boxes, "each box is its chart's tab stop");
    // Pointing at one chart draws its layer, and only its.
    browser.hover("#value-chart svg").await;
    browser.wait_for("#value-chart .hits").await;
    assert_eq!(how_many(browser, ".chart .hits").await, 1, "only the chart pointed at has a layer");
    assert_eq!(how_many(browser, "#value-chart[tabindex]").await, 0, "its marks hold its tab stop now");
    // The keyboard reaches another chart with Tab and walks its marks with the arrow keys.
    assert_eq!(how_many(browser, "#coverage-chart .hit").await, 0);
    tab_into(browser, "coverage-chart").await;
    browser.wait_for("#coverage-chart .hit").await;
    let labels = browser.attrs("#coverage-chart .hit", "aria-label").await;
    assert!(labels.len() >= 2, "marks to walk: {labels:?}");
    expect_focus(browser, "coverage-chart", &labels[0]).await;
    browser.key(Key::Right).await;
    expect_focus(browser, "coverage-chart", &labels[1]).await;
    assert_eq!(how_many(browser, ".chart .hits").await, 2, "the two charts reached, no others");
    browser.assert_no_console_errors();
}
