//! The app's charts in their default views, built from the core's real dataset and models the way
//! the pages build them, so layout tests see the labels readers see.

use headstart_charts::*;
use headstart_core::dataset::{Counter, Dataset};
use headstart_core::format::{grouped, percent, significant};
use headstart_core::jobs::{Job, Reply, Request};
use headstart_core::ledger::compare::{effort_curve, effort_points, growth, language_mix};
use headstart_core::ledger::{Band, Ledger, LedgerView, Metric};
use headstart_core::query::QueryReader;
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{curve, optimum, tornado, HeatmapGrid, MapAxis, MonteCarloSummary, TalentView};

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

fn ledger_bars(ledger: &Ledger, metric: Metric, factor: (f64, f64)) -> BarChart {
    let (value_label, unit) = match metric {
        Metric::Cost => ("Cost (USD)", ValueUnit::Money),
        Metric::PersonYears => ("Person-years", ValueUnit::PersonYears),
    };
    BarChart {
        title: format!("{} per framework", metric.label()),
        value_label: value_label.into(),
        unit,
        bars: ledger
            .chart_bars(metric)
            .into_iter()
            .map(|(framework, value)| Bar {
                label: framework.name.clone(),
                value,
                range: value.map(|v| (v * factor.0, v * factor.1)),
            })
            .collect(),
        width: 760,
    }
}

fn effort_chart(ledger: &Ledger, view: &LedgerView) -> ScatterChart {
    ScatterChart {
        title: "Effort against size".into(),
        x_label: "Lines of code".into(),
        y_label: "Person-months".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: effort_points(ledger)
            .into_iter()
            .map(|(label, x, y)| LabelledPoint { label, x, y })
            .collect(),
        curves: vec![Series {
            name: format!("{}, one codebase", view.settings().model.name()),
            points: effort_curve(&view.settings(), 1_000.0, 10_000_000.0, 60),
            tone: Tone::Primary,
        }],
        highlight: None,
        width: 760,
    }
}

fn growth_chart(ledger: &Ledger, counter: Counter) -> ScatterChart {
    let points = growth(ledger, counter);
    let (low, high) =
        points.iter().fold((f64::MAX, 0.0_f64), |(lo, hi), p| (lo.min(p.1.min(p.2)), hi.max(p.1.max(p.2))));
    ScatterChart {
        title: format!("Code in April 2017 and in the latest tree ({})", counter.label()),
        x_label: "Lines in April 2017".into(),
        y_label: "Lines in the latest tree".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: points.into_iter().map(|(label, x, y)| LabelledPoint { label, x, y }).collect(),
        curves: vec![Series {
            name: "no change".into(),
            points: vec![(low / 2.0, low / 2.0), (high * 2.0, high * 2.0)],
            tone: Tone::Secondary,
        }],
        highlight: None,
        width: 760,
    }
}

fn talent_charts(out: &mut Vec<(String, Box<dyn Chart>)>) {
    let view = TalentView::read(&mut QueryReader::parse(""));
    let params = view.params;
    let points = curve(&params, 201);
    let best = optimum(&params);
    let marker = Some(Marker { x: best.c_star, label: format!("c* = {}", percent(best.c_star)) });
    let series = |name: &str, tone, y: fn(&headstart_core::talent::CurvePoint) -> f64| Series {
        name: name.into(),
        points: points.iter().map(|p| (p.c, y(p))).collect(),
        tone,
    };
    let x_label = "Share of engineers pooled in labs (c)";
    let line = |title: &str, y_label: &str, y_unit, series, width| LineChart {
        title: title.into(),
        x_label: x_label.into(),
        y_label: y_label.into(),
        y_unit,
        series,
        marker: marker.clone(),
        width,
    };
    out.push((
        "talent value".into(),
        Box::new(line(
            "Ecosystem value against concentration",
            "Value (weighted person-months)",
            ValueUnit::Count,
            vec![
                series("Firms", Tone::Primary, |p| p.v_firms),
                series("Labs", Tone::Secondary, |p| p.v_labs),
                series("Total", Tone::Total, |p| p.v_total),
            ],
            760,
        )),
    ));
    out.push((
        "talent coverage".into(),
        Box::new(line(
            "Share of a firm's platform covered by open source (κ)",
            "κ",
            ValueUnit::Share,
            vec![series("κ", Tone::Primary, |p| p.kappa)],
            370,
        )),
    ));
    out.push((
        "talent effort".into(),
        Box::new(line(
            "A firm's platform effort (E)",
            "Person-months",
            ValueUnit::Count,
            vec![series("E", Tone::Secondary, |p| p.firm_platform_effort)],
            370,
        )),
    ));

    let sensitivities = tornado(&params, &view.study.ranges).expect("the default tornado");
    let rows = |bars: &[headstart_core::talent::TornadoBar]| {
        bars.iter()
            .map(|bar| TornadoRow {
                label: format!("{} ({})", bar.key.meta().symbol, bar.key.meta().label),
                low_label: significant(bar.low),
                high_label: significant(bar.high),
                at_low: bar.at_low,
                at_high: bar.at_high,
            })
            .collect()
    };
    out.push((
        "tornado c*".into(),
        Box::new(TornadoChart {
            title: "What moves c*".into(),
            value_label: "Best share pooled, c*".into(),
            unit: ValueUnit::Share,
            base: sensitivities.base.c_star,
            rows: rows(&sensitivities.c_star),
            width: 640,
        }),
    ));
    out.push((
        "tornado gain".into(),
        Box::new(TornadoChart {
            title: "What moves the gain".into(),
            value_label: "Gain over the better pure choice".into(),
            unit: ValueUnit::Multiple,
            base: sensitivities.base.gain,
            rows: rows(&sensitivities.gain),
            width: 640,
        }),
    ));

    let summary: MonteCarloSummary = match run(view.study.monte_carlo_request(&params)).pop() {
        Some(Reply::MonteCarlo(summary)) => summary,
        other => panic!("no Monte Carlo: {other:?}"),
    };
    for (name, title, x_label, unit, distribution) in [
        ("histogram c*", "Best share pooled, c*", "c*", ValueUnit::Share, &summary.c_star),
        (
            "histogram gain",
            "Gain of the best mix",
            "V(c*) over the better pure choice",
            ValueUnit::Multiple,
            &summary.gain,
        ),
    ] {
        out.push((
            name.into(),
            Box::new(HistogramChart {
                title: format!("{title} over {} draws", grouped(summary.draws as f64)),
                x_label: x_label.into(),
                unit,
                distribution: distribution.clone(),
                width: 480,
            }),
        ));
    }

    let request = view.study.heatmap_request(&params);
    let mut grid = HeatmapGrid::default();
    for reply in run(request) {
        if let Reply::HeatmapRows { x_values, y_values, rows, .. } = reply {
            if grid.x_values.is_empty() {
                grid = HeatmapGrid::new(x_values, y_values);
            }
            rows.into_iter().for_each(|row| grid.insert(row));
        }
    }
    let axis = |axis: MapAxis| format!("{} ({})", axis.key().meta().symbol, axis.key().meta().label);
    let (x, y) = (view.study.map_x, view.study.map_y);
    out.push((
        "heatmap".into(),
        Box::new(HeatmapChart {
            title: format!("Best share pooled, c*, over {} and {}", axis(x), axis(y)),
            x_label: axis(x),
            y_label: axis(y),
            x_values: grid.x_values.clone(),
            y_values: grid.y_values.clone(),
            cells: grid.cells(c_star),
            value_label: "c*".into(),
            unit: ValueUnit::Share,
            domain: grid.extremes(c_star).map_or((0.0, 1.0), |(low, high)| (low.value, high.value)),
            marker: Some((x.key().meta().of(&params), y.key().meta().of(&params))),
            width: 640,
        }),
    ));
}

