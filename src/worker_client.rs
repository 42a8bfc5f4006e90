//! The page's side of a Web Worker, for both of Headstart's workers: the background jobs
//! (src/bin/worker.rs) and the counting of Your code (src/bin/counter.rs). It starts the worker,
//! waits for its handshake, sends requests, turns replies into a status the page shows, and never
//! leaves a reader in front of a progress bar that will not move:
//!
//! - a worker that fails to load, or does not answer its handshake within 5 s, has its jobs run
//!   on the page's own thread when its kind can ([`WorkerKind::run_here`]), in slices of at most
//!   8 ms that let input through; otherwise the page says what happened, with a Retry;
//! - a running job that sends nothing for 10 s shows as stalled, with a Retry (and carries on if
//!   the worker speaks again); a worker that reports an error shows as failed, with a Retry;
//! - a worker from another deploy (see [`PROTOCOL`]) is stopped, and the page asks for a reload.
//!
//! The two workers differ in what they send and in how a job is cancelled; [`WorkerKind`] holds
//! those differences, and everything else is here once.

use crate::router::base_path;
use gloo_timers::callback::Timeout;
use headstart_core::jobs::PROTOCOL;
use headstart_core::pace::Pace;
use leptos::prelude::*;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// How long a new worker has to say it is listening.
const HANDSHAKE_MS: u32 = 5_000;
/// How long a running job may go without a word before the page says so.
const STALL_MS: u32 = 10_000;

/// How a job in flight is stopped when the reader cancels it or asks for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancel {
    /// The worker reads new requests between slices and drops the old job: the page only has
    /// to ignore replies to requests it has replaced.
    DropStale,
    /// The worker works without pause (reading files): the page terminates it and starts another.
    Terminate,
}

/// What one message from a worker says.
pub enum Heard<R> {
    Ready {
        protocol: u32,
    },
    /// A reply to the request numbered `id`, or to the only request in flight when `None`.
    Reply {
        id: Option<u64>,
        reply: R,
    },
}

/// Where a reply leaves its job.
pub enum Step<P> {
    Running(Option<P>),
    Finished,
    /// The job itself could not go on (its input, a damaged file): the reason in its words.
    Failed(String),
}

/// A job run on the page's thread: each call does about `work` units and returns its reply and
/// whether the job has finished.
pub type HereJob<R> = Box<dyn FnMut(usize) -> (R, bool)>;

/// One of Headstart's workers: its files, its messages and its manners.
pub trait WorkerKind: 'static {
    type Request: 'static;
    type Reply: 'static;
    type Progress: Clone + PartialEq + Send + Sync + 'static;
    /// The loader Trunk writes beside the worker's own script and wasm.
    const LOADER: &'static str;
    /// What the page calls the worker in a sentence: "the background worker".
    const NAME: &'static str;
    const CANCEL: Cancel;
    /// Whether the worker starts with the page rather than with its first request, so that
    /// starting a job makes no network request.
    const EAGER: bool;

    /// The message to post for `request`, numbered `id`.
    fn encode(request: &Self::Request, id: u64) -> Result<JsValue, String>;
    /// What a message from the worker says; `None` when it cannot be read, which means the
    /// worker speaks another version of the messages.
    fn decode(data: &JsValue) -> Option<Heard<Self::Reply>>;
    fn step(reply: &Self::Reply) -> Step<Self::Progress>;
    /// The job for `request` run on the page's own thread, for kinds that can do without a worker.
    fn run_here(_request: &Self::Request) -> Option<HereJob<Self::Reply>> {
        None
    }
}

/// What went wrong with a worker, in words a reader can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// It could not be started or loaded (a missing file, a blocked script, a damaged wasm);
    /// the browser's reason, for the console.
    NoStart(String),
    /// It loaded nothing that answered within the handshake's time.
    Silent,
    /// It stopped sending progress in the middle of a job.
    Stalled,
    /// It reported an error while working.
    Crashed(String),
}

