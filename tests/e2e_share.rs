#![cfg(not(target_arch = "wasm32"))]
//! The app as bloggers and readers take it away: a chart embedded in a page on another origin,
//! downloads whose numbers are the chart's, and every page checked for text alternatives.

mod support;

use headstart_core::dataset::Dataset;
use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use support::app::App;
use support::browser::Browser;
use support::bundle;
use support::downloads;
use support::ledger::RELATIVE_TOLERANCE;
use support::server::Server;
use support::temp::TempDir;

#[tokio::test]
async fn a_chart_embedded_on_another_origin_sizes_its_frame_and_links_back() {
    let app_server = Server::start(bundle::dist());
    let host = TempDir::new("host-page");
    let embed = app_server.url("/embed/ledger-costs?salary=150000&theme=dark");
    host.write(
        "index.html",
        format!(
            r#"<!doctype html><title>A blog</title><p>Before the chart.</p>
<iframe id="chart" src="{embed}" title="Cost per framework" width="100%" height="100" style="border:0"></iframe>
<script src="{}" async></script><p>After the chart.</p>"#,
            app_server.url("/embed.js")
        ),
    );
    let host_server = Server::start(host.path());
    assert_ne!(host_server.port(), app_server.port());
    let browser = Browser::start().await;
    browser.goto(&host_server.url("/")).await;
    // The frame first shows the embed's prerendered first screen, then its live app, which
    // posts its own height; the frame must end up as tall as the live content.
    browser.enter_frame("#chart").await;
    browser.wait_for("#embed-chart svg").await;
    let content = browser
        .execute("return Math.ceil(document.documentElement.getBoundingClientRect().height)")
        .await
        .as_f64()
        .unwrap();
    assert!(content > 300.0, "the embed's content is its chart and caption: {content}");
    browser.leave_frame().await;
    browser
        .eventually("the frame resized to its content", async || {
            let height = browser
                .execute("return document.getElementById('chart').getBoundingClientRect().height")
                .await;
            match height.as_f64() {
                Some(h) if (h - content).abs() <= 2.0 => Ok(h),
                other => Err(format!("height {other:?}, content {content}")),
            }
        })
        .await;
    browser.enter_frame("#chart").await;
    let theme = browser.execute("return document.documentElement.dataset.theme").await;
    assert_eq!(theme.as_str(), Some("dark"));
    assert!(browser.text(".embed-source").await.starts_with("Source: Headstart"));
    assert_eq!(browser.count(".site-header").await, 0, "an embed is the chart alone");
    let back = browser.attr("#embed-full-view", "href").await.unwrap();
    assert!(
        back.ends_with("/ledger?salary=150000&theme=dark"),
        "the full view, in the embed's theme: {back}"
    );
    browser.leave_frame().await;
    // The link is resolved against the frame's origin, the app's.
    browser.goto(&app_server.url(&back)).await;
    browser.wait_for("#headline-cost[data-value]").await;
    assert_eq!(browser.count("#query-notice").await, 0, "the theme is a setting of every page");
    let mut view = LedgerView::default();
    view.assumptions.salary = 150_000.0;
    let expected = Ledger::compute(Dataset::bundled(), &view).totals.cost;
    let shown: f64 = browser.attr("#headline-cost", "data-value").await.unwrap().parse().unwrap();
    assert!((shown - expected).abs() <= RELATIVE_TOLERANCE * expected, "the full view has the embed's state");
}

