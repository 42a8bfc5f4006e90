#![cfg(not(target_arch = "wasm32"))]
//! Charts read on a phone: every chart of every page with charts, at a phone's, a tablet's and a
//! desktop's width, and embeds in frames as narrow as a blog's sidebar, are drawn for the width
//! they have. What the reader sees is measured in the browser, not taken from the chart code:
//!
//! * the smallest chart text on screen (its font size times the SVG's on-screen scale) is at
//!   least 11 px;
//! * no two text boxes of one chart intersect (the browser's own boxes of every `<text>`);
//! * the chart is shown at 1:1, in a box exactly as tall as the chart;
//! * a chart's box keeps its size when the chart is redrawn with other numbers;
//! * a chart already on screen is redrawn for its box when the window is resized;
//! * what a reader takes away (the SVG download, the embed snippet) is the publication
//!   rendering, the same on a phone as on a desktop.
//!
//! The embeds are loaded in iframes of a page on the test server's own origin, so the test can
//! read into them.

mod support;

use headstart_charts::PUBLICATION_WIDTH;
use serde_json::Value;
use support::app::App;
use support::browser::Browser;
use support::downloads;

/// The smallest text a reader should have to read, in CSS pixels.
const SMALLEST_TEXT: f64 = 11.0;
/// Text boxes may touch; sub-pixel rounding of glyph boxes is not an overlap.
const OVERLAP_TOLERANCE: f64 = 0.5;

/// Window widths: a phone, a tablet, a desktop.
const WINDOW_WIDTHS: [u32; 3] = [390, 768, 1280];
const WINDOW_HEIGHT: u32 = 900;
/// Frame widths for embeds: a sidebar, a narrow column, the publication width.
const FRAME_WIDTHS: [u32; 3] = [300, 480, 760];
/// Tall enough that no embed scrolls, so no scroll bar takes width from it.
const FRAME_HEIGHT: u32 = 1400;

struct Page {
    path: &'static str,
    /// Drawn as soon as the page renders.
    charts: &'static [&'static str],
    /// Drawn once a background job finishes: checked when they appear before the deadline.
    later: &'static [&'static str],
}

const PAGES: [Page; 3] = [
    Page {
        path: "/",
        charts: &[
            "#story-claim-chart",
            "#story-alternatives-chart",
            "#story-growth-chart",
            "#story-value-chart",
        ],
        later: &[],
    },
    Page {
        path: "/ledger",
        charts: &["#ledger-chart", "#effort-size-chart", "#growth-chart", "#language-mix-chart"],
        later: &[],
    },
    Page {
        path: "/pool-or-spread",
        charts: &[
            "#value-chart",
            "#coverage-chart",
            "#effort-chart",
            "#evidence-chart",
            "#c-star-tornado",
            "#gain-tornado",
        ],
        later: &["#heatmap-chart", "#c-star-histogram", "#gain-histogram"],
    },
];

/// A ledger chart, a scatter and a chart of the essay or the talent page.
const EMBEDS: [&str; 3] = ["ledger-costs", "effort-size", "talent-value"];

/// Measures every chart SVG inside `root` (a document): its on-screen scale, the smallest
/// on-screen text, the pairs of intersecting text boxes, and its box against the SVG.
/// The body of a function of `root` (a document, or null for the page's) and `tolerance`.
const MEASURE: &str = r#"
const doc = root === null ? document : root;
return [...doc.querySelectorAll('.chart > svg')].map(svg => {
  const box = svg.parentElement.getBoundingClientRect();
  const shown = svg.getBoundingClientRect();
  const viewBox = svg.viewBox.baseVal;
  const scale = viewBox && viewBox.width ? shown.width / viewBox.width : 1;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() !== '');
  const boxes = texts.map(t => {
    const r = t.getBoundingClientRect();
    const px = parseFloat(doc.defaultView.getComputedStyle(t).fontSize) * scale;
    return { text: t.textContent.trim(), px, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > tolerance && y > tolerance) overlaps.push(`"${a.text}" × "${b.text}" (${x.toFixed(1)}×${y.toFixed(1)} px)`);
    }
  }
  const smallest = boxes.reduce((m, b) => b.px < m.px ? b : m, { px: Infinity, text: '' });
  return {
    id: svg.parentElement.id,
    texts: boxes.length,
    smallest: smallest.px,
    smallest_text: smallest.text,
    overlaps,
    scale,
    box: [box.width, box.height],
    svg: [shown.width, shown.height],
  };
});
"#;

