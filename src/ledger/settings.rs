//! The ledger's assumptions: which era, which counter, which tool's arithmetic, what a
//! person-year costs and in which year's dollars.

use crate::controls::{Choice, NumberField};
use crate::url_state::UrlState;
use headstart_core::article;
use headstart_core::assumptions::{OVERHEAD_BOUNDS, SALARY_BOUNDS};
use headstart_core::dataset::{Counter, Era};
use headstart_core::estimate::{EffortModel, Preset};
use headstart_core::input::group;
use headstart_core::ledger::LedgerView;
use headstart_core::prices::{PriceIndex, CPI_SOURCE};
use leptos::prelude::*;
use std::sync::OnceLock;

#[component]
pub fn Settings(url: UrlState<LedgerView>) -> impl IntoView {
    let era = Signal::derive(move || url.get().era.key());
    let counter = Signal::derive(move || url.get().counter.key());
    let preset = Signal::derive(move || url.get().assumptions.preset.key());
    let dollars =
        Signal::derive(move || if url.get().assumptions.today_dollars { "today" } else { "preset" });
    let salary = Signal::derive(move || url.get().assumptions.salary);
    let overhead = Signal::derive(move || url.get().assumptions.overhead);
    let salary_year = move || url.get().assumptions.preset.salary_year();
    let today = PriceIndex::bundled().last_year();
    static TODAY_LABEL: OnceLock<String> = OnceLock::new();
    let today_label = TODAY_LABEL.get_or_init(|| format!("{today} dollars (CPI-U)")).as_str();
    view! {
        <section class="settings" aria-label="Assumptions">
            <Choice
                id="era"
                label="Code as of"
                options=Era::ALL.map(|e| (e.key(), e.label())).to_vec()
                selected=era
                on_pick=move |key: String| if let Some(era) = Era::from_key(&key) { url.update(|v| v.era = era) }
            />
            <Choice
                id="counter"
                label="Line counter"
                options=Counter::ALL.map(|c| (c.key(), c.label())).to_vec()
                selected=counter
                on_pick=move |key: String| if let Some(counter) = Counter::from_key(&key) { url.update(|v| v.counter = counter) }
            />
            <Choice
                id="preset"
                label="Costed as"
                options=Preset::ALL.map(|p| (p.key(), p.label())).to_vec()
                selected=preset
                on_pick=move |key: String| if let Some(preset) = Preset::from_key(&key) { url.update(|v| v.assumptions.pick_preset(preset)) }
            />
            <NumberField
                id="salary"
                label="Salary"
                unit="USD per person-year"
                bounds=SALARY_BOUNDS
                value=salary
                on_valid=move |salary| url.update(|v| v.assumptions.salary = salary)
            />
            <NumberField
                id="overhead"
                label="Overhead"
                unit="× salary"
                bounds=OVERHEAD_BOUNDS
                value=overhead
                on_valid=move |overhead| url.update(|v| v.assumptions.overhead = overhead)
            />
            <Choice
                id="dollars"
                label="Show costs in"
                options=vec![("preset", "the salary's own year"), ("today", today_label)]
                selected=dollars
                on_pick=move |key: String| url.update(|v| v.assumptions.today_dollars = key == "today")
            />
            <p class="settings-note">
                {move || format!("The salary is in {} dollars. ", salary_year())}
                {move || preset_explanation(url.get().assumptions.preset)}
                {move || url.get().assumptions.today_dollars.then(|| format!(
                    " Costs are converted to {today} dollars by the consumer price index ({CPI_SOURCE}): ×{:.2}.",
                    url.get().assumptions.dollar_factor(),
                ))}
                " " <a href="method#dollars">"How costs are computed"</a>
            </p>
        </section>
    }
}

/// What the preset reproduces, with its figures read from the preset itself.
fn preset_explanation(preset: Preset) -> String {
    let settings = preset.settings();
    let (salary, overhead) = (group(settings.salary), group(settings.overhead));
    match preset {
        Preset::Article2017 => format!(
            "Open Hub's method (organic COCOMO on logic, markup and build lines separately, summed) at the salary the article's {} for {} person-years implies.",
            article::quoted_cost(),
            article::quoted_person_years()
        ),
        Preset::OpenHub => format!("Open Hub's method: organic COCOMO on logic, markup and build lines separately, summed; {salary} USD a person-year."),
        Preset::Sloccount => format!("SLOCCount: organic COCOMO on all lines; {salary} USD a person-year times an overhead of {overhead}."),
        Preset::Scc => {
            let eaf = match settings.model {
                EffortModel::Basic(model) => format!(", --eaf {:.1}", model.eaf),
                EffortModel::Cocomo2(_) => String::new(),
            };
            format!(
                "scc: the same defaults as SLOCCount (organic, --avg-wage {}, --overhead {overhead}{eaf}); pick another mode below as with --cocomo-project-type.",
                settings.salary
            )
        }
    }
}