fn c_star(row: &headstart_core::talent::HeatmapRow) -> &[f64] {
    &row.c_star
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
            Box::new(ledger_bars(
                &ledger,
                Metric::Cost,
                (band.project_cost_factor.p10, band.project_cost_factor.p90),
            )),
        ),
        (
            "ledger person-years".into(),
            Box::new(ledger_bars(
                &ledger,
                Metric::PersonYears,
                (band.project_effort_factor.p10, band.project_effort_factor.p90),
            )),
        ),
        ("effort against size".into(), Box::new(effort_chart(&ledger, &view))),
        ("growth".into(), Box::new(growth_chart(&ledger, view.counter))),
        (
            "language mix".into(),
            Box::new(StackedBarChart {
                title: format!("Language mix, {} (tokei)", view.era.label()),
                rows: language_mix(&ledger, &view)
                    .into_iter()
                    .map(|(label, parts)| StackedRow { label, parts })
                    .collect(),
                width: 760,
            }),
        ),
    ];
    let mut yours = effort_chart(&ledger, &view);
    yours.title = "Your code among the frameworks: effort against size".into();
    yours.points.push(LabelledPoint { label: "Your code".into(), x: 150_000.0, y: 460.0 });
    yours.highlight = Some("Your code".into());
    out.push(("your code".into(), Box::new(yours)));

    let story_view = StoryView::read(&mut QueryReader::parse(""), dataset);
    let story = Story::compute(dataset, &story_view);
    let mine = Bar { label: "Your settings".into(), value: Some(story.claim.person_years), range: None };
    let others = story.alternatives.iter().map(|a| Bar {
        label: a.label.clone(),
        value: Some(a.person_years),
        range: None,
    });
    out.push((
        "story alternatives".into(),
        Box::new(BarChart {
            title: "The same code under other counters and models".into(),
            value_label: "Person-years".into(),
            unit: ValueUnit::PersonYears,
            bars: std::iter::once(mine).chain(others).collect(),
            width: 760,
        }),
    ));

    let mut sponsored: Vec<_> = dataset
        .frameworks
        .iter()
        .filter(|f| f.trees.y2017.is_some() && f.authors_before_2017.is_some())
        .collect();
    sponsored.sort_by(|a, b| {
        b.sponsor_commit_share_2017.unwrap_or(-1.0).total_cmp(&a.sponsor_commit_share_2017.unwrap_or(-1.0))
    });
    out.push((
        "who wrote them".into(),
        Box::new(BarChart {
            title: "Share of commits from the sponsor's own domains, to April 2017".into(),
            value_label: "Share of non-merge commits".into(),
            unit: ValueUnit::Share,
            bars: sponsored
                .iter()
                .map(|f| Bar { label: f.name.clone(), value: f.sponsor_commit_share_2017, range: None })
                .collect(),
            width: 760,
        }),
    ));
    talent_charts(&mut out);
    out
}
