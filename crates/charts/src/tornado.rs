//! Tornado charts: how far an outcome swings as each input moves to either end of its range,
//! widest swing on top, around a line at the outcome with every input where it is.

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, segment, Frame, Swatch, PAD};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Rows, WidthClass};
use crate::text::{fitted, Align, Ink, Rect};
use crate::theme::{self, accent, mark, INK};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input, e.g. "β (problem breadth)".
    pub label: String,
    /// The input's two ends as written next to their bars, e.g. "5" and "100".
    pub low_label: String,
    pub high_label: String,
    /// The outcome with the input at its low and its high end.
    pub at_low: f64,
    pub at_high: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TornadoChart {
    pub title: String,
    pub value_label: String,
    pub unit: ValueUnit,
    /// The outcome with every input where the reader set it: where the bars start.
    pub base: f64,
    pub rows: Vec<TornadoRow>,
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

/// Between a value and the end of its bar.
const VALUE_GAP: f64 = 4.0;

pub fn tornado_chart(chart: &TornadoChart) -> String {
    tornado_chart_at(chart, chart.width)
}

fn drawable(chart: &TornadoChart) -> Vec<&TornadoRow> {
    chart.rows.iter().filter(|r| r.at_low.is_finite() && r.at_high.is_finite()).collect()
}

/// Lays out the key along the top and returns where the rows start, leaving a line for where
/// the bars start ("as set: …").
fn head(frame: &mut Frame) -> f64 {
    let key = [
        ("input at its low end".to_owned(), Swatch::Block(mark())),
        ("input at its high end".to_owned(), Swatch::Block(accent())),
    ];
    frame.legend(&key);
    frame.top + frame.line() + 6.0
}

/// The chart drawn for a box `width` pixels wide.
pub fn tornado_chart_at(chart: &TornadoChart, width: u32) -> String {
    tornado_chart_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn tornado_chart_layered(chart: &TornadoChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let rows = drawable(chart);
    if rows.is_empty() || !chart.base.is_finite() {
        return theme::message(&chart.title, "No sensitivities to show.", width);
    }
    let class = WidthClass::of(width);
    let mut probe = Frame::new(width, 0);
    let height = head(&mut probe)
        + (class.row_height(Rows::Tornado) as usize * rows.len()) as f64
        + probe.bottom_room(true);
    let height = height.ceil() as u32;
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, &rows, svg, width, height))
}

