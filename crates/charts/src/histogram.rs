//! Histograms of Monte Carlo samples with their P10, P50 and P90 marked.

use crate::theme::{self, text, INK, MARK, MUTED};
use headstart_core::format::ValueUnit;
use headstart_core::stats::Distribution;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    pub title: String,
    pub x_label: String,
    pub unit: ValueUnit,
    pub distribution: Distribution,
    pub width: u32,
    pub height: u32,
}

pub fn histogram_chart(chart: &HistogramChart) -> String {
    let (width, height) = (chart.width.max(320), chart.height.max(200));
    let histogram = &chart.distribution.histogram;
    let sane =
        histogram.edges.len() == histogram.counts.len() + 1 && histogram.edges.iter().all(|e| e.is_finite());
    if !sane || histogram.counts.is_empty() {
        return theme::message(&chart.title, "No draws to show yet.", width);
    }
    theme::render(&chart.title, width, height, |svg| draw(chart, svg, width, height))
}

fn draw(
    chart: &HistogramChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let histogram = &chart.distribution.histogram;
    let (low, high) = (histogram.edges[0], histogram.edges[histogram.edges.len() - 1]);
    let total: u32 = histogram.counts.iter().sum();
    let share = |count: u32| count as f64 / total.max(1) as f64;
    let tallest = histogram.counts.iter().copied().map(share).fold(0.0, f64::max);
    let y_max = (tallest * 1.35).max(0.01);
    let mut plot = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(20)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(low..high, 0.0..y_max)?;
    theme::mesh(
        plot.configure_mesh()
            .disable_x_mesh()
            .x_labels(6)
            .y_labels(5)
            .x_label_formatter(&|x| chart.unit.format_tick(*x))
            .y_label_formatter(&|y| ValueUnit::Share.format_tick(*y))
            .x_desc(chart.x_label.as_str())
            .y_desc("Share of draws"),
    )
    .draw()?;
    let bins = histogram.edges.windows(2).zip(&histogram.counts);
    plot.draw_series(
        bins.map(|(edge, &count)| Rectangle::new([(edge[0], 0.0), (edge[1], share(count))], MARK.filled())),
    )?;
    let d = &chart.distribution;
    for (name, value) in [("P10", d.p10), ("P50", d.p50), ("P90", d.p90)] {
        if !(low..=high).contains(&value) {
            continue;
        }
        // The median's label sits above the others', so close percentiles do not overwrite it.
        let (style, top) =
            if name == "P50" { (INK.stroke_width(2), 0.95) } else { (MUTED.stroke_width(1), 0.82) };
        plot.draw_series(std::iter::once(DashedPathElement::new(
            [(value, 0.0), (value, y_max * top)],
            4,
            3,
            style,
        )))?;
        let (x, y) = plot.backend_coord(&(value, y_max * top));
        let label = format!("{name} {}", chart.unit.format(value));
        root.draw(&Text::new(label, (x, y - 2), text(&INK).pos(Pos::new(HPos::Center, VPos::Bottom))))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(samples: &[f64]) -> HistogramChart {
        HistogramChart {
            title: "c* over 1,000 draws".into(),
            x_label: "c*".into(),
            unit: ValueUnit::Share,
            distribution: Distribution::of(samples, 20).unwrap(),
            width: 480,
            height: 300,
        }
    }

    #[test]
    fn one_bar_per_bin_and_the_three_percentiles() {
        let samples: Vec<f64> = (0..1_000).map(|i| (i as f64 / 1_000.0).powi(2)).collect();
        let svg = histogram_chart(&chart(&samples));
        assert!(svg.matches("<rect").count() >= 20);
        for text in
            ["P10 1.0%", "P50 25.0%", "P90 80.8%", "Share of draws", "<title>c* over 1,000 draws</title>"]
        {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("NaN") && !svg.contains("#0102"));
    }

    #[test]
    fn one_repeated_sample_and_broken_input_still_draw() {
        let svg = histogram_chart(&chart(&[0.3; 50]));
        assert!(svg.contains("P50 30.0%"));
        let mut broken = chart(&[0.1, 0.2]);
        broken.distribution.histogram.edges.pop();
        assert!(histogram_chart(&broken).contains("No draws"));
    }
}
