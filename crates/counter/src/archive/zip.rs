//! Zip archives through the `zip` crate, which finds entries from the central directory and checks
//! each one's CRC as it reaches its end: stored and deflated entries, zip64 included.

use super::{ArchiveError, Budget, Damage, Entry, Excess, Unsupported};
use crate::limits::Limits;
use std::io::Cursor;
use zip::result::ZipError;
use zip::{ZipArchive, SUPPORTED_COMPRESSION_METHODS};

/// Entries (files and folders together) a zip may list per file the limits allow. Folders are
/// entries too, and a source tree has far fewer of them than files, so twice is generous.
const ENTRIES_PER_FILE: u64 = 2;

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    // The zip crate builds its whole entry list before the first file is read, a few hundred
    // bytes per entry; a small hostile directory can list millions. Refuse those unread.
    if declared_entries(bytes).is_some_and(|n| n > limits.max_files as u64 * ENTRIES_PER_FILE) {
        return Err(ArchiveError::TooLarge(Excess::Files { max: limits.max_files }));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|error| match error {
        ZipError::UnsupportedArchive(_) => ArchiveError::Unsupported(Unsupported::ZipLayout),
        _ => ArchiveError::Corrupt(Damage::Directory),
    })?;
    let mut budget = Budget::new(limits);
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let about = archive.by_index_data(index).map_err(|_| ArchiveError::Corrupt(Damage::Directory))?;
        if !about.is_file() {
            continue; // directories and symbolic links: nothing to count
        }
        let path = match about.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(about.name_raw()).into_owned(),
        };
        if about.encrypted() {
            return Err(ArchiveError::Encrypted(path));
        }
        let method = about.compression();
        if !SUPPORTED_COMPRESSION_METHODS.contains(&method) {
            return Err(ArchiveError::Unsupported(Unsupported::Compression {
                path,
                method: method.to_string(),
            }));
        }
        let declared = about.size();
        let entry = match archive.by_index(index) {
            Ok(file) => budget.unpack(path, declared, file)?,
            Err(_) => return Err(ArchiveError::Corrupt(Damage::Entry(path))),
        };
        entries.push(entry);
    }
    Ok(entries)
}

/// The number of entries a zip's end-of-central-directory record declares (its zip64 record's,
/// when the 16-bit count is saturated), or `None` when there is no readable record: the zip crate
/// then reports the damage in its own words.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const END: [u8; 4] = *b"PK\x05\x06";
    const END_SIZE: usize = 22;
    const LOCATOR: [u8; 4] = *b"PK\x06\x07";
    const LOCATOR_SIZE: usize = 20;
    const END64: [u8; 4] = *b"PK\x06\x06";
    // The record ends the file, after a comment of at most 65,535 bytes.
    let earliest = bytes.len().saturating_sub(END_SIZE + u16::MAX as usize);
    let at = (earliest..=bytes.len().checked_sub(END_SIZE)?).rev().find(|&i| bytes[i..i + 4] == END)?;
    let le16 = |i: usize| Some(u16::from_le_bytes(bytes.get(i..i + 2)?.try_into().ok()?));
    let le64 = |i: usize| Some(u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?));
    let count = le16(at + 10)?;
    if count != u16::MAX {
        return Some(count.into());
    }
    let locator = at.checked_sub(LOCATOR_SIZE)?;
    if bytes[locator..locator + 4] != LOCATOR {
        return Some(count.into());
    }
    let record = usize::try_from(le64(locator + 8)?).ok()?;
    (bytes.get(record..record + 4)? == END64).then(|| le64(record + 32)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::build;

    #[test]
    fn the_declared_entry_count_is_read_from_the_end_record() {
        let files: Vec<(String, Vec<u8>)> = (0..300).map(|i| (format!("f{i}.c"), vec![b'x'; 10])).collect();
        let files: Vec<(&str, &[u8])> = files.iter().map(|(p, d)| (p.as_str(), d.as_slice())).collect();
        assert_eq!(declared_entries(&build::zip(&files, false)), Some(300));
        assert_eq!(declared_entries(b"PK\x03\x04 cut short"), None);
    }

    #[test]
    fn a_directory_listing_more_entries_than_the_limits_allow_is_refused_unread() {
        // An end record that declares 65,534 entries over a directory of one: refused by its
        // count, before the zip crate would build its list.
        let mut zip = build::zip(&[("a.c", b"int a;\n")], false);
        let end = zip.len() - 22;
        zip[end + 8..end + 12].copy_from_slice(&[0xfe, 0xff, 0xfe, 0xff]);
        let limits = Limits { max_files: 1_000, ..Limits::default() };
        assert_eq!(read(&zip, &limits), Err(ArchiveError::TooLarge(Excess::Files { max: 1_000 })));
    }
}