fn draw(
    chart: &TornadoChart,
    rows: &[&TornadoRow],
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let mut frame = Frame::new(width, height);
    let top = head(&mut frame);
    let line = frame.line();
    let narrow = frame.class.is_narrow();
    let row_height = frame.class.row_height(Rows::Tornado) as f64;
    // Names beside the rows, or on a line of their own above the bars when narrow.
    let widest = rows.iter().map(|r| frame.label(r.label.as_str(), Ink::Text).width()).fold(0.0, f64::max);
    let name_width = if narrow { frame.width - 2.0 * PAD } else { widest.min(frame.width * 0.4) };
    let name_room = if narrow { 0.0 } else { name_width + 8.0 };
    let value_room = rows
        .iter()
        .flat_map(|r| [&r.low_label, &r.high_label])
        .map(|text| frame.label(text.as_str(), Ink::Muted).width())
        .fold(0.0, f64::max)
        + VALUE_GAP
        + 2.0;
    let area = Rect::new(
        (PAD + name_room + value_room).round(),
        top.round(),
        (frame.width - PAD - value_room).round(),
        (top + row_height * rows.len() as f64).round(),
    );

    let values = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([chart.base]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.04).max(high.abs() * 0.01).max(1e-9);
    let (low, high) = (low - pad, high + pad);
    let format = |x| chart.unit.format_tick(x);
    let axis = Axis { low, high, log: false, format: &format };
    let ticks = frame.x_ticks(&axis, area.left, area.right);

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let count = rows.len() as f64;
    let mut plot = frame::plot(&root, area, low..high, 0.0..count)?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    frame.draw_x_axis(&root, area, &ticks, |v| px(v, 0.0).0, &chart.value_label, true)?;

    for (index, row) in rows.iter().enumerate() {
        let y = count - index as f64 - 1.0;
        // Narrow rows give their top line to the name.
        let (bars_top, bars_bottom) =
            if narrow { (y, y + 1.0 - (line + 2.0) / row_height) } else { (y, y + 1.0) };
        let span = bars_bottom - bars_top;
        let same_side = (row.at_low - chart.base) * (row.at_high - chart.base) > 0.0;
        // Both ends on one side: two thinner bars, one above the other, each with its value.
        let ends = [(row.at_low, mark(), &row.low_label, 0), (row.at_high, accent(), &row.high_label, 1)];
        for (end, colour, text, slot) in ends {
            let (from, to) = match same_side {
                true if slot == 0 => (bars_top + span * 0.52, bars_top + span * 0.9),
                true => (bars_top + span * 0.1, bars_top + span * 0.48),
                false => (bars_top + span * 0.2, bars_top + span * 0.8),
            };
            plot.draw_series(std::iter::once(Rectangle::new(
                [(chart.base, from), (end, to)],
                colour.filled(),
            )))?;
            let (x, y_px) = px(end, (from + to) / 2.0);
            let (base_x, _) = px(chart.base, 0.0);
            let (top_px, bottom_px) = (px(end, to).1, px(end, from).1);
            frame.placer.avoid(Rect::new(x.min(base_x), top_px, x.max(base_x), bottom_px));
            let said = format!(
                "{} at {text}: {} {} (as set: {})",
                row.label,
                chart.value_label,
                chart.unit.format(end),
                chart.unit.format(chart.base)
            );
            frame.hits.push(Hit::rect((base_x, top_px), (x, bottom_px), said, None));
            let label = frame.label(text.as_str(), Ink::Muted);
            let outside = if end < chart.base {
                label.middle(x - VALUE_GAP, y_px, Align::End)
            } else {
                label.middle(x + VALUE_GAP, y_px, Align::Start)
            };
            frame.placer.first_fit([outside], Rect::new(0.0, area.top, frame.width, area.bottom));
        }
        let name = frame.label(fitted(&row.label, frame.size, name_width), Ink::Text);
        let (_, middle) = px(low, y + 0.5);
        let name = if narrow {
            name.top(PAD, px(low, y + 1.0).1 + 1.0, Align::Start)
        } else {
            name.middle(area.left - value_room - 8.0, middle, Align::End)
        };
        frame.placer.fixed(name.kept_within(PAD, frame.width - PAD));
    }
    let (x, _) = px(chart.base, 0.0);
    segment(&root, (x, area.top), (x, area.bottom), INK)?;
    let said = frame.label(format!("as set: {}", chart.unit.format(chart.base)), Ink::Text);
    frame.placer.fixed(said.bottom(x, area.top - 4.0, Align::Middle).kept_within(PAD, frame.width - PAD));
    frame.finish(&root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_svg::texts;

    fn row(label: &str, at_low: f64, at_high: f64) -> TornadoRow {
        TornadoRow {
            label: label.into(),
            low_label: "low".into(),
            high_label: "high".into(),
            at_low,
            at_high,
        }
    }

    fn chart(rows: Vec<TornadoRow>) -> TornadoChart {
        TornadoChart {
            title: "What moves c*".into(),
            value_label: "c*".into(),
            unit: ValueUnit::Share,
            base: 0.128,
            rows,
            width: 640,
        }
    }

    #[test]
    fn two_bars_a_row_from_the_base_with_labels() {
        let svg = tornado_chart(&chart(vec![row("β (breadth)", 0.05, 0.3), row("q", 0.1, 0.15)]));
        let written = texts(&svg);
        for text in ["β (breadth)", "q", "as set: 12.8%", "input at its high end", "low", "high", "c*"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>What moves c*</title>"));
        assert_eq!(svg.matches(r##"fill="#D55E00""##).count(), 3, "two high bars and the key");
        assert_eq!(written.iter().filter(|t| *t == "low").count(), 2, "each end's value is written");
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn every_bar_has_a_target_from_the_base_saying_its_input_and_outcome() {
        use crate::hits::check::{inside, targets};
        let c = chart(vec![row("β", 0.05, 0.30), row("λ", 0.10, 0.20)]);
        let svg = tornado_chart_layered(&c, 640, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 4, "two bars a row");
        let format = |v| ValueUnit::Share.format(v);
        assert_eq!(hits[0].1, format!("β at low: c* {} (as set: {})", format(0.05), format(0.128)));
        assert_eq!(hits[1].1, format!("β at high: c* {} (as set: {})", format(0.30), format(0.128)));
        let mut plain = String::new();
        let (width, height) = crate::view_box(&tornado_chart_at(&c, 640)).unwrap();
        let rows = drawable(&c);
        let drawing = draw(&c, &rows, &mut plain, width, height).unwrap();
        inside(&drawing.hits, &tornado_chart_at(&c, 640));
        // Low ends lie left of the base and high ends right of it: they meet at the base line.
        for pair in drawing.hits.chunks(2) {
            let (low, high) = (pair[0].bounds(), pair[1].bounds());
            assert!((low.right - high.left).abs() < 0.5, "{low:?} {high:?}");
        }
    }

    #[test]
    fn broken_rows_are_left_out_and_nothing_says_so() {
        let svg = tornado_chart(&chart(vec![row("odd", f64::NAN, 0.2), row("q", 0.1, 0.15)]));
        let written = texts(&svg);
        assert!(!written.contains(&"odd".to_owned()) && written.contains(&"q".to_owned()));
        assert!(tornado_chart(&chart(vec![])).contains("No sensitivities"));
    }
}
