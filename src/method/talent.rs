//! The Method page's account of the Pool-or-spread model: its equations, every default with its
//! source (read from the core's parameter table, so the page cannot drift from the model), and
//! how its uncertainty charts are made.

use headstart_core::format::significant;
use headstart_core::input::group;
use headstart_core::talent::{
    default_ranges, optimum, ParamKey, Params, Scale, Study, GRID_POINTS, MAP_SIDE, PARAMS,
};
use leptos::prelude::*;

#[component]
pub fn TalentModelSection() -> impl IntoView {
    let best = optimum(&Params::default());
    let rows = PARAMS
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{m.symbol}</th>
                    <td>{m.label} <br /><span class="parameter-meaning">{m.meaning}</span></td>
                    <td class="numeric">{significant(m.default_value())} " " {m.unit}</td>
                    <td class="numeric">{format!("{} – {}", significant(m.min), significant(m.max))}</td>
                    <td>{m.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="talent-model">
            <h2>"Pool or spread: the talent model"</h2>
            <p>
                <strong>"This is a stylised argument, not a forecast."</strong>
                " It turns the article's closing question into arithmetic so that its assumptions can be seen and argued "
                "with; none of its parameters has been measured for the real ecosystem, and the answer moves with them."
            </p>
            <p>
                "T engineers are split: a share c works in L core labs, the rest in small teams of s at separate firms. "
                "Every firm needs P thousand lines of platform code before it can work on its own problem. Labs spend a "
                "share o of their effort writing platform code and open-source it; a firm adopts whatever part of its "
                "platform that open-source stock covers, at a fraction AAM of the cost of writing it, and builds the rest. "
                "Whatever effort is left goes into each organisation's own problems, with diminishing returns. The effort "
                "equation PM = a · KSLOC^b is the ledger's, so changing the estimation model there changes this model too."
            </p>
            <pre class="equation">
                "n    = c·T / L                        engineers per lab\n"
                "F    = (1 − c)·T / s                  firms, one team each\n"
                "S    = L · (12·n·o·H·q / a)^(1/b)     open-source stock, KSLOC\n"
                "κ    = 1 − exp(−ρ·S / P)              share of a firm's platform the stock covers\n"
                "E    = a · (P·(1 − κ) + P·κ·AAM)^b    a firm's platform effort, PM\n"
                "A_f  = max(0, 12·s·H − E)             a firm's effort left for its own problem\n"
                "A_l  = (1 − o)·n·12·H·q               a lab's effort on its own problems\n"
                "v(A, D) = D·(1 − exp(−A/D))           diminishing returns inside one organisation\n"
                "V(c) = F·v(A_f, A0) + L·v(A_l, β·A0)  the ecosystem's value"
            </pre>
            <p>
                "The best mix c* maximises V over c from 0 (all distributed) to 1 (all pooled). V can have a kink where "
                "firms' own effort first rises above zero, and sometimes a second narrow hump, so the search scans "
                {GRID_POINTS} " points and refines every local peak by golden-section search, which needs no derivative. "
                {format!(
                    "At the defaults c* = {:.4}: V(c*) is {:.2} times the better of all-distributed and all-pooled.",
                    best.c_star, best.gain
                )}
            </p>
            <table class="constants">
                <caption>"Every parameter, its default, the values it may take, and where it comes from"</caption>
                <thead>
                    <tr><th scope="col">"Symbol"</th><th scope="col">"Meaning"</th><th scope="col" class="numeric">"Default"</th><th scope="col" class="numeric">"Range"</th><th scope="col">"Source"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>"Where this departs from the specification it was built from"</h3>
            <ul>
                <li>
                    "The gain is V(c*) over the better of V(0) and V(1), not over V(0) alone: whenever a firm cannot build its "
                    "platform alone, V(0) is zero and the ratio infinite, which happens in about half of the Monte Carlo's draws. "
                    "At the defaults V(0) is the larger, so the two agree there."
                </li>
                <li>"AAM stops at 1: a firm would write code rather than adopt it at more than the cost of writing it."</li>
                <li>{format!("o stops at {}: labs that open-source all their effort have no value of their own, leaving the gain undefined.", significant(ParamKey::OpenShare.meta().max))}</li>
            </ul>
        </section>
    }
}

#[component]
pub fn TalentUncertaintySection() -> impl IntoView {
    let rows = default_ranges()
        .into_iter()
        .map(|range| (range.key.meta(), range))
        .map(|(m, range)| {
            let scale = match range.scale {
                Scale::Uniform => "uniform",
                Scale::LogUniform => "log-uniform",
            };
            view! {
                <tr>
                    <th scope="row">{m.symbol}</th>
                    <td>{m.label}</td>
                    <td class="numeric">{format!("{} – {}", significant(range.low), significant(range.high))}</td>
                    <td>{scale}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="talent-uncertainty">
            <h2>"Pool or spread: how sure the answer is"</h2>
            <p>
                "Six parameters are the least known. The Monte Carlo draws each from a range, finds that world's c* and gain, "
                {format!("and repeats ({} times by default). ", group(Study::default().draws as f64))}
                "Shares and the productivity multiple are drawn uniformly; parameters "
                "uncertain in their order of magnitude log-uniformly, so that 0.005 to 0.05 is as likely as 0.05 to 0.5 would be. "
                "The generator is seeded, and each draw takes its numbers in a fixed order, so the same seed gives the same "
                "histograms in every browser and natively."
            </p>
            <table class="constants">
                <caption>"The default ranges (each can be changed on the page)"</caption>
                <thead><tr><th scope="col">"Symbol"</th><th scope="col">"Parameter"</th><th scope="col" class="numeric">"Range"</th><th scope="col">"Drawn"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p>
                "The tornado moves one of these parameters at a time to each end of its range, the others held where the "
                "reader set them, and sorts them by how far c* (or the gain) swings. "
                {format!("The heat map computes c* over a {MAP_SIDE} × {MAP_SIDE} ")}
                "grid of two parameters, spaced evenly on each one's scale across the same ranges. The heat map and the Monte "
                "Carlo run in a background worker, so the page stays responsive; changing an input stops the run in progress "
                "and starts the new one."
            </p>
        </section>
    }
}
