//! `home::home_dir`, the only item tokei's dependency `etcetera` uses: the user's home directory
//! where there is one, none in a browser.

use std::path::PathBuf;

#[cfg(not(target_family = "wasm"))]
pub fn home_dir() -> Option<PathBuf> {
    std::env::home_dir()
}

#[cfg(target_family = "wasm")]
pub fn home_dir() -> Option<PathBuf> {
    None
}
