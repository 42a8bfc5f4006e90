//! What a background job is doing: progress with a Cancel button while it runs, then how long
//! it took (also in `data-ms`, which the in-browser benchmark reads) or why it failed.

use crate::background::{Background, JobStatus};
use leptos::prelude::*;

/// Progress of the run in the worker, with a way to stop it.
#[component]
pub fn JobProgress(background: Background, id: &'static str) -> impl IntoView {
    let status = background.status;
    let millis = move || match status.get() {
        JobStatus::Done { millis } => Some(millis.to_string()),
        _ => None,
    };
    view! {
        <div class="job-status" id=id role="status" aria-live="polite" data-ms=millis>
            {move || match status.get() {
                JobStatus::Running(progress) => {
                    let fraction = progress.map_or(0.0, |p| p.fraction());
                    view! {
                        <progress max="1" value=fraction.to_string()></progress>
                        <span>{format!("Computing… {:.0}%", fraction * 100.0)}</span>
                        <button type="button" class="link-button" on:click=move |_| background.cancel()>"Cancel"</button>
                    }
                        .into_any()
                }
                JobStatus::Cancelled => view! { <span>"Cancelled; showing the last finished run. Change any input to run again."</span> }.into_any(),
                JobStatus::Failed(message) => view! { <span class="field-error">{format!("Could not compute: {message}")}</span> }.into_any(),
                JobStatus::Done { millis } => view! { <span>{format!("Computed in your browser's background worker in {}.", duration(millis))}</span> }.into_any(),
                JobStatus::Idle => ().into_any(),
            }}
        </div>
    }
}

fn duration(millis: f64) -> String {
    if millis < 1_000.0 {
        format!("{millis:.0} ms")
    } else {
        format!("{:.1} s", millis / 1_000.0)
    }
}