impl Fault {
    /// The sentence about the worker named `name`, without a final full stop.
    pub fn describe(&self, name: &str) -> String {
        match self {
            // The browser's own reason is long and technical: it goes to the console instead.
            Fault::NoStart(_) => format!("{name} could not start"),
            Fault::Silent => format!("{name} did not answer within {} s", HANDSHAKE_MS / 1_000),
            Fault::Stalled => format!("{name} has sent nothing for {} s", STALL_MS / 1_000),
            Fault::Crashed(why) => format!("{name} stopped with an error ({why})"),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("the worker"))
    }
}

/// What the page shows about its job; `P` is how the job's progress is measured.
#[derive(Clone, Debug, PartialEq)]
pub enum JobStatus<P> {
    Idle,
    Running(Option<P>),
    /// Running, but nothing heard for a while: the last progress, and a Retry.
    Stalled(Option<P>),
    /// Finished, this many milliseconds after the request (the browser benchmark reads it); `here`
    /// says why it ran on the page's thread instead of in the worker.
    Done {
        millis: f64,
        here: Option<Fault>,
    },
    Cancelled,
    /// The job could not be done, in its own words; running it again would not help.
    Failed(String),
    /// The worker failed; running it again might.
    Broken(Fault),
    /// The worker is from another deploy: only a reload helps.
    Outdated,
}

/// Where the jobs run now.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// No worker yet, or it has been stopped.
    Stopped,
    /// Started, waiting for its handshake.
    Starting,
    Listening,
    /// No worker would start, so jobs run on the page's thread.
    Here(Fault),
    Outdated,
}

/// The worker and the handlers it calls, kept alive together.
struct Live {
    worker: Worker,
    _handlers: [Closure<dyn FnMut(JsValue)>; 3],
}

type OnReply<R> = Rc<dyn Fn(R)>;

/// A handle the page's components share; copying it is free.
pub struct WorkerClient<K: WorkerKind> {
    live: StoredValue<Option<Live>, LocalStorage>,
    phase: StoredValue<Phase>,
    /// The current request, kept for a Retry and for running it here.
    request: StoredValue<Option<Rc<K::Request>>, LocalStorage>,
    on_reply: StoredValue<Option<OnReply<K::Reply>>, LocalStorage>,
    /// Whether the current request still waits for the worker's handshake.
    waiting: StoredValue<bool>,
    /// The current request's number: replies to earlier ones are dropped.
    id: StoredValue<u64>,
    /// When the current request was made, in `Date.now()` milliseconds.
    started: StoredValue<f64>,
    watchdog: StoredValue<Option<Timeout>, LocalStorage>,
    pub status: RwSignal<JobStatus<K::Progress>>,
    /// Whether the worker has said it is listening: tests wait on it before timing requests.
    pub listening: RwSignal<bool>,
    /// How many jobs the page has asked for: tests check that a change a job does not depend on
    /// starts none.
    pub submitted: RwSignal<u64>,
}

impl<K: WorkerKind> Clone for WorkerClient<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: WorkerKind> Copy for WorkerClient<K> {}

fn now() -> f64 {
    js_sys::Date::now()
}

impl<K: WorkerKind> WorkerClient<K> {
    pub fn new() -> Self {
        let client = WorkerClient {
            live: StoredValue::new_local(None),
            phase: StoredValue::new(Phase::Stopped),
            request: StoredValue::new_local(None),
            on_reply: StoredValue::new_local(None),
            waiting: StoredValue::new(false),
            id: StoredValue::new(0),
            started: StoredValue::new(0.0),
            watchdog: StoredValue::new_local(None),
            status: RwSignal::new(JobStatus::Idle),
            listening: RwSignal::new(false),
            submitted: RwSignal::new(0),
        };
        if K::EAGER {
            client.spawn();
        }
        on_cleanup(move || client.stop());
        client
    }

    /// Starts `request`, replacing whatever ran; `on_reply` gets every reply to it.
    pub fn submit(&self, request: K::Request, on_reply: impl Fn(K::Reply) + 'static) {
        if K::CANCEL == Cancel::Terminate && self.is_busy() {
            self.stop();
        }
        self.request.set_value(Some(Rc::new(request)));
        self.on_reply.set_value(Some(Rc::new(on_reply)));
        self.submitted.update(|n| *n += 1);
        self.begin();
    }

