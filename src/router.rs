//! Just enough routing for pages whose state lives in the query: the current path and query as
//! signals, history writes, and a link to another state of the same page kept inside the app.
//! A link to another page is a plain page load: each page is its own bundle, and the service
//! worker serves it from its cache after the first visit.
//! Written here rather than taken from leptos_router, which cost a fifth of the first load.

use headstart_core::keys::View;
use leptos::ev;
use leptos::prelude::*;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// Where the reader is: the path below the hosting base, and the query string.
#[derive(Clone, Copy)]
pub struct Location {
    /// "/" or "/method", without the base the bundle is hosted under.
    pub path: RwSignal<String>,
    /// With its leading '?', or empty.
    pub search: RwSignal<String>,
}

impl Location {
    /// Reads the browser's location and follows it from now on (back and forward buttons,
    /// link clicks), for the whole app.
    pub fn provide() -> Location {
        let location = Location { path: RwSignal::new(String::new()), search: RwSignal::new(String::new()) };
        location.sync();
        window_event_listener(ev::popstate, move |_| location.sync());
        window_event_listener(ev::click, move |event| location.follow_link(event));
        provide_context(location);
        location
    }

    pub fn current() -> Location {
        expect_context::<Location>()
    }

    fn sync(self) {
        let browser = window().location();
        let full = browser.pathname().unwrap_or_default();
        let path = full.strip_prefix(base_path()).unwrap_or(&full);
        let path = if path.is_empty() { "/".to_owned() } else { path.to_owned() };
        let search = browser.search().unwrap_or_default();
        // Only real changes notify, so a query rewrite does not rebuild the page around a
        // control the reader is typing in.
        if self.path.get_untracked() != path {
            self.path.set(path);
        }
        if self.search.get_untracked() != search {
            self.search.set(search);
        }
    }

    /// Goes to an app path (with its query); `replace` rewrites the current history entry
    /// instead of adding one, so dragging a control does not flood the back button.
    pub fn navigate(self, path_and_query: &str, replace: bool) {
        let url = format!("{}{path_and_query}", base_path());
        let history = window().history().expect("a browsing context has a history");
        let written = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if written.is_ok() {
            self.sync();
            if !replace {
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// The address of the view the reader is looking at, to share or to credit: its page with the
    /// state that page reads and the theme, without keys the link picked up elsewhere.
    pub fn share_link(self) -> String {
        let path = self.path.get();
        let query = View::at(&path).map(|view| view.link_query(&self.search.get())).unwrap_or_default();
        format!("{}{}", window().location().origin().unwrap_or_default(), app_href(&path, &query))
    }

    /// Keeps a plain left click on a link to another state of this page inside the app.
    fn follow_link(self, event: ev::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let anchor = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return };
        let here = window().location();
        let own_page = anchor.target().is_empty()
            && !anchor.has_attribute("download")
            && anchor.origin() == here.origin().unwrap_or_default()
            && anchor.pathname() == here.pathname().unwrap_or_default();
        if own_page {
            event.prevent_default();
            let path = anchor.pathname();
            let path = path.strip_prefix(base_path()).unwrap_or(&path);
            let hash = anchor.hash();
            self.navigate(&format!("{path}{}{hash}", anchor.search()), false);
            // A link to a section ("#reuse") lands on it once the page has rendered again.
            if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()).map(str::to_owned) {
                request_animation_frame(move || {
                    if let Some(target) = document().get_element_by_id(&id) {
                        target.scroll_into_view();
                    }
                });
            }
        }
    }
}

/// The path the bundle is served under ("" at a domain's root, "/headstart" under a sub-path),
/// read once from the `<base>` element Trunk writes, so one build works wherever it is hosted.
pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let path = base.splitn(4, '/').nth(3).unwrap_or_default().trim_end_matches('/');
        if path.is_empty() {
            String::new()
        } else {
            format!("/{path}")
        }
    })
}

/// A link to one of the app's pages under the hosting base, with a query when there is one.
pub fn app_href(path: &str, query: &str) -> String {
    let separator = if query.is_empty() { "" } else { "?" };
    format!("{}{path}{separator}{query}", base_path())
}
