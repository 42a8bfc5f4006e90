//! Why an archive could not be read. Each `Display` is the sentence the page shows the reader, so
//! the words live beside the cases they describe.

use crate::limits::MB;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// Neither zip, tar nor tar.gz by its first bytes.
    NotAnArchive,
    /// The archive file itself is over the limit, so it is refused unread.
    Oversized {
        max_bytes: u64,
    },
    Corrupt(Damage),
    /// An entry that needs a password: the path of the first one.
    Encrypted(String),
    Unsupported(Unsupported),
    /// Unpacking stopped at a limit.
    TooLarge(Excess),
}

/// What is damaged, as far as the readers can tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The zip's list of entries or a tar header cannot be read: the file is cut short or is not
    /// what its first bytes claim.
    Directory,
    /// This entry is cut short, does not inflate or fails its CRC.
    Entry(String),
    /// The gzip stream is cut short or fails its CRC.
    Compressed,
    /// A tar archive that stops without the empty blocks that end one.
    NoEndMarker,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// A zip entry compressed by another method than store or deflate, named as the zip crate
    /// names it ("Bzip2").
    Compression { path: String, method: String },
    /// A zip the reader refuses as a whole, such as one split into several files.
    ZipLayout,
    /// A gzip file around something else than a tar archive.
    GzipWithoutTar,
}

/// The limit that unpacking reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Excess {
    Unpacked { max_bytes: u64 },
    Files { max: usize },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAnArchive => write!(f, "this is not a zip, tar or tar.gz archive"),
            ArchiveError::Oversized { max_bytes } => {
                write!(
                    f,
                    "the archive is over {} MB; unpack it and choose the folder instead",
                    max_bytes / MB
                )
            }
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

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Directory => write!(f, "its list of files cannot be read"),
            Damage::Entry(path) => write!(f, "{path} does not unpack intact"),
            Damage::Compressed => write!(f, "the compressed data fails its check"),
            Damage::NoEndMarker => write!(f, "it ends without its end marker"),
        }
    }
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsupported::Compression { path, method } => write!(f, "{method} compression in {path}"),
            Unsupported::ZipLayout => {
                write!(f, "a zip split into parts, or laid out in a way it does not know")
            }
            Unsupported::GzipWithoutTar => write!(f, "a gzip file that does not hold a tar archive"),
        }
    }
}

impl fmt::Display for Excess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Excess::Unpacked { max_bytes } => write!(f, "over {} MB unpacked", max_bytes / MB),
            Excess::Files { max } => write!(f, "more than {max} files"),
        }
    }
}

impl std::error::Error for ArchiveError {}
