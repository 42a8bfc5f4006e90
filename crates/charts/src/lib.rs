//! Headstart's charts: pure functions from numbers to SVG text, so they render the same way in
//! the page, in an embed and in a download, and are tested natively.

mod axis;
mod bar;
mod export;
pub mod figures;
mod font;
mod frame;
mod heatmap;
mod histogram;
mod hits;
mod line;
mod metrics_table;
mod scatter;
mod size;
mod stacked;
mod table;
#[cfg(test)]
mod test_svg;
mod text;
mod theme;
mod tornado;

pub use bar::{horizontal_bars, horizontal_bars_at, Bar, BarChart};
pub use export::{render, view_box, with_credits, AnyChart, Rendered};
pub use font::{ascent, descent, text_width, FONT};
pub use headstart_core::format::ValueUnit;
pub use heatmap::{heatmap_chart, heatmap_chart_at, HeatmapChart};
pub use histogram::{histogram_chart, histogram_chart_at, HistogramChart};
pub use hits::{Hit, HitShape, Layer};
pub use line::{line_chart, line_chart_at, LineChart, Marker, Series, Tone};
pub use scatter::{log_scatter, log_scatter_at, LabelledPoint, ScatterChart};
pub use size::{drawn_width, Rows, Shape, WidthClass, MIN_WIDTH, PUBLICATION_WIDTH, UNMEASURED_WIDTH};
pub use stacked::{stacked_bars, stacked_bars_at, StackedBarChart, StackedRow};
pub use table::{Chart, DataTable};
pub use text::short_name;
pub use theme::{light_literals, LIGHT_BACKGROUND, LIGHT_MUTED, LIGHT_TEXT, PALETTE};
pub use tornado::{tornado_chart, tornado_chart_at, TornadoChart, TornadoRow};
