//! Labelled points on log–log axes, with reference curves: effort against size beside the
//! model's equation, or latest code size against 2017's beside the line of no change. Log axes,
//! because the frameworks span three orders of magnitude.

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, Frame, Swatch};
use crate::hits::{Hit, Layer};
use crate::line::Series;
use crate::size::{drawn_width, Shape, WidthClass};
use crate::text::{short_name, Ink, Rect};
use crate::theme::{self, accent, mark, MUTED};
use crate::Tone;
use headstart_core::format::ValueUnit;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct LabelledPoint {
    pub label: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub x_unit: ValueUnit,
    pub y_unit: ValueUnit,
    pub points: Vec<LabelledPoint>,
    /// Reference curves, drawn under the points.
    pub curves: Vec<Series>,
    /// The label of a point to stand out from the rest, e.g. the reader's own code.
    pub highlight: Option<String>,
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

const DOT: f64 = 4.0;
const BIG_DOT: f64 = 7.0;
/// How far a dot's hit target reaches past the dot, for a finger or an unsteady hand.
const HIT_MARGIN: f64 = 4.0;

/// The chart as a standalone SVG at its own width.
pub fn log_scatter(chart: &ScatterChart) -> String {
    log_scatter_at(chart, chart.width)
}

/// The chart drawn for a box `width` pixels wide. Points and curve vertices that are not
/// positive and finite cannot sit on a log axis and are left out.
pub fn log_scatter_at(chart: &ScatterChart, width: u32) -> String {
    log_scatter_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn log_scatter_layered(chart: &ScatterChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let height = WidthClass::of(width).height(Shape::Scatter);
    let plottable = |x: f64, y: f64| x.is_finite() && y.is_finite() && x > 0.0 && y > 0.0;
    let points: Vec<&LabelledPoint> = chart.points.iter().filter(|p| plottable(p.x, p.y)).collect();
    if points.is_empty() {
        return theme::message(&chart.title, "No framework has figures to plot here.", width);
    }
    let span = |values: &mut dyn Iterator<Item = f64>| {
        let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        (low / 1.6, high * 1.6)
    };
    let x = span(&mut points.iter().map(|p| p.x));
    let y = span(&mut points.iter().map(|p| p.y));
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, &points, x, y, svg, width, height))
}

fn curve_colour(tone: Tone) -> RGBColor {
    match tone {
        Tone::Primary => accent(),
        Tone::Secondary | Tone::Total => MUTED,
    }
}

fn draw(
    chart: &ScatterChart,
    points: &[&LabelledPoint],
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let mut frame = Frame::new(width, height);
    let legend: Vec<(String, Swatch)> =
        chart.curves.iter().map(|c| (c.name.clone(), Swatch::Line(curve_colour(c.tone), 2))).collect();
    frame.legend(&legend);
    let (x_format, y_format) = (|v| chart.x_unit.format_tick(v), |v| chart.y_unit.format_tick(v));
    let x_axis = Axis { low: x0, high: x1, log: true, format: &x_format };
    let y_axis = Axis { low: y0, high: y1, log: true, format: &y_format };
    let (area, x_ticks, y_ticks) = frame.cartesian(&x_axis, &chart.x_label, &y_axis, &chart.y_label);

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = frame::plot(&root, area, (x0..x1).log_scale(), (y0..y1).log_scale())?;
    let coord = plot.as_coord_spec();
    let px = |x: f64, y: f64| frame::pixel(coord, (x, y));
    frame.draw_y_axis(&root, area, &y_ticks, |v| px(x0, v).1)?;
    frame.draw_x_axis(&root, area, &x_ticks, |v| px(v, y0).0, &chart.x_label, true)?;
    let at: Vec<(f64, f64)> = points.iter().map(|p| px(p.x, p.y)).collect();
    for curve in &chart.curves {
        for piece in clipped(&curve.points, (x0, x1), (y0, y1)) {
            frame.placer.avoid_line(&piece.iter().map(|&(x, y)| px(x, y)).collect::<Vec<_>>(), 2.0);
        }
    }

    for curve in &chart.curves {
        let colour = curve_colour(curve.tone);
        for piece in clipped(&curve.points, (x0, x1), (y0, y1)) {
            plot.draw_series(LineSeries::new(piece, colour.stroke_width(2)))?;
        }
    }
    let standing_out = |p: &&&LabelledPoint| chart.highlight.as_deref() == Some(p.label.as_str());
    let (marked, plain): (Vec<&&LabelledPoint>, Vec<&&LabelledPoint>) = points.iter().partition(standing_out);
    plot.draw_series(plain.iter().map(|p| Circle::new((p.x, p.y), DOT as i32, mark().filled())))?;
    // Drawn last, larger and in the accent colour, so no framework hides it.
    plot.draw_series(marked.iter().map(|p| Circle::new((p.x, p.y), BIG_DOT as i32, accent().filled())))?;

    // Labels keep off every dot, then take the free place nearest their own.
    for (p, &point) in points.iter().zip(&at) {
        let radius = if standing_out(&p) { BIG_DOT } else { DOT };
        frame.placer.avoid(Rect::around(point, radius + 1.0));
    }
    for (p, &point) in points.iter().zip(&at) {
        let radius = if standing_out(&p) { BIG_DOT } else { DOT };
        let label = format!(
            "{}: {} {}, {} {}",
            p.label,
            chart.x_label,
            chart.x_unit.format(p.x),
            chart.y_label,
            chart.y_unit.format(p.y)
        );
        frame.hits.push(Hit::circle(point, radius + HIT_MARGIN, label, Some(p.label.clone())));
    }
    // The marked point first, then from the top of the chart down.
    let mut order: Vec<(&&LabelledPoint, (f64, f64))> = points.iter().zip(at).collect();
    order.sort_by(|a, b| standing_out(&b.0).cmp(&standing_out(&a.0)).then(b.0.y.total_cmp(&a.0.y)));
    let narrow = frame.class.is_narrow();
    for (p, point) in order {
        let marked = standing_out(&p);
        let name = if narrow { short_name(&p.label) } else { p.label.as_str() };
        let ink = if marked { Ink::Series(1) } else { Ink::Text };
        let label = frame.label(name, ink);
        let radius = if marked { BIG_DOT } else { DOT };
        frame.placer.point_label(&label, point, radius, area);
    }
    frame.finish(&root)
}