/// One chart as measured.
#[derive(Debug)]
struct Measured {
    id: String,
    texts: usize,
    smallest: f64,
    smallest_text: String,
    overlaps: Vec<String>,
    scale: f64,
    box_size: (f64, f64),
    svg_size: (f64, f64),
}

impl Measured {
    fn from(value: &Value) -> Measured {
        let pair = |v: &Value| (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0));
        Measured {
            id: value["id"].as_str().unwrap_or_default().to_owned(),
            texts: value["texts"].as_u64().unwrap_or(0) as usize,
            smallest: value["smallest"].as_f64().unwrap_or(f64::INFINITY),
            smallest_text: value["smallest_text"].as_str().unwrap_or_default().to_owned(),
            overlaps: value["overlaps"]
                .as_array()
                .map(|all| all.iter().filter_map(|o| o.as_str().map(str::to_owned)).collect())
                .unwrap_or_default(),
            scale: value["scale"].as_f64().unwrap_or(0.0),
            box_size: pair(&value["box"]),
            svg_size: pair(&value["svg"]),
        }
    }

    /// What is wrong with this chart as shown, one line each.
    fn problems(&self, place: &str) -> Vec<String> {
        let mut problems = Vec::new();
        let at = format!("{place} #{}", self.id);
        if self.smallest < SMALLEST_TEXT {
            problems.push(format!(
                "{at}: text “{}” is {:.1} px on screen (< {SMALLEST_TEXT})",
                self.smallest_text, self.smallest
            ));
        }
        for overlap in &self.overlaps {
            problems.push(format!("{at}: text boxes intersect: {overlap}"));
        }
        // At 1:1 a chart's pixel is a screen pixel (allowing the box's fraction of a pixel).
        if (self.scale - 1.0).abs() > 0.01 {
            problems.push(format!("{at}: drawn at {:.3}× on screen, not 1:1", self.scale));
        }
        if (self.box_size.1 - self.svg_size.1).abs() > OVERLAP_TOLERANCE {
            problems.push(format!(
                "{at}: the box is {:.1} px tall and the chart {:.1} px",
                self.box_size.1, self.svg_size.1
            ));
        }
        problems
    }
}

/// Every chart in `root` (the page when `None`, else an iframe element's document).
async fn measure(browser: &Browser, root: Option<&str>) -> Vec<Measured> {
    let document = match root {
        None => "null".to_owned(),
        Some(css) => format!("document.querySelector({css:?}).contentDocument"),
    };
    let script =
        format!("return (function(root, tolerance) {{ {MEASURE} }})({document}, {OVERLAP_TOLERANCE});");
    let value = browser.execute(&script).await;
    value.as_array().map(|all| all.iter().map(Measured::from).collect()).unwrap_or_default()
}

/// Waits until every chart of `charts` has its SVG, then gives those of `later` until the
/// deadline to appear; returns those of `later` that did not.
async fn wait_for_charts(browser: &Browser, charts: &[&str], later: &[&str]) -> Vec<String> {
    for chart in charts {
        browser.wait_for(&format!("{chart} > svg")).await;
    }
    if later.is_empty() {
        return Vec::new();
    }
    let drawn = |chart: &str| format!("{chart} > svg");
    let all = later.iter().map(|chart| drawn(chart)).collect::<Vec<_>>().join(", ");
    let count = format!("return document.querySelectorAll({all:?}).length;");
    // Whether they all came or not, the ones that did are checked.
    let _ = browser
        .try_eventually(&format!("the job charts {later:?}"), async || {
            match browser.execute(&count).await.as_u64() {
                Some(n) if n as usize == later.len() => Ok(()),
                n => Err(format!("{n:?} of {} are drawn", later.len())),
            }
        })
        .await;
    let mut missing = Vec::new();
    for chart in later {
        if browser.count(&drawn(chart)).await == 0 {
            missing.push((*chart).to_owned());
        }
    }
    missing
}

