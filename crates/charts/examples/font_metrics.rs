//! Prints `src/metrics_table.rs`, the advance widths the charts measure text with, from a TrueType
//! file: `cargo run -p headstart-charts --example font_metrics -- LiberationSans-Regular.ttf >
//! table.rs`, then move it into place (through a file of its own, since the example is built with
//! the table it replaces).
//! Liberation Sans is metric-compatible with Arial and Helvetica, so one table serves the whole
//! font stack. Reads only the `head`, `hhea`, `hmtx` and `cmap` (format 4) tables.

use std::fmt::Write;

/// The code points chart text may hold: Latin, Greek, punctuation, arrows and the maths signs.
const RANGES: [(u32, u32); 8] = [
    (0x20, 0x7e),
    (0xa0, 0x17f),
    (0x370, 0x3ff),
    (0x2010, 0x2044),
    (0x2070, 0x20ac),
    (0x2190, 0x2193),
    (0x2200, 0x2265),
    (0x25a0, 0x25cf),
];

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([data[at], data[at + 1]])
}

fn u32_at(data: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> &'a [u8] {
    let count = u16_at(font, 4) as usize;
    (0..count)
        .map(|i| 12 + 16 * i)
        .find(|&record| &font[record..record + 4] == tag)
        .map(|record| {
            let (offset, length) = (u32_at(font, record + 8) as usize, u32_at(font, record + 12) as usize);
            &font[offset..offset + length]
        })
        .unwrap_or_else(|| panic!("no {} table", String::from_utf8_lossy(tag)))
}

/// The glyph of a code point through a format 4 (BMP) cmap subtable, 0 when the font has none.
fn glyph(cmap: &[u8], code: u32) -> u16 {
    let records = u16_at(cmap, 2) as usize;
    let subtable = (0..records)
        .map(|i| 4 + 8 * i)
        .find(|&r| u16_at(cmap, r) == 3 && u16_at(cmap, r + 2) == 1)
        .map(|r| u32_at(cmap, r + 4) as usize)
        .expect("a Windows Unicode BMP cmap");
    let sub = &cmap[subtable..];
    assert_eq!(u16_at(sub, 0), 4, "cmap format 4");
    let segments = u16_at(sub, 6) as usize / 2;
    let (ends, starts, deltas, offsets) = (14, 16 + 2 * segments, 16 + 4 * segments, 16 + 6 * segments);
    for s in 0..segments {
        let (end, start) = (u16_at(sub, ends + 2 * s) as u32, u16_at(sub, starts + 2 * s) as u32);
        if code > end || code < start {
            continue;
        }
        let (delta, range_offset) = (u16_at(sub, deltas + 2 * s), u16_at(sub, offsets + 2 * s) as usize);
        if range_offset == 0 {
            return (code as u16).wrapping_add(delta);
        }
        let at = offsets + 2 * s + range_offset + 2 * (code - start) as usize;
        let id = u16_at(sub, at);
        return if id == 0 { 0 } else { id.wrapping_add(delta) };
    }
    0
}

fn main() {
    let path = std::env::args().nth(1).expect("the path of a .ttf file");
    let font = std::fs::read(&path).expect("a readable font file");
    let (head, hhea, hmtx, cmap) =
        (table(&font, b"head"), table(&font, b"hhea"), table(&font, b"hmtx"), table(&font, b"cmap"));
    let units = u16_at(head, 18);
    let (ascent, descent) = (u16_at(hhea, 4) as i16, u16_at(hhea, 6) as i16);
    let metrics = u16_at(hhea, 34) as usize;
    let advance = |id: u16| u16_at(hmtx, 4 * (id as usize).min(metrics - 1));
    let name = std::path::Path::new(&path).file_name().unwrap().to_string_lossy().into_owned();
    let mut out = format!(
        "//! Advance widths of {name}, written by `examples/font_metrics.rs`: do not edit by hand.\n\n\
         pub const UNITS_PER_EM: f64 = {units}.0;\npub const ASCENT: f64 = {ascent}.0;\npub const DESCENT: f64 = {}.0;\n\n\
         /// Runs of consecutive code points from their first, in font units; 0 where the font has no glyph.\n\
         #[rustfmt::skip]\npub const BLOCKS: &[(u32, &[u16])] = &[\n",
        -descent
    );
    for (first, last) in RANGES {
        let widths: Vec<String> = (first..=last)
            .map(|code| glyph(cmap, code))
            .map(|id| if id == 0 { 0 } else { advance(id) }.to_string())
            .collect();
        writeln!(out, "    ({first:#x}, &[{}]),", widths.join(", ")).unwrap();
    }
    out.push_str("];\n");
    print!("{out}");
}
