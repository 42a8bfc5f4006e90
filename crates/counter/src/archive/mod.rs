//! Archives read in memory: zip (stored or deflated), tar, and gzip-compressed tar, which is
//! what GitHub's "Download ZIP" and release tarballs are. Every reader stops at the limits, so a
//! zip bomb costs the reader a message, not their tab.

pub mod build;
mod gzip;
mod tar;
mod zip;

use crate::limits::Limits;
use std::fmt;

/// One file of an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    /// Empty when the file is over `Limits::max_file_bytes`: such files are skipped unread.
    pub data: Vec<u8>,
    /// Its size unpacked (for a skipped file, at least the limit).
    pub size: u64,
}

/// Why an archive could not be read, in words for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    NotAnArchive,
    Corrupt(String),
    Encrypted(String),
    Unsupported(String),
    TooLarge(String),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAnArchive => write!(f, "this is not a zip, tar or tar.gz archive"),
            ArchiveError::Corrupt(why) => write!(f, "the archive is damaged or cut short ({why})"),
            ArchiveError::Encrypted(path) => {
                write!(f, "the archive is encrypted ({path}); unpack it with its password first")
            }
            ArchiveError::Unsupported(what) => {
                write!(f, "the archive uses a feature this reader does not support ({what})")
            }
            ArchiveError::TooLarge(what) => {
                write!(f, "the archive unpacks to more than this page will read: {what}")
            }
        }
    }
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
    } else if bytes.len() >= 262 && &bytes[257..262] == b"ustar" {
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

/// Every regular file in the archive, within `limits`.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    match kind(bytes) {
        Some(Kind::Zip) => zip::read(bytes, limits),
        Some(Kind::Tar) => tar::read(bytes, limits),
        Some(Kind::Gzip) => {
            let inner = gzip::decompress(bytes, limits)?;
            match kind(&inner) {
                Some(Kind::Tar) => tar::read(&inner, limits),
                _ => Err(ArchiveError::Unsupported("a gzip file that does not hold a tar archive".into())),
            }
        }
        None => Err(ArchiveError::NotAnArchive),
    }
}

/// Running totals against the limits while entries are unpacked.
pub(crate) struct Budget<'a> {
    limits: &'a Limits,
    files: usize,
    bytes: u64,
}

impl<'a> Budget<'a> {
    pub fn new(limits: &'a Limits) -> Self {
        Budget { limits, files: 0, bytes: 0 }
    }

    /// How many more bytes may be unpacked.
    pub fn bytes_left(&self) -> u64 {
        self.limits.max_total_bytes.saturating_sub(self.bytes)
    }

    pub fn take(&mut self, size: u64) -> Result<(), ArchiveError> {
        self.files += 1;
        self.bytes += size;
        if self.files > self.limits.max_files {
            return Err(ArchiveError::TooLarge(format!("more than {} files", self.limits.max_files)));
        }
        if self.bytes > self.limits.max_total_bytes {
            return Err(ArchiveError::TooLarge(self.limits.describe_total()));
        }
        Ok(())
    }
}