#[tokio::test]
async fn every_page_chart_is_legible_and_uncluttered_at_phone_tablet_and_desktop_widths() {
    let app = App::open_until("/", "#story-claim-chart > svg").await;
    let browser = &app.browser;
    let mut problems = Vec::new();
    let mut report = Vec::new();
    for width in WINDOW_WIDTHS {
        browser.set_viewport(width, WINDOW_HEIGHT).await;
        for page in &PAGES {
            browser.goto(&app.server.url(page.path)).await;
            let absent = wait_for_charts(browser, page.charts, page.later).await;
            let place = format!("{} at {width} px", page.path);
            let measured = measure(browser, None).await;
            for chart in page.charts {
                if !measured.iter().any(|m| format!("#{}", m.id) == *chart) {
                    problems.push(format!("{place}: {chart} was not measured"));
                }
            }
            for chart in &measured {
                report.push(line(&place, chart));
                problems.extend(chart.problems(&place));
            }
            if !absent.is_empty() {
                report.push(format!("{place}: not drawn before the deadline, so not checked: {absent:?}"));
            }
            browser.assert_no_console_errors();
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[tokio::test]
async fn an_embed_is_legible_and_uncluttered_in_a_narrow_or_wide_frame() {
    let app = App::open_until("/embed/ledger-costs", "#embed-chart > svg").await;
    let browser = &app.browser;
    browser.set_viewport(1280, WINDOW_HEIGHT).await;
    // A host page on the same origin with every embed at every width, side by side.
    let frames: String = EMBEDS
        .iter()
        .flat_map(|embed| {
            FRAME_WIDTHS.map(|width| {
                format!(
                    r#"<iframe id="{embed}-{width}" src="/embed/{embed}" width="{width}" height="{FRAME_HEIGHT}" style="border:0;display:block"></iframe>"#
                )
            })
        })
        .collect();
    let host = format!(
        "document.open(); document.write({:?}); document.close();",
        format!("<!doctype html><title>Host</title><body style=\"margin:0\">{frames}</body>")
    );
    browser.execute(&host).await;
    let mut problems = Vec::new();
    let mut report = Vec::new();
    for embed in EMBEDS {
        for width in FRAME_WIDTHS {
            let frame = format!("#{embed}-{width}");
            // The frame's live app, not its prerendered first screen (it says so on its root).
            let drawn = format!(
                "const d = document.querySelector({frame:?}).contentDocument; \
                 return d?.documentElement.dataset.app === 'live' && !!d.querySelector('#embed-chart > svg');"
            );
            browser
                .eventually(&format!("the chart in {frame}"), async || match browser.execute(&drawn).await {
                    Value::Bool(true) => Ok(()),
                    other => Err(format!("{other}")),
                })
                .await;
            let place = format!("/embed/{embed} in a {width}-px frame");
            let measured = measure(browser, Some(&frame)).await;
            if measured.len() != 1 {
                problems.push(format!("{place}: {} charts measured, not 1", measured.len()));
            }
            for chart in &measured {
                report.push(line(&place, chart));
                problems.extend(chart.problems(&place));
            }
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[tokio::test]
async fn a_chart_box_keeps_its_size_when_the_chart_is_redrawn() {
    let app = App::open_until("/ledger", "#ledger-chart > svg").await;
    let browser = &app.browser;
    const RECT: &str = "const r = document.querySelector('#ledger-chart').getBoundingClientRect(); return [r.width, r.height];";
    const SVG: &str = "return document.querySelector('#ledger-chart').innerHTML;";
    for width in WINDOW_WIDTHS {
        browser.set_viewport(width, WINDOW_HEIGHT).await;
        browser.goto(&app.server.url("/ledger?metric=cost")).await;
        browser.wait_for("#ledger-chart > svg").await;
        let before = browser.execute(RECT).await;
        let drawn = browser.execute(SVG).await;
        browser.click("button[data-metric='person-years']").await;
        browser
            .eventually("the ledger chart to be redrawn in person-years", async || {
                if browser.execute(SVG).await != drawn {
                    Ok(())
                } else {
                    Err("it still shows the cost chart".to_owned())
                }
            })
            .await;
        let after = browser.execute(RECT).await;
        assert_eq!(before, after, "the ledger chart's box at {width} px, before and after the redraw");
    }
}

#[tokio::test]
async fn a_chart_is_redrawn_for_its_box_when_the_window_is_resized() {
    let app = App::open_until("/ledger", "#ledger-chart > svg").await;
    let browser = &app.browser;
    for width in [1280, 390, 768] {
        browser.set_viewport(width, WINDOW_HEIGHT).await;
        let place = format!("/ledger resized to {width} px");
        browser
            .eventually(&format!("the ledger chart redrawn for its box in {place}"), async || {
                let measured = measure(browser, None).await;
                let chart = measured
                    .iter()
                    .find(|m| m.id == "ledger-chart")
                    .ok_or_else(|| "no ledger chart measured".to_owned())?;
                match chart.problems(&place) {
                    problems if problems.is_empty() => Ok(()),
                    problems => Err(problems.join("; ")),
                }
            })
            .await;
    }
}

#[tokio::test]
async fn downloads_and_the_embed_snippet_keep_the_publication_size_on_any_screen() {
    let app = App::open_until("/ledger", "#ledger-chart > svg").await;
    let browser = &app.browser;
    downloads::capture(browser).await;
    const SNIPPET: &str = "return document.querySelector('#ledger-chart-embed-code')?.value ?? null;";
    let mut taken = Vec::new();
    for (count, width) in [390, 1280].into_iter().enumerate() {
        browser.set_viewport(width, WINDOW_HEIGHT).await;
        browser
            .eventually(&format!("the ledger chart drawn for its box at {width} px"), async || {
                let measured = measure(browser, None).await;
                match measured.iter().find(|m| m.id == "ledger-chart") {
                    Some(chart) if chart.problems("").is_empty() => Ok(()),
                    other => Err(format!("{other:?}")),
                }
            })
            .await;
        browser.click(r#"#ledger-chart ~ .chart-actions [data-download="svg"]"#).await;
        let (_, svg) = downloads::nth(browser, count + 1).await;
        browser.click("[data-embed='ledger-chart']").await;
        let snippet = browser
            .eventually("the embed snippet", async || match browser.execute(SNIPPET).await {
                Value::String(text) if !text.is_empty() => Ok(text),
                other => Err(format!("{other}")),
            })
            .await;
        browser.click("[data-embed='ledger-chart']").await;
        browser.wait_absent("#ledger-chart-embed-code").await;
        taken.push((width, svg, snippet));
    }
    let (_, svg, snippet) = &taken[0];
    let publication = format!(r#"viewBox="0 0 {PUBLICATION_WIDTH} "#);
    assert!(
        svg.contains(&publication),
        "the download is {PUBLICATION_WIDTH} px wide: {}",
        &svg[..200.min(svg.len())]
    );
    assert!(snippet.contains("<iframe"), "{snippet}");
    for (width, other_svg, other_snippet) in &taken[1..] {
        assert!(other_svg == svg, "the SVG download at {width} px differs from the one at 390 px");
        assert_eq!(other_snippet, snippet, "the embed snippet at {width} px and at 390 px");
    }
}

fn line(place: &str, chart: &Measured) -> String {
    format!(
        "{place} #{}: {} texts, smallest {:.1} px, {} overlaps, scale {:.3}, box {:.0}×{:.0}",
        chart.id,
        chart.texts,
        chart.smallest,
        chart.overlaps.len(),
        chart.scale,
        chart.box_size.0,
        chart.box_size.1
    )
}
