//! The page's side of the counting worker (src/bin/counter.rs). The worker is started when the
//! page opens, so that choosing files makes no network request; Cancel terminates it and starts
//! a fresh one for the next count.

use crate::background::JobStatus;
use crate::router::base_path;
use headstart_counter::{CountProgress, CountReply, CountRequest, Report};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// Progress counted in files and bytes.
pub type CountStatus = JobStatus<CountProgress>;

type Running = (Worker, Closure<dyn FnMut(MessageEvent)>);

#[derive(Clone, Copy)]
pub struct CounterWorker {
    worker: StoredValue<Option<Running>, LocalStorage>,
    listening: StoredValue<bool>,
    /// A request made before the worker said it was listening.
    pending: StoredValue<Option<JsValue>, LocalStorage>,
    started: StoredValue<f64>,
    pub status: RwSignal<CountStatus>,
    pub report: RwSignal<Option<Report>>,
}

impl CounterWorker {
    pub fn new() -> Self {
        let this = CounterWorker {
            worker: StoredValue::new_local(None),
            listening: StoredValue::new(false),
            pending: StoredValue::new_local(None),
            started: StoredValue::new(0.0),
            status: RwSignal::new(CountStatus::Idle),
            report: RwSignal::new(None),
        };
        this.spawn();
        on_cleanup(move || this.terminate());
        this
    }

    fn spawn(&self) {
        let Ok(worker) = Worker::new(&format!("{}/counter_loader.js", base_path())) else {
            self.status.set(CountStatus::Failed("this browser could not start a background worker".into()));
            return;
        };
        let this = *self;
        let on_message =
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| this.receive(event));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        self.listening.set_value(false);
        self.worker.set_value(Some((worker, on_message)));
    }

    fn terminate(&self) {
        if let Some(Some((worker, _))) = self.worker.try_update_value(Option::take) {
            worker.terminate();
        }
    }

    /// Counts `files` (in the order of the request's paths); a count already running is dropped.
    pub fn count(&self, request: &CountRequest, files: js_sys::Array) {
        if matches!(self.status.get_untracked(), CountStatus::Running(_)) {
            self.terminate();
            self.spawn();
        }
        let message = js_sys::Object::new();
        let text = serde_json::to_string(request).unwrap_or_default();
        let _ = js_sys::Reflect::set(&message, &"request".into(), &text.into());
        let _ = js_sys::Reflect::set(&message, &"files".into(), &files);
        self.status.set(CountStatus::Running(None));
        self.started.set_value(js_sys::Date::now());
        if self.listening.get_value() {
            self.post(&message);
        } else {
            self.pending.set_value(Some(message.into()));
        }
    }

    pub fn cancel(&self) {
        self.terminate();
        self.pending.set_value(None);
        self.status.set(CountStatus::Cancelled);
        self.spawn();
    }

    fn post(&self, message: &JsValue) {
        let posted =
            self.worker.with_value(|w| w.as_ref().map(|(worker, _)| worker.post_message(message).is_ok()));
        if posted != Some(true) {
            self.status.set(CountStatus::Failed("the counting worker did not take the files".into()));
        }
    }

    fn receive(&self, event: MessageEvent) {
        let Ok(reply) = serde_json::from_str::<CountReply>(&event.data().as_string().unwrap_or_default())
        else {
            return;
        };
        match reply {
            CountReply::Ready => {
                self.listening.set_value(true);
                if let Some(message) = self.pending.try_update_value(Option::take).flatten() {
                    self.post(&message);
                }
            }
            CountReply::Progress(progress) => self.status.set(CountStatus::Running(Some(progress))),
            CountReply::Done(report) => {
                self.report.set(Some(report));
                self.status.set(CountStatus::Done { millis: js_sys::Date::now() - self.started.get_value() });
            }
            CountReply::Failed(message) => self.status.set(CountStatus::Failed(message)),
        }
    }
}
