//! The ledger's assumptions: which era, which counter, which tool's arithmetic, what a
//! person-year costs.

use crate::controls::{Choice, NumberField};
use crate::url_state::UrlState;
use headstart_core::dataset::{Counter, Era};
use headstart_core::estimate::Preset;
use headstart_core::ledger::{LedgerView, OVERHEAD_BOUNDS, SALARY_BOUNDS};
use leptos::prelude::*;

#[component]
pub fn Settings(url: UrlState<LedgerView>) -> impl IntoView {
    let era = Signal::derive(move || url.get().era.key());
    let counter = Signal::derive(move || url.get().counter.key());
    let preset = Signal::derive(move || url.get().preset.key());
    let salary = Signal::derive(move || url.get().salary);
    let overhead = Signal::derive(move || url.get().overhead);
    let salary_year = move || url.get().preset.salary_year();
    view! {
        <section class="settings" aria-label="Assumptions">
            <Choice
                id="era"
                label="Code as of"
                options=Era::ALL.map(|e| (e.key(), e.label())).to_vec()
                selected=era
                on_pick=move |key| if let Some(era) = Era::from_key(key) { url.update(|v| v.era = era) }
            />
            <Choice
                id="counter"
                label="Line counter"
                options=Counter::ALL.map(|c| (c.key(), c.label())).to_vec()
                selected=counter
                on_pick=move |key| if let Some(counter) = Counter::from_key(key) { url.update(|v| v.counter = counter) }
            />
            <Choice
                id="preset"
                label="Costed as"
                options=Preset::ALL.map(|p| (p.key(), p.label())).to_vec()
                selected=preset
                on_pick=move |key| if let Some(preset) = Preset::from_key(key) { url.update(|v| v.pick_preset(preset)) }
            />
            <NumberField
                id="salary"
                label="Salary"
                unit="USD per person-year"
                bounds=SALARY_BOUNDS
                value=salary
                on_valid=move |salary| url.update(|v| v.salary = salary)
            />
            <NumberField
                id="overhead"
                label="Overhead"
                unit="× salary"
                bounds=OVERHEAD_BOUNDS
                value=overhead
                on_valid=move |overhead| url.update(|v| v.overhead = overhead)
            />
            <p class="settings-note">
                {move || format!("The preset's salary is in {} dollars. ", salary_year())}
                {move || preset_explanation(url.get().preset)}
            </p>
        </section>
    }
}

fn preset_explanation(preset: Preset) -> &'static str {
    match preset {
        Preset::Article2017 => "Open Hub's method (organic COCOMO on logic, markup and build lines separately, summed) at the salary the article's $80m for 650 person-years implies.",
        Preset::OpenHub => "Open Hub's method: organic COCOMO on logic, markup and build lines separately, summed; 55,000 USD a person-year.",
        Preset::Sloccount => "SLOCCount: organic COCOMO on all lines; 56,286 USD a person-year times an overhead of 2.4.",
        Preset::Scc => "scc: the same defaults as SLOCCount (organic, --avg-wage 56286, --overhead 2.4, --eaf 1.0).",
    }
}
