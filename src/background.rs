//! The background jobs' worker (src/bin/worker.rs) as the page uses it: the core's job messages,
//! numbered so that late replies to a replaced request are dropped, and the same jobs run on the
//! page's own thread when the worker cannot start, since the core runs them identically anywhere.

use crate::job_progress::JobWords;
use crate::worker_client::{Cancel, Heard, HereJob, Step, WorkerClient, WorkerKind};
use headstart_core::jobs::{Envelope, Job, Reply, Request};
use headstart_core::progress::Progress;
use wasm_bindgen::JsValue;

/// The band, the heat map and the talent Monte Carlo.
pub struct Jobs;

/// A handle on the background worker that the page's components share.
pub type Background = WorkerClient<Jobs>;

impl WorkerKind for Jobs {
    type Request = Request;
    type Reply = Reply;
    type Progress = Progress;
    const LOADER: &'static str = "worker_loader.js";
    const NAME: &'static str = "the background worker";
    const CANCEL: Cancel = Cancel::DropStale;
    const EAGER: bool = false;

    fn encode(request: &Request, id: u64) -> Result<JsValue, String> {
        serde_json::to_string(&Envelope { id, body: request }).map(JsValue::from).map_err(|e| e.to_string())
    }

    fn decode(data: &JsValue) -> Option<Heard<Reply>> {
        let Envelope { id, body } = serde_json::from_str::<Envelope<Reply>>(&data.as_string()?).ok()?;
        Some(match body {
            Reply::Ready { protocol } => Heard::Ready { protocol },
            // Number 0 is a request the worker could not read: whichever is current.
            reply => Heard::Reply { id: (id != 0).then_some(id), reply },
        })
    }

    fn step(reply: &Reply) -> Step<Progress> {
        match reply {
            Reply::Progress(progress) => Step::Running(Some(*progress)),
            Reply::HeatmapRows { progress, .. } if !progress.is_finished() => Step::Running(Some(*progress)),
            Reply::Failed(why) => Step::Failed(why.clone()),
            Reply::Ready { .. } => Step::Running(None),
            Reply::HeatmapRows { .. } | Reply::Band(_) | Reply::BandPartial(_) | Reply::MonteCarlo(_) => {
                Step::Finished
            }
        }
    }

    fn run_here(request: &Request) -> Option<HereJob<Reply>> {
        Some(match Job::start(request.clone()) {
            Ok(mut job) => Box::new(move |work| job.step(work)),
            Err(error) => {
                let refusal = Reply::Failed(error.to_string());
                Box::new(move |_| (refusal.clone(), true))
            }
        })
    }
}

impl JobWords for Jobs {
    fn progress(progress: Option<&Progress>) -> (f64, String) {
        let fraction = progress.map_or(0.0, Progress::fraction);
        (fraction, format!("Computing… {:.0}%", fraction * 100.0))
    }
    const DONE: &'static str = "Computed in your browser's background worker";
    const FAILED: &'static str = "Could not compute";
    const CANCELLED: &'static str =
        "Cancelled; showing the last finished run. Change any input to run again.";
}
