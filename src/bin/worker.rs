//! Headstart's Web Worker: runs the core's slow jobs (the uncertainty band, the heat map, the
//! talent Monte Carlo) in slices, posting progress between them, so the page never stalls. A
//! new request replaces the running one between two slices; that is how inputs cancel a run.
//! It says it is listening, with its protocol's version, as soon as it starts; the page gives it
//! 5 s to do so before it runs the jobs itself (src/worker_client.rs).

mod scope;

use headstart_core::jobs::{Envelope, Job, Reply, Request, PROTOCOL};
use headstart_core::pace::Pace;
use std::cell::RefCell;
use std::rc::Rc;

struct Running {
    id: u64,
    job: Job,
    pace: Pace,
}

type Slot = Rc<RefCell<Option<Running>>>;

fn main() {
    let running: Slot = Rc::default();
    scope::listen(move |data| {
        let text = data.as_string().unwrap_or_default();
        let Envelope { id, body } = match serde_json::from_str::<Envelope<Request>>(&text) {
            Ok(envelope) => envelope,
            Err(error) => {
                return post(0, &Reply::Failed(format!("the worker could not read a request: {error}")))
            }
        };
        match Job::start(body) {
            Ok(job) => {
                let idle = running.borrow_mut().replace(Running { id, job, pace: Pace::WORKER }).is_none();
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
    post(0, &Reply::Ready { protocol: PROTOCOL });
}

/// One slice of the current job, then a zero-delay timeout so queued messages are read first.
fn run_slice(slot: Slot) {
    let finished = {
        let mut guard = slot.borrow_mut();
        let Some(running) = guard.as_mut() else { return };
        let start = js_sys::Date::now();
        let (reply, finished) = running.job.step(running.pace.work());
        running.pace.took(js_sys::Date::now() - start);
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
    scope::post(&Envelope { id, body: reply });
}
