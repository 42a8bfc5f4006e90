//! Tar archives, plain or inside gzip, through the `tar` and `flate2` crates: regular files only,
//! with GNU long names and pax paths as those crates resolve them.

use super::capped::Capped;
use super::{is_tar, over_total, ArchiveError, Budget, Damage, Entry, Unsupported, TAR_HEADER};
use crate::limits::Limits;
use flate2::read::GzDecoder;
use std::io::{self, Read};

/// A tar archive's regular files, read from `stream` within the limits. Once the archive's end
/// marker is read, the rest of the stream is read too, so that a gzip stream around it gets to
/// check its CRC.
fn read(stream: &mut impl Read, limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    let directory = |_| ArchiveError::Corrupt(Damage::Directory);
    let mut archive = tar::Archive::new(stream);
    let mut budget = Budget::new(limits);
    let mut entries = Vec::new();
    for entry in archive.entries().map_err(directory)? {
        let entry = entry.map_err(directory)?;
        if !entry.header().entry_type().is_file() {
            continue; // directories, links, devices, pax globals: nothing to count
        }
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let declared = entry.size();
        entries.push(budget.unpack(path, declared, entry)?);
    }
    // The tar crate also stops at the end of the stream, so a copy cut at a block boundary would
    // pass for whole: a real end marker is two empty blocks, and the crate reads only the first.
    match io::copy(archive.into_inner(), &mut io::sink()).map_err(directory)? {
        0 => Err(ArchiveError::Corrupt(Damage::NoEndMarker)),
        _ => Ok(entries),
    }
}

pub fn read_plain(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    read(&mut &*bytes, limits)
}

/// A gzip-compressed tar, inflated as it is read and never past the total limit, whatever its
/// header declares.
pub fn read_gzip(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    let mut stream = Capped::new(GzDecoder::new(bytes), limits.max_total_bytes);
    let mut head = Vec::with_capacity(TAR_HEADER);
    let found = (&mut stream).take(TAR_HEADER as u64).read_to_end(&mut head);
    let result = match found {
        Ok(_) if is_tar(&head) => read(&mut (&head[..]).chain(&mut stream), limits),
        Ok(_) => Err(ArchiveError::Unsupported(Unsupported::GzipWithoutTar)),
        Err(_) => Err(ArchiveError::Corrupt(Damage::Compressed)),
    };
    // A failure inside the gzip stream surfaces as whatever the tar reader was doing at the time.
    result.map_err(|error| {
        if stream.over() {
            over_total(limits)
        } else if stream.failed() {
            ArchiveError::Corrupt(Damage::Compressed)
        } else {
            error
        }
    })
}
