//! Writes a sample ledger chart to the path given, to look at: `cargo run -p headstart-charts --example render_bars -- out.svg`.

use headstart_charts::{horizontal_bars, Bar, BarChart, ValueUnit};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "bars.svg".into());
    let rows = [
        ("TensorFlow", Some(27.3e6)),
        ("Deeplearning4j", Some(9.6e6)),
        ("CNTK / Microsoft Cognitive Toolkit", Some(9.1e6)),
        ("Caffe", Some(2.2e6)),
        ("Sonnet", None),
    ];
    let bars = rows
        .iter()
        .map(|(label, value)| Bar {
            label: (*label).into(),
            value: *value,
            range: value.map(|v| (v * 0.6, v * 1.5)),
        })
        .collect();
    let chart = BarChart {
        title: "Cost per framework".into(),
        value_label: "Cost (USD)".into(),
        unit: ValueUnit::Money,
        bars,
        width: 760,
    };
    std::fs::write(&path, horizontal_bars(&chart)).expect("writable path");
}
