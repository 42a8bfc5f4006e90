//! A chart as the page shows it and as a reader takes it away: the SVG with its title, source
//! and link written into the picture, so a downloaded or embedded copy still says where it is from.

use crate::font::FONT;
use crate::hits::Layer;
use crate::table::{Chart, DataTable};
use crate::theme::escape;
use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// Any of the charts, so the page can keep one and draw it again at the width its box has.
///
/// A trait object rather than an enum of the seven kinds: an enum's `match` linked every kind's
/// drawing code into every bundle, so an embed of one bar chart carried the heat map, the
/// tornado and the rest. Now a bundle holds the kinds it makes.
#[derive(Clone)]
pub struct AnyChart(Arc<dyn DynChart>);

/// What a kept chart needs beyond [`Chart`]: comparing with another of any kind (so a memo that
/// recomputes the same chart does not redraw it) and crossing Leptos's `Send + Sync` bound.
trait DynChart: Chart + fmt::Debug + Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn DynChart) -> bool;
}

impl<C: Chart + fmt::Debug + PartialEq + Send + Sync + 'static> DynChart for C {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn DynChart) -> bool {
        other.as_any().downcast_ref::<C>() == Some(self)
    }
}

impl AnyChart {
    pub fn new<C: Chart + fmt::Debug + PartialEq + Send + Sync + 'static>(chart: C) -> AnyChart {
        AnyChart(Arc::new(chart))
    }

    fn inner(&self) -> &dyn Chart {
        &*self.0
    }

    /// Everything the page needs of the chart.
    pub fn rendered(self) -> Rendered {
        Rendered {
            title: self.title().to_owned(),
            placeholder: String::new(),
            table: self.table(),
            summary: self.summary(),
            chart: Some(self),
            filling: false,
        }
    }
}

impl PartialEq for AnyChart {
    fn eq(&self, other: &AnyChart) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.same(&*other.0)
    }
}

impl fmt::Debug for AnyChart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Chart for AnyChart {
    fn title(&self) -> &str {
        self.inner().title()
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        self.inner().svg_layered(width, layer)
    }

    fn width(&self) -> u32 {
        self.inner().width()
    }

    fn table(&self) -> DataTable {
        self.inner().table()
    }

    fn summary(&self) -> String {
        self.inner().summary()
    }
}

/// Everything the page needs of one chart, computed once per change. The picture itself is
/// drawn on demand: on screen at the width of its box, and at the publication width only when a
/// reader takes a copy away, so a change draws each chart once, not twice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub title: String,
    /// What stands in the chart's place while there is no chart (a sentence while a job runs).
    pub placeholder: String,
    pub table: DataTable,
    pub summary: String,
    /// The chart itself, to draw for any width; `None` for a placeholder.
    pub chart: Option<AnyChart>,
    /// A chart still filling in (a heat map as its rows arrive) is drawn without its hit layer:
    /// it will be drawn again in a moment, and its targets are what makes it heavy.
    pub filling: bool,
}

impl Rendered {
    /// The chart drawn for a box `width` pixels wide (a placeholder stays as it is).
    pub fn svg_at(&self, width: u32) -> String {
        self.chart.as_ref().map_or_else(|| self.placeholder.clone(), |chart| chart.svg_at(width))
    }

    /// The chart for a box `width` pixels wide with a hit target over each mark: the page's own
    /// rendering, which a reader can point at, tab through and tap.
    pub fn svg_with_hits_at(&self, width: u32) -> String {
        let layer = if self.filling { Layer::Plain } else { Layer::Interactive };
        self.chart.as_ref().map_or_else(|| self.placeholder.clone(), |chart| chart.svg_layered(width, layer))
    }

    /// The chart at its own width, the publication size: what downloads and embeds are sized by,
    /// whatever the reader's screen.
    pub fn svg(&self) -> String {
        self.chart.as_ref().map_or_else(|| self.placeholder.clone(), Chart::svg)
    }
}

pub fn render<C: Chart + Clone + fmt::Debug + PartialEq + Send + Sync + 'static>(chart: &C) -> Rendered {
    AnyChart::new(chart.clone()).rendered()
}

const HEADER: u32 = 34;
const FOOTER: u32 = 40;

/// The chart inside a larger SVG with its title above and the source and link below, on a white
/// ground with the light theme's colours: a file that stands on its own.
pub fn with_credits(svg: &str, title: &str, source: &str, link: &str) -> String {
    let (width, height) = view_box(svg).unwrap_or((760, 400));
    let total = height + HEADER + FOOTER;
    let inner = svg.replacen("<svg ", &format!(r#"<svg x="0" y="{HEADER}" "#), 1);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total}" width="{width}" height="{total}" font-family="{FONT}" color="#1a202c"><title>{t}</title><desc>Source: {s}. View: {l}</desc><rect width="100%" height="100%" fill="#ffffff"/><text x="12" y="22" font-size="16" font-weight="600" fill="currentColor">{t}</text>{inner}<text x="12" y="{y1}" font-size="11" fill="#4a5260">Source: {s}</text><text x="12" y="{y2}" font-size="11" fill="#4a5260">{l}</text></svg>"##,
        t = escape(title),
        s = escape(source),
        l = escape(link),
        y1 = HEADER + height + 16,
        y2 = HEADER + height + 32,
    )
}

/// Width and height from a chart's `viewBox="0 0 w h"`.
pub fn view_box(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("viewBox=\"")? + 9;
    let end = start + svg[start..].find('"')?;
    let numbers: Vec<u32> = svg[start..end].split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match numbers[..] {
        [_, _, width, height] => Some((width, height)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{horizontal_bars, horizontal_bars_at, Bar, BarChart, ValueUnit};

    /// A chart of one $1 bar, "A".
    fn one_bar(title: &str, value_label: &str, width: u32) -> BarChart {
        BarChart {
            title: title.into(),
            value_label: value_label.into(),
            unit: ValueUnit::Money,
            bars: vec![Bar { label: "A".into(), value: Some(1.0), range: None }],
            width,
        }
    }

    #[test]
    fn a_chart_still_filling_in_is_drawn_without_its_hit_layer() {
        let done = render(&one_bar("Cost", "Cost (USD)", 760));
        assert!(done.svg_with_hits_at(400).contains(r#"<g class="hits""#));
        let filling = Rendered { filling: true, ..done };
        assert_eq!(filling.svg_with_hits_at(400), filling.svg_at(400));
    }

    #[test]
    fn a_credited_chart_carries_title_source_and_link_around_the_original() {
        let chart = one_bar("Cost & time", "USD", 500);
        let svg = horizontal_bars(&chart);
        let (width, height) = view_box(&svg).unwrap();
        let credited =
            with_credits(&svg, &chart.title, "Headstart dataset", "https://example.org/ledger?a=1&b=2");
        assert_eq!(view_box(&credited), Some((width, height + HEADER + FOOTER)));
        assert!(
            credited.contains("Cost &amp; time")
                && credited.contains("Source: Headstart dataset")
                && credited.contains("?a=1&amp;b=2")
        );
        assert!(credited.contains(r#"<svg x="0" y="34" xmlns"#));
        assert_eq!(credited.matches("<svg").count(), 2);
        let rendered = render(&chart);
        assert_eq!(rendered.summary, "Cost & time: 1 bar, largest A ($1), smallest A ($1).");
        assert_eq!(rendered.svg(), svg, "the publication rendering is the chart at its own width");
        assert_eq!(rendered.svg_at(300), horizontal_bars_at(&chart, 300));
    }
}
