//! The one view of a worker's job, for every job on every page: progress with a Cancel while it
//! runs; then how long it took (also in `data-ms`, which the browser benchmark reads), or why it
//! stopped, always with a way forward (Retry, or Reload when the worker is from another deploy).
//! For tests: `data-worker="listening"` says the worker has finished starting (its start-up
//! requests are over), and `data-runs` counts the jobs asked for.

use crate::worker_client::{Fault, JobStatus, WorkerClient, WorkerKind};
use headstart_core::format::duration;
use leptos::prelude::*;

/// How a kind of job speaks of itself in the status line.
pub trait JobWords: WorkerKind {
    /// The progress bar's fraction and the sentence beside it.
    fn progress(progress: Option<&Self::Progress>) -> (f64, String);
    /// "Computed in your browser's background worker": a time follows.
    const DONE: &'static str;
    /// "Could not compute": a reason follows.
    const FAILED: &'static str;
    /// What the page shows once the reader has cancelled.
    const CANCELLED: &'static str;
}

/// A clause with a final full stop, unless it has one.
fn with_stop(clause: &str) -> String {
    match clause.ends_with(['.', '!', '?']) {
        true => clause.to_owned(),
        false => format!("{clause}."),
    }
}

/// A first capital, for a clause that opens a sentence.
fn capital(clause: &str) -> String {
    let mut chars = clause.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Loads the page again, so the service worker hands over this deploy's files.
fn reload() {
    if let Err(error) = window().location().reload() {
        web_sys::console::error_2(&"Headstart could not reload the page:".into(), &error);
    }
}

#[component]
pub fn JobProgress<K: JobWords>(client: WorkerClient<K>, id: &'static str) -> impl IntoView {
    let status = client.status;
    let millis = move || match status.get() {
        JobStatus::Done { millis, .. } => Some(millis.to_string()),
        _ => None,
    };
    let bar = move |progress: Option<&K::Progress>| {
        let (fraction, words) = K::progress(progress);
        view! {
            <progress max="1" value=fraction.to_string()></progress>
            <span>{words}</span>
        }
    };
    let cancel = move || view! { <button type="button" class="link-button" on:click=move |_| client.cancel()>"Cancel"</button> };
    let retry = move || view! { <button type="button" class="link-button" data-action="retry" on:click=move |_| client.retry()>"Retry"</button> };
    view! {
        <div class="job-status" id=id role="status" aria-live="polite" data-ms=millis
            data-worker=move || client.listening.get().then_some("listening") data-runs=move || client.submitted.get()>
            {move || match status.get() {
                JobStatus::Idle => ().into_any(),
                JobStatus::Running(progress) => view! { {bar(progress.as_ref())} {cancel()} }.into_any(),
                JobStatus::Stalled(progress) => view! {
                    {bar(progress.as_ref())}
                    <span class="field-error">{format!("{}; it may be stuck.", capital(&Fault::Stalled.describe(K::NAME)))}</span>
                    {retry()}
                    {cancel()}
                }.into_any(),
                JobStatus::Done { millis, here: None } => view! { <span>{format!("{} in {}.", K::DONE, duration(millis))}</span> }.into_any(),
                JobStatus::Done { millis, here: Some(fault) } => view! {
                    <span class="job-note">{format!("Computed on this page in {}, because {}.", duration(millis), fault.describe(K::NAME))}</span>
                }.into_any(),
                JobStatus::Cancelled => view! { <span>{K::CANCELLED}</span> }.into_any(),
                JobStatus::Failed(why) => view! { <span class="field-error" id=format!("{id}-error")>{format!("{}: {}", K::FAILED, with_stop(&why))}</span> }.into_any(),
                JobStatus::Broken(fault) => view! {
                    <span class="field-error" id=format!("{id}-error")>{format!("{}: {}.", K::FAILED, fault.describe(K::NAME))}</span>
                    " "
                    {retry()}
                }.into_any(),
                JobStatus::Outdated => view! {
                    <span class="field-error" id=format!("{id}-error")>"Headstart was updated: reload to use the new version."</span>
                    " "
                    <button type="button" class="link-button" data-action="reload" on:click=|_| reload()>"Reload"</button>
                }.into_any(),
            }}
        </div>
    }
}
