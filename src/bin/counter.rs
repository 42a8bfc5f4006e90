//! The "Your code" page's Web Worker: reads the reader's files (or one archive) with
//! FileReaderSync, unpacks archives and counts lines with tokei, posting progress as it goes.
//! It is its own wasm, loaded only by that page, so no other page pays for tokei. To cancel, the
//! page terminates it. Nothing here makes a network request.

mod scope;

use headstart_core::jobs::PROTOCOL;
use headstart_counter::{unpack, CountJob, CountProgress, CountReply, CountRequest};
use scope::post;
use wasm_bindgen::prelude::*;
use web_sys::{File, FileReaderSync};

/// Bytes read between two progress messages.
const SLICE_BYTES: u64 = 4 * 1024 * 1024;

fn main() {
    scope::listen(|data| {
        post(&match run(&data) {
            Ok(report) => CountReply::Done(report),
            Err(message) => CountReply::Failed(message),
        })
    });
    post(&CountReply::Ready { protocol: PROTOCOL });
}

/// `data` is `{ request: <CountRequest as JSON>, files: File[] }`.
fn run(data: &JsValue) -> Result<headstart_counter::Report, String> {
    let field = |name: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(name)).map_err(|_| format!("the message has no {name}"))
    };
    let request: CountRequest = serde_json::from_str(&field("request")?.as_string().unwrap_or_default())
        .map_err(|e| format!("the request is unreadable: {e}"))?;
    let files: js_sys::Array =
        field("files")?.dyn_into().map_err(|_| "the files are not a list".to_owned())?;
    let file = |i: usize| -> Result<File, String> {
        files.get(i as u32).dyn_into::<File>().map_err(|_| format!("item {i} is not a file"))
    };
    let reader =
        FileReaderSync::new().map_err(|_| "this browser cannot read files in a worker".to_owned())?;
    let read = |i: usize| -> Result<Vec<u8>, String> {
        let buffer = reader
            .read_as_array_buffer(file(i)?.as_ref())
            .map_err(|_| "the browser refused to read it".to_owned())?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    match request {
        CountRequest::Tree { paths, sizes, options } => {
            let text = |i: usize| read(i).ok().map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            let mut job = CountJob::tree(&paths, &sizes, options, text).map_err(|e| e.to_string())?;
            drive(&mut job, read)?;
            Ok(job.report())
        }
        CountRequest::Archive { options, .. } => {
            options.limits.check_archive(file(0)?.size() as u64).map_err(|e| e.to_string())?;
            let bytes = read(0)?;
            post(&CountReply::Progress(CountProgress {
                files_total: 1,
                bytes_total: bytes.len() as u64,
                ..CountProgress::default()
            }));
            let mut entries = unpack(&bytes, &options).map_err(|e| e.to_string())?;
            drop(bytes);
            let mut job = CountJob::archive(&entries, options);
            drive(&mut job, |i| Ok(std::mem::take(&mut entries[i].data)))?;
            Ok(job.report())
        }
    }
}

fn drive(job: &mut CountJob, mut read: impl FnMut(usize) -> Result<Vec<u8>, String>) -> Result<(), String> {
    post(&CountReply::Progress(job.step(0, &mut read).map_err(|e| e.to_string())?));
    while !job.is_finished() {
        post(&CountReply::Progress(job.step(SLICE_BYTES, &mut read).map_err(|e| e.to_string())?));
    }
    Ok(())
}
