//! The counting worker (src/bin/counter.rs) as Your code uses it. It starts with the page, so
//! that choosing files makes no network request, and a count is stopped by terminating it: it
//! reads files without pause, so it never reads a newer request mid-count. Counting needs the
//! worker (only a worker can read files synchronously), so when it cannot start the page says
//! why, with a Retry.

use crate::job_progress::JobWords;
use crate::worker_client::{Cancel, Heard, Step, WorkerClient, WorkerKind};
use headstart_core::format::grouped;
use headstart_counter::{CountProgress, CountReply, CountRequest};
use wasm_bindgen::JsValue;

/// Counting a folder's files or one archive.
pub struct Counting;

/// A handle on the counting worker.
pub type CounterWorker = WorkerClient<Counting>;

/// What a count needs: the request, and the files in the order of its paths.
pub struct CountFiles {
    pub request: CountRequest,
    pub files: js_sys::Array,
}

impl WorkerKind for Counting {
    type Request = CountFiles;
    type Reply = CountReply;
    type Progress = CountProgress;
    const LOADER: &'static str = "counter_loader.js";
    const NAME: &'static str = "the counting worker";
    const CANCEL: Cancel = Cancel::Terminate;
    const EAGER: bool = true;

    /// `{ request: <CountRequest as JSON>, files: File[] }`: the files travel as themselves.
    fn encode(count: &CountFiles, _id: u64) -> Result<JsValue, String> {
        let text = serde_json::to_string(&count.request).map_err(|e| e.to_string())?;
        let message = js_sys::Object::new();
        for (key, value) in [("request", JsValue::from(text)), ("files", count.files.clone().into())] {
            js_sys::Reflect::set(&message, &key.into(), &value)
                .map_err(|e| crate::worker_client::describe_js(&e))?;
        }
        Ok(message.into())
    }

    fn decode(data: &JsValue) -> Option<Heard<CountReply>> {
        Some(match serde_json::from_str::<CountReply>(&data.as_string()?).ok()? {
            CountReply::Ready { protocol } => Heard::Ready { protocol },
            reply => Heard::Reply { id: None, reply },
        })
    }

    fn step(reply: &CountReply) -> Step<CountProgress> {
        match reply {
            CountReply::Progress(progress) => Step::Running(Some(*progress)),
            CountReply::Ready { .. } => Step::Running(None),
            CountReply::Done(_) => Step::Finished,
            CountReply::Failed(why) => Step::Failed(why.clone()),
        }
    }
}

impl JobWords for Counting {
    fn progress(progress: Option<&CountProgress>) -> (f64, String) {
        let p = progress.copied().unwrap_or_default();
        let fraction = if p.bytes_total > 0 { p.bytes_done as f64 / p.bytes_total as f64 } else { 0.0 };
        let words = format!(
            "Counting… {} of {} files, {} of {} MB",
            grouped(p.files_done as f64),
            grouped(p.files_total as f64),
            p.bytes_done / 1_048_576,
            p.bytes_total / 1_048_576
        );
        (fraction, words)
    }
    const DONE: &'static str = "Counted in your browser";
    const FAILED: &'static str = "Could not count";
    const CANCELLED: &'static str = "Cancelled.";
}
