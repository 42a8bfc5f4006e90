//! No two pieces of a chart's text overlap, none leaves the picture and none is under 11 px, for
//! every chart the app draws, with the real dataset's numbers, at every width a reader's box may
//! have: measured from the SVG with the font's metrics.

mod common;

use common::{app_charts, svg_text};

/// Box widths from a 320-px phone's column (280 px) and a 300-px embed to a wide desktop column.
const WIDTHS: [u32; 16] = [260, 280, 300, 335, 360, 420, 479, 480, 560, 640, 700, 760, 767, 768, 1000, 1216];

#[test]
fn no_text_overlaps_leaves_the_chart_or_is_too_small() {
    let mut report = Vec::new();
    let (mut overlaps, mut outside, mut small) = (0, 0, 0);
    let charts = app_charts::all();
    for (name, chart) in &charts {
        for width in WIDTHS {
            let svg = chart.svg_at(width);
            let (pairs, out) = svg_text::faults(&svg);
            overlaps += pairs.len();
            outside += out.len();
            for (a, b) in pairs {
                report.push(format!("{name} at {width}: {:?} overlaps {:?}", a.text, b.text));
            }
            for b in out {
                report.push(format!(
                    "{name} at {width}: {:?} leaves the chart ({:.0}..{:.0}, {:.0}..{:.0})",
                    b.text, b.left, b.right, b.top, b.bottom
                ));
            }
            for b in svg_text::text_boxes(&svg).into_iter().filter(|b| b.size < 11.0) {
                small += 1;
                report.push(format!("{name} at {width}: {:?} is {} px", b.text, b.size));
            }
        }
    }
    assert!(
        report.is_empty(),
        "{overlaps} overlapping pairs, {outside} boxes outside, {small} under 11 px:\n{}",
        report.join("\n")
    );
}

#[test]
fn every_chart_draws_its_text_at_its_own_width() {
    for (name, chart) in app_charts::all() {
        let boxes = svg_text::text_boxes(&chart.svg());
        assert!(boxes.len() >= 4, "{name}: {boxes:?}");
    }
}

/// Writes every chart at a phone's, a tablet's and the publication width into the folder named by
/// `HEADSTART_CHART_DUMP`, to look at: `HEADSTART_CHART_DUMP=/tmp/charts cargo test -p
/// headstart-charts --test text_boxes -- --ignored`.
#[test]
#[ignore]
fn dump() {
    let folder = std::env::var("HEADSTART_CHART_DUMP").expect("HEADSTART_CHART_DUMP names a folder");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, chart) in app_charts::all() {
        for width in [335, 600, 760, 1000] {
            let file = format!("{folder}/{}-{width}.svg", name.replace([' ', '*'], "-"));
            std::fs::write(file, chart.svg_at(width)).unwrap();
        }
    }
}

/// Every point of the scatters keeps its direct label at the publication size and wider, and a
/// narrow chart drops few: a dropped name is still in the table, but should be the exception.
#[test]
fn scatter_labels_are_kept() {
    for (name, chart) in app_charts::all()
        .into_iter()
        .filter(|(n, _)| ["effort against size", "growth", "your code"].contains(&n.as_str()))
    {
        let names: Vec<String> = chart.table().rows.iter().map(|row| row[0].clone()).collect();
        for width in [260, 300, 335, 420, 480, 600, 760, 1000, 1216] {
            let written: Vec<String> =
                svg_text::text_boxes(&chart.svg_at(width)).into_iter().map(|b| b.text).collect();
            let kept = names
                .iter()
                .filter(|n| written.iter().any(|w| w == *n || w == headstart_charts::short_name(n)))
                .count();
            eprintln!("{name} at {width}: {kept} of {} labels", names.len());
            let floor = if width >= 480 { names.len() } else { names.len() * 4 / 5 };
            assert!(kept >= floor, "{name} at {width}: only {kept} of {} names written", names.len());
        }
    }
}

/// Annotations are placed, not dropped: the percentiles, both ends of every tornado bar, c*.
#[test]
fn annotations_are_kept() {
    for (name, chart) in app_charts::all() {
        let expected: Vec<String> = match name.as_str() {
            "histogram c*" | "histogram gain" => vec!["P10".into(), "P50".into(), "P90".into()],
            "tornado c*" | "tornado gain" => vec!["as set".into()],
            "talent value" | "talent coverage" | "talent effort" => vec!["c* = ".into()],
            _ => continue,
        };
        for width in [260, 300, 335, 420, 480, 600, 760, 1000, 1216] {
            let written: Vec<String> =
                svg_text::text_boxes(&chart.svg_at(width)).into_iter().map(|b| b.text).collect();
            for prefix in &expected {
                assert!(
                    written.iter().any(|w| w.starts_with(prefix.as_str())),
                    "{name} at {width}: no {prefix} in {written:?}"
                );
            }
            if name.starts_with("tornado") {
                // Two values a row, each outside its bar.
                let rows = chart.table().rows.len();
                let values =
                    written.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit())).count();
                assert!(
                    values >= 2 * rows,
                    "{name} at {width}: {values} values for {rows} rows: {written:?}"
                );
            }
        }
    }
}
