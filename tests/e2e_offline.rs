#![cfg(not(target_arch = "wasm32"))]
//! The service worker as a returning reader meets it: the app works with no network after the
//! first visit, and a deploy shows on the next visit without clearing anything.

mod support;

use support::app::App;
use support::bundle;
use support::server::Server;
use support::temp::TempDir;

/// A copy of the release bundle as a later deploy would differ: another page title and, as
/// the build hook guarantees for any change, another cache name.
fn next_deploy() -> TempDir {
    let dir = bundle::copy("next-deploy");
    for page in ["index.html", "404.html"] {
        let html = std::fs::read_to_string(dir.path().join(page)).unwrap();
        dir.write(page, html.replacen("<title>", "<title>(next) ", 1));
    }
    let sw = std::fs::read_to_string(dir.path().join("sw.js")).unwrap();
    dir.write("sw.js", sw.replace("const CACHE = \"headstart-", "const CACHE = \"headstart-next-"));
    dir
}

#[tokio::test]
async fn the_app_works_offline_after_one_visit_and_picks_up_a_deploy() {
    let App { browser, server } = App::open("/?salary=150000").await;
    browser.wait_for("#story-cost[data-value]").await;
    browser.wait_until_offline_ready().await;
    let url = server.url("/?salary=150000");
    let cost = browser.attr("#story-cost", "data-value").await;
    let port = server.port();
    server.stop();

    browser.goto(&url).await;
    browser.wait_for("#story-cost[data-value]").await;
    assert_eq!(browser.attr("#story-cost", "data-value").await, cost, "offline, the same view");
    // Another page, never visited: each page is its own bundle, and all of them were precached.
    browser.goto(&format!("http://127.0.0.1:{port}/ledger?salary=150000")).await;
    browser.wait_for("#band[data-p50]").await;
    let salary = browser.execute("return document.getElementById('salary').value").await;
    assert_eq!(salary.as_str(), Some("150,000"), "offline, the linked view");

    let deploy = next_deploy();
    let _next = Server::start_on(deploy.path(), port);
    browser.goto(&url).await;
    browser
        .eventually("the new deploy's page", async || {
            let title = browser.execute("return document.title").await;
            let title = title.as_str().unwrap_or_default().to_owned();
            if title.starts_with("(next) ") {
                Ok(())
            } else {
                Err(title)
            }
        })
        .await;
    browser.wait_for("#story-cost[data-value]").await;
    let errors = browser.console_errors();
    assert!(
        errors.iter().all(|e| e.contains("ERR_CONNECTION_REFUSED")),
        "only the offline reload's refused fetches: {errors:#?}"
    );
}
