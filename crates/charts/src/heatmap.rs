//! Heat maps: one outcome over a grid of two parameters, with a colour key. Cells not yet
//! computed stay empty, so a map can be drawn while its rows arrive.

use crate::frame::Drawing;
use crate::frame::{self, Area, Drawn, Frame, PAD};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Shape, WidthClass};
use crate::text::{Align, Ink, Label, Rect};
use crate::theme;
use headstart_core::format::{significant, ValueUnit};
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// The sampled values along each axis, evenly spaced on the axis's own scale.
    pub x_values: Vec<f64>,
    pub y_values: Vec<f64>,
    /// `cells[row][column]` is the outcome at (x_values[column], y_values[row]); `None` is not
    /// computed yet.
    pub cells: Vec<Vec<Option<f64>>>,
    pub value_label: String,
    pub unit: ValueUnit,
    /// The outcome values at the two ends of the colour key.
    pub domain: (f64, f64),
    /// A point to ring, e.g. the page's current parameters.
    pub marker: Option<(f64, f64)>,
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

/// Viridis at nine stops: ordered in lightness, readable by colour-blind readers, and visible on
/// light and dark pages alike, which is why its colours are literal rather than themed.
const RAMP: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 45, 123),
    (59, 82, 139),
    (44, 114, 142),
    (33, 145, 140),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// The colour key's bar.
const KEY_BAR: f64 = 18.0;

pub fn heatmap_chart(chart: &HeatmapChart) -> String {
    heatmap_chart_at(chart, chart.width)
}

/// The chart drawn for a box `width` pixels wide.
pub fn heatmap_chart_at(chart: &HeatmapChart, width: u32) -> String {
    heatmap_chart_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn heatmap_chart_layered(chart: &HeatmapChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let height = WidthClass::of(width).height(Shape::Heatmap);
    let columns = chart.x_values.len();
    if columns < 2 || chart.y_values.len() < 2 {
        return theme::message(&chart.title, "This map needs at least two values along each axis.", width);
    }
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, svg, width, height))
}

/// The ramp's colour for a value, clamped to the domain.
pub fn colour(value: f64, (low, high): (f64, f64)) -> RGBColor {
    let t = if high > low { ((value - low) / (high - low)).clamp(0.0, 1.0) } else { 0.5 };
    let position = t * (RAMP.len() - 1) as f64;
    let i = (position as usize).min(RAMP.len() - 2);
    let f = position - i as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    let ((r0, g0, b0), (r1, g1, b1)) = (RAMP[i], RAMP[i + 1]);
    RGBColor(mix(r0, r1), mix(g0, g1), mix(b0, b1))
}

/// Where `value` falls along `samples`, in cell units (0 is the first sample's cell centre),
/// interpolating between neighbours; `None` off the sampled span.
fn position(samples: &[f64], value: f64) -> Option<f64> {
    samples.windows(2).enumerate().find_map(|(i, pair)| {
        let (a, b) = (pair[0], pair[1]);
        let inside = (a.min(b)..=a.max(b)).contains(&value);
        inside.then(|| i as f64 + if b != a { (value - a) / (b - a) } else { 0.0 })
    })
}

/// Every `stride`th sample from the first, with its label, for the smallest stride that `fits`.
fn sample_ticks(samples: &[f64], most: usize, fits: impl Fn(&[(f64, String)]) -> bool) -> Vec<(f64, String)> {
    let at = |stride: usize| -> Vec<(f64, String)> {
        samples.iter().enumerate().step_by(stride).map(|(i, v)| (i as f64, significant(*v))).collect()
    };
    (1..=samples.len().max(1))
        .map(at)
        .find(|ticks| ticks.len() <= most && fits(ticks))
        .unwrap_or_else(|| at(samples.len().max(1)))
}

