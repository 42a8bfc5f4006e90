//! The three numbers the article led with, recomputed for the current view.

use headstart_core::article::{Comparison, WHY_NOT_EXACT};
use headstart_core::format::{count, money, person_years};
use headstart_core::ledger::{Band, Ledger};
use leptos::prelude::*;

#[component]
pub fn Headline(
    ledger: Memo<Ledger<'static>>,
    band: RwSignal<Option<Band>>,
    exponent: Signal<f64>,
    dollars_year: Signal<u16>,
) -> impl IntoView {
    let totals = move || ledger.get().totals;
    view! {
        <section class="headline" aria-label="Totals" aria-live="polite">
            <dl class="figures">
                <div class="figure">
                    <dt>"Code lines"</dt>
                    <dd id="headline-lines" data-value=move || totals().lines.to_string()>{move || count(totals().lines as f64)}</dd>
                </div>
                <div class="figure">
                    <dt>"Person-years"</dt>
                    <dd id="headline-person-years" data-value=move || totals().person_years.to_string()>
                        {move || person_years(totals().person_years)}
                    </dd>
                </div>
                <div class="figure">
                    <dt>{move || format!("Cost ({} USD)", dollars_year.get())}</dt>
                    <dd id="headline-cost" data-value=move || totals().cost.to_string()>{move || money(totals().cost)}</dd>
                </div>
            </dl>
            <p class="headline-scope">
                {move || {
                    let totals = totals();
                    let missing = match totals.without_figure {
                        0 => String::new(),
                        1 => " One selected framework has no figure for this era and is left out.".to_owned(),
                        n => format!(" {n} selected frameworks have no figure for this era and are left out."),
                    };
                    format!("{} frameworks, each estimated on its own and summed.{missing}", totals.counted)
                }}
            </p>
            {move || band.get().map(|band| {
                let (cost, years) = (band.cost, band.person_years);
                view! {
                    <p class="band" id="band" data-p10=cost.p10.to_string() data-p50=cost.p50.to_string() data-p90=cost.p90.to_string() data-draws=band.draws.to_string()>
                        <strong>"Likely range (P10–P90): "</strong>
                        {format!("{} to {}, median {}; ", money(cost.p10), money(cost.p90), money(cost.p50))}
                        {format!("{} to {} person-years", person_years(years.p10), person_years(years.p90))}
                        {format!(" ({} Monte Carlo draws).", count(band.draws as f64))}
                    </p>
                }
            })}
            <p class="pooling" id="pooling-note">{move || totals().pooling_note(exponent.get())}</p>
            <p class="comparison" id="article-comparison">
                {move || Comparison::of(&totals()).sentence()} " " {WHY_NOT_EXACT}
            </p>
        </section>
    }
}