#[tokio::test]
async fn downloads_carry_the_charts_numbers_title_source_and_link() {
    let app = App::open_until("/ledger?salary=150000", "#ledger-chart svg").await;
    let browser = &app.browser;
    downloads::capture(browser).await;
    browser.click(r#"#ledger-chart ~ .chart-actions [data-download="csv"]"#).await;
    let (kind, csv) = downloads::nth(browser, 1).await;
    assert_eq!(kind, "text/csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("# Cost per framework"));
    assert!(lines.next().unwrap().starts_with("# Source: Headstart"));
    assert!(lines.next().unwrap().ends_with("/ledger?salary=150000"));
    assert_eq!(lines.next(), Some("Item,Cost (USD),P10,P90"));
    let mut view = LedgerView::default();
    view.assumptions.salary = 150_000.0;
    let ledger = Ledger::compute(Dataset::bundled(), &view);
    let expected = ledger.chart_bars(Metric::Cost);
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), expected.len());
    for (row, (framework, value)) in rows.iter().zip(expected) {
        let cells: Vec<&str> = row.split(',').collect();
        assert!(
            row.starts_with(framework.name.as_str()) || row.starts_with(&format!("\"{}", framework.name)),
            "{row}"
        );
        let shown: f64 = cells[cells.len() - 3].parse().unwrap();
        assert!((shown - value.unwrap()).abs() <= RELATIVE_TOLERANCE * shown, "{row}");
    }
    browser.click(r#"#ledger-chart ~ .chart-actions [data-download="svg"]"#).await;
    let (kind, svg) = downloads::nth(browser, 2).await;
    assert_eq!(kind, "image/svg+xml");
    assert!(
        svg.starts_with("<svg")
            && svg.ends_with("</svg>")
            && svg.contains("Cost per framework")
            && svg.contains("Source: Headstart")
    );
    assert!(svg.contains("/ledger?salary=150000"));
    browser.click(r#"#ledger-chart ~ .chart-actions [data-download="png"]"#).await;
    let (kind, head) = downloads::nth(browser, 3).await;
    assert_eq!((kind.as_str(), head.as_str()), ("image/png", "137,80,78,71,13,10,26,10"), "a PNG signature");
    browser.assert_no_console_errors();
}

/// Controls without a label, charts without a summary or table, buttons without a name.
const ACCESSIBILITY_GAPS: &str = "const gaps = [];
    for (const field of document.querySelectorAll('input, select, textarea')) {
      const labelled = field.labels?.length || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
      if (!labelled) gaps.push('unlabelled ' + field.tagName + '#' + field.id);
    }
    for (const chart of document.querySelectorAll('.chart')) {
      const frame = chart.closest('.chart-frame');
      if (!frame) { gaps.push('chart outside a frame: #' + chart.id); continue; }
      if (!frame.querySelector('details.data-table')) gaps.push('no data table: #' + chart.id);
      if (!frame.querySelector('figcaption.chart-summary')?.textContent.trim()) gaps.push('no summary: #' + chart.id);
    }
    for (const button of document.querySelectorAll('button, [role=slider]')) {
      if (!(button.getAttribute('aria-label') || button.textContent.trim())) gaps.push('unnamed control #' + button.id);
    }
    return gaps;";

#[tokio::test]
async fn every_page_labels_its_controls_and_gives_each_chart_a_summary_and_a_table() {
    let app = App::open_until("/", "#story-cost[data-value]").await;
    let browser = &app.browser;
    for (link, ready) in [
        ("/", "#story-value-chart svg"),
        ("/ledger", "#language-mix-chart svg"),
        ("/pool-or-spread", "#c-star-histogram svg"),
        ("/method", "#talent-model"),
    ] {
        browser.click(&format!(r#".site-nav a[href^="{link}"]"#)).await;
        browser.wait_for(ready).await;
        // Open every disclosure, so controls inside them are checked too.
        browser
            .execute("document.querySelectorAll('details').forEach(d => d.open = true); return null")
            .await;
        let gaps = browser.execute(ACCESSIBILITY_GAPS).await;
        assert_eq!(gaps.as_array().map(Vec::len), Some(0), "{link}: {gaps}");
    }
    browser.assert_no_console_errors();
}

/// The release bundle as `scripts/build --public-url /headstart/` writes it: the same files, with
/// every page (prerendered links included) pointing at /headstart/ (the wasm and scripts find
/// everything else from the `<base>` element at run time).
fn bundle_under_headstart() -> TempDir {
    let site = TempDir::new("sub-path");
    copy_under(&site, &bundle::dist(), "headstart");
    site
}

/// Copies `dir` into `site` under `prefix`, rewriting the pages as the build would.
fn copy_under(site: &TempDir, dir: &std::path::Path, prefix: &str) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let (path, name) = (entry.path(), entry.file_name().to_string_lossy().into_owned());
        let target = format!("{prefix}/{name}");
        if path.is_dir() {
            copy_under(site, &path, &target);
        } else if name.ends_with(".html") {
            // Every root-relative URL, the <base> included, moves under /headstart/.
            let moved = std::fs::read_to_string(&path)
                .unwrap()
                .replace("\"/", "\"/headstart/")
                .replace("'/", "'/headstart/");
            site.write(&target, &moved);
            if name == "404.html" && prefix == "headstart" {
                site.write("404.html", &moved); // the host's own fallback for unknown paths
            }
        } else {
            site.write(&target, std::fs::read(&path).unwrap());
        }
    }
}

#[tokio::test]
async fn the_bundle_works_under_a_sub_path_with_deep_links_and_its_worker() {
    let site = bundle_under_headstart();
    let server = Server::start(site.path());
    let browser = Browser::start().await;
    browser.goto(&server.url("/headstart/ledger?salary=150000")).await;
    browser.wait_for("#headline-cost[data-value]").await;
    browser.wait_for("#band[data-p50]").await; // the band comes from the worker, found under the base
    let nav = browser.attr(r#".site-nav a[href*="pool-or-spread"]"#, "href").await.unwrap();
    assert!(nav.starts_with("/headstart/pool-or-spread"), "{nav}");
    browser.click(r#".site-nav a[href*="pool-or-spread"]"#).await;
    browser.wait_for("#c-star[data-value]").await;
    assert!(browser.current_url().await.contains("/headstart/pool-or-spread?salary=150000"));
    assert!(
        server.requests().iter().all(|r| r.contains(" /headstart/")),
        "nothing fetched outside the base: {:?}",
        server.requests()
    );
    browser.assert_no_console_errors();
}

/// The `content` of the page's `<meta property=…>` (or `name=…`) tag, if it has one.
fn meta(html: &str, property: &str) -> Option<String> {
    let at = html
        .find(&format!(r#"property="{property}""#))
        .or_else(|| html.find(&format!(r#"name="{property}""#)))?;
    let tag = &html[html[..at].rfind('<')?..at + html[at..].find('>')?];
    let content = tag.split_once(r#"content=""#)?.1;
    Some(content[..content.find('"')?].to_owned())
}

#[test]
fn every_page_and_embed_previews_with_a_card_of_its_own() {
    // scripts/test builds the bundle with a site origin, as a deploy does.
    let server = Server::start(bundle::dist());
    let paths = View::ALL
        .iter()
        .map(|view| view.path().to_owned())
        .chain(Embed::ALL.iter().map(|embed| embed.path()));
    let mut images = Vec::new();
    for path in paths {
        let reply = support::http::get(server.port(), &path).unwrap();
        let html = reply.text();
        for tag in ["og:title", "og:description", "twitter:card"] {
            assert!(meta(&html, tag).is_some_and(|content| !content.is_empty()), "{path}: {tag}");
        }
        let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{path}: no og:image"));
        let (origin, file) = image.split_once("/share/").unwrap_or_else(|| panic!("{path}: {image}"));
        assert!(origin.starts_with("https://"), "{path}: an absolute address, {image}");
        let png = std::fs::read(bundle::dist().join("share").join(file))
            .unwrap_or_else(|e| panic!("{path}: {image}: {e}"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{path}: {image} is a PNG");
        // The IHDR chunk's width and height, big-endian, right after the signature.
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (1200, 630), "{path}: {image}");
        assert!(!images.contains(&image), "{path}: {image} is another page's");
        images.push(image);
    }
    let sw = std::fs::read_to_string(bundle::dist().join("sw.js")).unwrap();
    assert!(!sw.contains("share/"), "the service worker does not precache the cards");
}
