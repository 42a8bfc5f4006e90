//! A share card's picture: 1200×630, the site's name and the title over the route's chart as the
//! charts crate draws it (or over the page's description, for a page without a chart), in the
//! light theme's literal colours, rasterised natively by resvg with the bundled font.

use super::tags::{CARD_HEIGHT, CARD_WIDTH};
use headstart_charts::{
    light_literals, text_width, view_box, AnyChart, Chart, FONT, LIGHT_BACKGROUND, LIGHT_MUTED, LIGHT_TEXT,
};
use headstart_core::share::SITE;
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// Liberation Sans (SIL OFL 1.1, fonts/LICENSE-LiberationSans.txt) has Arial's advance widths, the
/// ones the charts lay their text out with (crates/charts/src/font.rs), so a card's text sits
/// where the layout put it. It is the only font the renderer knows: no system font is loaded.
const FONT_DATA: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
const FONT_FAMILY: &str = "Liberation Sans";

const MARGIN: f64 = 48.0;
const BRAND_SIZE: f64 = 26.0;
const TITLE_SIZE: f64 = 44.0;
/// A long title shrinks to this before it takes a second line, which the chart would lose.
const TITLE_MIN_SIZE: f64 = 32.0;
const SUBTITLE_SIZE: f64 = 26.0;
/// The text-only card's description: larger, since it is all there is.
const DESCRIPTION_SIZE: f64 = 32.0;
const LINE: f64 = 1.25;
/// The widths a chart is drawn at, for a card to pick the one that fills it best: the publication
/// size and the wide class's designs, never the narrow ones.
const CHART_WIDTHS: [u32; 4] = [640, 760, 900, 1104];

/// What fills a card under its title.
pub enum Body<'a> {
    /// A chart, with a line above it (the chart's title, on a page's card).
    Chart { chart: &'a AnyChart, caption: Option<&'a str> },
    /// A page without a chart: its description.
    Text(&'a str),
}

/// Why a card could not be drawn.
#[derive(Debug)]
pub enum PictureError {
    Svg(String),
    Png(String),
}

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureError::Svg(message) => write!(f, "its SVG could not be read: {message}"),
            PictureError::Png(message) => write!(f, "its PNG could not be written: {message}"),
        }
    }
}

impl std::error::Error for PictureError {}

/// `text` broken into lines no wider than `width` at `size`, measured as the charts measure.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Lines of text from `top` (the first line's top), returned with the bottom of the last.
fn text_block(lines: &[String], size: f64, colour: &str, top: f64, out: &mut String) -> f64 {
    let mut baseline = top + size * 0.9;
    for line in lines {
        out.push_str(&format!(
            r#"<text x="{MARGIN}" y="{baseline:.1}" font-size="{size}" fill="{colour}">{}</text>"#,
            escape(line)
        ));
        baseline += size * LINE;
    }
    top + size * LINE * lines.len() as f64
}

/// The chart drawn at the width that fills `width` × `height` best, scaled into it and centred
/// across: its text comes out largest that way.
fn place_chart(chart: &AnyChart, top: f64, width: f64, height: f64) -> String {
    let drawn = CHART_WIDTHS.map(|w| {
        let svg = chart.svg_at(w);
        let (w, h) = view_box(&svg).unwrap_or((w, w / 2));
        let scale = (width / f64::from(w)).min(height / f64::from(h));
        (scale, w, svg)
    });
    let (scale, w, svg) = drawn.into_iter().max_by(|a, b| a.0.total_cmp(&b.0)).expect("four widths");
    let left = MARGIN + (width - f64::from(w) * scale) / 2.0;
    format!(r#"<g transform="translate({left:.1} {top:.1}) scale({scale:.4})">{}</g>"#, light_literals(&svg))
}

/// The card as SVG, every colour literal.
pub fn card_svg(title: &str, body: &Body) -> String {
    let width = f64::from(CARD_WIDTH) - 2.0 * MARGIN;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}" font-family="{FONT}"><rect width="{CARD_WIDTH}" height="{CARD_HEIGHT}" fill="{LIGHT_BACKGROUND}"/>"#
    );
    let mut top = text_block(&[SITE.to_owned()], BRAND_SIZE, LIGHT_MUTED, MARGIN * 0.75, &mut out) + 6.0;
    let bottom = f64::from(CARD_HEIGHT) - MARGIN * 0.6;
    match body {
        Body::Chart { chart, caption } => {
            let size = [TITLE_SIZE, 40.0, 36.0, TITLE_MIN_SIZE]
                .into_iter()
                .find(|&size| text_width(title, size) <= width)
                .unwrap_or(TITLE_MIN_SIZE);
            top = text_block(&wrap(title, size, width), size, LIGHT_TEXT, top, &mut out);
            if let Some(caption) = caption {
                top = text_block(
                    &wrap(caption, SUBTITLE_SIZE, width),
                    SUBTITLE_SIZE,
                    LIGHT_MUTED,
                    top + 4.0,
                    &mut out,
                );
            }
            out.push_str(&place_chart(chart, top + 12.0, width, bottom - top - 12.0));
        }
        Body::Text(description) => {
            // The title and the description, centred in the space under the site's name.
            let size = TITLE_SIZE * 1.4;
            let (title, description) = (wrap(title, size, width), wrap(description, DESCRIPTION_SIZE, width));
            let height =
                LINE * (size * title.len() as f64 + DESCRIPTION_SIZE * description.len() as f64) + 24.0;
            top = text_block(&title, size, LIGHT_TEXT, top.max((bottom + top - height) / 2.0), &mut out);
            text_block(&description, DESCRIPTION_SIZE, LIGHT_MUTED, top + 24.0, &mut out);
        }
    }
    out.push_str("</svg>");
    out
}

