//! The hand-over from a page's prerendered first screen to the live app.
//!
//! `scripts/build` snapshots each page's default view into its HTML (`#prerender`), so a reader
//! sees the page before the wasm has arrived. The app then renders into `#app` while that root is
//! laid out but invisible (style/main.css, `.app-pending`), so every chart box measures its real
//! width, and swaps itself in for the snapshot in one animation-frame callback: the reader never
//! sees a half-built page, and the boxes, sized by CSS from their width alone, do not move.
//!
//! Without a snapshot (development, the 404 page), or when the pre-paint script has hidden it
//! because the link sets the view's own state, the app simply renders into `#app`.

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// While the live app renders out of sight.
const PENDING: &str = "app-pending";

/// Says on the root element that the page is the live app from now on (`data-app="live"`): what
/// a script, or a test, waits for before using the page.
fn mark_live() {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "live");
    }
}

/// Mounts `app` into `#app` (into the body when a page has no such root) and retires the
/// snapshot, if there is one, in the first frame after the app's first render.
pub fn take_over<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    let Some(root) =
        document.get_element_by_id("app").and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::mount::mount_to_body(app);
        mark_live();
        return;
    };
    let Some(snapshot) = document.get_element_by_id("prerender") else {
        mount_to(root, app).forget();
        mark_live();
        return;
    };
    let _ = root.class_list().add_1(PENDING);
    mount_to(root.clone(), app).forget();
    // Effects (box measurements, the charts drawn for them) run as microtasks after the mount,
    // all before the next frame's callbacks: by then the live page is complete.
    request_animation_frame(move || {
        snapshot.remove();
        let _ = root.class_list().remove_1(PENDING);
        mark_live();
    });
}
