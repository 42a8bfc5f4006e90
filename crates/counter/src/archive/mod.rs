//! Archives read in memory: zip (stored or deflated), tar, and gzip-compressed tar, which is
//! what GitHub's "Download ZIP" and release tarballs are. The formats are read by the crates the
//! ecosystem keeps (`zip`, `tar`, `flate2`), which check every CRC; the limits wrap around them,
//! so a zip bomb costs the reader a message, not their tab.

pub mod build;
mod capped;
mod error;
mod tar;
mod zip;

pub use error::{ArchiveError, Damage, Excess, Unsupported};

use crate::limits::Limits;
use capped::Capped;
use std::io::Read;

/// One file of an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    /// Empty when the file is over `Limits::max_file_bytes`: such files are skipped unread.
    pub data: Vec<u8>,
    /// Its size unpacked (for a skipped file, at least the limit).
    pub size: u64,
}

/// Which kind of archive `bytes` are, from their first bytes (names lie; magic numbers rarely do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Zip,
    Tar,
    Gzip,
}

pub fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Kind::Zip)
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(Kind::Gzip)
    } else if is_tar(bytes) {
        Some(Kind::Tar)
    } else {
        None
    }
}

/// Whether a file name says archive, so a file that is not one gets a message rather than
/// being counted as text.
pub fn looks_like_archive(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".zip", ".tar", ".tar.gz", ".tgz"].iter().any(|ext| name.ends_with(ext))
}

/// A tar archive's first header, which holds its magic number.
const TAR_HEADER: usize = 512;

fn is_tar(head: &[u8]) -> bool {
    head.get(257..262) == Some(b"ustar")
}

/// Every regular file in the archive, within `limits`.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    match kind(bytes) {
        Some(Kind::Zip) => zip::read(bytes, limits),
        Some(Kind::Tar) => tar::read_plain(bytes, limits),
        Some(Kind::Gzip) => tar::read_gzip(bytes, limits),
        None => Err(ArchiveError::NotAnArchive),
    }
}

/// Running totals against the limits while entries are unpacked.
struct Budget<'a> {
    limits: &'a Limits,
    files: usize,
    bytes: u64,
}

impl<'a> Budget<'a> {
    fn new(limits: &'a Limits) -> Self {
        Budget { limits, files: 0, bytes: 0 }
    }

    /// Reads one file that declares `declared` bytes. A file declared over the per-file limit is
    /// skipped unread. Any other is read no further than the per-file and total limits, whatever
    /// it declared, and is damaged unless it holds exactly what it declared.
    fn unpack(&mut self, path: String, declared: u64, data: impl Read) -> Result<Entry, ArchiveError> {
        let most = self.limits.max_file_bytes;
        let entry = if declared > most {
            Entry { path, data: Vec::new(), size: most + 1 }
        } else {
            let cap = most.min(self.limits.max_total_bytes.saturating_sub(self.bytes));
            let mut data = Capped::new(data, cap);
            // A declared size may be a lie, so it is trusted for the allocation only up to the cap.
            let mut bytes = Vec::with_capacity(declared.min(cap) as usize);
            match data.read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 == declared => Entry { path, data: bytes, size: declared },
                // Past the cap with a declared size within it: the total is what ran out.
                Err(_) if data.over() => return Err(over_total(self.limits)),
                _ => return Err(ArchiveError::Corrupt(Damage::Entry(path))),
            }
        };
        self.files += 1;
        self.bytes += entry.size;
        if self.files > self.limits.max_files {
            return Err(ArchiveError::TooLarge(Excess::Files { max: self.limits.max_files }));
        }
        if self.bytes > self.limits.max_total_bytes {
            return Err(over_total(self.limits));
        }
        Ok(entry)
    }
}

/// An archive that unpacks past the total limit.
fn over_total(limits: &Limits) -> ArchiveError {
    ArchiveError::TooLarge(Excess::Unpacked { max_bytes: limits.max_total_bytes })
}
