//! Line charts over a share from 0 to 1: how a quantity changes as more engineers are pooled,
//! with an optional vertical marker (the optimum).

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, segment, Frame, Swatch};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Shape, WidthClass};
use crate::text::{Align, Ink};
use crate::theme::{self, accent, mark, INK, MUTED};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;

/// Which of the theme's line colours a series takes; the first series should be `Primary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Primary,
    Secondary,
    /// The sum of the others: drawn in the text colour, thicker.
    Total,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    pub tone: Tone,
}

/// A labelled vertical line, e.g. at the best share c*.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub y_unit: ValueUnit,
    pub series: Vec<Series>,
    pub marker: Option<Marker>,
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

/// The chart as a standalone SVG document at its own width.
pub fn line_chart(chart: &LineChart) -> String {
    line_chart_at(chart, chart.width)
}

/// The chart drawn for a box `width` pixels wide; points that are not finite are skipped.
pub fn line_chart_at(chart: &LineChart, width: u32) -> String {
    line_chart_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn line_chart_layered(chart: &LineChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let height = WidthClass::of(width).height(Shape::Line);
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, svg, width, height))
}

/// How far a vertex's hit target reaches around it.
const VERTEX_REACH: f64 = 5.0;

fn style(tone: Tone) -> (RGBColor, u32) {
    match tone {
        Tone::Primary => (mark(), 2),
        Tone::Secondary => (accent(), 2),
        Tone::Total => (INK, 3),
    }
}

