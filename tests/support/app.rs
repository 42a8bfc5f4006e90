//! The first steps of every test of the app: serve the release bundle, open a browser on it.

use super::browser::Browser;
use super::bundle;
use super::server::Server;

/// The app as one reader sees it. The browser is declared first so that it quits before the
/// server stops, and never sees its origin vanish mid-request.
pub struct App {
    pub browser: Browser,
    pub server: Server,
}

impl App {
    /// Opens `path` (e.g. `/?era=latest`) of the release bundle in a fresh browser.
    pub async fn open(path: &str) -> App {
        let server = Server::start(bundle::dist());
        let browser = Browser::start().await;
        browser.goto(&server.url(path)).await;
        App { browser, server }
    }

    /// Opens `path` and waits until the page has rendered `ready`, the element its checks start from.
    pub async fn open_until(path: &str, ready: &str) -> App {
        let app = App::open(path).await;
        app.browser.wait_for(ready).await;
        app
    }
}
