//! Headstart's Web Worker: runs the core's slow jobs (the uncertainty band, the heat map, the
//! talent Monte Carlo) in slices, posting progress between them, so the page never stalls. A
//! new request replaces the running one between two slices; that is how inputs cancel a run.

use headstart_core::jobs::{Envelope, Job, Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Long enough that posting costs little, short enough that a new request waits at most this.
const SLICE_MS: f64 = 30.0;

struct Running {
    id: u64,
    job: Job,
    /// Units of work per slice, tuned as the job runs so each slice takes about SLICE_MS.
    work: usize,
}

type Slot = Rc<RefCell<Option<Running>>>;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let running: Slot = Rc::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        let Envelope { id, body } = match serde_json::from_str::<Envelope<Request>>(&text) {
            Ok(envelope) => envelope,
            Err(error) => {
                return post(0, &Reply::Failed(format!("the worker could not read a request: {error}")))
            }
        };
        match Job::start(body) {
            Ok(job) => {
                let idle = running.borrow_mut().replace(Running { id, job, work: 1_000 }).is_none();
                if idle {
                    run_slice(running.clone());
                }
            }
            Err(error) => {
                running.borrow_mut().take();
                post(id, &Reply::Failed(error.to_string()));
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(0, &Reply::Ready);
}

/// One slice of the current job, then a zero-delay timeout so queued messages are read first.
fn run_slice(slot: Slot) {
    let finished = {
        let mut guard = slot.borrow_mut();
        let Some(running) = guard.as_mut() else { return };
        let start = js_sys::Date::now();
        let (reply, finished) = running.job.step(running.work);
        let took = (js_sys::Date::now() - start).max(1.0);
        running.work = ((running.work as f64 * SLICE_MS / took) as usize).clamp(10, 50_000_000);
        post(running.id, &reply);
        finished
    };
    if finished {
        slot.borrow_mut().take();
    } else {
        gloo_timers::callback::Timeout::new(0, move || run_slice(slot)).forget();
    }
}

fn post(id: u64, reply: &Reply) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let text = serde_json::to_string(&Envelope { id, body: reply }).unwrap_or_default();
    // Posting a string cannot fail; if it ever did, the page would show its timeout message.
    let _ = scope.post_message(&JsValue::from_str(&text));
}
