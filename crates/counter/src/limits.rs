//! The most this page will read: enough for real codebases (100 MB of crates.io sources is 1.6
//! million lines of code), small enough that a hostile archive cannot exhaust a browser tab's memory.

use crate::archive::ArchiveError;
use headstart_core::format::grouped;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Bytes unpacked from one archive, all entries together.
    pub max_total_bytes: u64,
    /// Files in one archive or folder.
    pub max_files: usize,
    /// Larger files are skipped, not read: they are data or generated code, not source.
    pub max_file_bytes: u64,
    /// An archive file itself: it is read whole into memory before unpacking.
    pub max_archive_bytes: u64,
}

pub(crate) const MB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_total_bytes: 512 * MB,
            max_files: 200_000,
            max_file_bytes: 16 * MB,
            max_archive_bytes: 256 * MB,
        }
    }
}

impl Limits {
    /// Why an archive of `size` bytes is refused unread, if it is.
    pub fn check_archive(&self, size: u64) -> Result<(), ArchiveError> {
        match size > self.max_archive_bytes {
            true => Err(ArchiveError::Oversized { max_bytes: self.max_archive_bytes }),
            false => Ok(()),
        }
    }

    /// The caps in one sentence, for the page.
    pub fn describe(&self) -> String {
        format!(
            "Archives of up to {} MB are read, unpacking to at most {} MB and {} files; files over {} MB are skipped as data or generated code.",
            self.max_archive_bytes / MB,
            self.max_total_bytes / MB,
            grouped(self.max_files as f64),
            self.max_file_bytes / MB
        )
    }
}
