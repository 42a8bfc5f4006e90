//! Headless Chromium in a fresh profile, driven over WebDriver: every test starts as a
//! first-time visitor, with no cache, storage or service worker left by another.
//!
//! The helpers wait instead of failing at once, because the app renders after its WebAssembly
//! loads and re-renders after every input; they panic with what they were waiting for, which
//! is the message a failing test needs.

use super::chromedriver::Chromedriver;
use super::http;
use super::temp::TempDir;
use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Loading and compiling the release wasm takes a few seconds on a busy 2-core machine.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

/// Flags known to work here, as root in a container: no sandbox and no GPU, and no traffic of
/// Chromium's own (updates, sync, QUIC probes), since tests must never leave the machine.
const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

/// A browser session; the browser quits and its profile is deleted when this is dropped.
pub struct Browser {
    client: Client,
    session: String,
    // Dropped after the session ends (see `Drop`), in this order: the driver, then the profile
    // it no longer uses.
    driver: Chromedriver,
    _profile: TempDir,
    /// Whether the helpers wait for the live app (see `without_app`).
    with_app: AtomicBool,
}

impl Browser {
    pub async fn start() -> Browser {
        let driver = Chromedriver::start().await;
        let profile = TempDir::new("chromium-profile");
        let mut args: Vec<String> = CHROMIUM_FLAGS.map(String::from).to_vec();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let Value::Object(capabilities) = json!({
            "goog:chromeOptions": { "args": args },
            // Keeps console messages for `console_errors`.
            "goog:loggingPrefs": { "browser": "ALL" },
        }) else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port()))
            .await
            .unwrap_or_else(|e| panic!("chromedriver could not start Chromium: {e}"));
        let session = client.session_id().await.ok().flatten().expect("a new session has an id");
        Browser { client, session, driver, _profile: profile, with_app: AtomicBool::new(true) }
    }

    /// From now on the helpers look at pages as they are, without waiting for the app: for a
    /// test of the prerendered first screen with the app withheld.
    pub fn without_app(&self) {
        self.with_app.store(false, Ordering::Relaxed);
    }

    /// Whether the document (or the frame entered) is the live app, or a page that has none. A
    /// page first shows its prerendered snapshot, whose controls are inert; every helper waits
    /// for the app to take over (src/prerender.rs marks it), after a link's page load as well.
    async fn app_is_live(&self) -> Result<(), String> {
        if !self.with_app.load(Ordering::Relaxed) {
            return Ok(());
        }
        let live = self
            .client
            .execute(r#"return !document.getElementById("app") || document.documentElement.dataset.app === "live""#, vec![])
            .await
            .map_err(describe)?;
        if live == Value::Bool(true) {
            Ok(())
        } else {
            Err("the app has not taken over the prerendered page yet".to_owned())
        }
    }

    /// Waits until the service worker controls the page and has precached the bundle: after
    /// this, the page fetches nothing more on its own.
    pub async fn wait_until_offline_ready(&self) {
        self.eventually("a service worker in control with the bundle cached", async || {
            let ready = self
                .execute(
                    "return navigator.serviceWorker.controller !== null && \
                     (await caches.keys()).some(k => k.startsWith('headstart-'))",
                )
                .await;
            if ready.as_bool() == Some(true) {
                Ok(())
            } else {
                Err(format!("not yet: {ready}"))
            }
        })
        .await;
    }

    /// Loads `url` and waits for its load event (not for the app, which mounts later).
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("cannot load {url}: {e}"));
    }

    pub async fn current_url(&self) -> String {
        self.client.current_url().await.expect("the current URL").to_string()
    }

    /// Retries `attempt` until it succeeds; after the timeout, panics with `what` and the last
    /// failure. The building block of every helper here, and for conditions a test waits on.
    pub async fn eventually<T>(&self, what: &str, attempt: impl AsyncFnMut() -> Result<T, String>) -> T {
        match self.try_eventually(what, attempt).await {
            Ok(value) => value,
            Err(timed_out) => panic!("{timed_out}"),
        }
    }

    /// As `eventually`, for something that may never happen: after the timeout, the error says
    /// what was waited for and the last failure.
    pub async fn try_eventually<T>(
        &self,
        what: &str,
        mut attempt: impl AsyncFnMut() -> Result<T, String>,
    ) -> Result<T, String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let outcome = match self.app_is_live().await {
                Ok(()) => attempt().await,
                Err(waiting) => Err(waiting),
            };
            match outcome {
                Ok(value) => return Ok(value),
                Err(last) if Instant::now() >= deadline => {
                    let url = self
                        .client
                        .current_url()
                        .await
                        .map_or_else(|e| format!("(no URL: {e})"), |u| u.to_string());
                    return Err(format!("timed out after {WAIT:?} waiting for {what} at {url}: {last}"));
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// The first element matching `css`, once there is one.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.eventually(&format!("an element matching `{css}`"), async || self.find(css).await).await
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.eventually(&format!("the elements matching `{css}`"), async || {
            self.client.find_all(Locator::Css(css)).await.map(|all| all.len()).map_err(describe)
        })
        .await
    }

    /// Returns once nothing matches `css`, e.g. an error message that should have cleared.
    pub async fn wait_absent(&self, css: &str) {
        self.eventually(&format!("no element to match `{css}`"), async || match self.count(css).await {
            0 => Ok(()),
            n => Err(format!("{n} still do")),
        })
        .await
    }

    /// The rendered text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.eventually(&format!("the text of `{css}`"), async || {
            self.find(css).await?.text().await.map_err(describe)
        })
        .await
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.eventually(&format!("attribute {name} of `{css}`"), async || {
            self.find(css).await?.attr(name).await.map_err(describe)
        })
        .await
    }

    /// Attribute `name` of every element matching `css` that has it, in document order; read
    /// again from scratch if the page re-renders midway.
    pub async fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.eventually(&format!("attribute {name} of every `{css}`"), async || {
            let mut values = Vec::new();
            for element in self.client.find_all(Locator::Css(css)).await.map_err(describe)? {
                values.extend(element.attr(name).await.map_err(describe)?);
            }
            Ok(values)
        })
        .await
    }

    /// The markup of the first element matching `css`, the element included.
    pub async fn html(&self, css: &str) -> String {
        self.eventually(&format!("the markup of `{css}`"), async || {
            self.find(css).await?.html(false).await.map_err(describe)
        })
        .await
    }

    pub async fn click(&self, css: &str) {
        self.eventually(&format!("a click on `{css}`"), async || {
            self.find(css).await?.click().await.map_err(describe)
        })
        .await
    }

    /// Moves the mouse to the centre of the first element matching `css`, scrolled into view
    /// first, as a reader pointing at it.
    pub async fn hover(&self, css: &str) {
        self.eventually(&format!("the pointer over `{css}`"), async || {
            let element = self.find_in_view(css).await?;
            let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
                element,
                duration: None,
                x: 0.0,
                y: 0.0,
            });
            self.client.perform_actions(mouse).await.map_err(describe)
        })
        .await
    }

    /// Touches the centre of the first element matching `css` with a finger and lifts it, as on
    /// a phone.
    pub async fn tap(&self, css: &str) {
        self.eventually(&format!("a tap on `{css}`"), async || {
            let element = self.find_in_view(css).await?;
            let finger = TouchActions::new("finger".to_owned())
                .then(PointerAction::MoveToElement { element, duration: None, x: 0.0, y: 0.0 })
                .then(PointerAction::Down { button: 0 })
                .then(PointerAction::Up { button: 0 });
            self.client.perform_actions(finger).await.map_err(describe)
        })
        .await
    }

    /// Presses and releases `key` on whatever has the focus, as a keyboard user does.
    pub async fn key(&self, key: Key) {
        let value = char::from(key);
        let keys = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client.perform_actions(keys).await.unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
    }

    /// Switches into the iframe `css` (until `leave_frame`).
    pub async fn enter_frame(&self, css: &str) {
        self.eventually(&format!("entering the frame `{css}`"), async || {
            self.find(css).await?.enter_frame().await.map(|_| ()).map_err(describe)
        })
        .await
    }

    pub async fn leave_frame(&self) {
        self.client.enter_parent_frame().await.unwrap_or_else(|e| panic!("cannot leave the frame: {e}"));
    }

    /// Sends key strokes to an element, as a keyboard user focused on it would.
    pub async fn press(&self, css: &str, keys: &str) {
        self.eventually(&format!("keys to `{css}`"), async || {
            self.find(css).await?.send_keys(keys).await.map_err(describe)
        })
        .await
    }

    /// Replaces a field's text as a person would: select all, delete, type. The deletion fires
    /// an input event even when `text` is empty, as clearing from the keyboard does (WebDriver's
    /// own "clear" does not fire one). Each typed character is an input event of its own.
    pub async fn set_input(&self, css: &str, text: &str) {
        let select_all_and_delete = format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace);
        self.eventually(&format!("typing “{text}” into `{css}`"), async || {
            let field = self.find(css).await?;
            field.send_keys(&select_all_and_delete).await.map_err(describe)?;
            if !text.is_empty() {
                field.send_keys(text).await.map_err(describe)?;
            }
            Ok(())
        })
        .await
    }

    /// Replaces a field's text in one input event, as pasting does: unlike typing, no prefix of
    /// `text` is ever the field's value (typing "1e308" passes through "1e3").
    pub async fn paste(&self, css: &str, text: &str) {
        const PASTE: &str = "const [css, text] = arguments;
            const field = document.querySelector(css);
            if (!field) return false;
            field.focus();
            field.value = text;
            field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
            return true;";
        self.eventually(&format!("pasting “{text}” into `{css}`"), async || {
            match self.client.execute(PASTE, vec![json!(css), json!(text)]).await.map_err(describe)? {
                Value::Bool(true) => Ok(()),
                _ => Err(format!("no element matches `{css}`")),
            }
        })
        .await
    }

    /// Picks the option with `value`, firing the change event a reader's pick would.
    pub async fn select_option(&self, select_css: &str, value: &str) {
        self.eventually(&format!("option {value} of `{select_css}`"), async || {
            self.find(select_css).await?.select_by_value(value).await.map_err(describe)
        })
        .await
    }

    /// Resizes the window until the page's viewport (`innerWidth` × `innerHeight`) is `width` ×
    /// `height` CSS pixels, as on a device of that size; the window's own frame, if it has one,
    /// is measured and added.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        const VIEWPORT: &str = "return [window.innerWidth, window.innerHeight];";
        let viewport = async || -> (i64, i64) {
            let size = self.execute(VIEWPORT).await;
            (size[0].as_i64().unwrap_or(0), size[1].as_i64().unwrap_or(0))
        };
        let resize = async |w: i64, h: i64| {
            let (w, h) = (u32::try_from(w).unwrap_or(width), u32::try_from(h).unwrap_or(height));
            self.client
                .set_window_size(w, h)
                .await
                .unwrap_or_else(|e| panic!("cannot resize the window: {e}"));
        };
        let (want_w, want_h) = (i64::from(width), i64::from(height));
        resize(want_w, want_h).await;
        let (w, h) = viewport().await;
        if (w, h) != (want_w, want_h) {
            resize(2 * want_w - w, 2 * want_h - h).await;
        }
        self.eventually(&format!("a {width}×{height} viewport"), async || match viewport().await {
            (w, h) if (w, h) == (want_w, want_h) => Ok(()),
            (w, h) => Err(format!("it is {w}×{h}")),
        })
        .await
    }

    /// The page as a PNG, for looking at a layout by eye.
    pub async fn screenshot(&self) -> Vec<u8> {
        self.client.screenshot().await.unwrap_or_else(|e| panic!("cannot take a screenshot: {e}"))
    }

    /// Runs `script` as a function body in the page and returns what it returns.
    pub async fn execute(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// SEVERE entries of the browser log (console.error, uncaught exceptions, failed loads)
    /// since the previous call: chromedriver hands each entry out once. Fantoccini has no
    /// wrapper for this endpoint, so it is asked directly.
    pub fn console_errors(&self) -> Vec<String> {
        let reply = http::request(
            self.driver.port(),
            "POST",
            &format!("/session/{}/se/log", self.session),
            Some(r#"{"type":"browser"}"#),
        )
        .unwrap_or_else(|e| panic!("cannot read the browser log from chromedriver: {e}"));
        let log: Value = serde_json::from_slice(&reply.body).unwrap_or_default();
        let Some(entries) = log["value"].as_array() else {
            panic!("chromedriver answered the log request with {}: {}", reply.status, reply.text());
        };
        entries
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    pub fn assert_no_console_errors(&self) {
        let errors = self.console_errors();
        assert!(errors.is_empty(), "the browser logged errors: {errors:#?}");
    }

    /// The first element matching `css`, scrolled to the middle of the window, where a pointer
    /// or a finger can reach it.
    async fn find_in_view(&self, css: &str) -> Result<Element, String> {
        let scroll = format!(
            "const e = document.querySelector({}); if (e) e.scrollIntoView({{block: 'center'}}); return e !== null;",
            json!(css)
        );
        if self.execute(&scroll).await != Value::Bool(true) {
            return Err("no such element".to_owned());
        }
        self.find(css).await
    }

    async fn find(&self, css: &str) -> Result<Element, String> {
        self.client.find(Locator::Css(css)).await.map_err(describe)
    }
}

impl Drop for Browser {
    /// Ends the session so that chromedriver quits Chromium; killing the driver alone would
    /// orphan the browser. Fantoccini's own close is async and cannot run in a destructor.
    fn drop(&mut self) {
        let _ = http::request(self.driver.port(), "DELETE", &format!("/session/{}", self.session), None);
    }
}

fn describe(error: impl Display) -> String {
    error.to_string()
}
