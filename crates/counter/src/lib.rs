//! Your code, counted in the browser: lines per language by tokei's parser, from a folder's files
//! or a zip, tar or tar.gz archive held in memory, with limits that keep hostile archives
//! harmless. Pure (no web dependencies), so the counting worker's numbers are tested natively.

pub mod archive;
mod count;
mod job;
mod limits;

pub use count::{Counter, LanguageCount, Options, Report, Skip, BINARY_PROBE, VENDORED};
pub use job::{unpack, CountError, CountJob, CountProgress, CountReply, CountRequest};
pub use limits::Limits;

#[cfg(test)]
mod tests;
