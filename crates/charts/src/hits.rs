//! The interaction layer over a chart: plotters' SVG backend cannot put attributes on the marks
//! it draws, so each mark gets a transparent twin placed from the same pixel coordinates plotters
//! was given. The twin carries the mark's name and exact values (`aria-label`, in the page's one
//! number format) and, for a framework, its name as `data-key` so the page can light up the same
//! framework in every chart. plotters still draws everything that is seen; downloads leave this
//! layer out.

use crate::text::Rect;
use crate::theme::escape;

/// Whether a drawing carries the hit layer: only the page's own rendering does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The picture alone: downloads, embeds' snippets, tests of the picture.
    Plain,
    /// The picture and, over it, one focusable hit target per mark.
    Interactive,
}

/// A hit target's footprint, in the SVG's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HitShape {
    Rect(Rect),
    Circle { x: f64, y: f64, r: f64 },
}

/// One mark's hit target.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub shape: HitShape,
    /// What the tooltip and a screen reader say: the mark's name and its values.
    pub label: String,
    /// The framework the mark stands for, shared by every chart that shows it.
    pub key: Option<String>,
}

/// The smallest side of a bar's target, so a thin bar or a short row can still be hit.
const MIN_SIDE: f64 = 8.0;

impl Hit {
    /// A target over the box from `(x0, y0)` to `(x1, y1)`, in either order, at least
    /// `MIN_SIDE` pixels each way.
    pub fn rect((x0, y0): (f64, f64), (x1, y1): (f64, f64), label: String, key: Option<String>) -> Hit {
        let grow = |a: f64, b: f64| {
            let (low, high) = (a.min(b), a.max(b));
            let short = (MIN_SIDE - (high - low)).max(0.0) / 2.0;
            (low - short, high + short)
        };
        let ((left, right), (top, bottom)) = (grow(x0, x1), grow(y0, y1));
        Hit { shape: HitShape::Rect(Rect::new(left, top, right, bottom)), label, key }
    }

    /// A round target of radius `r` centred on a point.
    pub fn circle((x, y): (f64, f64), r: f64, label: String, key: Option<String>) -> Hit {
        Hit { shape: HitShape::Circle { x, y, r }, label, key }
    }

    /// The box the target covers.
    pub fn bounds(&self) -> Rect {
        match self.shape {
            HitShape::Rect(rect) => rect,
            HitShape::Circle { x, y, r } => Rect::around((x, y), r),
        }
    }

    fn to_svg(&self, first: bool) -> String {
        let key = self.key.as_deref().map_or_else(String::new, |k| format!(r#" data-key="{}""#, escape(k)));
        let attributes = format!(
            r#"class="hit" tabindex="{}" role="img" aria-label="{}"{key}"#,
            if first { 0 } else { -1 },
            escape(&self.label)
        );
        match self.shape {
            HitShape::Rect(r) => format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {attributes}/>"#,
                r.left,
                r.top,
                r.right - r.left,
                r.bottom - r.top
            ),
            HitShape::Circle { x, y, r } => {
                format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {attributes}/>"#)
            }
        }
    }
}

/// The layer of targets, in the order a keyboard visits them, as an SVG group. Only the first
/// is in the page's tab order; the page moves that one place with the arrow keys (a roving focus),
/// so a chart is one stop for Tab however many marks it has.
pub fn layer(hits: &[Hit]) -> String {
    if hits.is_empty() {
        return String::new();
    }
    let targets: String = hits.iter().enumerate().map(|(i, hit)| hit.to_svg(i == 0)).collect();
    // Painted, so it takes the pointer, but unseen; the targets inherit the fill (a heat map has
    // 1,600 of them, so every byte per target counts).
    format!(r#"<g class="hits" fill="transparent">{targets}</g>"#)
}

/// Writes the layer over everything else in a finished chart, just before its closing tag.
pub fn append(svg: String, hits: &[Hit]) -> String {
    match svg.rfind("</svg>") {
        Some(close) if !hits.is_empty() => format!("{}{}</svg>", &svg[..close], layer(hits)),
        _ => svg,
    }
}

#[cfg(test)]
pub mod check {
    //! What every chart's hit layer must satisfy, for the charts' own tests.
    use super::*;
    use crate::view_box;

    /// The hits written in `svg`, as (tag, aria-label, data-key) triples.
    pub fn targets(svg: &str) -> Vec<(String, String, Option<String>)> {
        let Some(start) = svg.find(r#"<g class="hits""#) else { return Vec::new() };
        svg[start..]
            .split('<')
            .filter(|tag| tag.contains(r#"class="hit""#))
            .map(|tag| {
                let attr = |name: &str| {
                    let from = tag.find(&format!(" {name}=\""))? + name.len() + 3;
                    Some(tag[from..from + tag[from..].find('"')?].to_owned())
                };
                (
                    tag.split(' ').next().unwrap_or("").to_owned(),
                    attr("aria-label").unwrap_or_default(),
                    attr("data-key"),
                )
            })
            .collect()
    }

    /// Every hit lies within the chart's picture.
    pub fn inside(hits: &[Hit], svg: &str) {
        let (width, height) = view_box(svg).expect("a sized chart");
        for hit in hits {
            let b = hit.bounds();
            assert!(
                b.left >= -1.0
                    && b.top >= -1.0
                    && b.right <= width as f64 + 1.0
                    && b.bottom <= height as f64 + 1.0,
                "{hit:?} outside {width}x{height}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thin_target_grows_to_be_hit_and_text_is_escaped() {
        let hit = Hit::rect((10.0, 20.0), (10.5, 40.0), "R&D: \"$1\"".into(), Some("R&D".into()));
        let b = hit.bounds();
        assert_eq!((b.left, b.right, b.top, b.bottom), (6.25, 14.25, 20.0, 40.0));
        let svg = append("<svg><rect/></svg>".into(), &[hit]);
        assert!(
            svg.ends_with(r#"aria-label="R&amp;D: &quot;$1&quot;" data-key="R&amp;D"/></g></svg>"#),
            "{svg}"
        );
        assert_eq!(append("<svg></svg>".into(), &[]), "<svg></svg>", "no targets, no layer");
    }
}
