//! Chart text as the charts place it: lines of text with their boxes, measured with the font's
//! metrics table, and written into the SVG by this crate rather than by plotters, whose SVG text
//! is sized and aligned by guesses (it writes 13 px as 10.5 px and centres with `ex` units).

use crate::font::{ascent, descent, text_width};
use crate::theme::{escape, ink_css};

/// A box in the chart's pixels, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn new(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect { left, top, right, bottom }
    }

    /// The square of half-side `radius` around a point: a dot's footprint.
    pub fn around((x, y): (f64, f64), radius: f64) -> Rect {
        Rect::new(x - radius, y - radius, x + radius, y + radius)
    }

    #[cfg(test)]
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    pub fn grown(&self, by: f64) -> Rect {
        Rect::new(self.left - by, self.top - by, self.right + by, self.bottom + by)
    }

    /// Whether the two share more than an edge.
    pub fn intersects(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn contains(&self, other: &Rect) -> bool {
        other.left >= self.left
            && other.right <= self.right
            && other.top >= self.top
            && other.bottom <= self.bottom
    }

    /// The point of the box nearest to `point`.
    pub fn nearest(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x.clamp(self.left, self.right), y.clamp(self.top, self.bottom))
    }

    pub fn distance(&self, point: (f64, f64)) -> f64 {
        let (x, y) = self.nearest(point);
        (x - point.0).hypot(y - point.1)
    }
}

/// Which end of a line of text its x is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// A colour for text: the page's text colour, its muted colour, or a series colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Text,
    Muted,
    Series(usize),
}

/// One line of chart text at a position: x by its alignment, y at its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub size: f64,
    pub ink: Ink,
    pub x: f64,
    pub baseline: f64,
    pub align: Align,
}

impl Label {
    pub fn new(text: impl Into<String>, size: f64, ink: Ink) -> Label {
        Label { text: text.into(), size, ink, x: 0.0, baseline: 0.0, align: Align::Start }
    }

    pub fn width(&self) -> f64 {
        text_width(&self.text, self.size)
    }

    /// The height of a line's box at `size`: what a browser reports for SVG text.
    pub fn height_at(size: f64) -> f64 {
        ascent(size) + descent(size)
    }

    /// The same text with its vertical middle at `y`.
    pub fn middle(&self, x: f64, y: f64, align: Align) -> Label {
        let baseline = y + (ascent(self.size) - descent(self.size)) / 2.0;
        Label { x, baseline, align, ..self.clone() }
    }

    /// The same text with its box's top at `y`.
    pub fn top(&self, x: f64, y: f64, align: Align) -> Label {
        Label { x, baseline: y + ascent(self.size), align, ..self.clone() }
    }

    /// The same text with its box's bottom at `y`.
    pub fn bottom(&self, x: f64, y: f64, align: Align) -> Label {
        Label { x, baseline: y - descent(self.size), align, ..self.clone() }
    }

    pub fn rect(&self) -> Rect {
        let width = self.width();
        let left = match self.align {
            Align::Start => self.x,
            Align::Middle => self.x - width / 2.0,
            Align::End => self.x - width,
        };
        Rect::new(left, self.baseline - ascent(self.size), left + width, self.baseline + descent(self.size))
    }

    /// The same label moved sideways, keeping its alignment, so that its box lies within
    /// `left..right` where it can.
    pub fn kept_within(&self, left: f64, right: f64) -> Label {
        let rect = self.rect();
        let shift = if rect.left < left {
            left - rect.left
        } else if rect.right > right {
            right - rect.right
        } else {
            0.0
        };
        Label { x: self.x + shift, ..self.clone() }
    }

    pub fn to_svg(&self) -> String {
        let anchor = match self.align {
            Align::Start => "",
            Align::Middle => r#" text-anchor="middle""#,
            Align::End => r#" text-anchor="end""#,
        };
        format!(
            r#"<text x="{:.1}" y="{:.1}" font-size="{}"{anchor} fill="{}">{}</text>"#,
            self.x,
            self.baseline,
            self.size,
            ink_css(self.ink),
            escape(&self.text)
        )
    }
}

/// Room kept clear between a label and anything else.
const CLEARANCE: f64 = 1.0;

