//! Pool or spread: the talent-allocation model described in docs/talent-model.md, with its
//! specification's parameters, reference values and the corrections made to it.
//!
//! It asks whether the ecosystem gets more from its ML engineers pooled in a few core labs that
//! open-source platforms, or spread as small teams across firms, using the same effort equation as
//! the cost ledger so that every chart of the app speaks one language. Everything here is pure and
//! incremental where it is slow, so the page can run it on each slider move or in a Web Worker.

mod catalogue;
mod curve;
mod error;
mod heatmap;
mod key;
mod model;
mod monte_carlo;
mod optimum;
mod params;
mod search;
mod study;
mod tornado;
mod uncertainty;
mod view;

#[cfg(test)]
mod tests;

pub use crate::progress::Progress;
pub use crate::stats::{Distribution, Histogram};
pub use catalogue::{ParamMeta, PARAMS};
pub use curve::curve;
pub use error::TalentError;
pub use heatmap::{HeatmapCell, HeatmapGrid, HeatmapJob, HeatmapRow};
pub use key::ParamKey;
pub use model::{value, CurvePoint, Model};
pub use monte_carlo::{MonteCarloJob, MonteCarloSummary};
pub use optimum::{optimum, Optimum, GRID_POINTS};
pub use params::Params;
pub use study::{map_axes, MapAxis, Study, DRAW_BOUNDS, MAP_SIDE};
pub use tornado::{tornado, Tornado, TornadoBar};
pub use uncertainty::{default_ranges, Range, Scale};
pub use view::{param_keys, read_params, write_params, TalentView};
