//! Colours that follow the page's theme. plotters writes literal colours, so charts are drawn
//! with placeholder colours that are then swapped for CSS: `currentColor` for text and axes,
//! custom properties (with light-theme fallbacks) for marks. One SVG then suits light and dark
//! pages, embeds included.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::prelude::*;

pub const INK: RGBColor = RGBColor(1, 2, 3);
pub const MARK: RGBColor = RGBColor(1, 2, 4);
pub const GRID: RGBColor = RGBColor(1, 2, 5);
pub const MUTED: RGBColor = RGBColor(1, 2, 6);
pub const ACCENT: RGBColor = RGBColor(1, 2, 7);
/// Categorical colours (languages), the last for "Other"; style/main.css defines both themes'.
pub const CATEGORIES: [RGBColor; 8] = [
    RGBColor(1, 3, 1),
    RGBColor(1, 3, 2),
    RGBColor(1, 3, 3),
    RGBColor(1, 3, 4),
    RGBColor(1, 3, 5),
    RGBColor(1, 3, 6),
    RGBColor(1, 3, 7),
    RGBColor(1, 3, 8),
];

pub const FONT: &str = "system-ui, sans-serif";
pub const FONT_SIZE: f64 = 13.0;

/// Chart text in one of the placeholder colours.
pub fn text(color: &'static RGBColor) -> TextStyle<'static> {
    TextStyle::from((FONT, FONT_SIZE).into_font()).color(color)
}

/// Axes, grid lines, tick labels and axis titles in the theme's colours, the same on every chart.
pub fn mesh<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType: std::fmt::Debug> + ValueFormatter<X::ValueType>,
    Y: Ranged<ValueType: std::fmt::Debug> + ValueFormatter<Y::ValueType>,
    DB: DrawingBackend,
{
    mesh.axis_style(INK)
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .label_style(text(&INK))
        .axis_desc_style(text(&INK))
}

const SWAPS: [(&str, &str); 13] = [
    ("#010203", "currentColor"),
    ("#010204", "var(--chart-bar, #2b6cb0)"),
    ("#010205", "var(--chart-grid, #d9dde3)"),
    ("#010206", "var(--chart-muted, #4a5260)"),
    ("#010207", "var(--chart-accent, #b2541a)"),
    ("#010301", "var(--chart-cat-1, #2b6cb0)"),
    ("#010302", "var(--chart-cat-2, #b2541a)"),
    ("#010303", "var(--chart-cat-3, #2f855a)"),
    ("#010304", "var(--chart-cat-4, #805ad5)"),
    ("#010305", "var(--chart-cat-5, #b7791f)"),
    ("#010306", "var(--chart-cat-6, #c53030)"),
    ("#010307", "var(--chart-cat-7, #319795)"),
    ("#010308", "var(--chart-cat-8, #718096)"),
];

/// Draws a chart into a fresh SVG and finishes it, or says in the chart's place why it could not.
pub fn render(
    title: &str,
    width: u32,
    height: u32,
    draw: impl FnOnce(&mut String) -> Result<(), Box<dyn std::error::Error>>,
) -> String {
    let mut svg = String::new();
    match draw(&mut svg) {
        Ok(()) => finish(svg, title, width, height),
        Err(error) => message(title, &format!("This chart could not be drawn ({error})."), width),
    }
}

/// Replaces the placeholder colours and makes the SVG scale with its container.
pub fn finish(svg: String, title: &str, width: u32, height: u32) -> String {
    let mut out = svg;
    for (placeholder, css) in SWAPS {
        out = out.replace(placeholder, css).replace(&placeholder.to_lowercase(), css);
    }
    let open = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{label}" font-family="{FONT}"><title>{label}</title>"#,
        label = escape(title)
    );
    match out.find('>') {
        Some(end) if out.starts_with("<svg") => format!("{open}{}", &out[end + 1..]),
        _ => out,
    }
}

/// Escapes text for an SVG attribute or element.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A chart-sized SVG holding one sentence, for when there is nothing (sensible) to draw.
pub fn message(title: &str, text: &str, width: u32) -> String {
    let height = 80;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{label}" font-family="{FONT}"><title>{label}</title><text x="{x}" y="44" text-anchor="middle" font-size="14" fill="currentColor">{text}</text></svg>"#,
        label = escape(title),
        x = width / 2,
        text = escape(text)
    )
}
