//! How sure the best mix is: a seeded Monte Carlo over the uncertain parameters, run in the
//! background worker, shown as histograms of c* and of the gain with their P10/P50/P90.

use crate::background::Background;
use crate::chart_frame::ChartFrame;
use crate::controls::NumberField;
use crate::job_progress::JobProgress;
use crate::url_state::UrlState;
use headstart_charts::figures::{draws_histogram, Outcome};
use headstart_charts::render;
use headstart_core::format::{grouped, multiple, percent, significant};
use headstart_core::input::SEED_BOUNDS;
use headstart_core::jobs::Reply;
use headstart_core::talent::{MonteCarloSummary, Scale, Study, TalentView, DRAW_BOUNDS};
use leptos::prelude::*;

#[component]
pub fn MonteCarloPanel(url: UrlState<TalentView>) -> impl IntoView {
    let background = Background::new();
    let summary = RwSignal::new(None::<MonteCarloSummary>);
    // Keyed on the request itself: a change the run does not depend on (the heat map's axes)
    // starts no job.
    let request = Memo::new(move |_| url.state.with(|view| view.study.monte_carlo_request(&view.params)));
    Effect::new(move |_| {
        background.submit(request.get(), move |reply| {
            if let Reply::MonteCarlo(result) = reply {
                summary.set(Some(result));
            }
        });
    });
    let histogram = move |outcome: Outcome| {
        Memo::new(move |_| {
            summary.with(|s| s.as_ref().map(|s| render(&draws_histogram(s, outcome)))).unwrap_or_default()
        })
    };
    let c_star = histogram(Outcome::CStar);
    let gain = histogram(Outcome::Gain);
    let ready = Memo::new(move |_| summary.with(Option::is_some));
    let running = move || {
        summary.with(Option::is_none)
            || matches!(
                background.status.get(),
                crate::worker_client::JobStatus::Running(_) | crate::worker_client::JobStatus::Stalled(_)
            )
    };
    view! {
        <section class="chart-panel" aria-labelledby="monte-carlo-title">
            <h2 id="monte-carlo-title">"How sure is the best mix?"</h2>
            <p class="table-hint">
                "Each draw picks every uncertain parameter from its range below, finds that world's c*, and counts it. "
                "The spread says how much the answer depends on assumptions nobody has measured."
            </p>
            <JobProgress client=background id="monte-carlo-status" />
            <div class="chart-pair" class:stale=running>
                {move || ready.get().then(|| view! {
                    <ChartFrame id="c-star-histogram" chart=c_star />
                    <ChartFrame id="gain-histogram" chart=gain />
                })}
            </div>
            {move || summary.get().map(|s| view! { <Summary summary=s /> })}
            <RangeSettings url />
        </section>
    }
}

/// The percentiles in words, with the numbers in data attributes for tests and embeds.
#[component]
fn Summary(summary: MonteCarloSummary) -> impl IntoView {
    let (c, g) = (&summary.c_star, &summary.gain);
    let idle = (summary.distributed_idle_share > 0.0).then(|| {
        format!(
            " In {} of the draws firms working alone could not build their platform at all, so everyone distributed produces nothing there.",
            percent(summary.distributed_idle_share)
        )
    });
    view! {
        <p id="monte-carlo-summary" class="chart-summary" data-draws=summary.draws.to_string() data-c-p10=c.p10.to_string()
            data-c-p50=c.p50.to_string() data-c-p90=c.p90.to_string() data-gain-p50=g.p50.to_string()>
            {format!(
                "Over {} draws, c* has a median of {} and lies between {} and {} in 80% of them; the best mix beats the better \
                 pure choice by {} at the median ({} to {}).",
                grouped(summary.draws as f64),
                percent(c.p50),
                percent(c.p10),
                percent(c.p90),
                multiple(g.p50),
                multiple(g.p10),
                multiple(g.p90),
            )}
            {idle}
        </p>
    }
}

/// The ranges, draws and seed, each a field; a reversed range is put the right way round.
#[component]
fn RangeSettings(url: UrlState<TalentView>) -> impl IntoView {
    let fields = Study::default()
        .ranges
        .into_iter()
        .map(|range| {
            let (key, m) = (range.key, range.key.meta());
            let end = move |high: bool| {
                let read = move || url.state.with(|v| v.study.range(key).map_or(f64::NAN, |r| if high { r.high } else { r.low }));
                view! {
                    <NumberField
                        id=format!("{}_{}", key.name(), if high { "hi" } else { "lo" })
                        label=format!("{} {}", m.symbol, if high { "high" } else { "low" })
                        unit=m.unit
                        bounds=m.bounds()
                        value=Signal::derive(read)
                        on_valid=move |value| url.update(|view| {
                            // Every field here is one of the study's ranges, so the range is there.
                            if let Some(range) = view.study.range_mut(key) {
                                range.set_end(high, value);
                            }
                        })
                    />
                }
            };
            let scale = move || match url.state.with(|v| v.study.range(key).map(|r| r.scale)) {
                Some(Scale::LogUniform) => "log-uniform",
                _ => "uniform",
            };
            view! {
                <div class="range-pair">
                    {end(false)}
                    {end(true)}
                    <p class="parameter-meaning">{format!("{} ({}), ", m.label, m.symbol)} {scale} ", default " {significant(m.default_value())} "."</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="band-settings" id="monte-carlo-settings">
            <summary>"The ranges behind the histograms"</summary>
            <div class="range-grid">{fields}</div>
            <div class="settings">
                <NumberField id="draws" label="Draws" unit="worlds sampled" bounds=DRAW_BOUNDS
                    value=Signal::derive(move || url.state.with(|v| v.study.draws as f64))
                    on_valid=move |x: f64| url.update(|v| v.study.draws = x.round() as usize) />
                <NumberField id="seed" label="Seed" unit="same seed, same draws" bounds=SEED_BOUNDS
                    value=Signal::derive(move || url.state.with(|v| v.study.seed as f64))
                    on_valid=move |x: f64| url.update(|v| v.study.seed = x as u64) />
                <button type="button" id="reset-ranges" class="button" on:click=move |_| url.update(|v| v.study.reset_ranges())>
                    "Reset ranges"
                </button>
            </div>
            <p class="settings-note">
                "Shares and the productivity multiple are drawn uniformly; parameters uncertain in their order of magnitude "
                "log-uniformly, so every factor of their range is equally likely. The tornado and the heat map use the same ranges. "
                <a href="method#talent-uncertainty">"More on the method"</a>
            </p>
        </details>
    }
}
