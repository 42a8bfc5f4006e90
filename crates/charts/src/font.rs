//! One way to measure chart text, natively and in the browser alike: the advance widths of Arial's
//! metrics, bundled as a table. plotters measures text through the DOM in wasm and with a guess
//! natively, so the same chart used to lay out differently in the page, in a prerendered page and
//! in the tests.
//!
//! Why Arial's metrics: Arial, Helvetica, Liberation Sans and Arimo share them glyph for glyph
//! (Arial was drawn to Helvetica's widths; Liberation Sans and Arimo to Arial's), and between them
//! they are on practically every reader's machine: Arial on Windows and macOS, Helvetica on iOS
//! and macOS, Liberation Sans or Arimo on Linux and ChromeOS. Named first in the page's font stack,
//! they make this table the truth, where `system-ui` would be a different font on every system.
//! The one common miss is Android, which falls back to Roboto, narrower than Arial, so a box
//! measured here holds Roboto's text too.

use crate::metrics_table::{ASCENT, BLOCKS, DESCENT, UNITS_PER_EM};

/// The page's and the charts' font stack (style/main.css states the same as `--font`).
pub const FONT: &str = "Arial, Helvetica, 'Liberation Sans', Arimo, sans-serif";

/// The advance of a character the table lacks: as wide as a capital for Latin-like scripts, a
/// full em for the wide East Asian blocks.
fn fallback(c: char) -> f64 {
    if ('\u{2e80}'..='\u{ffdc}').contains(&c) {
        UNITS_PER_EM
    } else {
        0.72 * UNITS_PER_EM
    }
}

fn advance(c: char) -> f64 {
    let code = c as u32;
    BLOCKS
        .iter()
        .find_map(|(first, widths)| {
            let index = code.checked_sub(*first)? as usize;
            widths.get(index).copied()
        })
        .filter(|&width| width > 0)
        .map_or_else(|| fallback(c), f64::from)
}

/// The width in pixels of one line of text at `size` pixels.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(advance).sum::<f64>() * size / UNITS_PER_EM
}

/// How far a line's box reaches above its baseline, in pixels at `size`.
pub fn ascent(size: f64) -> f64 {
    ASCENT * size / UNITS_PER_EM
}

/// How far a line's box reaches below its baseline, in pixels at `size`.
pub fn descent(size: f64) -> f64 {
    DESCENT * size / UNITS_PER_EM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_arials() {
        // Arial's advances, in units of a 2048-unit em: "H" 1479, "i" 455, "1" 1139, "×" 1196.
        assert!((text_width("Hi", 2048.0) - (1479.0 + 455.0)).abs() < 1e-9);
        assert!((text_width("1.22×", 2048.0) - (1139.0 * 3.0 + 569.0 + 1196.0)).abs() < 1e-9);
        assert_eq!(text_width("", 13.0), 0.0);
        assert!((ascent(2048.0) - 1854.0).abs() < 1e-9 && (descent(2048.0) - 434.0).abs() < 1e-9);
    }

    #[test]
    fn characters_outside_the_table_still_take_room() {
        assert!(text_width("数", 10.0) >= 10.0);
        assert!(text_width("\u{1f600}", 10.0) > 5.0);
    }
}
