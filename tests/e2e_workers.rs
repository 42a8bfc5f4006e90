#![cfg(not(target_arch = "wasm32"))]
//! Workers that fail the way they fail in the wild, with no hook in the product: the bundle is
//! served with worker files missing (a CDN fault, a strict content-security policy, a
//! half-finished deploy), cut short, or replaced by a script that throws mid-job; and a deploy
//! meets the previous deploy's worker through a host that lets browsers cache files for 10
//! minutes. In every case the reader gets the result or words and a way forward, never a
//! progress line that lasts for ever.

mod support;

use headstart_core::ledger::LedgerView;
use support::app::App;
use support::browser::Browser;
use support::bundle;
use support::ledger::expect_band;
use support::server::Server;
use support::temp::TempDir;

/// Waits until `css` says `words`, and returns all it says.
async fn says(browser: &Browser, css: &str, words: &str) -> String {
    browser
        .eventually(&format!("{css} to say “{words}”"), async || {
            let text = browser.text(css).await;
            match text.contains(words) {
                true => Ok(text),
                false => Err(text),
            }
        })
        .await
}

/// Opens `path` of the bundle in `dir`, served as a static host would.
async fn open(dir: &TempDir, path: &str) -> App {
    let server = Server::start(dir.path());
    let browser = Browser::start().await;
    browser.goto(&server.url(path)).await;
    App { browser, server }
}

/// The browser's errors, which may name the broken files but must not be the app's panic.
fn assert_no_panic(browser: &Browser) {
    let errors = browser.console_errors();
    assert!(
        !errors.iter().any(|e| e.contains("panicked") || e.contains("RuntimeError: unreachable")),
        "the app panicked: {errors:#?}"
    );
}

fn remove(dir: &TempDir, files: &[&str]) {
    for file in files {
        std::fs::remove_file(dir.path().join(file)).unwrap_or_else(|e| panic!("cannot remove {file}: {e}"));
    }
}

#[tokio::test]
async fn without_the_worker_the_jobs_run_on_the_page_and_say_so() {
    let dir = bundle::copy("no-worker");
    remove(&dir, &["worker.js", "worker_bg.wasm"]);
    let app = open(&dir, "/ledger").await;
    let status = says(&app.browser, "#job-status", "Computed on this page").await;
    assert!(status.contains("the background worker could not start"), "{status}");
    // The same band as the core's, since the same job ran, only elsewhere.
    expect_band(&app.browser, &LedgerView::default()).await;

    app.browser.goto(&app.server.url("/pool-or-spread")).await;
    says(&app.browser, "#heatmap-status", "Computed on this page").await;
    says(&app.browser, "#monte-carlo-status", "Computed on this page").await;
    app.browser.wait_for("#monte-carlo-summary").await;
    assert_no_panic(&app.browser);
}

#[tokio::test]
async fn a_worker_wasm_cut_short_is_given_five_seconds_then_the_page_computes() {
    let dir = bundle::copy("cut-worker");
    let wasm = std::fs::read(dir.path().join("worker_bg.wasm")).unwrap();
    dir.write("worker_bg.wasm", &wasm[..wasm.len() / 2]);
    let app = open(&dir, "/ledger").await;
    let status = says(&app.browser, "#job-status", "Computed on this page").await;
    assert!(status.contains("did not answer within 5 s"), "{status}");
    expect_band(&app.browser, &LedgerView::default()).await;
    assert_no_panic(&app.browser);
}

/// The bundle with `prelude` run in the background worker before its own script.
fn with_worker_prelude(label: &str, prelude: &str) -> TempDir {
    let dir = bundle::copy(label);
    let script = std::fs::read_to_string(dir.path().join("worker.js")).unwrap();
    dir.write("worker.js", format!("{prelude}{script}"));
    dir
}

/// Goes wrong after its first progress message, outside any handler the app could catch, as a
/// worker killed by a bug in the browser or in its own glue code would.
const THROW_AFTER_FIRST_PROGRESS: &str = r#"{
  const post = self.postMessage.bind(self);
  let broken = false;
  self.postMessage = (message, ...rest) => {
    post(message, ...rest);
    if (!broken && String(message).includes('"Progress"')) {
      broken = true;
      setTimeout(() => { throw new Error("the test's worker broke after its first progress"); });
    }
  };
}
"#;

#[tokio::test]
async fn a_worker_that_fails_mid_job_is_named_and_retry_runs_it_again() {
    let dir = with_worker_prelude("throwing-worker", THROW_AFTER_FIRST_PROGRESS);
    // No service worker, so that the host's fixed file is what the next worker loads.
    remove(&dir, &["sw.js"]);
    let app = open(&dir, "/ledger").await;
    let error = says(&app.browser, "#job-status-error", "stopped with an error").await;
    assert!(error.contains("the test's worker broke"), "the error is named: {error}");
    assert_eq!(app.browser.count("#job-status progress").await, 0, "no progress bar is left running");

    std::fs::copy(bundle::dist().join("worker.js"), dir.path().join("worker.js")).unwrap();
    app.browser.click("#job-status [data-action=retry]").await;
    says(&app.browser, "#job-status", "Computed in your browser's background worker").await;
    expect_band(&app.browser, &LedgerView::default()).await;
    assert_no_panic(&app.browser);
}