/// Places a chart's text so that no two boxes meet and none leaves the chart: fixed text (ticks,
/// titles, legends) first, then labels that may move, each at the first of its candidate
/// positions that is free, or dropped when none is (the chart's table and tooltips still carry
/// it). Marks registered with `avoid` are kept clear of labels too.
#[derive(Clone, Debug)]
pub struct Placer {
    bounds: Rect,
    taken: Vec<Rect>,
    labels: Vec<Label>,
    leaders: Vec<[(f64, f64); 2]>,
}

impl Placer {
    pub fn new(width: f64, height: f64) -> Placer {
        Placer {
            bounds: Rect::new(0.0, 0.0, width, height),
            taken: Vec::new(),
            labels: Vec::new(),
            leaders: Vec::new(),
        }
    }

    /// Text that is drawn wherever it is: its layout has already kept it clear.
    pub fn fixed(&mut self, label: Label) -> Rect {
        let rect = label.rect();
        self.taken.push(rect);
        self.labels.push(label);
        rect
    }

    /// A mark labels must not cover.
    pub fn avoid(&mut self, rect: Rect) {
        self.taken.push(rect);
    }

    /// A line `stroke` pixels wide that labels must not cover, given by its vertices in pixels.
    pub fn avoid_line(&mut self, points: &[(f64, f64)], stroke: f64) {
        const EVERY: f64 = 3.0;
        for pair in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let steps = ((x1 - x0).hypot(y1 - y0) / EVERY).ceil().max(1.0) as usize;
            for i in 0..=steps {
                let t = i as f64 / steps as f64;
                self.taken.push(Rect::around((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t), stroke / 2.0 + 1.0));
            }
        }
    }

    pub fn is_free(&self, rect: &Rect, within: &Rect) -> bool {
        within.contains(rect)
            && self.bounds.contains(rect)
            && !self.taken.iter().any(|taken| taken.grown(CLEARANCE).intersects(rect))
    }

    /// The first candidate that is free within `within`, placed; `None` when none is.
    pub fn first_fit(&mut self, candidates: impl IntoIterator<Item = Label>, within: Rect) -> Option<Rect> {
        let label = candidates.into_iter().find(|label| self.is_free(&label.rect(), &within))?;
        Some(self.fixed(label))
    }

    /// A direct label for the point at `point` drawn with radius `radius`: beside the point if
    /// there is room, else nudged further out with a leader line back to the point, else dropped
    /// (returns false).
    pub fn point_label(&mut self, label: &Label, point: (f64, f64), radius: f64, within: Rect) -> bool {
        const STEP: f64 = 6.0;
        const RINGS: usize = 10;
        let near = radius + 3.0;
        let candidates = (0..=RINGS).flat_map(|ring| {
            let d = near + STEP * ring as f64;
            around(label, point, d)
        });
        let Some(rect) = self.first_fit(candidates, within) else { return false };
        if rect.distance(point) > near + 1.0 {
            let end = rect.nearest(point);
            let (dx, dy) = (end.0 - point.0, end.1 - point.1);
            let length = dx.hypot(dy);
            let start = (point.0 + dx / length * (radius + 1.0), point.1 + dy / length * (radius + 1.0));
            self.leaders.push([start, end]);
        }
        true
    }

    #[cfg(test)]
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Lines from nudged labels back to their points.
    pub fn leaders(&self) -> &[[(f64, f64); 2]] {
        &self.leaders
    }

    pub fn into_labels(self) -> Vec<Label> {
        self.labels
    }
}

