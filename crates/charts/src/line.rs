//! Line charts over a share from 0 to 1: how a quantity changes as more engineers are pooled,
//! with an optional vertical marker (the optimum).

use crate::theme::{self, text, ACCENT, GRID, INK, MARK, MUTED};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    pub width: u32,
    pub height: u32,
}

/// The chart as a standalone SVG document; points that are not finite are skipped, never drawn.
pub fn line_chart(chart: &LineChart) -> String {
    let (width, height) = (chart.width.max(320), chart.height.max(200));
    theme::render(&chart.title, width, height, |svg| draw(chart, svg, width, height))
}

fn draw(
    chart: &LineChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let finite = |series: &Series| {
        series.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite()).collect::<Vec<_>>()
    };
    let y_max = chart.series.iter().flat_map(finite).map(|(_, y)| y).fold(0.0_f64, f64::max);
    let y_max = if y_max > 0.0 { y_max * 1.08 } else { 1.0 };
    let mut plot = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(20)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..1.0, 0.0..y_max)?;
    theme::mesh(
        plot.configure_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|x| ValueUnit::Share.format_tick(*x))
            .y_label_formatter(&|y| chart.y_unit.format_tick(*y))
            .x_desc(chart.x_label.as_str())
            .y_desc(chart.y_label.as_str()),
    )
    .draw()?;
    for series in &chart.series {
        let (color, stroke) = match series.tone {
            Tone::Primary => (MARK, 2),
            Tone::Secondary => (ACCENT, 2),
            Tone::Total => (INK, 3),
        };
        plot.draw_series(LineSeries::new(finite(series), color.stroke_width(stroke)))?
            .label(series.name.clone())
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 18, y)], color.stroke_width(stroke)));
    }
    if let Some(marker) = chart.marker.as_ref().filter(|m| (0.0..=1.0).contains(&m.x)) {
        plot.draw_series(std::iter::once(PathElement::new(
            [(marker.x, 0.0), (marker.x, y_max)],
            MUTED.stroke_width(1),
        )))?;
        let (x, y) = plot.backend_coord(&(marker.x, y_max));
        let anchor = if marker.x > 0.7 { HPos::Right } else { HPos::Left };
        let offset = if marker.x > 0.7 { -6 } else { 6 };
        root.draw(&Text::new(
            marker.label.clone(),
            (x + offset, y + 4),
            text(&INK).pos(Pos::new(anchor, VPos::Top)),
        ))?;
    }
    if chart.series.len() > 1 {
        plot.configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(text(&INK))
            .background_style(TRANSPARENT)
            .border_style(GRID)
            .draw()?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(series: Vec<Series>, marker: Option<Marker>) -> LineChart {
        LineChart {
            title: "Value against concentration".into(),
            x_label: "Share pooled".into(),
            y_label: "Value".into(),
            y_unit: ValueUnit::Count,
            series,
            marker,
            width: 640,
            height: 360,
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
        for text in [
            "Firms",
            "Labs",
            "Total",
            "c* = 12.8%",
            "Share pooled",
            "40%",
            "<title>Value against concentration</title>",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(svg.contains("var(--chart-accent, #b2541a)") && svg.contains("var(--chart-bar, #2b6cb0)"));
        assert!(!svg.contains("NaN") && !svg.contains("#0102"));
    }

    #[test]
    fn odd_numbers_are_skipped_not_drawn() {
        let svg = line_chart(&chart(
            vec![series("A", Tone::Primary, |c| if c > 0.5 { f64::NAN } else { c })],
            None,
        ));
        assert!(!svg.contains("NaN"));
        let empty = line_chart(&chart(vec![], Some(Marker { x: 3.0, label: "off the chart".into() })));
        assert!(empty.contains("<svg") && !empty.contains("off the chart"));
    }
}
