//! End-to-end test support: a static file server, headless Chromium over WebDriver, and the
//! release bundle they are pointed at. Each test file includes it with `mod support;`.

// Every test file is a crate of its own that uses only some of these helpers.
#![allow(dead_code)]

pub mod app;
pub mod browser;
pub mod bundle;
pub mod chromedriver;
pub mod downloads;
pub mod http;
pub mod ledger;
pub mod server;
pub mod temp;
