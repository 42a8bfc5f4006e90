#![cfg(not(target_arch = "wasm32"))]
//! Values on hover, focus and tap (issue 13): every mark of a chart has a transparent hit target
//! whose tooltip gives its name and exact value in the page's number format; the keyboard
//! reaches a chart with one Tab and walks its marks with the arrow keys; pointing at a framework
//! in one chart or in the ledger's table marks it in the other charts; and the files a reader
//! takes away carry no hit layer.
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

/// The cost the ledger's table shows for `framework`.
async fn table_cost(browser: &Browser, framework: &str) -> String {
    browser.text(&format!("#ledger-table tr[data-key={}] > :nth-child(8)", json!(framework))).await
}

#[tokio::test]
async fn pointing_at_a_bar_shows_its_framework_and_cost_as_the_table_writes_it() {
    let app = App::open_until("/ledger", BARS).await;
    let browser = &app.browser;
    let keys = browser.attrs(BARS, "data-key").await;
    assert!(keys.len() >= 2, "a target per bar: {keys:?}");
    let marks = browser
        .execute("return document.querySelectorAll('#ledger-chart svg rect[fill=\"#0072B2\"]').length;")
        .await;
    assert_eq!(marks.as_u64(), Some(keys.len() as u64), "as many targets as bars drawn");
    for (index, framework) in keys.iter().take(3).enumerate() {
        let cost = table_cost(browser, framework).await;
        browser.hover(&format!("{BARS}:nth-child({})", index + 1)).await;
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
    browser
        .eventually("the tooltip to hide", async || match tooltip(browser, TIP).await {
            None => Ok(()),
            Some(text) => Err(text),
        })
        .await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn one_tab_reaches_a_chart_and_the_arrow_keys_walk_its_marks() {
    let app = App::open_until("/ledger", BARS).await;
    let browser = &app.browser;
    assert_eq!(
        browser.attrs(&format!("{BARS}[tabindex=\"0\"]"), "aria-label").await.len(),
        1,
        "one tab stop per chart"
    );
    // The last thing in the tab order before the chart, focused; then Tab, as a keyboard user goes.
    let before = browser
        .execute(
            "const chart = document.getElementById('ledger-chart');
             const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
               .filter(e => e.tabIndex >= 0 && !chart.contains(e) && e.getClientRects().length > 0
                 && (e.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING));
             const last = all[all.length - 1];
             if (!last) return false;
             last.focus();
             return document.activeElement === last;",
        )
        .await;
    assert_eq!(before, Value::Bool(true));
    browser.key(Key::Tab).await;
    let labels = browser.attrs(BARS, "aria-label").await;
    let focused = "const f = document.activeElement; return f && f.matches('#ledger-chart .hit') ? [f.getAttribute('aria-label'), f.getAttribute('aria-describedby')] : null;";
    let at = async |label: &str| {
        browser
            .eventually(&format!("focus on the mark {label}"), async || {
                match browser.execute(focused).await {
                    Value::Array(pair) if pair[0] == json!(label) && pair[1] == json!(TIP) => Ok(()),
                    other => Err(format!("focus is on {other}")),
                }
            })
            .await;
        expect_tooltip(browser, TIP, |text| text == label, &format!("the tooltip to say {label}")).await;
    };
    at(&labels[0]).await;
    browser.key(Key::Right).await;
    at(&labels[1]).await;
    browser.key(Key::End).await;
    at(labels.last().unwrap()).await;
    browser.key(Key::Up).await;
    at(&labels[labels.len() - 2]).await;
    browser.key(Key::Home).await;
    at(&labels[0]).await;
    // The roving focus keeps one tab stop, on the mark last visited.
    assert_eq!(
        browser.attrs(&format!("{BARS}[tabindex=\"0\"]"), "aria-label").await,
        vec![labels[0].clone()]
    );
    browser.key(Key::Escape).await;
    browser
        .eventually("Escape to hide the tooltip", async || match tooltip(browser, TIP).await {
            None => Ok(()),
            Some(text) => Err(text),
        })
        .await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn tapping_a_dot_shows_its_values_until_a_tap_elsewhere() {
    let app = App::open_until("/ledger", "#effort-size-chart .hit").await;
    let browser = &app.browser;
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
    browser
        .eventually("a tap elsewhere to hide the tooltip", async || {
            match tooltip(browser, "effort-size-chart-tip").await {
                None => Ok(()),
                Some(text) => Err(text),
            }
        })
        .await;
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
    let app = App::open_until("/ledger", "#effort-size-chart .hit").await;
    let browser = &app.browser;
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
    let app = App::open_until("/ledger", BARS).await;
    let browser = &app.browser;
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
