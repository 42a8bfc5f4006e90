//! The text of a chart as boxes, read back from its SVG: an oracle independent of the layout code,
//! which only shares the font's metrics table with it (the browser measures with the same font).

use headstart_charts::text_width;

/// One `<text>` element's box in the SVG's own pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub size: f64,
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl TextBox {
    /// Overlap by more than a hair: touching boxes and anti-aliasing slivers do not count.
    pub fn intersects(&self, other: &TextBox) -> bool {
        const HAIR: f64 = 0.5;
        self.left + HAIR < other.right
            && other.left + HAIR < self.right
            && self.top + HAIR < other.bottom
            && other.top + HAIR < self.bottom
    }

    pub fn inside(&self, width: f64, height: f64) -> bool {
        const HAIR: f64 = 0.5;
        self.left >= -HAIR && self.top >= -HAIR && self.right <= width + HAIR && self.bottom <= height + HAIR
    }
}

/// Arial's (and Liberation Sans's) ascent and descent, as a share of the font size: the box a
/// browser gives a line of SVG text.
const ASCENT: f64 = 1854.0 / 2048.0;
const DESCENT: f64 = 434.0 / 2048.0;
/// Arial's x-height, for plotters' `dy="0.5ex"`.
const X_HEIGHT: f64 = 1062.0 / 2048.0;

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A length in user units, `em` and `ex` taken against the font size.
fn length(value: &str, size: f64) -> f64 {
    let number = |suffix: &str| value.trim_end_matches(suffix).trim().parse::<f64>().unwrap_or(0.0);
    if value.ends_with("em") {
        number("em") * size
    } else if value.ends_with("ex") {
        number("ex") * size * X_HEIGHT
    } else {
        number("px")
    }
}

/// The first `(x, y)` offset of nested `<svg x= y=>` elements before `at`, for credited downloads.
fn offset(svg: &str, at: usize) -> (f64, f64) {
    svg[..at].match_indices("<svg").skip(1).fold((0.0, 0.0), |(x, y), (i, _)| {
        let tag = &svg[i..i + svg[i..].find('>').unwrap_or(0)];
        let get = |name| attribute(tag, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        (x + get("x"), y + get("y"))
    })
}

/// Every non-empty `<text>` element of the SVG as its box.
pub fn text_boxes(svg: &str) -> Vec<TextBox> {
    let mut boxes = Vec::new();
    let mut rest = 0;
    while let Some(found) = svg[rest..].find("<text") {
        let start = rest + found;
        let tag_end = start + svg[start..].find('>').expect("a closed tag");
        let close = tag_end + svg[tag_end..].find("</text>").expect("a closed element");
        rest = close;
        let tag = &svg[start..tag_end];
        let text = unescape(svg[tag_end + 1..close].trim());
        if text.is_empty() {
            continue;
        }
        let size = attribute(tag, "font-size").map_or(16.0, |v| length(v, 16.0));
        let (dx, dy) = offset(svg, start);
        let x = attribute(tag, "x").map_or(0.0, |v| length(v, size)) + dx;
        let y = attribute(tag, "y").map_or(0.0, |v| length(v, size))
            + attribute(tag, "dy").map_or(0.0, |v| length(v, size))
            + dy;
        let width = text_width(&text, size);
        let left = match attribute(tag, "text-anchor") {
            Some("middle") => x - width / 2.0,
            Some("end") => x - width,
            _ => x,
        };
        let (mut top, mut bottom, mut right, mut left) =
            (y - ASCENT * size, y + DESCENT * size, left + width, left);
        // plotters writes rotated axis titles as `rotate(angle, cx, cy)`.
        if let Some(rotation) = attribute(tag, "transform").and_then(|t| t.strip_prefix("rotate(")) {
            let numbers: Vec<f64> =
                rotation.trim_end_matches(')').split(',').filter_map(|n| n.trim().parse().ok()).collect();
            if let [angle, cx, cy] = numbers[..] {
                let (sin, cos) = (angle + 0.0).to_radians().sin_cos();
                let corners = [(left, top), (right, top), (left, bottom), (right, bottom)].map(|(px, py)| {
                    (cx + (px - cx) * cos - (py - cy) * sin, cy + (px - cx) * sin + (py - cy) * cos)
                });
                let xs = corners.map(|c| c.0);
                let ys = corners.map(|c| c.1);
                left = xs.iter().copied().fold(f64::MAX, f64::min);
                right = xs.iter().copied().fold(f64::MIN, f64::max);
                top = ys.iter().copied().fold(f64::MAX, f64::min);
                bottom = ys.iter().copied().fold(f64::MIN, f64::max);
            }
        }
        boxes.push(TextBox { text, size, left, top, right, bottom });
    }
    boxes
}

/// The SVG's `viewBox` size.
pub fn size(svg: &str) -> (f64, f64) {
    let tag = &svg[..svg.find('>').unwrap()];
    let numbers: Vec<f64> =
        attribute(tag, "viewBox").unwrap().split_whitespace().filter_map(|n| n.parse().ok()).collect();
    (numbers[2], numbers[3])
}

/// Every pair of intersecting boxes, and every box that leaves the picture.
pub fn faults(svg: &str) -> (Vec<(TextBox, TextBox)>, Vec<TextBox>) {
    let boxes = text_boxes(svg);
    let (width, height) = size(svg);
    let mut pairs = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.intersects(b) {
                pairs.push((a.clone(), b.clone()));
            }
        }
    }
    let outside = boxes.iter().filter(|b| !b.inside(width, height)).cloned().collect();
    (pairs, outside)
}
