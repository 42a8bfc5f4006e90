//! The app's charts in their default views, built from the core's real dataset and models by the
//! app's own chart builders (`headstart_charts::figures`), so layout tests see the labels readers see.

use headstart_charts::figures::{
    alternatives_chart, c_star_map, curve_chart_for, draws_histogram, effort_chart, evidence_chart,
    framework_bars, growth_chart, mix_chart, sensitivity_chart, Curve, Outcome,
};
use headstart_charts::*;
use headstart_core::dataset::Dataset;
use headstart_core::jobs::{Job, Reply, Request};
use headstart_core::ledger::{Band, Ledger, LedgerView, Metric};
use headstart_core::query::QueryReader;
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, HeatmapGrid, MonteCarloSummary, TalentView};

/// Runs a job to its end and returns every reply.
fn run(request: Request) -> Vec<Reply> {
    let mut job = Job::start(request).expect("a default request starts");
    let mut replies = Vec::new();
    loop {
        let (reply, done) = job.step(100_000);
        replies.push(reply);
        if done {
            return replies;
        }
    }
}

fn band(ledger: &Ledger, view: &LedgerView) -> Band {
    match run(Request::Band(ledger.band_input(view))).pop() {
        Some(Reply::Band(band)) => band,
        other => panic!("no band: {other:?}"),
    }
}

fn talent_charts(out: &mut Vec<(String, Box<dyn Chart>)>) {
    let view = TalentView::read(&mut QueryReader::parse(""));
    let params = view.params;
    for (name, which) in [
        ("talent value", Curve::Value),
        ("talent coverage", Curve::Coverage),
        ("talent effort", Curve::Effort),
    ] {
        out.push((name.into(), Box::new(curve_chart_for(which, &params))));
    }
    let sensitivities = tornado(&params, &view.study.ranges).expect("the default tornado");
    for (name, outcome) in [("tornado c*", Outcome::CStar), ("tornado gain", Outcome::Gain)] {
        out.push((name.into(), Box::new(sensitivity_chart(&sensitivities, outcome))));
    }

    let summary: MonteCarloSummary = match run(view.study.monte_carlo_request(&params)).pop() {
        Some(Reply::MonteCarlo(summary)) => summary,
        other => panic!("no Monte Carlo: {other:?}"),
    };
    for (name, outcome) in [("histogram c*", Outcome::CStar), ("histogram gain", Outcome::Gain)] {
        out.push((name.into(), Box::new(draws_histogram(&summary, outcome))));
    }

    let mut grid = HeatmapGrid::default();
    for reply in run(view.study.heatmap_request(&params)) {
        if let Reply::HeatmapRows { x_values, y_values, rows, .. } = reply {
            if grid.x_values.is_empty() {
                grid = HeatmapGrid::new(x_values, y_values);
            }
            rows.into_iter().for_each(|row| grid.insert(row));
        }
    }
    out.push(("heatmap".into(), Box::new(c_star_map(&grid, view.study.map_x, view.study.map_y, &params))));
}

/// Every chart the app draws, by name, in its default view.
pub fn all() -> Vec<(String, Box<dyn Chart>)> {
    let dataset = Dataset::bundled();
    let view = LedgerView::default();
    let ledger = Ledger::compute(dataset, &view);
    let band = band(&ledger, &view);
    let mut out: Vec<(String, Box<dyn Chart>)> = vec![
        (
            "ledger cost".into(),
            Box::new(framework_bars(
                &ledger,
                Metric::Cost,
                Some((band.project_cost_factor.p10, band.project_cost_factor.p90)),
            )),
        ),
        (
            "ledger person-years".into(),
            Box::new(framework_bars(
                &ledger,
                Metric::PersonYears,
                Some((band.project_effort_factor.p10, band.project_effort_factor.p90)),
            )),
        ),
        ("effort against size".into(), Box::new(effort_chart(&ledger, &view))),
        ("growth".into(), Box::new(growth_chart(&ledger, view.counter))),
        ("language mix".into(), Box::new(mix_chart(&ledger, &view))),
    ];
    let mut yours = effort_chart(&ledger, &view);
    yours.title = "Your code among the frameworks: effort against size".into();
    yours.points.push(LabelledPoint { label: "Your code".into(), x: 150_000.0, y: 460.0 });
    yours.highlight = Some("Your code".into());
    out.push(("your code".into(), Box::new(yours)));

    let story_view = StoryView::read(&mut QueryReader::parse(""), dataset);
    out.push((
        "story alternatives".into(),
        Box::new(alternatives_chart(&Story::compute(dataset, &story_view))),
    ));
    out.push(("who wrote them".into(), Box::new(evidence_chart())));
    talent_charts(&mut out);
    out
}