fn draw(
    chart: &HeatmapChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let mut frame = Frame::new(width, height);
    let (columns, rows) = (chart.x_values.len(), chart.y_values.len());
    let (low, high) = chart.domain;
    let key_labels: Vec<String> =
        [0.0, 0.5, 1.0].iter().map(|t| chart.unit.format_tick(low + (high - low) * t)).collect();
    let widest_key =
        key_labels.iter().map(|t| frame.label(t.as_str(), Ink::Muted).width()).fold(0.0, f64::max);
    let key_title = frame.label(chart.value_label.as_str(), Ink::Text);
    let key_width = (KEY_BAR + 6.0 + widest_key).max(key_title.width()) + PAD;

    frame.heading(&chart.y_label);
    let top = frame.top + frame.line() / 2.0;
    let bottom = frame.height - frame.bottom_room(true);
    let line = frame.line();
    let most = frame.class.most_ticks();
    let cell = |n: usize, from: f64, to: f64| (to - from) / n as f64;
    let y_ticks = sample_ticks(&chart.y_values, most, |ticks| {
        ticks.len() < 2 || cell(rows, top, bottom) * (ticks[1].0 - ticks[0].0) >= line * 1.5
    });
    let left = PAD + frame.widest(&y_ticks) + 6.0;
    let right = frame.width - key_width - 12.0;
    let size = frame.size;
    let x_ticks = sample_ticks(&chart.x_values, most, |ticks| {
        let spread = cell(columns, left, right) * ticks.get(1).map_or(1.0, |t| t.0 - ticks[0].0);
        ticks.iter().all(|(_, text)| Label::new(text.as_str(), size, Ink::Text).width() + size <= spread)
    });
    let area = Rect::new(left.round(), top.round(), right.round(), bottom.round());

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let span = |n: usize| -0.5..n as f64 - 0.5;
    let mut plot = frame::plot(&root, area, span(columns), span(rows))?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    let cells = chart.cells.iter().enumerate().flat_map(|(row, values)| {
        values.iter().enumerate().filter_map(move |(column, value)| {
            let value = value.filter(|v| v.is_finite())?;
            let (x, y) = (column as f64, row as f64);
            // A hair wider than the cell, so anti-aliasing leaves no seams between neighbours.
            Some(Rectangle::new(
                [(x - 0.51, y - 0.51), (x + 0.51, y + 0.51)],
                colour(value, chart.domain).filled(),
            ))
        })
    });
    plot.draw_series(cells)?;
    // Row by row from the bottom, as the cells were drawn; the cell's exact sampled values.
    for (row, values) in chart.cells.iter().enumerate() {
        for (column, value) in values.iter().enumerate() {
            let (Some(value), Some(x), Some(y)) =
                (value.filter(|v| v.is_finite()), chart.x_values.get(column), chart.y_values.get(row))
            else {
                continue;
            };
            let (c, r) = (column as f64, row as f64);
            let said = format!(
                "{} {}, {} {}: {} {}",
                chart.x_label,
                significant(*x),
                chart.y_label,
                significant(*y),
                chart.value_label,
                chart.unit.format(value)
            );
            frame.hits.push(Hit::rect(px(c - 0.5, r - 0.5), px(c + 0.5, r + 0.5), said, None));
        }
    }
    frame.draw_x_axis(&root, area, &x_ticks, |v| px(v, 0.0).0, &chart.x_label, false)?;
    for (value, text) in &y_ticks {
        let y = px(0.0, *value).1;
        frame.placer.fixed(frame.label(text.as_str(), Ink::Text).middle(area.left - 6.0, y, Align::End));
    }
    if let Some((x, y)) = chart.marker {
        if let (Some(x), Some(y)) = (position(&chart.x_values, x), position(&chart.y_values, y)) {
            plot.draw_series([
                Circle::new((x, y), 6, WHITE.stroke_width(3)),
                Circle::new((x, y), 6, BLACK.stroke_width(1)),
            ])?;
        }
    }
    let key_left = frame.width - key_width;
    frame.placer.fixed(key_title.top(key_left, area.top - frame.line() / 2.0, Align::Start));
    draw_key(
        chart,
        &root,
        &mut frame,
        &key_labels,
        Rect::new(key_left, area.top + line, key_left + KEY_BAR, area.bottom),
    )?;
    frame.finish(&root)
}

