//! Language mix per framework: one 100% bar per framework, split by language. The languages
//! that matter most overall get their own colour; the long tail is one "Other" segment, since
//! forty colours would distinguish nothing.

use crate::axis::Axis;
use crate::frame::Drawing;
use crate::frame::{self, Frame, Swatch, PAD};
use crate::hits::{Hit, Layer};
use crate::size::{drawn_width, Rows, WidthClass};
use crate::text::{fitted, short_name, Align, Ink, Rect};
use crate::theme::{self, series, PALETTE};
use headstart_core::format::ValueUnit;
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
    /// The width of the chart's own rendering (downloads, and pages that have not measured it).
    pub width: u32,
}

/// The parts a bar can show: positive, finite line counts.
fn drawable(row: &StackedRow) -> impl Iterator<Item = (&str, f64)> {
    row.parts.iter().filter(|(_, v)| v.is_finite() && *v > 0.0).map(|(language, v)| (language.as_str(), *v))
}

/// The colour of a main language's slot; every slot past them is "Other", the palette's last.
fn category(slot: usize, main: usize) -> RGBColor {
    series(if slot < main { slot } else { PALETTE.len() - 1 })
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
    ranked.into_iter().take(PALETTE.len() - 1).map(|(name, _)| name.to_owned()).collect()
}

pub fn stacked_bars(chart: &StackedBarChart) -> String {
    stacked_bars_at(chart, chart.width)
}

/// The legend's entries: the main languages, then "Other".
fn legend(main: &[String]) -> Vec<(String, Swatch)> {
    let names = main.iter().map(String::as_str).chain(std::iter::once("Other"));
    names.enumerate().map(|(i, name)| (name.to_owned(), Swatch::Block(category(i, main.len())))).collect()
}

/// The chart drawn for a box `width` pixels wide.
pub fn stacked_bars_at(chart: &StackedBarChart, width: u32) -> String {
    stacked_bars_layered(chart, width, Layer::Plain)
}

/// The chart for a box `width` pixels wide, with the hit layer when `layer` asks for it.
pub(crate) fn stacked_bars_layered(chart: &StackedBarChart, width: u32, layer: Layer) -> String {
    let width = drawn_width(width);
    let rows: Vec<&StackedRow> = chart.rows.iter().filter(|row| drawable(row).next().is_some()).collect();
    if rows.is_empty() {
        return theme::message(&chart.title, "No framework has per-language counts here.", width);
    }
    let main = main_languages(&chart.rows);
    let mut probe = Frame::new(width, 0);
    probe.legend(&legend(&main));
    let row_height = WidthClass::of(width).row_height(Rows::Stacked) as usize;
    let height = (probe.top + (row_height * rows.len()) as f64 + probe.bottom_room(false)).ceil() as u32;
    theme::render(&chart.title, width, height, layer, |svg| draw(&main, &rows, svg, width, height))
}

