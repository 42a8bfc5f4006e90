//! Headstart's charts: pure functions from numbers to SVG text, so they render the same way in
//! the page, in an embed and in a download, and are tested natively.

mod bar;
mod line;
mod theme;

pub use bar::{horizontal_bars, Bar, BarChart};
pub use line::{line_chart, LineChart, Marker, Series, Tone};
pub use headstart_core::format::ValueUnit;
