//! What both workers do with their global scope: read the page's messages and post replies as
//! JSON text. Shared by src/bin/worker.rs and src/bin/counter.rs.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Calls `on_message` with the data of every message the page posts, for the worker's lifetime.
pub fn listen(mut on_message: impl FnMut(JsValue) + 'static) {
    let handler =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| on_message(event.data()));
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
}

/// Posts `message` to the page as JSON text.
pub fn post(message: &impl Serialize) {
    let text = serde_json::to_string(message).unwrap_or_else(|error| {
        // Only a non-finite number could fail here; the page would meet an unreadable message.
        format!("{{\"unserialisable\":\"{error}\"}}")
    });
    // Posting a string to the page cannot fail while the worker runs; if it ever did, the page's
    // watchdog would say that the worker went quiet.
    if scope().post_message(&JsValue::from_str(&text)).is_err() {
        web_sys::console::error_1(&"Headstart's worker could not post a reply".into());
    }
}
