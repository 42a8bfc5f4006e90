//! Where the release bundle under test is: end-to-end tests check what readers get, the
//! optimised `trunk build --release` output, not a debug build.

use std::path::PathBuf;

/// `$HEADSTART_DIST` (scripts/test builds into target/e2e-dist and sets it), else `dist/`.
pub fn dist() -> PathBuf {
    let dir = std::env::var_os("HEADSTART_DIST")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from);
    assert!(
        dir.join("index.html").is_file(),
        "no release bundle at {}: run `scripts/test` (it builds one with trunk build --release) or `trunk build --release --offline` first",
        dir.display()
    );
    dir
}
