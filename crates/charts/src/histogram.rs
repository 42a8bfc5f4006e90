//! Histograms of Monte Carlo samples with their P10, P50 and P90 marked.

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, Frame};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Shape, WidthClass};
use crate::text::{Align, Ink, Label, Rect};
use crate::theme::{self, mark, INK, MUTED};
use headstart_core::format::ValueUnit;
use headstart_core::stats::Distribution;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    pub title: String,
    pub x_label: String,
    pub unit: ValueUnit,
    pub distribution: Distribution,
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

pub fn histogram_chart(chart: &HistogramChart) -> String {
    histogram_chart_at(chart, chart.width)
}

/// The chart drawn for a box `width` pixels wide.
pub fn histogram_chart_at(chart: &HistogramChart, width: u32) -> String {
    histogram_chart_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn histogram_chart_layered(chart: &HistogramChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let height = WidthClass::of(width).height(Shape::Histogram);
    let histogram = &chart.distribution.histogram;
    let sane =
        histogram.edges.len() == histogram.counts.len() + 1 && histogram.edges.iter().all(|e| e.is_finite());
    if !sane || histogram.counts.is_empty() {
        return theme::message(&chart.title, "No draws to show yet.", width);
    }
    theme::render(&chart.title, width, height, layer, |svg| draw(chart, svg, width, height))
}

fn draw(
    chart: &HistogramChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let histogram = &chart.distribution.histogram;
    let (low, high) = (histogram.edges[0], histogram.edges[histogram.edges.len() - 1]);
    let total: u32 = histogram.counts.iter().sum();
    let share = |count: u32| count as f64 / total.max(1) as f64;
    let tallest = histogram.counts.iter().copied().map(share).fold(0.0, f64::max);
    // Headroom above the tallest bar for the percentiles' labels.
    let y_max = (tallest * 1.4).max(0.01);

    let mut frame = Frame::new(width, height);
    let (x_format, y_format) = (|x| chart.unit.format_tick(x), |y| ValueUnit::Share.format_tick(y));
    let x_axis = Axis { low, high, log: false, format: &x_format };
    let y_axis = Axis { low: 0.0, high: y_max, log: false, format: &y_format };
    let (area, x_ticks, y_ticks) = frame.cartesian(&x_axis, &chart.x_label, &y_axis, "Share of draws");

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = frame::plot(&root, area, low..high, 0.0..y_max)?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    frame.draw_y_axis(&root, area, &y_ticks, |v| px(low, v).1)?;
    frame.draw_x_axis(&root, area, &x_ticks, |v| px(v, 0.0).0, &chart.x_label, false)?;
    let bins: Vec<(f64, f64, f64)> =
        histogram.edges.windows(2).zip(&histogram.counts).map(|(e, &c)| (e[0], e[1], share(c))).collect();
    plot.draw_series(bins.iter().map(|&(a, b, h)| Rectangle::new([(a, 0.0), (b, h)], mark().filled())))?;
    for &(a, b, h) in &bins {
        let ((left, top), (right, _)) = (px(a, h), px(b, 0.0));
        frame.placer.avoid(Rect::new(left, top, right, area.bottom));
    }
    // A bin's target is its whole column, so a bin too short to see can still be pointed at.
    for (&(a, b, h), &count) in bins.iter().zip(&histogram.counts) {
        let label = format!(
            "{} to {}: {} of draws ({} draws)",
            chart.unit.format(a),
            chart.unit.format(b),
            ValueUnit::Share.format(h),
            ValueUnit::Count.format(count as f64)
        );
        frame.hits.push(Hit::rect((px(a, 0.0).0, area.top), (px(b, 0.0).0, area.bottom), label, None));
    }

    // The median first, so it takes the best place; each label as high as it goes clear of the
    // others and of the other percentiles' lines, its own dashed line drawn up to it.
    let d = &chart.distribution;
    let line = frame.line();
    let marks: Vec<(&str, f64)> = [("P50", d.p50), ("P10", d.p10), ("P90", d.p90)]
        .into_iter()
        .filter(|(_, v)| (low..=high).contains(v))
        .collect();
    let strips: Vec<Rect> = marks
        .iter()
        .map(|(_, v)| Rect::around((px(*v, 0.0).0, area.top), 1.5))
        .map(|r| Rect { bottom: area.bottom, ..r })
        .collect();
    for (i, (name, value)) in marks.iter().enumerate() {
        let (x, _) = px(*value, 0.0);
        let label = frame.label(format!("{name} {}", chart.unit.format(*value)), Ink::Text);
        let clear_of_lines =
            |l: &Label| strips.iter().enumerate().all(|(j, strip)| j == i || !strip.intersects(&l.rect()));
        let candidates = || {
            (0..5).flat_map(|level| {
                let top = area.top + 2.0 + level as f64 * (line + 2.0);
                [
                    label.top(x, top, Align::Middle),
                    label.top(x + 3.0, top, Align::Start),
                    label.top(x - 3.0, top, Align::End),
                ]
            })
        };
        // Across another percentile's line only when there is no other room (narrow charts).
        let placed = frame.placer.first_fit(candidates().filter(clear_of_lines), area);
        let placed = placed.or_else(|| frame.placer.first_fit(candidates(), area));
        let reach = match placed {
            Some(rect) if rect.left <= x && x <= rect.right => rect.bottom + 1.0,
            Some(rect) => rect.top,
            None => area.top,
        };
        let style = if *name == "P50" { INK.stroke_width(2) } else { MUTED.stroke_width(1) };
        root.draw(&DashedPathElement::new(
            [(x as i32, area.bottom as i32), (x as i32, reach as i32)],
            4,
            3,
            style,
        ))?;
    }
    frame.finish(&root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_svg::texts;

    fn chart(samples: &[f64]) -> HistogramChart {
        HistogramChart {
            title: "c* over 1,000 draws".into(),
            x_label: "c*".into(),
            unit: ValueUnit::Share,
            distribution: Distribution::of(samples, 20).unwrap(),
            width: 480,
        }
    }

    #[test]
    fn one_bar_per_bin_and_the_three_percentiles() {
        let samples: Vec<f64> = (0..1_000).map(|i| (i as f64 / 1_000.0).powi(2)).collect();
        let svg = histogram_chart(&chart(&samples));
        assert_eq!(svg.matches(r##"fill="#0072B2""##).count(), 20, "one bar per bin");
        let written = texts(&svg);
        for text in ["P10 1.0%", "P50 25.0%", "P90 80.8%", "Share of draws", "c*"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>c* over 1,000 draws</title>"));
        assert!(!svg.contains("NaN") && !svg.contains("#0102"));
    }

    #[test]
    fn every_bin_has_a_target_over_its_column_saying_its_range_and_draws() {
        use crate::hits::check::{inside, targets};
        let samples: Vec<f64> = (0..1_000).map(|i| (i as f64 / 1_000.0).powi(2)).collect();
        let c = chart(&samples);
        let svg = histogram_chart_layered(&c, 480, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 20, "one per bin");
        let draws: u32 = hits
            .iter()
            .map(|(_, label, _)| {
                let count = label.rsplit('(').next().unwrap().trim_end_matches(" draws)");
                count.parse::<u32>().unwrap_or_else(|_| panic!("{label}"))
            })
            .sum();
        assert_eq!(draws, 1_000, "every draw in one bin");
        assert!(hits[0].1.starts_with("0.0% to "), "{}", hits[0].1);
        assert!(hits.iter().all(|h| h.2.is_none()), "bins are no framework");
        let mut plain = String::new();
        let drawing = draw(&c, &mut plain, 480, WidthClass::of(480).height(Shape::Histogram)).unwrap();
        inside(&drawing.hits, &histogram_chart_at(&c, 480));
        let lefts: Vec<f64> = drawing.hits.iter().map(|h| h.bounds().left).collect();
        assert!(lefts.windows(2).all(|w| w[0] < w[1]), "left to right: {lefts:?}");
    }

    #[test]
    fn one_repeated_sample_and_broken_input_still_draw() {
        let svg = histogram_chart(&chart(&[0.3; 50]));
        assert!(texts(&svg).contains(&"P50 30.0%".to_owned()), "{:?}", texts(&svg));
        let mut broken = chart(&[0.1, 0.2]);
        broken.distribution.histogram.edges.pop();
        assert!(histogram_chart(&broken).contains("No draws"));
    }
}
