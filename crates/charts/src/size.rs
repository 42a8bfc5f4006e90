//! How big a chart is drawn: a few width classes, each with its own text size, tick density and
//! heights. A chart's height depends on its width class alone (and, for charts of rows, on how
//! many rows it has), so the page can size a chart's box before drawing it and the box keeps its
//! size when the chart is redrawn.

/// The width a chart takes when it is drawn for a download or for a page that has not measured
/// its box: the publication size.
pub const PUBLICATION_WIDTH: u32 = 760;

/// Narrower than this, text could not stay legible: a chart is never drawn narrower.
pub const MIN_WIDTH: u32 = 240;

/// The width a page draws a chart for before it has measured the chart's box: a phone's, the
/// most common first screen, so a guess that is wrong is wrong towards legible text.
pub const UNMEASURED_WIDTH: u32 = 360;

/// Where a chart's width falls. Narrow charts are a different design, not a smaller picture:
/// fewer ticks, short names, row labels above their bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WidthClass {
    /// Under 480 px: a phone, or a narrow column or embed.
    Narrow,
    /// 480 to 767 px: a tablet, half of a pair, or the publication size.
    Medium,
    /// 768 px and more.
    Wide,
}

/// The charts whose height is set by their width class alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Scatter,
    Line,
    Histogram,
    Heatmap,
}

/// The charts made of one row per item, whose height grows with their rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rows {
    Bars,
    Tornado,
    Stacked,
}

impl WidthClass {
    pub const ALL: [WidthClass; 3] = [WidthClass::Narrow, WidthClass::Medium, WidthClass::Wide];

    pub fn of(width: u32) -> WidthClass {
        match width {
            0..480 => WidthClass::Narrow,
            480..768 => WidthClass::Medium,
            _ => WidthClass::Wide,
        }
    }

    /// The narrowest width of the class.
    pub fn min_width(self) -> u32 {
        match self {
            WidthClass::Narrow => MIN_WIDTH,
            WidthClass::Medium => 480,
            WidthClass::Wide => 768,
        }
    }

    /// The size of all chart text, in pixels at the chart's own width (above the 11 px floor).
    pub fn font_size(self) -> f64 {
        match self {
            WidthClass::Narrow | WidthClass::Medium => 12.0,
            WidthClass::Wide => 13.0,
        }
    }

    /// The most ticks along an axis; fewer are drawn when their labels would not fit.
    pub fn most_ticks(self) -> usize {
        match self {
            WidthClass::Narrow => 4,
            WidthClass::Medium => 6,
            WidthClass::Wide => 8,
        }
    }

    /// Whether item names are shortened ("CNTK" for "CNTK / Microsoft Cognitive Toolkit") and
    /// written above their bars rather than beside them.
    pub fn is_narrow(self) -> bool {
        self == WidthClass::Narrow
    }

    /// The height of a chart of this shape.
    pub fn height(self, shape: Shape) -> u32 {
        use WidthClass::*;
        match (shape, self) {
            (Shape::Scatter, Narrow) => 360,
            (Shape::Scatter, Medium) => 440,
            (Shape::Scatter, Wide) => 480,
            (Shape::Line, Narrow) => 300,
            (Shape::Line, Medium) => 360,
            (Shape::Line, Wide) => 400,
            (Shape::Histogram, Narrow) => 280,
            (Shape::Histogram, Medium) => 300,
            (Shape::Histogram, Wide) => 340,
            (Shape::Heatmap, Narrow) => 380,
            (Shape::Heatmap, Medium) => 460,
            (Shape::Heatmap, Wide) => 500,
        }
    }

    /// The height of one row of a chart of rows.
    pub fn row_height(self, rows: Rows) -> u32 {
        use WidthClass::*;
        match (rows, self) {
            // Narrow bars carry their name on a line of its own above the bar.
            (Rows::Bars, Narrow) => 40,
            (Rows::Bars, Medium | Wide) => 28,
            // Room for both ends' values when they fall on the same side and stack.
            (Rows::Tornado, Narrow) => 54,
            (Rows::Tornado, Medium | Wide) => 40,
            (Rows::Stacked, _) => 24,
        }
    }
}

/// The width a chart is drawn at for a box `width` pixels wide.
pub fn drawn_width(width: u32) -> u32 {
    width.max(MIN_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_split_at_480_and_768() {
        assert_eq!(WidthClass::of(320), WidthClass::Narrow);
        assert_eq!(WidthClass::of(479), WidthClass::Narrow);
        assert_eq!(WidthClass::of(480), WidthClass::Medium);
        assert_eq!(WidthClass::of(PUBLICATION_WIDTH), WidthClass::Medium);
        assert_eq!(WidthClass::of(768), WidthClass::Wide);
        assert_eq!(WidthClass::of(UNMEASURED_WIDTH), WidthClass::Narrow);
        for class in WidthClass::ALL {
            assert_eq!(WidthClass::of(class.min_width()), class);
            assert!(class.font_size() >= 11.0);
        }
    }

    #[test]
    fn narrower_classes_are_never_taller() {
        for shape in [Shape::Scatter, Shape::Line, Shape::Histogram, Shape::Heatmap] {
            let heights = WidthClass::ALL.map(|class| class.height(shape));
            assert!(heights.windows(2).all(|pair| pair[0] <= pair[1]), "{shape:?}: {heights:?}");
        }
    }
}
