//! What adopting the selected frameworks costs under the COCOMO II reuse model, beside what
//! writing them costs: the head start in the article's sense.

use crate::controls::NumberField;
use crate::url_state::UrlState;
use headstart_core::estimate::REUSE_INPUTS;
use headstart_core::format::{count, money, percent, person_years};
use headstart_core::ledger::{Ledger, LedgerView};
use leptos::prelude::*;

#[component]
pub fn Adoption(ledger: Memo<Ledger<'static>>, url: UrlState<LedgerView>) -> impl IntoView {
    let totals = move || ledger.get().totals;
    let fields = REUSE_INPUTS
        .iter()
        .map(|input| {
            let value = Signal::derive(move || input.get(&url.get().reuse));
            let on_valid = move |x: f64| url.update(|v| input.set(&mut v.reuse, x));
            view! { <NumberField id=input.key.name() label=input.label unit=input.unit bounds=input.bounds value on_valid /> }
        })
        .collect_view();
    view! {
        <section class="adoption" aria-labelledby="adoption-title">
            <h2 id="adoption-title">"Adopting instead of writing"</h2>
            <p id="adoption-summary" data-cost=move || totals().adoption.cost.to_string()>
                {move || {
                    let t = totals();
                    let share = if t.cost > 0.0 { t.adoption.cost / t.cost } else { 0.0 };
                    format!(
                        "A company that adopts these frameworks takes on the work of about {} equivalent lines (AAM {:.3}): {} person-years, {}, or {} of writing them. That difference is the head start.",
                        count(t.adoption.lines as f64),
                        url.get().reuse.adjustment_multiplier(),
                        person_years(t.adoption.person_years),
                        money(t.adoption.cost),
                        percent(share),
                    )
                }}
            </p>
            <details>
                <summary>"The reuse model's inputs"</summary>
                <div class="settings">{fields}</div>
                <p class="settings-note">
                    "COCOMO II reuse model: ESLOC = ASLOC · (1 − AT/100) · AAM, with AAM from the adaptation (AAF = 0.4·DM + 0.3·CM + 0.3·IM), understanding and unfamiliarity. "
                    <a href="method#reuse">"The equations"</a>
                </p>
            </details>
        </section>
    }
}