    /// Runs the current request again on a fresh worker.
    pub fn retry(&self) {
        self.stop();
        if self.phase.get_value() != Phase::Outdated {
            self.phase.set_value(Phase::Stopped);
        }
        if self.request.with_value(Option::is_some) {
            self.begin();
        } else {
            self.status.set(JobStatus::Idle);
            self.spawn();
        }
    }

    /// Runs the current request under a new number, so replies to any earlier run are dropped.
    fn begin(&self) {
        self.id.update_value(|id| *id += 1);
        self.started.set_value(now());
        self.status.set(JobStatus::Running(None));
        self.send();
    }

    /// Stops the job in flight; the page keeps what it last showed.
    pub fn cancel(&self) {
        self.id.update_value(|id| *id += 1);
        self.watchdog.set_value(None);
        self.waiting.set_value(false);
        if K::CANCEL == Cancel::Terminate {
            self.stop();
            if K::EAGER {
                self.spawn();
            }
        }
        self.status.set(JobStatus::Cancelled);
    }

    fn is_busy(&self) -> bool {
        matches!(self.status.get_untracked(), JobStatus::Running(_) | JobStatus::Stalled(_))
    }

    /// Sends the current request wherever jobs run now.
    fn send(&self) {
        let Some(request) = self.request.get_value() else { return };
        match self.phase.get_value() {
            Phase::Outdated => self.status.set(JobStatus::Outdated),
            Phase::Here(fault) => self.start_here(&request, fault),
            Phase::Listening => self.post(&request),
            Phase::Starting => self.waiting.set_value(true),
            Phase::Stopped => {
                self.waiting.set_value(true);
                self.spawn();
            }
        }
    }

    fn post(&self, request: &K::Request) {
        let id = self.id.get_value();
        let posted = K::encode(request, id).and_then(|message| {
            self.live
                .with_value(|live| live.as_ref().map(|live| live.worker.post_message(&message)))
                .ok_or_else(|| "it is not running".to_owned())?
                .map_err(|_| "it did not take the request".to_owned())
        });
        match posted {
            Ok(()) => self.arm(STALL_MS, move |client| client.stalled(id)),
            Err(why) => self.broken(Fault::Crashed(why)),
        }
    }

