//! Horizontal bar charts: one labelled bar per item, values written at the bar ends, optional
//! whiskers for an uncertainty range.

use crate::theme::{self, text, FONT_SIZE, INK, MARK, MUTED};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One row of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` (or a value that is not finite) draws no bar and says "no figure".
    pub value: Option<f64>,
    /// Whiskers from the low to the high end, e.g. P10 to P90.
    pub range: Option<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    /// The value axis title, e.g. "Cost (USD)".
    pub value_label: String,
    pub unit: ValueUnit,
    pub bars: Vec<Bar>,
    pub width: u32,
}

const ROW: u32 = 26;
const TOP: u32 = 8;
const AXIS: u32 = 48;
const VALUE_ROOM: u32 = 72;

/// The chart as a standalone SVG document. Never fails: bad numbers become "no figure" rows and
/// an empty chart says so.
pub fn horizontal_bars(chart: &BarChart) -> String {
    let width = chart.width.max(320);
    if chart.bars.is_empty() {
        return theme::message(
            &chart.title,
            "Nothing selected: pick at least one item to draw this chart.",
            width,
        );
    }
    let height = TOP + ROW * chart.bars.len() as u32 + AXIS;
    theme::render(&chart.title, width, height, |svg| draw(chart, svg, width, height))
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

fn draw(
    chart: &BarChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let rows = chart.bars.len();
    let largest = chart
        .bars
        .iter()
        .flat_map(|bar| [finite(bar.value), bar.range.map(|r| r.1).filter(|v| v.is_finite())])
        .flatten()
        .fold(0.0_f64, f64::max);
    let x_max = if largest > 0.0 { largest * 1.02 } else { 1.0 };
    let longest = chart.bars.iter().map(|bar| bar.label.chars().count()).max().unwrap_or(0);
    let label_room = (longest as f64 * FONT_SIZE * 0.58 + 14.0).clamp(60.0, width as f64 * 0.4) as u32;

    let mut plot = ChartBuilder::on(&root)
        .margin_top(TOP)
        .margin_right(VALUE_ROOM)
        .x_label_area_size(AXIS)
        .y_label_area_size(label_room)
        .build_cartesian_2d(0.0..x_max, 0.0..rows as f64)?;
    theme::mesh(
        plot.configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|value| chart.unit.format_tick(*value))
            .x_desc(chart.value_label.as_str()),
    )
    .draw()?;

    let at_end = Pos::new(HPos::Left, VPos::Center);
    for (index, bar) in chart.bars.iter().enumerate() {
        let y = (rows - index - 1) as f64;
        let middle = y + 0.5;
        let (x, y_px) = plot.backend_coord(&(0.0, middle));
        root.draw(&Text::new(
            bar.label.clone(),
            (x - 8, y_px),
            text(&INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        match finite(bar.value) {
            Some(value) => {
                let value = value.max(0.0);
                plot.draw_series(std::iter::once(Rectangle::new(
                    [(0.0, y + 0.2), (value, y + 0.8)],
                    MARK.filled(),
                )))?;
                let end = bar.range.map_or(value, |(_, high)| high.max(value));
                let (end_px, _) = plot.backend_coord(&(end, middle));
                root.draw(&Text::new(chart.unit.format(value), (end_px + 6, y_px), text(&INK).pos(at_end)))?;
            }
            None => {
                root.draw(&Text::new("no figure", (x + 6, y_px), text(&MUTED).pos(at_end)))?;
            }
        }
        if let Some((low, high)) =
            bar.range.filter(|(low, high)| low.is_finite() && high.is_finite() && low <= high)
        {
            let (low, whisker) = (low.max(0.0), INK.stroke_width(1));
            let caps = [low, high].map(|x| PathElement::new([(x, y + 0.3), (x, y + 0.7)], whisker));
            plot.draw_series(
                std::iter::once(PathElement::new([(low, middle), (high, middle)], whisker)).chain(caps),
            )?;
        }
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(bars: Vec<Bar>) -> BarChart {
        BarChart {
            title: "Cost per framework".into(),
            value_label: "Cost (USD)".into(),
            unit: ValueUnit::Money,
            bars,
            width: 760,
        }
    }

    fn bar(label: &str, value: Option<f64>) -> Bar {
        Bar { label: label.into(), value, range: None }
    }

    fn count(svg: &str, needle: &str) -> usize {
        svg.matches(needle).count()
    }

    #[test]
    fn draws_one_bar_per_value_with_labels_and_values() {
        let svg = horizontal_bars(&chart(vec![
            bar("TensorFlow", Some(27.3e6)),
            bar("Caffe", Some(2.2e6)),
            bar("Sonnet", Some(0.36e6)),
        ]));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n") || svg.ends_with("</svg>"), "{svg}");
        assert!(svg.contains(r#"viewBox="0 0 760 134""#), "height grows with rows");
        assert_eq!(count(&svg, "var(--chart-bar, #2b6cb0)"), 3);
        for text in [
            "TensorFlow",
            "Caffe",
            "Sonnet",
            "$27.3m",
            "$2.20m",
            "$360k",
            "Cost (USD)",
            "<title>Cost per framework</title>",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("#010203") && !svg.contains("NaN"));
    }

    #[test]
    fn missing_and_broken_values_say_no_figure() {
        let svg = horizontal_bars(&chart(vec![
            bar("TensorFlow", None),
            bar("Odd", Some(f64::NAN)),
            bar("Keras", Some(1e6)),
        ]));
        assert_eq!(count(&svg, "no figure"), 2);
        assert_eq!(count(&svg, "var(--chart-bar, #2b6cb0)"), 1);
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn labels_are_escaped() {
        let svg = horizontal_bars(&chart(vec![bar("R&D <lab>", Some(5.0))]));
        assert!(svg.contains("R&amp;D &lt;lab&gt;"));
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let empty = horizontal_bars(&chart(vec![]));
        assert!(empty.contains("Nothing selected"));
        let zeros = horizontal_bars(&chart(vec![bar("A", Some(0.0)), bar("B", Some(0.0))]));
        assert!(zeros.contains("$0") && !zeros.contains("NaN"));
        let huge = horizontal_bars(&chart(vec![bar("A", Some(1e300)), bar("B", Some(-5.0))]));
        assert!(huge.contains("<svg") && !huge.contains("NaN"));
    }

    #[test]
    fn ranges_draw_whiskers() {
        let with = horizontal_bars(&chart(vec![Bar {
            label: "A".into(),
            value: Some(10.0),
            range: Some((6.0, 9.5)),
        }]));
        let without = horizontal_bars(&chart(vec![bar("A", Some(10.0))]));
        // The range lies within the bar, so both charts share an axis and differ only by the whisker.
        assert_eq!(count(&with, "<polyline"), count(&without, "<polyline") + 3, "a line and two caps");
    }
}
