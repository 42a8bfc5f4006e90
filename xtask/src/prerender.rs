//! Every address's first screen, written into its page at build time so a reader sees the page
//! before the wasm arrives.
//!
//! The snapshot is the release bundle itself, run in headless Chromium at a phone's width: the
//! same components, the same chart code and text metrics, and the real workers computing the
//! default view's band, heat map and Monte Carlo. Rendering the components natively (Leptos's
//! `ssr`) would need every component free of browser calls and the workers' jobs run a second
//! way; the snapshot cannot drift from what the reader's browser draws, because it is that.
//!
//! What the page does with it on arrival is src/prerender.rs's business.

use crate::error::Error;
use crate::site::Route;
use fantoccini::{Client, ClientBuilder};
use headstart_charts::WidthClass;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The root the app mounts into (index.html); the snapshot goes just before it.
const APP_ROOT: &str = r#"<div id="app"></div>"#;
/// A phone's viewport, in the charts' narrow class: the live chart re-lays out in the same box on
/// wider screens.
const PHONE: (u32, u32) = (390, 844);
/// Loading, the workers' jobs and Pool or spread's heat map take seconds on a busy 2-core machine.
const SETTLE: Duration = Duration::from_secs(90);
const POLL: Duration = Duration::from_millis(250);
/// The page counts as finished once nothing has changed over this many polls.
const STILL_POLLS: usize = 3;

/// Whether the app has finished the page: `null` while it works, `"error: …"` when a job failed
/// or ran without its worker (the default view must come from the workers), else the size of
/// what it shows.
const PROGRESS: &str = r#"
const app = document.getElementById("app");
if (!app || !app.firstElementChild || app.classList.contains("app-pending")) return null;
const fault = document.querySelector(".job-status .field-error, .job-status .job-note");
if (fault) return "error: " + fault.textContent;
if (document.querySelector(".job-status progress")) return null;
return String(app.innerHTML.length);
"#;

/// The finished page as markup a reader can look at but not yet use: controls show their values
/// (properties copied into attributes) and are inert until the app takes over, so nothing can be
/// typed that the hand-over would lose. Left out: the charts' hit layers and tooltips, which only
/// work with the app (and were a third of Pool or spread's page), and the job lines, which
/// describe this build's run.
const SNAPSHOT: &str = r#"
const app = document.getElementById("app");
const copy = app.cloneNode(true);
const live = app.querySelectorAll("input, select, textarea");
copy.querySelectorAll("input, select, textarea").forEach((field, i) => {
  const source = live[i];
  if (field.type === "checkbox" || field.type === "radio") field.toggleAttribute("checked", source.checked);
  else if (field.tagName === "SELECT") [...field.options].forEach((o, j) => o.toggleAttribute("selected", source.options[j].selected));
  else if (field.tagName === "TEXTAREA") field.textContent = source.value;
  else field.setAttribute("value", source.value);
});
copy.querySelectorAll("input, select, textarea, button, [tabindex]").forEach((e) => e.setAttribute("inert", ""));
copy.querySelectorAll(".job-status").forEach((e) => e.replaceChildren());
copy.querySelectorAll("svg .hits, [role=tooltip]").forEach((e) => e.remove());
return copy.innerHTML;
"#;

/// Snapshots every route of the bundle in `dist`, served under `public_url`, into its file.
pub fn run(root: &Path, dist: &Path, public_url: &str) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| tool("tokio", e.to_string()))?;
    let host = Process::static_host(root, dist, public_url)?;
    let driver = Process::chromedriver()?;
    runtime.block_on(async {
        let client = connect(driver.port).await?;
        let result = snapshot_all(&client, host.port, dist, public_url).await;
        let _ = client.close().await;
        result
    })
}

async fn snapshot_all(client: &Client, port: u16, dist: &Path, public_url: &str) -> Result<(), Error> {
    let base = format!("http://127.0.0.1:{port}{}", public_url.trim_end_matches('/'));
    client
        .goto(&format!("{base}/404.html"))
        .await
        .map_err(|e| tool("chromium", format!("cannot load {base}: {e}")))?;
    phone_viewport(client).await?;
    for route in Route::all() {
        let url = format!("{base}{}", route.path());
        client.goto(&url).await.map_err(|e| tool("chromium", format!("cannot load {url}: {e}")))?;
        settle(client, &url).await?;
        let markup = execute(client, SNAPSHOT).await?;
        let markup = markup.as_str().ok_or_else(|| tool("chromium", format!("{url}: no snapshot")))?;
        let heights = class_heights(client, &url).await?;
        phone_viewport(client).await?;
        let markup = with_class_heights(markup, &heights);
        let file = dist.join(route.file());
        let page = std::fs::read_to_string(&file).map_err(Error::file(&file))?;
        crate::dist::write(&file, &with_snapshot(&page, &markup)?)?;
        eprintln!("dist: prerendered {}", route.path());
    }
    Ok(())
}