/// A vertical colour bar with the domain's ends and middle written beside it.
fn draw_key(chart: &HeatmapChart, root: &Area, frame: &mut Frame, labels: &[String], bar: Rect) -> Drawn {
    let steps = 48;
    let (low, high) = chart.domain;
    for step in 0..steps {
        let y0 = bar.bottom - bar.height() * step as f64 / steps as f64;
        let y1 = bar.bottom - bar.height() * (step + 1) as f64 / steps as f64;
        let value = low + (high - low) * (step as f64 + 0.5) / steps as f64;
        root.draw(&Rectangle::new(
            [(bar.left as i32, y1.floor() as i32), (bar.right as i32, y0.ceil() as i32)],
            colour(value, chart.domain).filled(),
        ))?;
    }
    for (t, text) in [0.0, 0.5, 1.0].iter().zip(labels) {
        let y = bar.bottom - bar.height() * t;
        frame.placer.fixed(frame.label(text.as_str(), Ink::Muted).middle(bar.right + 6.0, y, Align::Start));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(cells: Vec<Vec<Option<f64>>>) -> HeatmapChart {
        HeatmapChart {
            title: "c* over o and ρ".into(),
            x_label: "o".into(),
            y_label: "ρ".into(),
            x_values: vec![0.2, 0.5, 0.8],
            y_values: vec![0.005, 0.0158, 0.05],
            cells,
            value_label: "c*".into(),
            unit: ValueUnit::Share,
            domain: (0.0, 1.0),
            marker: Some((0.5, 0.02)),
            width: 640,
        }
    }

    #[test]
    fn every_cell_with_a_value_has_a_target_tiling_the_map() {
        use crate::hits::check::{inside, targets};
        let c = chart(vec![
            vec![Some(0.1), Some(0.2), Some(0.3)],
            vec![Some(0.4), None, Some(0.6)],
            vec![Some(0.7), Some(0.8), Some(0.9)],
        ]);
        let svg = heatmap_chart_layered(&c, 640, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 8, "one per cell with a value");
        assert_eq!(hits[0].1, format!("o 0.2, ρ 0.005: c* {}", ValueUnit::Share.format(0.1)));
        assert_eq!(hits[7].1, format!("o 0.8, ρ 0.05: c* {}", ValueUnit::Share.format(0.9)));
        let plain = heatmap_chart_at(&c, 640);
        let (width, height) = crate::view_box(&plain).unwrap();
        let mut drawn = String::new();
        let drawing = draw(&c, &mut drawn, width, height).unwrap();
        inside(&drawing.hits, &plain);
        let b: Vec<Rect> = drawing.hits.iter().map(|h| h.bounds()).collect();
        // Neighbours share an edge: along the first row, and from the first row to the one above.
        assert!((b[0].right - b[1].left).abs() < 0.01 && (b[1].right - b[2].left).abs() < 0.01, "{b:?}");
        assert!((b[3].bottom - b[0].top).abs() < 0.01, "the second row sits on the first: {b:?}");
    }

    #[test]
    fn the_ramp_runs_dark_to_light_and_clamps() {
        assert_eq!(colour(0.0, (0.0, 1.0)), RGBColor(68, 1, 84));
        assert_eq!(colour(1.0, (0.0, 1.0)), RGBColor(253, 231, 37));
        assert_eq!(colour(7.0, (0.0, 1.0)), colour(1.0, (0.0, 1.0)));
        assert_eq!(colour(0.5, (1.0, 1.0)), RGBColor(33, 145, 140), "an empty domain takes the middle");
    }

    #[test]
    fn computed_cells_are_drawn_and_missing_ones_left_empty() {
        let full = heatmap_chart(&chart(vec![vec![Some(0.1), Some(0.2), Some(0.3)]; 3]));
        let partial = heatmap_chart(&chart(vec![
            vec![Some(0.1), Some(0.2), Some(0.3)],
            vec![None; 3],
            vec![None, Some(f64::NAN), None],
        ]));
        let rects = |svg: &str| svg.matches("<rect").count();
        assert_eq!(rects(&full), rects(&partial) + 6);
        let written = crate::test_svg::texts(&full);
        for text in ["0.005", "0.05", "0.8", "c*", "100%", "0%", "o", "ρ"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(full.contains("<title>c* over o and ρ</title>") && full.contains("<circle"));
        assert!(!full.contains("NaN") && !partial.contains("NaN"));
    }

    #[test]
    fn markers_off_the_map_and_tiny_grids_are_handled() {
        let mut off = chart(vec![vec![Some(0.5); 3]; 3]);
        off.marker = Some((5.0, 0.02));
        assert!(!heatmap_chart(&off).contains("<circle"));
        off.x_values = vec![0.5];
        assert!(heatmap_chart(&off).contains("at least two values"));
        assert!((position(&[0.005, 0.05], 0.0275).unwrap() - 0.5).abs() < 1e-12);
    }
}