/// A label's positions at distance `d` around a point, in the order a reader expects: right,
/// left, above, below, then the diagonals.
fn around(label: &Label, (x, y): (f64, f64), d: f64) -> [Label; 8] {
    let h = label.size * 0.2;
    let diagonal = d * 0.7;
    [
        label.middle(x + d, y, Align::Start),
        label.middle(x - d, y, Align::End),
        label.bottom(x, y - d + h, Align::Middle),
        label.top(x, y + d - h, Align::Middle),
        label.bottom(x + diagonal, y - diagonal + h, Align::Start),
        label.top(x + diagonal, y + diagonal - h, Align::Start),
        label.bottom(x - diagonal, y - diagonal + h, Align::End),
        label.top(x - diagonal, y + diagonal - h, Align::End),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Label {
        Label::new(text, 12.0, Ink::Text)
    }

    #[test]
    fn boxes_follow_alignment_and_baseline() {
        let l = label("Caffe").middle(100.0, 50.0, Align::End);
        let r = l.rect();
        assert!((r.right - 100.0).abs() < 1e-9 && (r.width() - l.width()).abs() < 1e-9);
        assert!(((r.top + r.bottom) / 2.0 - 50.0).abs() < 1e-9, "centred on y");
        let top = label("x").top(0.0, 10.0, Align::Start).rect();
        assert!((top.top - 10.0).abs() < 1e-9);
        let bottom = label("x").bottom(0.0, 10.0, Align::Start).rect();
        assert!((bottom.bottom - 10.0).abs() < 1e-9);
    }

    #[test]
    fn colliding_point_labels_are_nudged_with_a_leader_or_dropped() {
        let mut placer = Placer::new(400.0, 300.0);
        let within = Rect::new(0.0, 0.0, 400.0, 300.0);
        for i in 0..4 {
            assert!(placer.point_label(&label("Keras"), (200.0, 150.0 + i as f64), 4.0, within));
        }
        let rects: Vec<Rect> = placer.labels().iter().map(Label::rect).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(rects[i + 1..].iter().all(|b| !a.intersects(b)), "{rects:?}");
        }
        assert!(rects[0].left > 200.0 && rects[1].right < 200.0, "right of the point, then left of it");
        assert!(!placer.leaders().is_empty(), "the later ones moved out, with leaders");

        let mut crowded = Placer::new(60.0, 20.0);
        let tight = Rect::new(0.0, 0.0, 60.0, 20.0);
        assert!(crowded.point_label(&label("Caffe"), (5.0, 10.0), 2.0, tight));
        assert!(!crowded.point_label(&label("Chainer"), (6.0, 10.0), 2.0, tight), "no room left");
        assert_eq!(crowded.labels().len(), 1);
    }

    #[test]
    fn a_label_far_from_its_point_gets_a_leader() {
        let mut placer = Placer::new(400.0, 300.0);
        let within = Rect::new(0.0, 0.0, 400.0, 300.0);
        // Walls on every side of the point up to 20 px out.
        placer.avoid(Rect::new(150.0, 120.0, 250.0, 140.0));
        placer.avoid(Rect::new(150.0, 160.0, 250.0, 180.0));
        placer.avoid(Rect::new(150.0, 140.0, 190.0, 160.0));
        placer.avoid(Rect::new(210.0, 140.0, 250.0, 160.0));
        assert!(placer.point_label(&label("MXNet"), (200.0, 150.0), 4.0, within));
        assert_eq!(placer.leaders().len(), 1);
        let [start, end] = placer.leaders()[0];
        assert!((start.0 - 200.0).hypot(start.1 - 150.0) < 6.0);
        assert!(placer.labels()[0].rect().distance(end) < 1e-9);
    }

    #[test]
    fn labels_are_escaped_and_sized_exactly() {
        let svg = label("R&D <lab>").middle(10.0, 10.0, Align::Middle).to_svg();
        assert!(svg.contains(">R&amp;D &lt;lab&gt;</text>") && svg.contains(r#"font-size="12""#), "{svg}");
        assert!(svg.contains(r#"text-anchor="middle""#));
    }
}

/// A name short enough for a narrow chart: the part before " / " or " (", so "CNTK / Microsoft
/// Cognitive Toolkit" reads "CNTK" and "Torch7 (core)" reads "Torch7". The chart's table and
/// tooltips keep the full name.
pub fn short_name(name: &str) -> &str {
    let cut = [" / ", " ("].iter().filter_map(|sep| name.find(sep)).min();
    cut.map_or(name, |at| &name[..at]).trim()
}

/// `text` cut with an ellipsis to fit `width` pixels at `size`.
pub fn fitted(text: &str, size: f64, width: f64) -> String {
    if crate::font::text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out: String = text.to_owned();
    while !out.is_empty() {
        out.pop();
        let candidate = format!("{}…", out.trim_end());
        if crate::font::text_width(&candidate, size) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}

#[cfg(test)]
mod names {
    use super::*;

    #[test]
    fn short_names_keep_the_first_part() {
        assert_eq!(short_name("CNTK / Microsoft Cognitive Toolkit"), "CNTK");
        assert_eq!(short_name("Torch7 (core)"), "Torch7");
        assert_eq!(short_name("Keras"), "Keras");
    }

    #[test]
    fn fitted_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(fitted("Keras", 12.0, 100.0), "Keras");
        let cut = fitted("Deeplearning4j", 12.0, 50.0);
        assert!(cut.ends_with('…') && crate::font::text_width(&cut, 12.0) <= 50.0, "{cut}");
    }
}
