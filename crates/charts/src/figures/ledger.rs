//! The ledger's charts: cost or person-years per framework, effort against size, growth since
//! 2017 and the language mix.

use crate::{
    Bar, BarChart, LabelledPoint, ScatterChart, Series, StackedBarChart, StackedRow, Tone, PUBLICATION_WIDTH,
};
use headstart_core::dataset::Counter;
use headstart_core::format::ValueUnit;
use headstart_core::ledger::compare::{effort_curve, effort_points, growth, language_mix};
use headstart_core::ledger::{Ledger, LedgerView, Metric};

/// One bar per selected framework, with whiskers from `factor`'s (P10, P90) when given; the
/// essay and the embed draw the same chart.
pub fn framework_bars(ledger: &Ledger, metric: Metric, factor: Option<(f64, f64)>) -> BarChart {
    let bars = ledger
        .chart_bars(metric)
        .into_iter()
        .map(|(framework, value)| Bar {
            label: framework.name.clone(),
            value,
            range: value.zip(factor).map(|(v, (low, high))| (v * low, v * high)),
        })
        .collect();
    let (value_label, unit) = match metric {
        Metric::Cost => ("Cost (USD)", ValueUnit::Money),
        Metric::PersonYears => ("Person-years", ValueUnit::PersonYears),
    };
    BarChart {
        title: format!("{} per framework", metric.label()),
        value_label: value_label.to_owned(),
        unit,
        bars,
        width: PUBLICATION_WIDTH,
    }
}

/// Effort against size on log axes, with the model's curve for one codebase of each size.
pub fn effort_chart(ledger: &Ledger, view: &LedgerView) -> ScatterChart {
    let curve = effort_curve(&view.settings(), 1_000.0, 10_000_000.0, 60);
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
            points: curve,
            tone: Tone::Primary,
        }],
        highlight: None,
        width: PUBLICATION_WIDTH,
    }
}

/// Each selected framework's lines in April 2017 against its latest tree, with the no-change
/// diagonal; the essay and the embed draw the same chart.
pub fn growth_chart(ledger: &Ledger, counter: Counter) -> ScatterChart {
    let points = growth(ledger, counter);
    let (low, high) =
        points.iter().fold((f64::MAX, 0.0_f64), |(lo, hi), p| (lo.min(p.1.min(p.2)), hi.max(p.1.max(p.2))));
    let diagonal =
        if high > 0.0 { vec![(low / 2.0, low / 2.0), (high * 2.0, high * 2.0)] } else { Vec::new() };
    ScatterChart {
        title: format!("Code in April 2017 and in the latest tree ({})", counter.label()),
        x_label: "Lines in April 2017".into(),
        y_label: "Lines in the latest tree".into(),
        x_unit: ValueUnit::Count,
        y_unit: ValueUnit::Count,
        points: points.into_iter().map(|(label, x, y)| LabelledPoint { label, x, y }).collect(),
        curves: vec![Series { name: "no change".into(), points: diagonal, tone: Tone::Secondary }],
        highlight: None,
        width: PUBLICATION_WIDTH,
    }
}

/// Each selected framework's code by language, as shares.
pub fn mix_chart(ledger: &Ledger, view: &LedgerView) -> StackedBarChart {
    StackedBarChart {
        title: format!("Language mix, {} (tokei)", view.era.label()),
        rows: language_mix(ledger, view)
            .into_iter()
            .map(|(label, parts)| StackedRow { label, parts })
            .collect(),
        width: PUBLICATION_WIDTH,
    }
}
