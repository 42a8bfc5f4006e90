//! Colours, and the SVG document around a chart. Series colours are one palette shared by both
//! themes: the same literal colours on light and dark pages and in downloads, chosen to keep 3:1
//! contrast against either page and to stay apart from their neighbours for colour-blind readers
//! (tests/palette.rs checks both). Text, axes and grid lines follow the page's theme instead:
//! plotters writes literal colours, so they are drawn in placeholder colours that are then
//! swapped for CSS (`currentColor` and custom properties, with the light theme as fallback).

use crate::font::FONT;
use crate::frame::Drawing;
use crate::hits::{self, Layer};
use crate::text::{Ink, Label};
use plotters::style::RGBColor;

/// Text, axes and the "total" line: the page's text colour.
pub const INK: RGBColor = RGBColor(1, 2, 3);
pub const GRID: RGBColor = RGBColor(1, 2, 5);
/// Secondary text and reference lines: the page's muted text colour.
pub const MUTED: RGBColor = RGBColor(1, 2, 6);

/// The series colours, in order: Okabe and Ito's colour-blind-safe hues (blue, vermillion, sky
/// blue, green, reddish purple, orange), darkened or lightened into the band of luminance that
/// keeps 3:1 contrast against both white and the dark theme's near-black, ordered so that
/// neighbours alternate between the blue and the orange side, which is what deuteranopes and
/// protanopes still tell apart. The last, grey, is "everything else".
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xb2),
    (0xd5, 0x5e, 0x00),
    (0x00, 0x97, 0xe9),
    (0x1c, 0xa6, 0x4a),
    (0xcc, 0x79, 0xa7),
    (0xa2, 0x6f, 0x00),
    (0xe1, 0x5c, 0xcb),
    (0x76, 0x76, 0x76),
];

/// The `i`th series colour; the palette repeats past its end.
pub fn series(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

/// Bars, dots and the first line.
pub fn mark() -> RGBColor {
    series(0)
}

/// The second series, and what stands out: the highlighted point, the reference curve.
pub fn accent() -> RGBColor {
    series(1)
}

/// Each placeholder, the CSS that follows the page's theme, and the light theme's literal colour
/// (style/main.css's `--text`, `--chart-grid` and `--muted`) for pictures drawn without a page.
const SWAPS: [(&str, &str, &str); 3] = [
    ("#010203", "currentColor", "#1a1d21"),
    ("#010205", "var(--chart-grid, #d9dde3)", "#d9dde3"),
    ("#010206", "var(--muted, #4a5260)", "#4a5260"),
];

/// The light theme's background (style/main.css's `--bg`), under a picture drawn without a page.
pub const LIGHT_BACKGROUND: &str = "#ffffff";
/// The light theme's text colour, for text a picture adds around a chart.
pub const LIGHT_TEXT: &str = SWAPS[0].2;
/// The light theme's muted text colour.
pub const LIGHT_MUTED: &str = SWAPS[2].2;

/// A chart's SVG with the light theme's literal colours in place of the page's CSS, for a
/// renderer with no page around it (the build's share cards rasterise it with resvg, which knows
/// neither custom properties nor the page's text colour).
pub fn light_literals(svg: &str) -> String {
    SWAPS.iter().fold(svg.to_owned(), |out, (_, css, literal)| out.replace(css, literal))
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The CSS colour of text in `ink`.
pub fn ink_css(ink: Ink) -> String {
    match ink {
        Ink::Text => SWAPS[0].1.to_owned(),
        Ink::Muted => SWAPS[2].1.to_owned(),
        Ink::Series(i) => hex(PALETTE[i % PALETTE.len()]),
    }
}

/// Draws a chart into a fresh SVG and finishes it with its text and, for an interactive
/// `layer`, its hit targets over everything; or says in the chart's place why it could not.
pub fn render(
    title: &str,
    width: u32,
    height: u32,
    layer: Layer,
    draw: impl FnOnce(&mut String) -> Result<Drawing, Box<dyn std::error::Error>>,
) -> String {
    let mut svg = String::new();
    match draw(&mut svg) {
        Ok(drawing) => {
            let out = finish(svg, title, width, height, &drawing.labels);
            match layer {
                Layer::Plain => out,
                Layer::Interactive => hits::append(out, &drawing.hits),
            }
        }
        Err(error) => message(title, &format!("This chart could not be drawn ({error})."), width),
    }
}

/// Replaces the placeholder colours, writes the text over the marks and makes the SVG scale
/// with its container.
pub fn finish(svg: String, title: &str, width: u32, height: u32, labels: &[Label]) -> String {
    let mut out = svg;
    for (placeholder, css, _) in SWAPS {
        out = out.replace(placeholder, css).replace(&placeholder.to_lowercase(), css);
    }
    let open = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{label}" font-family="{FONT}"><title>{label}</title>"#,
        label = escape(title)
    );
    let text: String = labels.iter().map(Label::to_svg).collect();
    match (out.find('>'), out.rfind("</svg>")) {
        (Some(end), Some(close)) if out.starts_with("<svg") && close > end => {
            format!("{open}{}{text}</svg>", &out[end + 1..close])
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_goes_over_the_marks_and_placeholders_become_css() {
        let svg = r##"<svg width="10" height="10" viewBox="0 0 10 10"><rect fill="#010205"/></svg>"##;
        let label = Label::new("c*", 12.0, Ink::Series(1)).middle(5.0, 5.0, crate::text::Align::Middle);
        let out = finish(svg.into(), "T", 10, 10, &[label]);
        assert!(out.contains(r#"<rect fill="var(--chart-grid, #d9dde3)"/><text"#), "{out}");
        assert!(out.ends_with(r##"fill="#D55E00">c*</text></svg>"##), "{out}");
        assert!(out.starts_with("<svg xmlns") && out.contains("<title>T</title>"));
    }

    #[test]
    fn light_literals_leave_no_css_and_match_the_light_theme() {
        let label = Label::new("A", 12.0, Ink::Muted).middle(5.0, 5.0, crate::text::Align::Start);
        let svg = r##"<svg width="10" height="10" viewBox="0 0 10 10"><rect fill="#010205" stroke="#010203"/></svg>"##;
        let out = light_literals(&finish(svg.into(), "T", 10, 10, &[label]));
        assert!(!out.contains("var(") && !out.contains("currentColor"), "{out}");
        assert!(out.contains(r##"<rect fill="#d9dde3" stroke="#1a1d21"/>"##), "{out}");
        // The page's own light theme, read from its stylesheet.
        let css = include_str!("../../../style/main.css");
        let root = &css[css.find(":root {").unwrap()..];
        let root = &root[..root.find('}').unwrap()];
        let property = |name: &str| {
            let start = root.find(&format!("{name}: ")).unwrap() + name.len() + 2;
            root[start..start + root[start..].find(';').unwrap()].to_owned()
        };
        assert_eq!(property("--text"), LIGHT_TEXT);
        assert_eq!(property("--muted"), LIGHT_MUTED);
        assert_eq!(property("--chart-grid"), SWAPS[1].2);
        assert_eq!(property("--bg"), LIGHT_BACKGROUND);
    }
}