/// Falls silent after its first progress message, as a worker stuck in a loop would.
const SILENT_AFTER_FIRST_PROGRESS: &str = r#"{
  const post = self.postMessage.bind(self);
  let silent = false;
  self.postMessage = (message, ...rest) => {
    if (!silent) post(message, ...rest);
    silent = silent || String(message).includes('"Progress"');
  };
}
"#;

#[tokio::test]
async fn a_worker_that_falls_silent_is_called_stuck_after_ten_seconds_with_a_retry() {
    let dir = with_worker_prelude("silent-worker", SILENT_AFTER_FIRST_PROGRESS);
    let app = open(&dir, "/ledger").await;
    app.browser.wait_for("#job-status progress").await;
    let status = says(&app.browser, "#job-status", "has sent nothing for 10 s; it may be stuck").await;
    assert!(status.contains("The background worker"), "{status}");
    app.browser.wait_for("#job-status [data-action=retry]").await;
    assert_no_panic(&app.browser);
}

#[tokio::test]
async fn a_counting_worker_that_cannot_start_is_named_and_retry_counts_once_it_is_back() {
    let dir = bundle::copy("no-counter");
    remove(&dir, &["counter.js", "counter_bg.wasm"]);
    let app = open(&dir, "/your-code").await;
    let files = TempDir::new("retry-count");
    let zip = headstart_counter::archive::build::zip(&[("project/main.py", b"print(1)\n")], true);
    files.write("project.zip", &zip);
    app.browser.press("#archive-input", &files.path().join("project.zip").display().to_string()).await;
    let error = says(&app.browser, "#count-status-error", "the counting worker").await;
    assert!(error.contains("could not start") || error.contains("did not answer"), "{error}");

    // The host is fixed: Retry starts a fresh worker and counts the same files.
    for file in ["counter.js", "counter_bg.wasm"] {
        std::fs::copy(bundle::dist().join(file), dir.path().join(file)).unwrap();
    }
    app.browser.click("#count-status [data-action=retry]").await;
    app.browser.wait_for("#count-summary[data-code='1']").await;
    assert_no_panic(&app.browser);
}

/// The message every worker sent when it started, before messages carried a version.
const UNVERSIONED_WORKER: &str = r#"postMessage(JSON.stringify({ id: 0, body: "Ready" }));"#;

/// Waits until the service worker of the deploy whose sw.js is in `dir` controls the page,
/// with its cache filled and every other deploy's cache gone.
async fn wait_for_service_worker(browser: &Browser, dir: &TempDir) {
    let sw = std::fs::read_to_string(dir.path().join("sw.js")).unwrap();
    let name = sw
        .split_once("const CACHE = \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(name, _)| name.to_owned())
        .expect("sw.js names its cache");
    browser
        .eventually(&format!("the service worker with cache {name} in control"), async || {
            let keys = browser
                .execute(
                    "return navigator.serviceWorker.controller === null ? null : \
                     (await caches.keys()).filter(k => k.startsWith('headstart-'))",
                )
                .await;
            match keys.as_array() {
                Some(keys) if keys.len() == 1 && keys[0] == name.as_str() => Ok(()),
                _ => Err(keys.to_string()),
            }
        })
        .await;
}

#[tokio::test]
async fn a_deploy_behind_a_ten_minute_cache_asks_for_a_reload_and_then_works() {
    // The previous deploy: its worker speaks the old messages, and its host sends max-age=600.
    let old = bundle::copy("old-deploy");
    old.write("worker_loader.js", UNVERSIONED_WORKER);
    let sw = std::fs::read_to_string(old.path().join("sw.js")).unwrap();
    old.write("sw.js", sw.replace("const CACHE = \"headstart-", "const CACHE = \"headstart-old-"));
    let server = Server::start_caching(old.path(), 0, 600);
    let port = server.port();
    let browser = Browser::start().await;
    browser.goto(&server.url("/method")).await;
    wait_for_service_worker(&browser, &old).await;
    drop(server);

    // This deploy, on the same origin and host: the page is new, its worker is not, yet.
    let new = bundle::copy("new-deploy");
    let server = Server::start_caching(new.path(), port, 600);
    browser.goto(&server.url("/ledger")).await;
    says(&browser, "#job-status-error", "Headstart was updated: reload to use the new version").await;
    // The new service worker fetched this deploy's workers past the HTTP cache, which still
    // holds the old ones for ten minutes; once it is in control, Reload brings the new worker.
    wait_for_service_worker(&browser, &new).await;
    browser.click("#job-status [data-action=reload]").await;
    says(&browser, "#job-status", "Computed in your browser's background worker").await;
    expect_band(&browser, &LedgerView::default()).await;
    assert_no_panic(&browser);
}