/// The renderer's options: the bundled font alone, standing in for every family the SVG names.
fn options() -> usvg::Options<'static> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(FONT_DATA.to_vec());
    fonts.set_sans_serif_family(FONT_FAMILY);
    usvg::Options { font_family: FONT_FAMILY.to_owned(), fontdb: Arc::new(fonts), ..usvg::Options::default() }
}

/// The card's PNG.
pub fn png(svg: &str) -> Result<Vec<u8>, PictureError> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| PictureError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT).expect("a card's size is not zero");
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PictureError::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use headstart_charts::figures::{embed_chart, framework_bars};
    use headstart_charts::PALETTE;
    use headstart_core::dataset::Dataset;
    use headstart_core::embeds::Embed;
    use headstart_core::ledger::{Ledger, LedgerView, Metric};
    use headstart_core::query::QueryReader;

    /// Width and height from a PNG's header, read by the format's definition: the signature, then
    /// the IHDR chunk's big-endian width and height.
    fn png_size(png: &[u8]) -> Option<(u32, u32)> {
        let signature = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
        (png.get(..8)? == signature && png.get(12..16)? == b"IHDR").then(|| {
            let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            (number(16), number(20))
        })
    }

    fn pixels(png: &[u8], colour: (u8, u8, u8)) -> usize {
        let pixmap = tiny_skia::Pixmap::decode_png(png).expect("the PNG decodes");
        pixmap.pixels().iter().filter(|p| (p.red(), p.green(), p.blue()) == colour).count()
    }

    #[test]
    fn a_chart_card_is_a_1200_by_630_png_of_the_chart_and_its_title() {
        let ledger = Ledger::compute(Dataset::bundled(), &LedgerView::default());
        let chart = AnyChart::new(framework_bars(&ledger, Metric::Cost, None));
        let svg = card_svg("Cost per framework", &Body::Chart { chart: &chart, caption: None });
        let png = png(&svg).unwrap();
        assert_eq!(png_size(&png), Some((1200, 630)));
        // The bars, in the palette's first colour, fill a good part of the card...
        let bars = pixels(&png, PALETTE[0]);
        assert!(bars > 20_000, "{bars} bar pixels");
        // ...and the text is drawn: the bundled font is found, no glyph is missing.
        let tree = usvg::Tree::from_str(&svg, &options()).unwrap();
        assert!(tree.root().has_children());
        let text = pixels(&png, (0x1a, 0x1d, 0x21));
        assert!(text > 1_000, "{text} pixels of text colour");
    }

    #[test]
    fn a_text_card_sets_its_title_and_description() {
        let svg = card_svg(
            "Method",
            &Body::Text("How Headstart turns lines of code into person-years and dollars."),
        );
        let png = png(&svg).unwrap();
        assert_eq!(png_size(&png), Some((1200, 630)));
        assert!(pixels(&png, (0x1a, 0x1d, 0x21)) > 1_000, "the title");
        assert!(pixels(&png, (0x4a, 0x52, 0x60)) > 1_000, "the site's name and the description");
    }

    #[test]
    fn the_svg_given_to_resvg_has_only_literal_colours() {
        for embed in Embed::ALL {
            let chart = embed_chart(embed, &mut QueryReader::parse("")).unwrap();
            let svg = card_svg(chart.title(), &Body::Chart { chart: &chart, caption: Some("caption") });
            assert!(!svg.contains("var(") && !svg.contains("currentColor"), "{embed:?}");
            assert!(svg.contains("<svg xmlns") && svg.matches("<svg").count() == 2, "{embed:?}");
        }
    }

    #[test]
    fn long_lines_wrap_within_the_width() {
        let lines = wrap("Share of commits from the sponsor's own domains, to April 2017", 44.0, 600.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|line| text_width(line, 44.0) <= 600.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Share of commits from the sponsor's own domains, to April 2017");
    }
}
