//! The Method page's sections on COCOMO II, the reuse model, dollars and uncertainty: the
//! equations the ledger's advanced settings use, with their constants read from the core so the
//! page can never disagree with the numbers.

use headstart_core::estimate::{
    Cocomo2, Driver, Preset, Rating, Reuse, EFFORT_MULTIPLIERS, REUSE_INPUTS, SCALE_FACTORS,
};
use headstart_core::format::significant;
use headstart_core::input::group;
use headstart_core::ledger::Accuracy;
use headstart_core::prices::{PriceIndex, CPI_SOURCE, CPI_URL};
use leptos::prelude::*;

#[component]
pub fn Cocomo2Section() -> impl IntoView {
    let k = Cocomo2::default();
    let nominal_sum: f64 = SCALE_FACTORS.iter().filter_map(|factor| factor.value(Rating::Nominal)).sum();
    view! {
        <section id="models">
            <h2>"COCOMO II.2000"</h2>
            <p>
                "The successor model (USC, " <cite>"COCOMO II Model Definition Manual"</cite> ", version 2.1, 2000), calibrated "
                "on 161 projects. Five scale factors set the exponent; seventeen effort multipliers scale the effort:"
            </p>
            <pre class="equation">
                {format!("PM   = A × KSLOC^E × Π EM,      A = {}, E = B + 0.01 × Σ SF, B = {}\n", k.a, k.b)}
                {format!("TDEV = C × PM_NS^F × SCED% / 100, C = {}, F = D + 0.2 × (E − B), D = {}\n", k.c, k.d)}
                "PM_NS is the effort without the schedule multiplier SCED."
            </pre>
            <p>
                {format!("With every rating nominal, Σ SF = {nominal_sum:.2} and E = {:.4}: a million lines take {:.0} person-months over {:.1} months.",
                    k.exponent(), k.effort_pm(1_000_000), k.schedule_months(k.effort_pm(1_000_000)))}
                " A dash in the tables below is a rating the model does not define; the ledger does not offer it."
            </p>
            <DriverTable caption="Scale factors (added, in points of the exponent × 100)" drivers=&SCALE_FACTORS />
            <DriverTable caption="Effort multipliers (multiplied)" drivers=&EFFORT_MULTIPLIERS />
        </section>
    }
}

