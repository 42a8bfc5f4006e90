//! Headstart's core: everything the app computes, with no web dependencies, so it compiles and
//! tests natively in seconds and the browser shell stays a thin layer over it.

pub mod article;
pub mod assumptions;
pub mod dataset;
pub mod embeds;
pub mod estimate;
pub mod format;
pub mod input;
pub mod jobs;
pub mod keys;
pub mod ledger;
pub mod pace;
pub mod prices;
pub mod progress;
pub mod query;
pub mod random;
pub mod share;
pub mod stats;
pub mod story;
pub mod talent;
pub mod yours;
