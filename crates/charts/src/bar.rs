//! Horizontal bar charts: one labelled bar per item, values written at the bar ends, optional
//! whiskers for an uncertainty range.

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, segment, Frame, PAD};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Rows, WidthClass};
use crate::text::{fitted, short_name, Align, Ink, Rect};
use crate::theme::{self, mark, INK};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;

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
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

/// Between a value and the end of its bar or whisker.
const VALUE_GAP: f64 = 6.0;

/// The chart as a standalone SVG document at its own width.
pub fn horizontal_bars(chart: &BarChart) -> String {
    horizontal_bars_at(chart, chart.width)
}

/// The chart drawn for a box `width` pixels wide. Never fails: bad numbers become "no figure"
/// rows and an empty chart says so.
pub fn horizontal_bars_at(chart: &BarChart, width: u32) -> String {
    horizontal_bars_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn horizontal_bars_layered(chart: &BarChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    if chart.bars.is_empty() {
        return theme::message(
            &chart.title,
            "Nothing selected: pick at least one item to draw this chart.",
            width,
        );
    }
    let class = WidthClass::of(width);
    let probe = Frame::new(width, 0);
    let rows = (class.row_height(Rows::Bars) as usize * chart.bars.len()) as f64;
    let height = (PAD + rows + probe.bottom_room(true)).ceil() as u32;
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, svg, width, height))
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// What a bar's hit target says: its name, its value and, if it has one, its range.
fn hit_label(chart: &BarChart, bar: &Bar) -> String {
    let value = finite(bar.value).map_or_else(|| "no figure".to_owned(), |v| chart.unit.format(v.max(0.0)));
    match whisker(bar) {
        Some((low, high)) => {
            format!(
                "{}: {value} (range {} to {})",
                bar.label,
                chart.unit.format(low.max(0.0)),
                chart.unit.format(high)
            )
        }
        None => format!("{}: {value}", bar.label),
    }
}

/// The valid whisker of a bar, from its low to its high end.
fn whisker(bar: &Bar) -> Option<(f64, f64)> {
    bar.range.filter(|(low, high)| low.is_finite() && high.is_finite() && low <= high)
}