fn draw(
    main: &[String],
    rows: &[&StackedRow],
    svg: &mut String,
    width: u32,
    height: u32,
) -> Result<Drawing, Box<dyn std::error::Error>> {
    let mut frame = Frame::new(width, height);
    frame.legend(&legend(main));
    let narrow = frame.class.is_narrow();
    let name = |row: &StackedRow| if narrow { short_name(&row.label).to_owned() } else { row.label.clone() };
    let widest = rows.iter().map(|r| frame.label(name(r), Ink::Text).width()).fold(0.0, f64::max);
    let name_width = widest.min(frame.width * if narrow { 0.3 } else { 0.35 });
    let row_height = frame.class.row_height(Rows::Stacked) as f64;
    let area = Rect::new(
        (PAD + name_width + 8.0).round(),
        frame.top.round(),
        (frame.width - PAD - frame.size).round(),
        (frame.top + row_height * rows.len() as f64).round(),
    );
    let format = |x: f64| format!("{:.0}%", x * 100.0);
    let axis = Axis { low: 0.0, high: 1.0, log: false, format: &format };
    let ticks = frame.x_ticks(&axis, area.left, area.right);

    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    let plot = frame::plot(&root, area, 0.0..1.0, 0.0..rows.len() as f64)?;
    let coord = plot.as_coord_spec().clone();
    let px = |x: f64, y: f64| frame::pixel(&coord, (x, y));
    frame.draw_x_axis(&root, area, &ticks, |v| px(v, 0.0).0, "", true)?;
    for (i, row) in rows.iter().enumerate() {
        let y = (rows.len() - i - 1) as f64;
        let total: f64 = drawable(row).map(|(_, v)| v).sum();
        // Lines per slot: the main languages in legend order, then everything else as one.
        let mut slots = vec![0.0; main.len() + 1];
        for (language, lines) in drawable(row) {
            slots[main.iter().position(|m| m == language).unwrap_or(main.len())] += lines;
        }
        let (top, bottom) = (px(0.0, y + 0.85).1, px(0.0, y + 0.15).1);
        let mut start = 0.0;
        for (slot, lines) in slots.into_iter().enumerate().filter(|(_, lines)| *lines > 0.0) {
            let end = start + lines / total;
            // A hairline of the page between neighbours, so they part even where colours are close.
            let (from, to) = (px(start, y).0 + if start > 0.0 { 1.0 } else { 0.0 }, px(end, y).0);
            let language = main.get(slot).map_or("Other", String::as_str);
            let said = format!(
                "{}, {language}: {} of lines ({} lines)",
                row.label,
                ValueUnit::Share.format(lines / total),
                ValueUnit::Count.format(lines)
            );
            frame.hits.push(Hit::rect((px(start, y).0, top), (to, bottom), said, Some(row.label.clone())));
            if to > from {
                root.draw(&Rectangle::new(
                    [(from as i32, top as i32), (to as i32, bottom as i32)],
                    category(slot, main.len()).filled(),
                ))?;
            }
            start = end;
        }
        let label = frame.label(fitted(&name(row), frame.size, name_width), Ink::Text);
        frame.placer.fixed(label.middle(area.left - 8.0, px(0.0, y + 0.5).1, Align::End));
    }
    frame.finish(&root)
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
        assert_eq!(main.len(), PALETTE.len() - 1);
        assert_eq!(main[0], "Python");
        let svg = stacked_bars(&StackedBarChart { title: "Language mix".into(), rows, width: 720 });
        let written = crate::test_svg::texts(&svg);
        for text in ["Python", "Other", "F0", "F11", "0%", "100%"] {
            assert!(written.iter().any(|t| t == text), "missing {text} in {written:?}");
        }
        assert!(svg.contains("<title>Language mix</title>"));
        // Python in every bar and the legend; each framework's own language is "Other".
        assert_eq!(crate::test_svg::filled(&svg, "#0072B2"), 13);
        assert_eq!(crate::test_svg::filled(&svg, "#767676"), 1 + 12 - (PALETTE.len() - 2));
    }

    #[test]
    fn every_segment_has_a_target_saying_its_framework_language_and_share() {
        use crate::hits::check::targets;
        let chart = StackedBarChart {
            title: "Language mix".into(),
            rows: vec![
                row("TensorFlow", &[("C++", 300.0), ("Python", 100.0)]),
                row("Keras", &[("Python", 50.0)]),
            ],
            width: 720,
        };
        let svg = stacked_bars_layered(&chart, 720, Layer::Interactive);
        let hits = targets(&svg);
        assert_eq!(hits.len(), 3, "one per drawn segment");
        let share = |v| ValueUnit::Share.format(v);
        let mut labels: Vec<&str> = hits.iter().map(|h| h.1.as_str()).collect();
        labels.sort_unstable();
        assert_eq!(
            labels,
            [
                format!("Keras, Python: {} of lines (50 lines)", share(1.0)),
                format!("TensorFlow, C++: {} of lines (300 lines)", share(0.75)),
                format!("TensorFlow, Python: {} of lines (100 lines)", share(0.25)),
            ]
        );
        assert_eq!(hits.iter().filter(|h| h.2.as_deref() == Some("TensorFlow")).count(), 2);
        assert!(!stacked_bars(&chart).contains("class=\"hit"));
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
        assert!(crate::test_svg::texts(&svg).contains(&"Some".to_owned()) && !svg.contains("NaN"));
    }
}