/// The parts of a polyline inside the box, cut where it crosses the edges, on log–log axes:
/// plotters draws lines past the plot otherwise. Vertices that are not positive are gaps.
fn clipped(points: &[(f64, f64)], (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let (lx, ly) = ((x0.ln(), x1.ln()), (y0.ln(), y1.ln()));
    let logged = |&(x, y): &(f64, f64)| {
        (x > 0.0 && y > 0.0 && x.is_finite() && y.is_finite()).then(|| (x.ln(), y.ln()))
    };
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let segment = logged(&pair[0]).zip(logged(&pair[1])).and_then(|(a, b)| clip_segment(a, b, lx, ly));
        match segment {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    pieces.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
                    current.push(a);
                }
                current.push(b);
            }
            None => pieces.extend((!current.is_empty()).then(|| std::mem::take(&mut current))),
        }
    }
    pieces.extend((!current.is_empty()).then_some(current));
    pieces.into_iter().map(|piece| piece.into_iter().map(|(x, y)| (x.exp(), y.exp())).collect()).collect()
}

/// Liang–Barsky: the part of the segment from `a` to `b` inside the box, if any.
fn clip_segment(
    a: (f64, f64),
    b: (f64, f64),
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, a.0 - x0), (dx, x1 - a.0), (-dy, a.1 - y0), (dy, y1 - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some(((a.0 + t0 * dx, a.1 + t0 * dy), (a.0 + t1 * dx, a.1 + t1 * dy)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_svg::texts;

    fn chart(points: Vec<LabelledPoint>) -> ScatterChart {
        ScatterChart {
            title: "Effort against size".into(),
            x_label: "Lines of code".into(),
            y_label: "Person-months".into(),
            x_unit: ValueUnit::Count,
            y_unit: ValueUnit::Count,
            points,
            curves: vec![Series {
                name: "organic COCOMO".into(),
                points: (1..=60)
                    .map(|i| {
                        let x = 1e3 * 1.2f64.powi(i);
                        (x, 2.4 * (x / 1e3).powf(1.05))
                    })
                    .collect(),
                tone: Tone::Primary,
            }],
            highlight: None,
            width: 720,
        }
    }

    fn point(label: &str, x: f64, y: f64) -> LabelledPoint {
        LabelledPoint { label: label.into(), x, y }
    }

    #[test]
    fn every_dot_has_a_round_hit_target_centred_where_plotters_drew_it() {
        use crate::hits::check::targets;
        let c = chart(vec![
            point("TensorFlow", 900_000.0, 3_000.0),
            point("Keras", 30_000.0, 80.0),
            point("Off the axis", 0.0, 5.0),
        ]);
        let svg = log_scatter_layered(&c, 720, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 2, "one per plotted dot");
        assert_eq!(
            hits[0].1,
            format!(
                "TensorFlow: Lines of code {}, Person-months {}",
                ValueUnit::Count.format(9e5),
                ValueUnit::Count.format(3e3)
            )
        );
        assert_eq!(hits[1].2.as_deref(), Some("Keras"));
        let centre = |tag: &str| {
            let number = |name: &str| {
                let from = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                tag[from..from + tag[from..].find('"').unwrap()].parse::<f64>().unwrap()
            };
            (number("cx"), number("cy"))
        };
        let plain = log_scatter(&c);
        let dots: Vec<(f64, f64)> = plain.split("<circle").skip(1).map(centre).collect();
        let layer = &svg[svg.find("<g class=\"hits\"").unwrap()..];
        let hit_centres: Vec<(f64, f64)> = layer.split("<circle").skip(1).map(centre).collect();
        assert_eq!(dots.len(), 2);
        for dot in dots {
            assert!(
                hit_centres.iter().any(|h| (h.0 - dot.0).abs() <= 0.5 && (h.1 - dot.1).abs() <= 0.5),
                "no target on the dot at {dot:?}: {hit_centres:?}"
            );
        }
        assert!(!plain.contains("class=\"hit"));
    }

    #[test]
    fn draws_a_dot_and_a_label_per_point_and_the_curves_legend() {
        let svg = log_scatter(&chart(vec![
            point("TensorFlow", 900_000.0, 3_000.0),
            point("Keras <fork>", 30_000.0, 80.0),
        ]));
        assert_eq!(svg.matches("<circle").count(), 2);
        let written = texts(&svg);
        for text in
            ["TensorFlow", "Keras <fork>", "organic COCOMO", "Lines of code", "Person-months", "100k", "1M"]
        {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>Effort against size</title>") && svg.contains("Keras &lt;fork&gt;"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn points_that_cannot_sit_on_a_log_axis_are_left_out() {
        let svg = log_scatter(&chart(vec![
            point("Real", 5_000.0, 12.0),
            point("Zero", 0.0, 1.0),
            point("Broken", f64::NAN, 3.0),
            point("Negative", 10.0, -1.0),
        ]));
        let written = texts(&svg);
        assert!(written.contains(&"Real".to_owned()));
        for gone in ["Zero", "Broken", "Negative"] {
            assert!(!written.contains(&gone.to_owned()), "{gone}");
        }
        assert_eq!(svg.matches("<circle").count(), 1);
        let empty = log_scatter(&chart(vec![point("Zero", 0.0, 0.0)]));
        assert!(empty.contains("No framework has figures"));
    }

    #[test]
    fn a_highlighted_point_stands_out_and_is_named_in_the_summary() {
        use crate::Chart;
        let mut c =
            chart(vec![point("TensorFlow", 953_603.0, 3_000.0), point("Your code", 150_000.0, 460.0)]);
        c.highlight = Some("Your code".into());
        let marked = log_scatter(&c);
        assert!(marked.contains(r##"<circle cx="##) && marked.contains(r#"r="7""#), "a larger dot");
        assert!(marked.contains(r##"fill="#D55E00">Your code</text>"##), "its label in the accent colour");
        assert!(c.summary().ends_with("Marked: Your code (150k by 460)."), "{}", c.summary());
    }

    #[test]
    fn curves_are_cut_at_the_plot_not_dropped() {
        let diagonal = [(1.0, 1.0), (1e6, 1e6)];
        let pieces = clipped(&diagonal, (10.0, 1e4), (100.0, 1e5));
        assert_eq!(pieces.len(), 1);
        let [(ax, ay), (bx, by)] = pieces[0][..] else { panic!("{pieces:?}") };
        assert!((ax - 100.0).abs() < 1e-6 && (ay - 100.0).abs() < 1e-6, "enters at the bottom edge");
        assert!((bx - 1e4).abs() < 1e-6 && (by - 1e4).abs() < 1e-6, "leaves at the right edge");
        assert!(clipped(&[(1.0, 1e9), (2.0, 1e9)], (10.0, 1e4), (100.0, 1e5)).is_empty());
        let gap = clipped(
            &[(20.0, 200.0), (30.0, 300.0), (0.0, 1.0), (40.0, 400.0), (50.0, 500.0)],
            (10.0, 1e4),
            (100.0, 1e5),
        );
        assert_eq!(gap.len(), 2, "a vertex off the log axis splits the line");
    }

    #[test]
    fn narrow_charts_shorten_names_and_are_shorter() {
        let c = chart(vec![point("CNTK / Microsoft Cognitive Toolkit", 300_000.0, 900.0)]);
        let narrow = log_scatter_at(&c, 320);
        assert!(texts(&narrow).contains(&"CNTK".to_owned()), "{:?}", texts(&narrow));
        assert!(narrow.contains(r#"viewBox="0 0 320 360""#));
        assert!(texts(&log_scatter_at(&c, 900)).contains(&"CNTK / Microsoft Cognitive Toolkit".to_owned()));
    }
}