    fn spawn(&self) {
        self.stop();
        let url = format!("{}/{}", base_path(), K::LOADER);
        let worker = match Worker::new(&url) {
            Ok(worker) => worker,
            Err(error) => return self.no_worker(Fault::NoStart(describe_js(&error))),
        };
        let this = *self;
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            this.heard(&event.unchecked_into::<MessageEvent>().data())
        });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let why = event.dyn_ref::<ErrorEvent>().map(|e| plain(&e.message())).filter(|m| !m.is_empty());
            this.failed(why.unwrap_or_else(|| "its script could not be loaded".to_owned()))
        });
        let on_message_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            this.failed("a message from it could not be read".to_owned())
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));
        self.live.set_value(Some(Live { worker, _handlers: [on_message, on_error, on_message_error] }));
        self.phase.set_value(Phase::Starting);
        self.arm(HANDSHAKE_MS, |client| {
            if client.phase.get_value() == Phase::Starting {
                client.no_worker(Fault::Silent);
            }
        });
    }

    /// Terminates the worker, if one runs, and its watchdog; the next request starts another.
    fn stop(&self) {
        self.watchdog.try_set_value(None);
        if let Some(Some(live)) = self.live.try_update_value(Option::take) {
            // Events already queued must find no handler: theirs is dropped with `live`.
            live.worker.set_onmessage(None);
            live.worker.set_onerror(None);
            live.worker.set_onmessageerror(None);
            live.worker.terminate();
        }
        self.listening.try_set(false);
        if matches!(self.phase.try_get_value(), Some(Phase::Starting | Phase::Listening)) {
            self.phase.set_value(Phase::Stopped);
        }
    }

    /// Calls `then` after `millis` unless something else is armed (or heard) first.
    fn arm(&self, millis: u32, then: impl FnOnce(WorkerClient<K>) + 'static) {
        let this = *self;
        self.watchdog.set_value(Some(Timeout::new(millis, move || then(this))));
    }

    fn heard(&self, data: &JsValue) {
        match K::decode(data) {
            Some(Heard::Ready { protocol }) if protocol == PROTOCOL => {
                self.watchdog.set_value(None);
                self.phase.set_value(Phase::Listening);
                self.listening.set(true);
                if self.waiting.get_value() {
                    self.waiting.set_value(false);
                    if let Some(request) = self.request.get_value() {
                        self.post(&request);
                    }
                }
            }
            // An unreadable message, or another number: the worker is from another deploy.
            Some(Heard::Ready { .. }) | None => self.outdated(),
            Some(Heard::Reply { id, reply }) => {
                let current = self.id.get_value();
                if id.is_some_and(|id| id != current) {
                    return; // a reply to a request the page has since replaced
                }
                self.reply(current, reply, None);
            }
        }
    }

    /// A reply to the current request, from the worker or from a job run here.
    fn reply(&self, id: u64, reply: K::Reply, here: Option<&Fault>) {
        match K::step(&reply) {
            Step::Running(progress) => {
                self.status.set(JobStatus::Running(progress));
                if here.is_none() {
                    self.arm(STALL_MS, move |client| client.stalled(id));
                }
            }
            Step::Finished => {
                self.watchdog.set_value(None);
                let millis = now() - self.started.get_value();
                self.status.set(JobStatus::Done { millis, here: here.cloned() });
            }
            Step::Failed(why) => {
                self.watchdog.set_value(None);
                self.status.set(JobStatus::Failed(why));
            }
        }
        if let Some(on_reply) = self.on_reply.get_value() {
            on_reply(reply);
        }
    }

    fn stalled(&self, id: u64) {
        if id != self.id.get_value() {
            return;
        }
        if let JobStatus::Running(progress) = self.status.get_untracked() {
            self.status.set(JobStatus::Stalled(progress));
        }
    }

    /// The worker's `error` or `messageerror` event.
    fn failed(&self, why: String) {
        match self.phase.get_value() {
            Phase::Starting => self.no_worker(Fault::NoStart(why)),
            _ => {
                let busy = self.is_busy();
                self.stop();
                if busy {
                    self.broken(Fault::Crashed(why));
                } else if K::EAGER {
                    self.spawn();
                }
            }
        }
    }

    /// No worker would start: jobs run here from now on if this kind can, else the page says so
    /// (at the first request, when the worker starts with the page).
    fn no_worker(&self, fault: Fault) {
        if let Fault::NoStart(why) = &fault {
            web_sys::console::warn_1(&format!("Headstart: {} could not start: {why}", K::NAME).into());
        }
        self.stop();
        self.phase.set_value(Phase::Here(fault));
        if self.waiting.get_value() {
            self.waiting.set_value(false);
            self.send();
        }
    }

    fn broken(&self, fault: Fault) {
        self.watchdog.set_value(None);
        self.status.set(JobStatus::Broken(fault));
    }

    fn outdated(&self) {
        self.stop();
        self.phase.set_value(Phase::Outdated);
        self.status.set(JobStatus::Outdated);
    }

    fn start_here(&self, request: &K::Request, fault: Fault) {
        let Some(job) = K::run_here(request) else { return self.broken(fault) };
        let id = self.id.get_value();
        let this = *self;
        Timeout::new(0, move || this.slice_here(id, job, Pace::MAIN_THREAD, fault)).forget();
    }

    /// One slice of a job run here, then a zero-delay timeout so input is handled in between.
    fn slice_here(self, id: u64, mut job: HereJob<K::Reply>, mut pace: Pace, fault: Fault) {
        if self.id.try_get_value() != Some(id) {
            return; // replaced, cancelled, or the page is gone
        }
        let start = now();
        let (reply, finished) = job(pace.work());
        pace.took(now() - start);
        self.reply(id, reply, Some(&fault));
        if !finished {
            Timeout::new(0, move || self.slice_here(id, job, pace, fault)).forget();
        }
    }
}

/// An error message as a clause inside a sentence: without the console's "Uncaught " and a
/// final full stop.
fn plain(message: &str) -> String {
    message.trim().trim_start_matches("Uncaught ").trim_end_matches('.').to_owned()
}

/// A JavaScript exception's message, or a generic word for it.
pub fn describe_js(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the browser refused".to_owned())
}
