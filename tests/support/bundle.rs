//! Where the release bundle under test is: end-to-end tests check what readers get, the
//! optimised bundle `scripts/build` writes, not a debug build.

use super::temp::TempDir;
use std::path::{Path, PathBuf};

/// `$HEADSTART_DIST` (scripts/test builds into target/e2e-dist and sets it), else `dist/`.
pub fn dist() -> PathBuf {
    let dir = std::env::var_os("HEADSTART_DIST")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from);
    assert!(
        dir.join("index.html").is_file(),
        "no release bundle at {}: run `scripts/test` (it builds one) or `scripts/build` first",
        dir.display()
    );
    dir
}

/// A scratch copy of the release bundle, for a test that serves it changed: a later deploy, or a
/// host that lost or damaged some of its files.
pub fn copy(label: &str) -> TempDir {
    let dir = TempDir::new(label);
    copy_dir(&dist(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display())).flatten()
    {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", target.display()));
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("cannot copy to {}: {e}", target.display()));
        }
    }
}
