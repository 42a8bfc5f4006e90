pub mod app_charts;
pub mod svg_text;
