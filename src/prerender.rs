//! The hand-over from a page's prerendered first screen to the live app.
//!
//! `scripts/build` snapshots each page's default view into its HTML (`#prerender`), so a reader
//! sees the page before the wasm has arrived. The app then renders into `#app` while that root is
//! laid out but invisible (style/main.css, `.app-pending`), so every chart box measures its real
//! width, and swaps itself in for the snapshot in one animation-frame callback once the snapshot's
//! paint is on record: the reader never sees a half-built page, and the boxes, sized by CSS from
//! their width alone, do not move.
//!
//! Without a snapshot (development, the 404 page), or when the pre-paint script has hidden it
//! because the link sets the view's own state, the app simply renders into `#app`.

use crate::first_draws;
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{PerformanceObserver, PerformanceObserverEntryList, PerformanceObserverInit};

/// While the live app renders out of sight.
const PENDING: &str = "app-pending";
/// The performance entry a recorded largest paint makes.
const LARGEST_PAINT: &str = "largest-contentful-paint";
/// How long the snapshot may wait for its paint to be recorded.
const UNRECORDED: Duration = Duration::from_secs(1);

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
    // Charts draw their first picture in tasks of their own (first_draws.rs says why).
    first_draws::defer();
    mount_to(root.clone(), app).forget();
    // Effects (box measurements) run as microtasks after the mount; the charts' first draws
    // follow, a task each. The swap waits for both the snapshot's recorded paint and the draws.
    once_the_snapshot_has_painted(move || {
        first_draws::after_first_draws(move || {
            snapshot.remove();
            let _ = root.class_list().remove_1(PENDING);
            mark_live();
        })
    });
}

/// Runs `swap` once the browser has recorded the snapshot's paint, so the snapshot is the page's
/// largest paint (LCP) and the live page, painting the same boxes later, adds nothing larger.
/// A paint is recorded a few frames after it happens; an element removed before that is dropped
/// from the record, and the live page's first paint, which waited for the wasm, would count
/// instead. Browsers without the LCP entry type swap after two frames; a page whose paint is
/// never recorded (a background tab) swaps after a second.
fn once_the_snapshot_has_painted(swap: impl FnOnce() + 'static) {
    // A one-shot the observer's entry and the cap may both reach: the first one swaps.
    let swap = Rc::new(RefCell::new(Some(swap)));
    let fire = move || {
        if let Some(swap) = swap.borrow_mut().take() {
            swap();
        }
    };
    // PerformanceObserver.supportedEntryTypes, which web-sys does not bind.
    let recorded = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|class| js_sys::Reflect::get(&class, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|kinds| kinds.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|kinds| kinds.includes(&LARGEST_PAINT.into(), 0));
    let on_entry = {
        let fire = fire.clone();
        Closure::once(move |_: PerformanceObserverEntryList, observer: PerformanceObserver| {
            observer.disconnect();
            request_animation_frame(fire);
        })
    };
    let observer =
        recorded.then(|| PerformanceObserver::new(on_entry.as_ref().unchecked_ref()).ok()).flatten();
    let Some(observer) = observer else {
        request_animation_frame(move || request_animation_frame(fire));
        return;
    };
    on_entry.forget();
    // `{ type, buffered }`: the entries recorded before the app started count too. web-sys's
    // init dictionary has only the older `entryTypes` form, with which `buffered` is ignored.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &LARGEST_PAINT.into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref::<PerformanceObserverInit>());
    set_timeout(
        move || {
            observer.disconnect();
            fire();
        },
        UNRECORDED,
    );
}
