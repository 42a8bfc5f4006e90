//! Headstart in the browser: a thin Leptos shell over `headstart-core` and `headstart-charts`.
//! Components read state from the URL, call the core, and show the result.

mod app;
mod background;
mod box_width;
mod chart_frame;
mod chart_hits;
mod controls;
mod download;
mod embed;
mod job_progress;
mod ledger;
mod method;
mod notice;
mod router;
mod story;
mod talent;
mod url_state;
mod worker_client;
mod your_code;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
