//! The app's charts themselves: the functions that turn the core's figures into chart specs.
//! The pages, the embeds, the share cards and the layout tests all draw from this one copy, so a
//! chart reads the same wherever it appears.

mod embed;
mod ledger;
mod story;
mod talent;

pub use embed::{embed_chart, ledger_embeds, story_embeds, talent_embeds, EmbedCharts};
pub use ledger::{effort_chart, framework_bars, growth_chart, mix_chart};
pub use story::{alternatives_chart, span};
pub use talent::{
    c_star_map, curve_chart, curve_chart_for, draws_histogram, evidence_chart, evidence_frameworks,
    sensitivity_chart, Curve, Outcome, POINTS,
};
