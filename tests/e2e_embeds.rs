#![cfg(not(target_arch = "wasm32"))]
//! Every chart another site can embed, as a blog shows it: each one renders, keys a link picked up
//! elsewhere bring no message into someone else's page, and the link back carries only the state
//! the full view reads.

mod support;

use headstart_core::embeds::Embed;
use support::app::App;

const MISSING: &str = "There is no Headstart chart";

#[tokio::test]
async fn every_embed_renders_its_chart() {
    let app = App::open_until("/embed/no-such-chart", ".embed-missing").await;
    let browser = &app.browser;
    assert!(browser.text(".embed-missing").await.contains(MISSING), "the check below can fail");
    // The host's 404.html answers, with its honest status, and says so in the embed's words.
    let errors = browser.console_errors();
    assert!(
        errors.iter().all(|e| e.contains("/embed/no-such-chart - ") && e.contains("status of 404")),
        "only the missing address's 404: {errors:#?}"
    );
    for embed in Embed::ALL {
        let path = embed.path();
        browser.goto(&app.server.url(&path)).await;
        browser.wait_for("#embed-chart svg").await;
        assert!(!browser.text("#main").await.contains(MISSING), "{path}");
        assert!(!browser.text(".embed-title").await.is_empty(), "{path} has a title");
        assert_eq!(browser.count(".embed-problems").await, 0, "{path}");
        let back = browser.attr("#embed-full-view", "href").await.unwrap();
        assert!(back.ends_with(embed.page().path()), "{path} links back to {back}");
        browser.assert_no_console_errors();
    }
}

#[tokio::test]
async fn an_embed_ignores_the_keys_a_blog_link_brought_and_leaves_them_out_of_its_link_back() {
    let path = "/embed/ledger-costs";
    let wild =
        "utm_medium=blog&utm_source=newsletter&salary=150000&fbclid=abc&gclid=1&ref=hn&zoom=3&theme=dark";
    let app = App::open_until(&format!("{path}?{wild}"), "#embed-chart svg").await;
    let browser = &app.browser;
    assert_eq!(browser.count(".embed-problems").await, 0, "nothing on the blog about keys it brought");
    let back = browser.attr("#embed-full-view", "href").await.unwrap();
    assert!(back.ends_with("/ledger?salary=150000&theme=dark"), "the state and the theme only: {back}");
    // A value the chart reads and cannot use is still named, and only it.
    browser.goto(&app.server.url(&format!("{path}?utm_medium=blog&era=1999&open=0.3"))).await;
    let problems = browser.text(".embed-problems").await;
    assert!(problems.contains("era=1999"), "{problems}");
    assert!(!problems.contains("utm_medium") && !problems.contains("open"), "{problems}");
    browser.assert_no_console_errors();
}