#[component]
fn DriverTable(caption: &'static str, drivers: &'static [Driver]) -> impl IntoView {
    view! {
        <table class="constants drivers-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Driver"</th>
                    {Rating::ALL.map(|r| view! { <th scope="col">{r.label()}</th> }).to_vec()}
                </tr>
            </thead>
            <tbody>
                {drivers
                    .iter()
                    .map(|d| view! {
                        <tr>
                            <th scope="row">{format!("{} ({})", d.name, d.acronym)}</th>
                            {Rating::ALL.map(|r| view! { <td>{d.value(r).map_or("—".to_owned(), |v| v.to_string())}</td> }).to_vec()}
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ReuseSection() -> impl IntoView {
    view! {
        <section id="reuse">
            <h2>"Adopting instead of writing: the reuse model"</h2>
            <p>
                "COCOMO II prices adapted code as the new code that would take the same effort (manual, section 2.4). "
                "A company adopting a framework does not write its lines; it evaluates, integrates and learns them:"
            </p>
            <pre class="equation">
                "AAF   = 0.4 × DM + 0.3 × CM + 0.3 × IM\n"
                "AAM   = [AA + AAF × (1 + 0.02 × SU × UNFM)] / 100   when AAF ≤ 50\n"
                "AAM   = [AA + AAF + SU × UNFM] / 100                when AAF > 50\n"
                "ESLOC = ASLOC × (1 − AT / 100) × AAM"
            </pre>
            <p>
                "DM, CM and IM are the percentages of design and code modified and of the usual integration effort; SU is "
                "software understanding (10 for very clear code to 50 for very obscure), UNFM the team's unfamiliarity (0 to "
                "1), AA assessment and assimilation (0 to 8), AT the share translated automatically. The two branches meet at "
                "AAF = 50. "
                {default_reuse_sentence()}
                " Some public calculators get the second branch wrong or use the old constants A = 2.45 and B = 1.01; these "
                "follow the manual."
            </p>
        </section>
    }
}

/// The ledger's default reuse inputs and what they make of a framework's lines.
fn default_reuse_sentence() -> String {
    let reuse = Reuse::default();
    let inputs: Vec<String> = REUSE_INPUTS
        .iter()
        .map(|input| format!("{} {}", input.acronym, significant(input.get(&reuse))))
        .collect();
    let multiplier = reuse.adjustment_multiplier();
    format!(
        "The ledger's default ({}) gives AAM = {multiplier:.4}: adopting a framework as a library is worth about {:.0}% \
         of its lines.",
        inputs.join(", "),
        multiplier * 100.0
    )
}

#[component]
pub fn DollarsSection() -> impl IntoView {
    let index = PriceIndex::bundled();
    let today = index.last_year();
    let rows = [Preset::Sloccount, Preset::OpenHub]
        .map(|preset| {
            let year = preset.salary_year();
            let factor = index.factor(year, today).unwrap_or(1.0);
            view! { <tr><th scope="row">{preset.label()}</th><td>{year}</td><td>{format!("×{factor:.3}")}</td></tr> }
        })
        .to_vec();
    view! {
        <section id="dollars">
            <h2>"Dollars of which year"</h2>
            <p>
                {format!(
                    "Each preset's salary is in its own year's dollars: SLOCCount's and scc's {} USD come from a {} survey. ",
                    group(Preset::Sloccount.settings().salary),
                    Preset::Sloccount.salary_year(),
                )}
                {format!("To compare with today's money, the ledger can convert costs to {today} dollars by the US consumer price index: ")}
                "cost × CPI(" {today} ") / CPI(salary year), with the annual averages of the " <a href=CPI_URL>{CPI_SOURCE}</a>
                ", bundled with the app."
            </p>
            <table class="constants">
                <thead><tr><th scope="col">"Preset"</th><th scope="col">"Salary year"</th><th scope="col">{format!("To {today} dollars")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p>"Price inflation is not wage growth: software salaries rose faster than prices, so converted figures are a floor."</p>
        </section>
    }
}

#[component]
pub fn UncertaintySection() -> impl IntoView {
    let accuracies = [
        Accuracy::of(&headstart_core::estimate::EffortModel::Basic(
            headstart_core::estimate::Mode::Organic.constants(),
        )),
        Accuracy::of(&headstart_core::estimate::EffortModel::Cocomo2(Cocomo2::default())),
    ];
    view! {
        <section id="uncertainty">
            <h2>"Uncertainty"</h2>
            <p>
                "A single figure hides how rough these estimates are. The ledger draws many scenarios (a seeded Monte Carlo, "
                "so a shared link gives the same band) and shows the 10th, 50th and 90th percentiles. Each draw:"
            </p>
            <ul>
                <li>"scales every framework's lines by one factor, uniform between the low and high bounds (counters disagree by about 15%, and the bias is shared);"</li>
                <li>"multiplies each framework's effort by its own lognormal error, because projects miss estimates independently;"</li>
                <li>"scales the salary by one factor, log-uniform between its bounds."</li>
            </ul>
            <p>"The error's spread comes from the model's published accuracy unless you set it:"</p>
            <ul>
                {accuracies.map(|a| view! { <li>{format!("{} ({}); 80% of projects within ×{:.2}.", a.claim, a.source, a.error_factor())}</li> }).to_vec()}
            </ul>
            <p>
                "Those accuracies were measured on the projects the models were calibrated on. For open-source frameworks "
                "written by many hands the true error is likely larger; widen the range to see what that does."
            </p>
        </section>
    }
}
