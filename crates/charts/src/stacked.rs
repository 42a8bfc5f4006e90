//! Language mix per framework: one 100% bar per framework, split by language. The languages
//! that matter most overall get their own colour; the long tail is one "Other" segment, since
//! forty colours would distinguish nothing.

use crate::theme::{self, text, INK};
use plotters::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct StackedRow {
    pub label: String,
    /// (language, lines).
    pub parts: Vec<(String, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackedBarChart {
    pub title: String,
    pub rows: Vec<StackedRow>,
    pub width: u32,
}

const ROW: u32 = 24;
const TOP: u32 = 40;
const BOTTOM: u32 = 40;

/// The parts a bar can show: positive, finite line counts.
fn drawable(row: &StackedRow) -> impl Iterator<Item = (&str, f64)> {
    row.parts.iter().filter(|(_, v)| v.is_finite() && *v > 0.0).map(|(language, v)| (language.as_str(), *v))
}

/// The colour of a main language's slot; every slot past them is "Other", the last colour.
fn category(slot: usize, main: usize) -> RGBColor {
    let other = theme::CATEGORIES.len() - 1;
    theme::CATEGORIES[if slot < main { slot } else { other }]
}

/// The languages drawn in their own colour, largest share first; every other one is "Other".
fn main_languages(rows: &[StackedRow]) -> Vec<String> {
    let mut shares: BTreeMap<&str, f64> = BTreeMap::new();
    for row in rows {
        let total: f64 = drawable(row).map(|(_, v)| v).sum();
        for (language, lines) in drawable(row) {
            *shares.entry(language).or_default() += lines / total;
        }
    }
    let mut ranked: Vec<(&str, f64)> = shares.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().take(theme::CATEGORIES.len() - 1).map(|(name, _)| name.to_owned()).collect()
}

pub fn stacked_bars(chart: &StackedBarChart) -> String {
    let width = chart.width.max(360);
    let rows: Vec<&StackedRow> = chart.rows.iter().filter(|row| drawable(row).next().is_some()).collect();
    if rows.is_empty() {
        return theme::message(&chart.title, "No framework has per-language counts here.", width);
    }
    let height = TOP + BOTTOM + ROW * rows.len() as u32;
    theme::render(&chart.title, width, height, |svg| draw(chart, &rows, svg, width, height))
}

fn draw(
    chart: &StackedBarChart,
    rows: &[&StackedRow],
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let main = main_languages(&chart.rows);
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let mut plot = ChartBuilder::on(&root)
        .margin(8)
        .margin_top(TOP)
        .margin_right(16)
        .x_label_area_size(BOTTOM - 8)
        .y_label_area_size(120)
        .build_cartesian_2d(0.0..1.0, (0..rows.len()).into_segmented())?;
    theme::mesh(
        plot.configure_mesh()
            .disable_y_mesh()
            .x_labels(6)
            .y_labels(rows.len())
            .x_label_formatter(&|x| format!("{:.0}%", x * 100.0))
            .y_label_formatter(&|y| match y {
                SegmentValue::CenterOf(i) => rows.get(*i).map_or(String::new(), |r| r.label.clone()),
                _ => String::new(),
            }),
    )
    .draw()?;
    for (i, row) in rows.iter().enumerate() {
        let total: f64 = drawable(row).map(|(_, v)| v).sum();
        let mut start = 0.0;
        // Lines per slot: the main languages in legend order, then everything else as one.
        let mut slots = vec![0.0; main.len() + 1];
        for (language, lines) in drawable(row) {
            slots[main.iter().position(|m| m == language).unwrap_or(main.len())] += lines;
        }
        for (slot, lines) in slots.into_iter().enumerate().filter(|(_, lines)| *lines > 0.0) {
            let end = start + lines / total;
            plot.draw_series(std::iter::once(Rectangle::new(
                [(start, SegmentValue::Exact(i)), (end, SegmentValue::Exact(i + 1))],
                category(slot, main.len()).filled(),
            )))?;
            start = end;
        }
    }
    // Legend along the top: swatch and name per colour.
    let mut x = 8;
    let names = main.iter().map(String::as_str).chain(std::iter::once("Other"));
    for (i, name) in names.enumerate() {
        root.draw(&Rectangle::new([(x, 10), (x + 12, 22)], category(i, main.len()).filled()))?;
        root.draw(&Text::new(name.to_owned(), (x + 16, 10), text(&INK)))?;
        x += 24 + 8 * name.chars().count() as i32;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, parts: &[(&str, f64)]) -> StackedRow {
        StackedRow { label: label.into(), parts: parts.iter().map(|(l, v)| (l.to_string(), *v)).collect() }
    }

    #[test]
    fn the_main_languages_get_colours_and_the_tail_is_other() {
        let rows: Vec<StackedRow> = (0..12)
            .map(|i| row(&format!("F{i}"), &[("Python", 50.0), (&format!("Lang{i}"), 50.0 - i as f64)]))
            .collect();
        let main = main_languages(&rows);
        assert_eq!(main.len(), theme::CATEGORIES.len() - 1);
        assert_eq!(main[0], "Python");
        let svg = stacked_bars(&StackedBarChart { title: "Language mix".into(), rows, width: 720 });
        for text in ["Python", "Other", "F0", "F11", "<title>Language mix</title>", "var(--chart-cat-1"] {
            assert!(svg.contains(text), "missing {text}");
        }
    }

    #[test]
    fn empty_and_broken_rows_do_not_panic() {
        let svg = stacked_bars(&StackedBarChart {
            title: "Mix".into(),
            rows: vec![row("Nothing", &[("C", 0.0), ("Go", f64::NAN)])],
            width: 720,
        });
        assert!(svg.contains("No framework has per-language counts"));
        let svg = stacked_bars(&StackedBarChart {
            title: "Mix".into(),
            rows: vec![row("Some", &[("C", 3.0), ("Go", -1.0)])],
            width: 720,
        });
        assert!(svg.contains("Some") && !svg.contains("NaN"));
    }
}
