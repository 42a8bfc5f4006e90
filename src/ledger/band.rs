//! The uncertainty band: the ranges the reader edits, the Monte Carlo run in the Web Worker, and
//! what the published accuracy of the model is.

use crate::background::Background;
use crate::controls::NumberField;
use crate::url_state::UrlState;
use headstart_core::input::{Bounds, SEED_BOUNDS};
use headstart_core::jobs::{Reply, Request};
use headstart_core::ledger::{
    Accuracy, Band, BandInput, LedgerView, DRAW_BOUNDS, ERROR_BOUNDS, LINES_BOUNDS, PAY_BOUNDS,
};
use leptos::prelude::*;

/// Runs the band whenever its input changes (and there is one) and keeps the last finished one.
pub fn use_band(input: impl Fn() -> Option<BandInput> + 'static) -> (Background, RwSignal<Option<Band>>) {
    let background = Background::new();
    let band = RwSignal::new(None::<Band>);
    Effect::new(move |_| {
        let Some(input) = input() else { return };
        let request = Request::Band(input);
        background.submit(request, move |reply| {
            if let Reply::Band(result) = reply {
                band.set(Some(result));
            }
        });
    });
    (background, band)
}

#[component]
pub fn BandSettings(url: UrlState<LedgerView>) -> impl IntoView {
    let ranges = move || url.get().ranges;
    let accuracy = move || Accuracy::of(&url.get().assumptions.model);
    let error = Signal::derive(move || ranges().error_factor.unwrap_or_else(|| accuracy().error_factor()));
    let field = |id: &'static str,
                 label: &'static str,
                 unit: &'static str,
                 bounds: Bounds,
                 get: fn(&LedgerView) -> f64,
                 set: fn(&mut LedgerView, f64)| {
        view! { <NumberField id label unit bounds value=Signal::derive(move || get(&url.get())) on_valid=move |x| url.update(|v| set(v, x)) /> }
    };
    view! {
        <details class="band-settings" id="band-settings">
            <summary>"Uncertainty: the ranges behind the band"</summary>
            <div class="settings">
                {field("lines-lo", "Lines, low", "× counted", LINES_BOUNDS, |v| v.ranges.lines.0, |v, x| v.ranges.lines.0 = x)}
                {field("lines-hi", "Lines, high", "× counted", LINES_BOUNDS, |v| v.ranges.lines.1, |v, x| v.ranges.lines.1 = x)}
                <NumberField
                    id="error-factor"
                    label="Model error"
                    unit="× (80% of projects within)"
                    bounds=ERROR_BOUNDS
                    value=error
                    on_valid=move |x| url.update(|v| v.ranges.error_factor = Some(x))
                />
                {field("pay-lo", "Salary, low", "× salary", PAY_BOUNDS, |v| v.ranges.pay.0, |v, x| v.ranges.pay.0 = x)}
                {field("pay-hi", "Salary, high", "× salary", PAY_BOUNDS, |v| v.ranges.pay.1, |v, x| v.ranges.pay.1 = x)}
                {field("draws", "Draws", "Monte Carlo samples", DRAW_BOUNDS, |v| v.ranges.draws as f64, |v, x| v.ranges.draws = x.round() as usize)}
                {field("seed", "Seed", "same seed, same band", SEED_BOUNDS, |v| v.ranges.seed as f64, |v, x| v.ranges.seed = x as u64)}
            </div>
            <p class="settings-note" id="accuracy-note">
                {move || {
                    let a = accuracy();
                    format!(
                        "Published accuracy: {} ({}). As a lognormal error, 80% of projects land within ×{:.2} of the estimate. ",
                        a.claim,
                        a.source,
                        a.error_factor(),
                    )
                }}
                {move || ranges().error_factor.is_some().then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| url.update(|v| v.ranges.error_factor = None)>
                        "Use the published accuracy"
                    </button>
                })}
                " Each draw scales every framework's lines by one factor (uniform), the salary by one factor (log-uniform) and each framework's effort by its own error. "
                <a href="method#uncertainty">"Why these ranges"</a>
            </p>
        </details>
    }
}
