//! Headstart's charts: pure functions from numbers to SVG text, so they render the same way in
//! the page, in an embed and in a download, and are tested natively.

mod bar;
mod line;
mod scatter;
mod stacked;
mod theme;

pub use bar::{horizontal_bars, Bar, BarChart};
pub use line::{line_chart, LineChart, Marker, Series, Tone};
pub use scatter::{log_scatter, LabelledPoint, ScatterChart};
pub use stacked::{stacked_bars, StackedBarChart, StackedRow};
pub use headstart_core::format::ValueUnit;
