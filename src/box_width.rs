//! The width of a chart's box, followed as the page lays it out, so the chart can be drawn for
//! the pixels it really has instead of being drawn at the publication size and scaled down.
//!
//! The box is measured once as soon as it is in the page (before the first paint, so the
//! first guess is never seen), then a ResizeObserver reports every change. Reports are
//! coalesced: the latest width is kept and applied once per animation frame, so dragging a
//! window edge redraws a chart at most once a frame and intermediate sizes are dropped.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// The content width of the element behind `node` in whole pixels, `first` until it is measured.
/// The observer is disconnected when the calling component is cleaned up.
pub fn box_width(node: NodeRef<Div>, first: u32) -> ReadSignal<u32> {
    let (width, set_width) = signal(first);
    let apply = move |measured: u32| {
        // A box not laid out (hidden, or not yet in the page) has no width to draw for.
        if measured > 0 && measured != width.get_untracked() {
            set_width.set(measured);
        }
    };
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        apply(whole(element.get_bounding_client_rect().width()));
        let latest = Rc::new(Cell::new(None::<u32>));
        let report = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries.iter().last() else { return };
            let measured = whole(entry.unchecked_into::<ResizeObserverEntry>().content_rect().width());
            // A frame is already asked for when a width was waiting: it will take this one.
            if latest.replace(Some(measured)).is_none() {
                let latest = Rc::clone(&latest);
                request_animation_frame(move || {
                    if let Some(measured) = latest.take() {
                        apply(measured);
                    }
                });
            }
        });
        // Without a ResizeObserver (very old browsers) the chart keeps its first measurement.
        if let Ok(observer) = ResizeObserver::new(report.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let kept = SendWrapper::new((observer, report));
            on_cleanup(move || kept.0.disconnect());
        }
    });
    width
}

/// Whole pixels, rounded down so a chart drawn for them never overflows its box.
fn whole(width: f64) -> u32 {
    if width.is_finite() && width > 0.0 {
        width.floor() as u32
    } else {
        0
    }
}