fn draw(
    chart: &LineChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let finite = |series: &Series| {
        series.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite()).collect::<Vec<_>>()
    };
    let y_max = chart.series.iter().flat_map(finite).map(|(_, y)| y).fold(0.0_f64, f64::max);
    let y_max = if y_max > 0.0 { y_max * 1.08 } else { 1.0 };
    let mut frame = Frame::new(width, height);
    if chart.series.len() > 1 {
        let legend: Vec<(String, Swatch)> = chart
            .series
            .iter()
            .map(|s| {
                let (colour, stroke) = style(s.tone);
                (s.name.clone(), Swatch::Line(colour, stroke))
            })
            .collect();
        frame.legend(&legend);
    }
    let (x_format, y_format) = (|x| ValueUnit::Share.format_tick(x), |y| chart.y_unit.format_tick(y));
    let x_axis = Axis { low: 0.0, high: 1.0, log: false, format: &x_format };
    let y_axis = Axis { low: 0.0, high: y_max, log: false, format: &y_format };
    let (area, x_ticks, y_ticks) = frame.cartesian(&x_axis, &chart.x_label, &y_axis, &chart.y_label);

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = frame::plot(&root, area, 0.0..1.0, 0.0..y_max)?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    frame.draw_y_axis(&root, area, &y_ticks, |v| px(0.0, v).1)?;
    frame.draw_x_axis(&root, area, &x_ticks, |v| px(v, 0.0).0, &chart.x_label, false)?;
    for series in &chart.series {
        let (colour, stroke) = style(series.tone);
        let points: Vec<(f64, f64)> = finite(series).into_iter().map(|(x, y)| px(x, y)).collect();
        frame.placer.avoid_line(&points, stroke as f64);
        plot.draw_series(LineSeries::new(finite(series), colour.stroke_width(stroke)))?;
        // Targets no closer than their own width: a curve sampled 201 times gets one every
        // 10 px, as fine as a pointer or a finger can choose, not 201 overlapping ones.
        let mut last_x = f64::NEG_INFINITY;
        let vertices = finite(series);
        for (i, ((x, y), &at)) in vertices.iter().copied().zip(&points).enumerate() {
            if at.0 - last_x < 2.0 * VERTEX_REACH && i + 1 < vertices.len() {
                continue;
            }
            last_x = at.0;
            let label = format!(
                "{}: {} {}, {} {}",
                series.name,
                chart.x_label,
                ValueUnit::Share.format(x),
                chart.y_label,
                chart.y_unit.format(y)
            );
            frame.hits.push(Hit::circle(at, VERTEX_REACH, label, None));
        }
    }
    if let Some(marker) = chart.marker.as_ref().filter(|m| (0.0..=1.0).contains(&m.x)) {
        let (x, _) = px(marker.x, 0.0);
        segment(&root, (x, area.top), (x, area.bottom), MUTED)?;
        // Beside the line as near its top as the curves leave room, on either side.
        let label = frame.label(marker.label.as_str(), Ink::Text);
        let line = frame.line();
        let levels = ((area.height() - line) / (line / 2.0)).max(0.0) as usize;
        let candidates = (0..=levels).flat_map(|level| {
            let top = area.top + 4.0 + level as f64 * line / 2.0;
            [label.top(x + 6.0, top, Align::Start), label.top(x - 6.0, top, Align::End)]
        });
        frame.placer.first_fit(candidates, area);
    }
    frame.finish(&root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hits::HitShape;
    use crate::test_svg::texts;

    fn chart(series: Vec<Series>, marker: Option<Marker>) -> LineChart {
        LineChart {
            title: "Value against concentration".into(),
            x_label: "Share pooled".into(),
            y_label: "Value".into(),
            y_unit: ValueUnit::Count,
            series,
            marker,
            width: 640,
        }
    }

    fn series(name: &str, tone: Tone, f: impl Fn(f64) -> f64) -> Series {
        Series {
            name: name.into(),
            points: (0..=20).map(|i| i as f64 / 20.0).map(|c| (c, f(c))).collect(),
            tone,
        }
    }

    #[test]
    fn draws_each_series_the_marker_and_a_legend() {
        let svg = line_chart(&chart(
            vec![
                series("Firms", Tone::Primary, |c| 1.0 - c),
                series("Labs", Tone::Secondary, |c| c),
                series("Total", Tone::Total, |_| 1.0),
            ],
            Some(Marker { x: 0.13, label: "c* = 12.8%".into() }),
        ));
        let written = texts(&svg);
        for text in ["Firms", "Labs", "Total", "c* = 12.8%", "Share pooled", "Value", "40%", "0%", "100%"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>Value against concentration</title>"));
        assert_eq!(
            svg.matches("<polyline").count() - svg.matches(r#"stroke-width="1""#).count(),
            3 + 3,
            "three lines and three legend swatches"
        );
        assert!(svg.contains(r##"stroke="#0072B2""##) && svg.contains(r##"stroke="#D55E00""##));
        assert!(!svg.contains("NaN") && !svg.contains("#0102"));
    }

    #[test]
    fn every_finite_vertex_has_a_target_on_the_line_plotters_drew() {
        use crate::hits::check::{inside, targets};
        let c = chart(
            vec![
                Series {
                    name: "Firms".into(),
                    points: vec![(0.0, 1.0), (0.5, f64::NAN), (1.0, 3.0)],
                    tone: Tone::Primary,
                },
                Series {
                    name: "Labs".into(),
                    points: vec![(0.0, 2.0), (0.25, 2.5), (1.0, 0.5)],
                    tone: Tone::Secondary,
                },
            ],
            None,
        );
        let svg = line_chart_layered(&c, 640, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 5, "the finite vertices");
        assert_eq!(
            hits[0].1,
            format!(
                "Firms: Share pooled {}, Value {}",
                ValueUnit::Share.format(0.0),
                ValueUnit::Count.format(1.0)
            )
        );
        assert!(hits[3].1.starts_with("Labs: Share pooled 25"), "{}", hits[3].1);
        // Each target sits on a vertex of a line plotters drew.
        let plain = line_chart_at(&c, 640);
        let vertices: Vec<(f64, f64)> = plain
            .split("points=\"")
            .skip(1)
            .flat_map(|rest| {
                rest[..rest.find('"').unwrap()].split(' ').map(str::to_owned).collect::<Vec<_>>()
            })
            .filter_map(|pair| pair.split_once(',').map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap())))
            .collect();
        let mut drawn = String::new();
        let (width, height) = crate::view_box(&plain).unwrap();
        let drawing = draw(&c, &mut drawn, width, height).unwrap();
        inside(&drawing.hits, &plain);
        for hit in &drawing.hits {
            let HitShape::Circle { x, y, .. } = hit.shape else { panic!("{hit:?}") };
            assert!(
                vertices.iter().any(|v| (v.0 - x).abs() <= 0.5 && (v.1 - y).abs() <= 0.5),
                "{hit:?} is on no vertex of {vertices:?}"
            );
        }
    }

    #[test]
    fn a_dense_curve_gets_targets_a_pointer_can_tell_apart_ending_on_its_last_vertex() {
        let dense = Series {
            name: "Total".into(),
            points: (0..=200).map(|i| i as f64 / 200.0).map(|c| (c, 1.0 + c)).collect(),
            tone: Tone::Total,
        };
        let c = chart(vec![dense], None);
        let (mut svg, width) = (String::new(), 360);
        let drawing = draw(&c, &mut svg, width, WidthClass::of(width).height(Shape::Line)).unwrap();
        let xs: Vec<f64> = drawing
            .hits
            .iter()
            .map(|hit| match hit.shape {
                HitShape::Circle { x, .. } => x,
                _ => panic!("{hit:?}"),
            })
            .collect();
        assert!((20..60).contains(&xs.len()), "{} targets for 201 vertices at {width} px", xs.len());
        let gaps = xs.windows(2).map(|pair| pair[1] - pair[0]);
        assert!(gaps.take(xs.len() - 2).all(|gap| gap >= 2.0 * VERTEX_REACH), "{xs:?}");
        assert!(
            drawing.hits.last().unwrap().label.contains(&ValueUnit::Share.format(1.0)),
            "the last vertex"
        );
    }

    #[test]
    fn odd_numbers_are_skipped_not_drawn() {
        let svg = line_chart(&chart(
            vec![series("A", Tone::Primary, |c| if c > 0.5 { f64::NAN } else { c })],
            None,
        ));
        assert!(!svg.contains("NaN"));
        let points =
            svg.split("<polyline").filter(|p| p.contains("#0072B2")).map(|p| p.matches(',').count()).max();
        assert_eq!(points, Some(11), "the first eleven points, to c = 0.5");
        let empty = line_chart(&chart(vec![], Some(Marker { x: 3.0, label: "off the chart".into() })));
        let written = texts(&empty);
        assert!(
            written.contains(&"Share pooled".to_owned()) && !written.contains(&"off the chart".to_owned())
        );
    }
}
