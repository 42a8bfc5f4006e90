#![cfg(not(target_arch = "wasm32"))]
//! The end-to-end harness checked on a tiny page of its own, without the app: a green app test
//! then means a real browser ran it against a server that behaves like a static host, and
//! that an error would have been reported.

mod support;

use support::browser::Browser;
use support::http;
use support::server::Server;
use support::temp::TempDir;

/// A page exercising each browser helper: a button that logs an error, a field echoed on
/// every input event (counted), and a select echoed on change.
const PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>harness</title>
<link rel="icon" href="data:,"></head>
<body>
<p id="status">ready</p>
<button id="boom" onclick="console.error('boom'); document.getElementById('status').textContent = 'clicked'">boom</button>
<input id="name" type="text" oninput="const echo = document.getElementById('echo'); echo.textContent = this.value; echo.dataset.inputs = Number(echo.dataset.inputs) + 1">
<select id="pick" onchange="document.getElementById('echo').dataset.picked = this.value"><option value="a">A</option><option value="b">B</option></select>
<p id="echo" data-inputs="0"></p>
</body></html>"#;

/// A site whose home page says `home`, with the 404.html a static host falls back to.
fn site(home: &str) -> TempDir {
    let dir = TempDir::new("site");
    dir.write("index.html", PAGE.replace(">ready<", &format!(">{home}<")));
    dir.write("404.html", r#"<!doctype html><link rel="icon" href="data:,"><p id="fallback">fallback</p>"#);
    dir
}

#[test]
fn the_server_answers_like_a_static_host() {
    let dir = site("ready");
    dir.write("app_bg.wasm", b"\0asm\x01\0\0\0");
    dir.write("assets/with space.txt", "spaced");
    let server = Server::start(dir.path());
    let get = |target: &str| http::get(server.port(), target).unwrap_or_else(|e| panic!("GET {target}: {e}"));

    let home = get("/");
    assert_eq!((home.status, home.header("Content-Type")), (200, Some("text/html; charset=utf-8")));
    assert_eq!(home.header("Cache-Control"), Some("no-cache"));
    assert!(home.text().contains("harness"));
    let wasm = get("/app_bg.wasm");
    assert_eq!(
        (wasm.status, wasm.header("Content-Type")),
        (200, Some("application/wasm")),
        "streaming compilation needs this type"
    );
    let spaced = get("/assets/with%20space.txt?v=1");
    assert_eq!((spaced.status, spaced.text().as_str()), (200, "spaced"));

    let head = http::request(server.port(), "HEAD", "/", None).expect("HEAD /");
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(head.header("Content-Length"), Some(home.body.len().to_string().as_str()));

    let missing = get("/no/such/page");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("fallback"), "a missing page gets 404.html: {}", missing.text());
    for escape in
        ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/assets/..%2f..%2fCargo.toml", "/assets%5c..%5cCargo.toml"]
    {
        assert_eq!(get(escape).status, 403, "{escape} must not leave the served directory");
    }
    assert_eq!(http::request(server.port(), "POST", "/", Some("{}")).expect("POST /").status, 405);

    let requests = server.requests();
    assert!(
        requests.contains(&"GET /assets/with%20space.txt?v=1".to_owned()),
        "targets are logged as sent: {requests:?}"
    );
    assert!(requests.contains(&"HEAD /".to_owned()), "{requests:?}");
    server.clear_requests();
    assert!(server.requests().is_empty());

    let port = server.port();
    server.stop();
    assert!(http::get(port, "/").is_err(), "a stopped server refuses connections");
    let next_build = site("next build");
    let restarted = Server::start_on(next_build.path(), port);
    assert!(http::get(port, "/").expect("GET / after the restart").text().contains("next build"));
    let other_origin = Server::start(dir.path());
    assert_ne!(other_origin.port(), restarted.port());
}

#[tokio::test]
async fn the_browser_reads_acts_and_reports_console_errors() {
    let dir = site("ready");
    let server = Server::start(dir.path());
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    assert_eq!(browser.text("#status").await, "ready");
    assert_eq!(browser.current_url().await, server.url("/"));
    assert_eq!(server.requests(), ["GET /"], "the page is all that loads");
    browser.assert_no_console_errors();

    browser.click("#boom").await;
    assert_eq!(browser.text("#status").await, "clicked");
    let errors = browser.console_errors();
    assert!(errors.len() == 1 && errors[0].contains("boom"), "one console error, boom: {errors:?}");
    assert!(browser.console_errors().is_empty(), "each entry is reported once");

    browser.set_input("#name", "hello").await;
    assert_eq!(browser.text("#echo").await, "hello");
    browser.set_input("#name", "").await;
    assert_eq!(browser.text("#echo").await, "", "clearing fires an input event");
    let inputs = || async {
        browser.attr("#echo", "data-inputs").await.expect("a count").parse::<u32>().expect("a number")
    };
    let before = inputs().await;
    browser.paste("#name", "1e308").await;
    assert_eq!(browser.text("#echo").await, "1e308");
    assert_eq!(inputs().await, before + 1, "a paste is one input event");

    browser.select_option("#pick", "b").await;
    assert_eq!(browser.attr("#echo", "data-picked").await.as_deref(), Some("b"));
    assert_eq!(browser.execute("return 6 * 7").await, 42);
    assert_eq!(browser.attrs("select option", "value").await, ["a", "b"]);
    assert!(browser.html("#pick").await.starts_with("<select"));
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_browser_meets_the_fallback_page_and_a_restarted_server() {
    let first = site("first build");
    let server = Server::start(first.path());
    let browser = Browser::start().await;
    browser.goto(&server.url("/deep/link?x=1")).await;
    assert_eq!(browser.text("#fallback").await, "fallback");
    assert!(server.requests().contains(&"GET /deep/link?x=1".to_owned()), "{:?}", server.requests());
    browser.goto(&server.url("/")).await;
    assert_eq!(browser.text("#status").await, "first build");

    let port = server.port();
    server.stop();
    let second = site("second build");
    let _restarted = Server::start_on(second.path(), port);
    browser.goto(&format!("http://127.0.0.1:{port}/")).await;
    assert_eq!(browser.text("#status").await, "second build", "no connection to the stopped server survives");
}
