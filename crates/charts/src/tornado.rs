//! Tornado charts: how far an outcome swings as each input moves to either end of its range,
//! widest swing on top, around a line at the outcome with every input where it is.

use crate::theme::{self, text, ACCENT, INK, MARK, MUTED};
use headstart_core::format::ValueUnit;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    pub width: u32,
}

const ROW: u32 = 30;
const TOP: u32 = 36;
const AXIS: u32 = 48;

pub fn tornado_chart(chart: &TornadoChart) -> String {
    let width = chart.width.max(360);
    let rows: Vec<&TornadoRow> =
        chart.rows.iter().filter(|r| r.at_low.is_finite() && r.at_high.is_finite()).collect();
    if rows.is_empty() || !chart.base.is_finite() {
        return theme::message(&chart.title, "No sensitivities to show.", width);
    }
    let height = TOP + ROW * rows.len() as u32 + AXIS;
    theme::render(&chart.title, width, height, |svg| draw(chart, &rows, svg, width, height))
}

fn draw(
    chart: &TornadoChart,
    rows: &[&TornadoRow],
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let values = rows.iter().flat_map(|r| [r.at_low, r.at_high]).chain([chart.base]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.12).max(high.abs() * 0.01).max(1e-9);
    let longest = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(0);
    let label_room = (longest as f64 * 13.0 * 0.58 + 14.0).clamp(60.0, width as f64 * 0.4) as u32;
    let count = rows.len() as f64;
    let mut plot = ChartBuilder::on(&root)
        .margin_top(TOP)
        .margin_right(16)
        .x_label_area_size(AXIS)
        .y_label_area_size(label_room)
        .build_cartesian_2d((low - pad)..(high + pad), 0.0..count)?;
    theme::mesh(
        plot.configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|x| chart.unit.format_tick(*x))
            .x_desc(chart.value_label.as_str()),
    )
    .draw()?;
    for (index, row) in rows.iter().enumerate() {
        let y = count - index as f64 - 1.0;
        let middle = y + 0.5;
        for (end, colour, label) in
            [(row.at_low, MARK, &row.low_label), (row.at_high, ACCENT, &row.high_label)]
        {
            plot.draw_series(std::iter::once(Rectangle::new(
                [(chart.base, y + 0.2), (end, y + 0.8)],
                colour.filled(),
            )))?;
            let (x, y_px) = plot.backend_coord(&(end, middle));
            let (anchor, offset) = if end < chart.base { (HPos::Right, -4) } else { (HPos::Left, 4) };
            root.draw(&Text::new(
                label.clone(),
                (x + offset, y_px),
                text(&MUTED).pos(Pos::new(anchor, VPos::Center)),
            ))?;
        }
        let (x, y_px) = plot.backend_coord(&(low - pad, middle));
        root.draw(&Text::new(
            row.label.clone(),
            (x - 8, y_px),
            text(&INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    plot.draw_series(std::iter::once(PathElement::new(
        [(chart.base, 0.0), (chart.base, count)],
        INK.stroke_width(1),
    )))?;
    let (x, _) = plot.backend_coord(&(chart.base, count));
    let base_label = format!("as set: {}", chart.unit.format(chart.base));
    root.draw(&Text::new(
        base_label,
        (x, TOP as i32 - 6),
        text(&INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    for (i, (name, colour)) in
        [("input at its low end", MARK), ("input at its high end", ACCENT)].into_iter().enumerate()
    {
        let x = 8 + 190 * i as i32;
        root.draw(&Rectangle::new([(x, 6), (x + 12, 18)], colour.filled()))?;
        root.draw(&Text::new(name, (x + 18, 12), text(&INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(svg.contains(r#"viewBox="0 0 640 144""#), "height grows with rows");
        for text in ["β (breadth)", "as set: 12.8%", "input at its high end", "<title>What moves c*</title>"]
        {
            assert!(svg.contains(text), "missing {text}");
        }
        assert_eq!(svg.matches("var(--chart-accent, #b2541a)").count(), 3, "two high bars and the key");
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn broken_rows_are_left_out_and_nothing_says_so() {
        let svg = tornado_chart(&chart(vec![row("odd", f64::NAN, 0.2), row("q", 0.1, 0.15)]));
        assert!(!svg.contains("odd") && svg.contains("\nq\n"));
        assert!(tornado_chart(&chart(vec![])).contains("No sensitivities"));
    }
}
