//! Heat maps: one outcome over a grid of two parameters, with a colour key. Cells not yet
//! computed stay empty, so a map can be drawn while its rows arrive.

use crate::theme::{self, text, INK, MUTED};
use headstart_core::format::{significant, ValueUnit};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    pub width: u32,
    pub height: u32,
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

const KEY_WIDTH: u32 = 90;

pub fn heatmap_chart(chart: &HeatmapChart) -> String {
    let (width, height) = (chart.width.max(360), chart.height.max(240));
    let columns = chart.x_values.len();
    if columns < 2 || chart.y_values.len() < 2 {
        return theme::message(&chart.title, "This map needs at least two values along each axis.", width);
    }
    theme::render(&chart.title, width, height, |svg| draw(chart, svg, width, height))
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

fn draw(
    chart: &HeatmapChart,
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let (map_area, key_area) = root.split_horizontally(width - KEY_WIDTH);
    let (columns, rows) = (chart.x_values.len(), chart.y_values.len());
    let span = |n: usize| -0.5..n as f64 - 0.5;
    let mut plot = ChartBuilder::on(&map_area)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(span(columns), span(rows))?;
    let tick = |samples: &[f64], at: f64| {
        let index = at.round();
        match (index - at).abs() < 1e-6 && index >= 0.0 {
            true => samples.get(index as usize).map_or_else(String::new, |v| significant(*v)),
            false => String::new(),
        }
    };
    theme::mesh(
        plot.configure_mesh()
            .disable_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|x| tick(&chart.x_values, *x))
            .y_label_formatter(&|y| tick(&chart.y_values, *y))
            .x_desc(chart.x_label.as_str())
            .y_desc(chart.y_label.as_str()),
    )
    .draw()?;
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
    if let Some((x, y)) = chart.marker {
        if let (Some(x), Some(y)) = (position(&chart.x_values, x), position(&chart.y_values, y)) {
            plot.draw_series([
                Circle::new((x, y), 6, WHITE.stroke_width(3)),
                Circle::new((x, y), 6, BLACK.stroke_width(1)),
            ])?;
        }
    }
    draw_key(chart, &key_area, height)?;
    root.present()?;
    Ok(())
}

/// A vertical colour bar with the domain's ends and middle written beside it.
fn draw_key<DB: DrawingBackend>(
    chart: &HeatmapChart,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let (top, bottom) = (28_i32, height as i32 - 60);
    let steps = 48;
    let (low, high) = chart.domain;
    area.draw(&Text::new(
        chart.value_label.clone(),
        (4, 8),
        text(&INK).pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    for step in 0..steps {
        let y0 = bottom - (bottom - top) * step / steps;
        let y1 = bottom - (bottom - top) * (step + 1) / steps;
        let value = low + (high - low) * (step as f64 + 0.5) / steps as f64;
        area.draw(&Rectangle::new([(8, y1), (26, y0)], colour(value, chart.domain).filled()))?;
    }
    for t in [0.0, 0.5, 1.0] {
        let y = bottom - ((bottom - top) as f64 * t) as i32;
        let label = chart.unit.format_tick(low + (high - low) * t);
        area.draw(&Text::new(label, (32, y), text(&MUTED).pos(Pos::new(HPos::Left, VPos::Center))))?;
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
            height: 420,
        }
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
        for text in ["0.005", "0.05", "0.8", "c*", "100%", "<title>c* over o and ρ</title>", "<circle"] {
            assert!(full.contains(text), "missing {text}");
        }
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
