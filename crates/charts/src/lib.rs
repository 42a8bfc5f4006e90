//! Headstart's charts: pure functions from numbers to SVG text, so they render the same way in
//! the page, in an embed and in a download, and are tested natively.

mod bar;
mod export;
mod font;
mod heatmap;
mod histogram;
mod line;
mod metrics_table;
mod scatter;
mod stacked;
mod table;
mod theme;
mod tornado;

pub use bar::{horizontal_bars, Bar, BarChart};
pub use font::{ascent, descent, text_width, FONT};
pub use export::{render, view_box, with_credits, Rendered};
pub use headstart_core::format::ValueUnit;
pub use heatmap::{heatmap_chart, HeatmapChart};
pub use histogram::{histogram_chart, HistogramChart};
pub use line::{line_chart, LineChart, Marker, Series, Tone};
pub use scatter::{log_scatter, LabelledPoint, ScatterChart};
pub use stacked::{stacked_bars, StackedBarChart, StackedRow};
pub use table::{Chart, DataTable};
pub use tornado::{tornado_chart, TornadoChart, TornadoRow};
