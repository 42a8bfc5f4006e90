//! Colours that follow the page's theme. plotters writes literal colours, so charts are drawn
//! with placeholder colours that are then swapped for CSS: `currentColor` for text and axes,
//! custom properties (with light-theme fallbacks) for marks. One SVG then suits light and dark
//! pages, embeds included.

use plotters::style::RGBColor;

pub const INK: RGBColor = RGBColor(1, 2, 3);
pub const MARK: RGBColor = RGBColor(1, 2, 4);
pub const GRID: RGBColor = RGBColor(1, 2, 5);
pub const MUTED: RGBColor = RGBColor(1, 2, 6);
pub const ACCENT: RGBColor = RGBColor(1, 2, 7);

pub const FONT: &str = "system-ui, sans-serif";

const SWAPS: [(&str, &str); 5] = [
    ("#010203", "currentColor"),
    ("#010204", "var(--chart-bar, #2b6cb0)"),
    ("#010205", "var(--chart-grid, #d9dde3)"),
    ("#010206", "var(--chart-muted, #4a5260)"),
    ("#010207", "var(--chart-accent, #b2541a)"),
];

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
