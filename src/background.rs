//! The page's side of the Web Worker (`src/bin/worker.rs`): send a request, get progress and
//! the result back as signals. The worker starts on the first request and is terminated with
//! the page, or when the reader cancels.

use crate::router::base_path;
use headstart_core::jobs::{Envelope, Reply, Request};
use headstart_core::progress::Progress;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// What the page shows about the job in flight; `P` is how its progress is measured.
#[derive(Clone, Debug, PartialEq)]
pub enum JobStatus<P = Progress> {
    Idle,
    Running(Option<P>),
    /// Finished, this many milliseconds after the request: the in-browser benchmark reads it.
    Done {
        millis: f64,
    },
    Cancelled,
    Failed(String),
}

/// The running worker and the handler it posts to (kept alive as long as the worker).
type Running = (Worker, Closure<dyn FnMut(MessageEvent)>);
type ReplyHandler = Rc<dyn Fn(Reply)>;

/// A handle the page's components share; copying it is free.
#[derive(Clone, Copy)]
pub struct Background {
    worker: StoredValue<Option<Running>, LocalStorage>,
    /// The latest request, held until the worker says it is listening.
    pending: StoredValue<Option<String>>,
    on_reply: StoredValue<Option<ReplyHandler>, LocalStorage>,
    id: StoredValue<u64>,
    /// When the current request was sent, in `Date.now()` milliseconds.
    started: StoredValue<f64>,
    pub status: RwSignal<JobStatus>,
}

impl Background {
    pub fn new() -> Self {
        let background = Background {
            worker: StoredValue::new_local(None),
            on_reply: StoredValue::new_local(None),
            pending: StoredValue::new(None),
            id: StoredValue::new(0),
            started: StoredValue::new(0.0),
            status: RwSignal::new(JobStatus::Idle),
        };
        on_cleanup(move || background.stop());
        background
    }

    /// Starts `request`, replacing whatever ran; `on_reply` gets every reply for it, the last one
    /// being its result (or `Reply::Failed`).
    pub fn submit(&self, request: Request, on_reply: impl Fn(Reply) + 'static) {
        let id = self.id.get_value() + 1;
        self.id.set_value(id);
        self.on_reply.set_value(Some(Rc::new(on_reply)));
        self.status.set(JobStatus::Running(None));
        self.started.set_value(js_sys::Date::now());
        let text = serde_json::to_string(&Envelope { id, body: request }).unwrap_or_default();
        match self.worker() {
            Some(Some(worker)) => self.post(&worker, &text),
            Some(None) => self.pending.set_value(Some(text)),
            None => {
                self.status.set(JobStatus::Failed("this browser could not start a background worker".into()))
            }
        }
    }

    fn post(&self, worker: &Worker, text: &str) {
        if worker.post_message(&JsValue::from_str(text)).is_err() {
            self.status.set(JobStatus::Failed("the background worker did not take the request".into()));
        }
    }

    /// Stops the job now: the worker is terminated mid-slice and restarted on the next request.
    pub fn cancel(&self) {
        self.stop();
        self.status.set(JobStatus::Cancelled);
    }

    fn stop(&self) {
        self.id.try_update_value(|id| *id += 1);
        self.pending.try_set_value(None);
        if let Some(Some((worker, _))) = self.worker.try_update_value(Option::take) {
            worker.terminate();
        }
    }

    /// The worker if it is listening (`Some(Some)`), starting (`Some(None)`), or impossible (`None`).
    fn worker(&self) -> Option<Option<Worker>> {
        let started = self.worker.with_value(|w| w.as_ref().map(|(worker, _)| worker.clone()));
        if let Some(worker) = started {
            return Some(self.pending.with_value(Option::is_none).then_some(worker));
        }
        let worker = Worker::new(&format!("{}/worker_loader.js", base_path())).ok()?;
        let this = *self;
        let on_message =
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| this.receive(event));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        self.worker.set_value(Some((worker, on_message)));
        Some(None)
    }

    fn receive(&self, event: MessageEvent) {
        let text = event.data().as_string().unwrap_or_default();
        let Ok(Envelope { id, body }) = serde_json::from_str::<Envelope<Reply>>(&text) else { return };
        if body == Reply::Ready {
            let pending = self.pending.try_update_value(Option::take).flatten();
            let worker = self.worker.with_value(|w| w.as_ref().map(|(worker, _)| worker.clone()));
            if let (Some(text), Some(worker)) = (pending, worker) {
                self.post(&worker, &text);
            }
            return;
        }
        if id != self.id.get_value() && id != 0 {
            return; // a reply to a request the page has since replaced
        }
        match &body {
            Reply::Progress(progress) => self.status.set(JobStatus::Running(Some(*progress))),
            Reply::HeatmapRows { progress, .. } if !progress.is_finished() => {
                self.status.set(JobStatus::Running(Some(*progress)))
            }
            Reply::Failed(message) => self.status.set(JobStatus::Failed(message.clone())),
            _ => self.status.set(JobStatus::Done { millis: js_sys::Date::now() - self.started.get_value() }),
        }
        if let Some(on_reply) = self.on_reply.get_value() {
            on_reply(body);
        }
    }
}
