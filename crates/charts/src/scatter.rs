//! Labelled points on log–log axes, with reference curves: effort against size beside the
//! model's equation, or latest code size against 2017's beside the line of no change. Log axes,
//! because the frameworks span three orders of magnitude.

use crate::line::Series;
use crate::theme::{self, text, ACCENT, INK, MARK, MUTED};
use crate::Tone;
use headstart_core::format::ValueUnit;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    pub width: u32,
    pub height: u32,
}

/// The chart as a standalone SVG. Points and curve vertices that are not positive and finite
/// cannot sit on a log axis and are left out.
pub fn log_scatter(chart: &ScatterChart) -> String {
    let (width, height) = (chart.width.max(320), chart.height.max(240));
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
    theme::render(&chart.title, width, height, |svg| draw(chart, &points, x, y, svg, width, height))
}

fn draw(
    chart: &ScatterChart,
    points: &[&LabelledPoint],
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(24)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
    theme::mesh(
        plot.configure_mesh()
            .x_labels(8)
            .y_labels(8)
            .x_label_formatter(&|v| chart.x_unit.format_tick(*v))
            .y_label_formatter(&|v| chart.y_unit.format_tick(*v))
            .x_desc(chart.x_label.as_str())
            .y_desc(chart.y_label.as_str()),
    )
    .draw()?;
    let inside = |&(x, y): &(f64, f64)| (x0..=x1).contains(&x) && (y0..=y1).contains(&y);
    for curve in &chart.curves {
        let color = match curve.tone {
            Tone::Primary => ACCENT,
            Tone::Secondary | Tone::Total => MUTED,
        };
        plot.draw_series(LineSeries::new(
            curve.points.iter().copied().filter(inside),
            color.stroke_width(2),
        ))?
        .label(curve.name.clone())
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 18, y)], color.stroke_width(2)));
    }
    let standing_out = |p: &&&LabelledPoint| chart.highlight.as_deref() == Some(p.label.as_str());
    let (marked, plain): (Vec<&&LabelledPoint>, Vec<&&LabelledPoint>) = points.iter().partition(standing_out);
    plot.draw_series(plain.iter().map(|p| Circle::new((p.x, p.y), 4, MARK.filled())))?;
    plot.draw_series(plain.iter().map(|p| Text::new(p.label.clone(), (p.x * 1.08, p.y), text(&INK))))?;
    // Drawn last, larger and in the accent colour, so no framework hides it.
    plot.draw_series(marked.iter().map(|p| Circle::new((p.x, p.y), 7, ACCENT.filled())))?;
    plot.draw_series(marked.iter().map(|p| {
        Text::new(
            p.label.clone(),
            (p.x / 1.12, p.y * 1.25),
            text(&ACCENT).pos(Pos::new(HPos::Right, VPos::Bottom)),
        )
    }))?;
    if !chart.curves.is_empty() {
        plot.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(text(&INK))
            .background_style(TRANSPARENT)
            .border_style(TRANSPARENT)
            .draw()?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            height: 420,
        }
    }

    fn point(label: &str, x: f64, y: f64) -> LabelledPoint {
        LabelledPoint { label: label.into(), x, y }
    }

    #[test]
    fn draws_every_label_and_the_curves_legend() {
        let svg = log_scatter(&chart(vec![
            point("TensorFlow", 900_000.0, 3_000.0),
            point("Keras <fork>", 30_000.0, 80.0),
        ]));
        for text in [
            "TensorFlow",
            "Keras &lt;fork&gt;",
            "organic COCOMO",
            "Lines of code",
            "<title>Effort against size</title>",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
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
        assert!(
            svg.contains("Real")
                && !svg.contains("Zero")
                && !svg.contains("Broken")
                && !svg.contains("Negative")
        );
        let empty = log_scatter(&chart(vec![point("Zero", 0.0, 0.0)]));
        assert!(empty.contains("No framework has figures"));
    }

    #[test]
    fn a_highlighted_point_stands_out_and_is_named_in_the_summary() {
        use crate::Chart;
        let mut c =
            chart(vec![point("TensorFlow", 953_603.0, 3_000.0), point("Your code", 150_000.0, 460.0)]);
        let plain = log_scatter(&c);
        c.highlight = Some("Your code".into());
        let marked = log_scatter(&c);
        assert!(marked.matches("var(--chart-accent").count() > plain.matches("var(--chart-accent").count());
        assert!(c.summary().ends_with("Marked: Your code (150k by 460)."), "{}", c.summary());
    }
}