fn draw(
    chart: &BarChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let mut frame = Frame::new(width, height);
    let narrow = frame.class.is_narrow();
    let row_height = frame.class.row_height(Rows::Bars) as f64;
    let rows = chart.bars.len();
    let largest = chart
        .bars
        .iter()
        .flat_map(|bar| [finite(bar.value), whisker(bar).map(|r| r.1)])
        .flatten()
        .fold(0.0_f64, f64::max);
    let x_max = if largest > 0.0 { largest * 1.02 } else { 1.0 };
    let value_text = |bar: &Bar| {
        finite(bar.value).map_or_else(|| "no figure".to_owned(), |v| chart.unit.format(v.max(0.0)))
    };
    let value_room =
        chart.bars.iter().map(|b| frame.label(value_text(b), Ink::Text).width()).fold(0.0, f64::max)
            + VALUE_GAP
            + 2.0;
    let name = |bar: &Bar| if narrow { short_name(&bar.label).to_owned() } else { bar.label.clone() };
    let widest = chart.bars.iter().map(|b| frame.label(name(b), Ink::Text).width()).fold(0.0, f64::max);
    // Names beside their bars, or on a line of their own above them when narrow.
    let name_width = if narrow { frame.width - 2.0 * PAD } else { widest.min(frame.width * 0.4) };
    let left = if narrow { PAD } else { PAD + name_width + 8.0 };
    let area = Rect::new(
        left.round(),
        PAD,
        (frame.width - PAD - value_room).round(),
        (PAD + row_height * rows as f64).round(),
    );

    let format = |v| chart.unit.format_tick(v);
    let axis = Axis { low: 0.0, high: x_max, log: false, format: &format };
    let ticks = frame.x_ticks(&axis, area.left, area.right);
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = frame::plot(&root, area, 0.0..x_max, 0.0..rows as f64)?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    frame.draw_x_axis(&root, area, &ticks, |v| px(v, 0.0).0, &chart.value_label, true)?;

    let line = frame.line();
    for (index, bar) in chart.bars.iter().enumerate() {
        let y = (rows - index - 1) as f64;
        // Narrow rows give their top line to the name.
        let top = if narrow { y + 1.0 - (line + 2.0) / row_height } else { y + 1.0 };
        let (low, high) = (y + (top - y) * 0.2, y + (top - y) * 0.8);
        let middle = (low + high) / 2.0;
        let (x0, y_px) = px(0.0, middle);
        let name = frame.label(fitted(&name(bar), frame.size, name_width), Ink::Text);
        let name = if narrow {
            name.top(PAD, px(0.0, y + 1.0).1 + 1.0, Align::Start)
        } else {
            name.middle(area.left - 8.0, y_px, Align::End)
        };
        frame.placer.fixed(name);
        let end = match finite(bar.value) {
            Some(value) => {
                let value = value.max(0.0);
                plot.draw_series(std::iter::once(Rectangle::new(
                    [(0.0, low), (value, high)],
                    mark().filled(),
                )))?;
                let end = whisker(bar).map_or(value, |(_, high)| high.max(value));
                px(end, middle).0
            }
            None => x0,
        };
        if let Some((from, to)) = whisker(bar) {
            let (from, to) = (px(from.max(0.0), middle).0, px(to, middle).0);
            let (cap_low, cap_high) = (px(0.0, y + (top - y) * 0.3).1, px(0.0, y + (top - y) * 0.7).1);
            segment(&root, (from, y_px), (to, y_px), INK)?;
            segment(&root, (from, cap_low), (from, cap_high), INK)?;
            segment(&root, (to, cap_low), (to, cap_high), INK)?;
        }
        let bar_end = finite(bar.value).map_or(x0, |value| px(value.max(0.0), middle).0);
        frame.hits.push(Hit::rect(
            (x0, px(0.0, high).1),
            (bar_end, px(0.0, low).1),
            hit_label(chart, bar),
            Some(bar.label.clone()),
        ));
        let ink = if finite(bar.value).is_some() { Ink::Text } else { Ink::Muted };
        frame.placer.fixed(frame.label(value_text(bar), ink).middle(end + VALUE_GAP, y_px, Align::Start));
    }
    frame.finish(&root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_svg::{filled, texts};
    use crate::view_box;

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

    const BLUE: &str = "#0072B2";

    #[test]
    fn draws_one_bar_per_value_with_labels_and_values() {
        let bars =
            vec![bar("TensorFlow", Some(27.3e6)), bar("Caffe", Some(2.2e6)), bar("Sonnet", Some(0.36e6))];
        let svg = horizontal_bars(&chart(bars.clone()));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert_eq!(filled(&svg, BLUE), 3);
        let written = texts(&svg);
        for text in ["TensorFlow", "Caffe", "Sonnet", "$27.3m", "$2.20m", "$360k", "Cost (USD)", "$0"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>Cost per framework</title>"));
        assert!(!svg.contains("#010203") && !svg.contains("NaN"));
        let (_, three) = view_box(&svg).unwrap();
        let (_, four) =
            view_box(&horizontal_bars(&chart([bars, vec![bar("Keras", Some(1.0))]].concat()))).unwrap();
        assert_eq!(four - three, WidthClass::Medium.row_height(Rows::Bars), "height grows by a row per bar");
    }

    #[test]
    fn missing_and_broken_values_say_no_figure() {
        let svg = horizontal_bars(&chart(vec![
            bar("TensorFlow", None),
            bar("Odd", Some(f64::NAN)),
            bar("Keras", Some(1e6)),
        ]));
        assert_eq!(texts(&svg).iter().filter(|t| *t == "no figure").count(), 2);
        assert_eq!(filled(&svg, BLUE), 1);
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn every_bar_has_a_hit_target_saying_its_name_and_value_and_downloads_have_none() {
        use crate::hits::check::{inside, targets};
        let c = chart(vec![
            Bar { label: "TensorFlow".into(), value: Some(27.3e6), range: Some((20e6, 35e6)) },
            bar("Caffe", Some(2.2e6)),
            bar("Odd", None),
        ]);
        for width in [320, 760, 1100] {
            let svg = horizontal_bars_layered(&c, width, Layer::Interactive);
            let hits = targets(&svg);
            assert_eq!(hits.len(), 3, "{svg}");
            assert_eq!(hits[0].1, "TensorFlow: $27.3m (range $20.0m to $35.0m)");
            assert_eq!(hits[1].1, format!("Caffe: {}", ValueUnit::Money.format(2.2e6)));
            assert_eq!(hits[2].1, "Odd: no figure");
            assert_eq!(hits[1].2.as_deref(), Some("Caffe"));
            assert!(hits.iter().all(|h| h.0 == "rect"));
            let plain = horizontal_bars_at(&c, width);
            assert!(!plain.contains("hits"), "the picture alone has no hit layer");
            assert_eq!(
                svg.replace(&svg[svg.find("<g class=\"hits\"").unwrap()..svg.rfind("</svg>").unwrap()], ""),
                plain
            );
        }
        let mut svg = String::new();
        let drawing = draw(&c, &mut svg, 760, 300).unwrap();
        inside(&drawing.hits, &horizontal_bars_at(&c, 760));
        // Each target spans its own bar's row: the first bar is the top one.
        let tops: Vec<f64> = drawing.hits.iter().map(|h| h.bounds().top).collect();
        assert!(tops.windows(2).all(|w| w[0] < w[1]), "{tops:?}");
    }

    #[test]
    fn labels_are_escaped() {
        let svg = horizontal_bars(&chart(vec![bar("R&D <lab>", Some(5.0))]));
        assert!(svg.contains(">R&amp;D &lt;lab&gt;</text>"), "{svg}");
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let empty = horizontal_bars(&chart(vec![]));
        assert!(empty.contains("Nothing selected"));
        let zeros = horizontal_bars(&chart(vec![bar("A", Some(0.0)), bar("B", Some(0.0))]));
        assert_eq!(
            texts(&zeros).iter().filter(|t| *t == "$0").count(),
            3,
            "two values and the axis's first tick"
        );
        assert!(!zeros.contains("NaN"));
        let huge = horizontal_bars(&chart(vec![bar("A", Some(1e300)), bar("B", Some(-5.0))]));
        assert_eq!(filled(&huge, BLUE), 2, "a bar each, the negative one at zero length");
        assert!(texts(&huge).contains(&"B".to_owned()) && !huge.contains("NaN"));
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
        assert_eq!(
            with.matches("<polyline").count(),
            without.matches("<polyline").count() + 3,
            "a line and two caps"
        );
    }

    #[test]
    fn narrow_charts_write_short_names_above_the_bars() {
        let c =
            chart(vec![bar("CNTK / Microsoft Cognitive Toolkit", Some(9.1e6)), bar("Caffe", Some(2.2e6))]);
        let narrow = horizontal_bars_at(&c, 320);
        assert!(texts(&narrow).contains(&"CNTK".to_owned()), "{:?}", texts(&narrow));
        assert!(narrow.contains(r#"<text x="8.0""#), "names start at the left margin");
        let (width, height) = view_box(&narrow).unwrap();
        assert_eq!(width, 320);
        assert!(height > view_box(&horizontal_bars(&c)).unwrap().1, "taller rows");
    }
}