/// Waits until the page has finished and stopped changing.
async fn settle(client: &Client, url: &str) -> Result<(), Error> {
    let deadline = Instant::now() + SETTLE;
    let mut seen: Vec<String> = Vec::new();
    loop {
        match execute(client, PROGRESS).await? {
            Value::String(text) if text.starts_with("error: ") => {
                return Err(tool("prerender", format!("{url}: {}", &text["error: ".len()..])));
            }
            Value::String(size) => {
                seen.push(size);
                if seen.len() >= STILL_POLLS
                    && seen[seen.len() - STILL_POLLS..].iter().all(|s| *s == seen[seen.len() - 1])
                {
                    return Ok(());
                }
            }
            _ => seen.clear(),
        }
        if Instant::now() >= deadline {
            return Err(tool("prerender", format!("{url} did not finish within {SETTLE:?}")));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Sizes the window so that the page's viewport (not the window) is a phone's. The window's
/// frame differs between Chromium versions, so it is measured rather than assumed.
async fn phone_viewport(client: &Client) -> Result<(), Error> {
    let (width, height) = PHONE;
    let mut window = (width, height);
    for _ in 0..3 {
        client.set_window_size(window.0, window.1).await.map_err(|e| tool("chromium", e.to_string()))?;
        let inner = execute(client, "return [window.innerWidth, window.innerHeight]").await?;
        let inner = (inner[0].as_u64().unwrap_or(0) as u32, inner[1].as_u64().unwrap_or(0) as u32);
        if inner == PHONE {
            return Ok(());
        }
        window = ((window.0 + width).saturating_sub(inner.0), (window.1 + height).saturating_sub(inner.1));
    }
    Err(tool("chromium", format!("could not give the page a {width}×{height} viewport")))
}

/// Viewports at which each chart box's height is measured for the wider width classes: the
/// snapshot is drawn for a phone, and its boxes must already have the height the live chart will
/// have at the reader's width, or everything below a chart would move at the take-over.
const WIDER: [(u32, u32); 3] = [(640, 900), (1000, 900), (1400, 900)];

/// Every chart box on the page: its id, its content width and its height.
const BOXES: &str = r##"
return [...document.querySelectorAll("#app .chart[id]")].map((c) => [c.id, c.clientWidth, Math.round(c.getBoundingClientRect().height)]);
"##;

/// Each chart box's height by width class (narrow, medium, wide), measured on the live page at
/// the phone's viewport and the wider ones.
async fn class_heights(client: &Client, url: &str) -> Result<BTreeMap<String, [Option<u32>; 3]>, Error> {
    let mut heights: BTreeMap<String, [Option<u32>; 3]> = BTreeMap::new();
    for size in [None].into_iter().chain(WIDER.map(Some)) {
        if let Some((width, height)) = size {
            client.set_window_size(width, height).await.map_err(|e| tool("chromium", e.to_string()))?;
            settle(client, url).await?;
        }
        let boxes = execute(client, BOXES).await?;
        for item in boxes.as_array().into_iter().flatten() {
            let (Some(id), Some(width), Some(height)) =
                (item[0].as_str(), item[1].as_u64(), item[2].as_u64())
            else {
                continue;
            };
            let class = WidthClass::of(width as u32);
            let slot = WidthClass::ALL.iter().position(|c| *c == class).expect("a class of ALL");
            // The first measurement of a class stands: the phone's comes first.
            heights.entry(id.to_owned()).or_default()[slot].get_or_insert(height as u32);
        }
    }
    Ok(heights)
}

/// The snapshot with each chart box's fixed height replaced by its heights per width class, as
/// custom properties style/main.css picks from with a container query on the box's width.
fn with_class_heights(markup: &str, heights: &BTreeMap<String, [Option<u32>; 3]>) -> String {
    let mut markup = markup.to_owned();
    for (id, by_class) in heights {
        let Some(at) = markup.find(&format!(r#"id="{id}""#)) else { continue };
        let start = markup[..at].rfind('<').unwrap_or(at);
        let Some(end) = markup[at..].find('>').map(|end| at + end) else { continue };
        let tag = &markup[start..end];
        let properties: String = ["narrow", "medium", "wide"]
            .iter()
            .zip(by_class)
            .filter_map(|(name, height)| height.map(|h| format!("--{name}: {h}px; ")))
            .collect();
        let tag = match tag.find(r#"style=""#) {
            Some(style) => {
                let close = tag[style + 7..].find('"').map_or(tag.len(), |c| style + 7 + c);
                format!(
                    r#"{}style="{}"{}"#,
                    &tag[..style],
                    properties.trim_end(),
                    &tag[(close + 1).min(tag.len())..]
                )
            }
            None => format!(r#"{} style="{}""#, tag, properties.trim_end()),
        };
        markup.replace_range(start..end, &tag);
    }
    markup
}

/// What the first screen says in place of the default view's figures when the link sets the
/// view (index.html's pre-paint script hides them; style/main.css shows this instead).
const WAIT: &str = r#"<p class="prerender-wait">Loading the view this link asks for…</p>"#;

/// The page with `markup` as its first screen, ahead of the root the app renders into, and the
/// line that stands in for its figures at the top of its `<main>`.
pub fn with_snapshot(page: &str, markup: &str) -> Result<String, Error> {
    if page.contains(r#"id="prerender""#) {
        return Err(Error::Data("the page is prerendered already".to_owned()));
    }
    let at = page
        .find(APP_ROOT)
        .ok_or_else(|| Error::Data(format!("the page has no {APP_ROOT} to prerender before")))?;
    let main = markup.find("<main").and_then(|start| markup[start..].find('>').map(|end| start + end + 1));
    let markup = match main {
        Some(inside) => format!("{}{WAIT}{}", &markup[..inside], &markup[inside..]),
        None => markup.to_owned(),
    };
    Ok(format!(r#"{}<div id="prerender">{markup}</div>{}"#, &page[..at], &page[at..]))
}

async fn execute(client: &Client, script: &str) -> Result<Value, Error> {
    client.execute(script, vec![]).await.map_err(|e| tool("chromium", e.to_string()))
}

async fn connect(port: u16) -> Result<Client, Error> {
    let chromium = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let Value::Object(capabilities) = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            // As the end-to-end tests run it: no sandbox as root, no traffic of its own.
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--force-prefers-reduced-motion"],
        },
    }) else {
        unreachable!("a JSON object literal")
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| tool("chromedriver", format!("could not start Chromium: {e}")))
}

fn tool(tool: &str, message: String) -> Error {
    Error::Tool { tool: tool.to_owned(), message }
}

/// A helper process on a loopback port, killed when dropped.
struct Process {
    child: Child,
    port: u16,
}

impl Process {
    /// scripts/static-host serving the bundle as a static host does, under the public URL.
    fn static_host(root: &Path, dist: &Path, public_url: &str) -> Result<Process, Error> {
        let mut child = Command::new("python3")
            .arg(root.join("scripts/static-host"))
            .arg(dist)
            .args(["--base", public_url])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| tool("scripts/static-host", e.to_string()))?;
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped");
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| tool("scripts/static-host", e.to_string()))?;
        let port = line.trim().strip_prefix("port ").and_then(|p| p.parse().ok());
        let mut process = Process { child, port: 0 };
        process.port =
            port.ok_or_else(|| tool("scripts/static-host", format!("said {line:?}, not its port")))?;
        Ok(process)
    }

    fn chromedriver() -> Result<Process, Error> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| tool("chromedriver", format!("no free loopback port: {e}")))?
            .port();
        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                tool(&driver, format!("{e}: scripts/build installs chromium and chromium-driver"))
            })?;
        let process = Process { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() >= deadline {
                return Err(tool(&driver, format!("did not listen on port {port} within 20 s")));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(process)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_box_gets_its_height_for_each_width_class() {
        let markup = r#"<figure><div id="ledger-chart" class="chart" style="height: 653px;"><svg></svg></div></figure>"#;
        let heights = BTreeMap::from([("ledger-chart".to_owned(), [Some(653), None, Some(476)])]);
        assert_eq!(
            with_class_heights(markup, &heights),
            r#"<figure><div id="ledger-chart" class="chart" style="--narrow: 653px; --wide: 476px;"><svg></svg></div></figure>"#
        );
    }

    #[test]
    fn the_snapshot_goes_before_the_apps_root_once() {
        let page = "<body>\n<div id=\"app\"></div>\n</body>";
        let done = with_snapshot(page, "<main id=\"main\">42</main>").unwrap();
        let wanted = format!(
            "<body>\n<div id=\"prerender\"><main id=\"main\">{WAIT}42</main></div><div id=\"app\"></div>\n</body>"
        );
        assert_eq!(done, wanted);
        assert!(matches!(with_snapshot(&done, "x"), Err(Error::Data(_))));
        assert!(matches!(with_snapshot("<body></body>", "x"), Err(Error::Data(_))));
    }
}
