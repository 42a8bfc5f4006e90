//! Zip archives from their central directory: stored and deflated entries, no encryption, no
//! zip64 (archives over 4 GB, which the limits refuse anyway).

use super::{ArchiveError, Budget, Entry};
use crate::limits::Limits;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, ArchiveError> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or_else(|| cut_short("a header"))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, ArchiveError> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| cut_short("a header"))
}

fn cut_short(what: &str) -> ArchiveError {
    ArchiveError::Corrupt(format!("{what} runs past the end of the file"))
}

/// The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment may be long).
fn end_of_directory(bytes: &[u8]) -> Result<usize, ArchiveError> {
    let earliest = bytes.len().saturating_sub(65_535 + 22);
    (earliest..bytes.len().saturating_sub(21))
        .rev()
        .find(|&at| u32_at(bytes, at).ok() == Some(END_OF_DIRECTORY))
        .ok_or_else(|| ArchiveError::Corrupt("no central directory: the file is cut short".into()))
}

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    let end = end_of_directory(bytes)?;
    let count = u16_at(bytes, end + 10)? as usize;
    let mut at = u32_at(bytes, end + 16)? as usize;
    if count == 0xFFFF || at == 0xFFFF_FFFF {
        return Err(ArchiveError::Unsupported("zip64".into()));
    }
    let mut budget = Budget::new(limits);
    let mut entries = Vec::new();
    for _ in 0..count {
        if u32_at(bytes, at)? != DIRECTORY_ENTRY {
            return Err(ArchiveError::Corrupt("a central directory entry is missing".into()));
        }
        let flags = u16_at(bytes, at + 8)?;
        let method = u16_at(bytes, at + 10)?;
        let compressed = u32_at(bytes, at + 20)? as usize;
        let declared = u32_at(bytes, at + 24)? as u64;
        let name_len = u16_at(bytes, at + 28)? as usize;
        let extra_len = u16_at(bytes, at + 30)? as usize;
        let comment_len = u16_at(bytes, at + 32)? as usize;
        let local = u32_at(bytes, at + 42)? as usize;
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| cut_short("a file name"))?;
        let path = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if path.ends_with('/') {
            continue; // a directory
        }
        if flags & 1 != 0 {
            return Err(ArchiveError::Encrypted(path));
        }
        if compressed == 0xFFFF_FFFF || declared == 0xFFFF_FFFF {
            return Err(ArchiveError::Unsupported("zip64".into()));
        }
        let data = local_data(bytes, local, compressed)?;
        let entry = match method {
            0 => unpacked(path, data.to_vec(), limits),
            8 => inflate(path, data, limits, &budget)?,
            other => return Err(ArchiveError::Unsupported(format!("compression method {other} in {path}"))),
        };
        budget.take(entry.size)?;
        entries.push(entry);
    }
    Ok(entries)
}

/// An entry's compressed bytes, after its local header (whose name and extra lengths may differ
/// from the central directory's).
fn local_data(bytes: &[u8], at: usize, compressed: usize) -> Result<&[u8], ArchiveError> {
    if u32_at(bytes, at)? != LOCAL_HEADER {
        return Err(ArchiveError::Corrupt("a file's local header is missing".into()));
    }
    let start = at + 30 + u16_at(bytes, at + 26)? as usize + u16_at(bytes, at + 28)? as usize;
    bytes.get(start..start + compressed).ok_or_else(|| cut_short("a file's data"))
}

fn unpacked(path: String, data: Vec<u8>, limits: &Limits) -> Entry {
    let size = data.len() as u64;
    let data = if size > limits.max_file_bytes { Vec::new() } else { data };
    Entry { path, data, size }
}

/// Inflates at most what the limits allow, whatever the entry claims: declared sizes lie in bombs.
fn inflate(path: String, data: &[u8], limits: &Limits, budget: &Budget) -> Result<Entry, ArchiveError> {
    let cap = (limits.max_file_bytes + 1).min(budget.bytes_left() + 1) as usize;
    match miniz_oxide::inflate::decompress_to_vec_with_limit(data, cap) {
        Ok(out) => Ok(unpacked(path, out, limits)),
        Err(error) if error.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
            if cap as u64 > limits.max_file_bytes {
                Ok(Entry { path, data: Vec::new(), size: cap as u64 })
            } else {
                Err(ArchiveError::TooLarge(limits.describe_total()))
            }
        }
        Err(_) => Err(ArchiveError::Corrupt(format!("{path} does not inflate"))),
    }
}
