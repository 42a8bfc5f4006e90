//! Zip archives through the `zip` crate, which finds entries from the central directory and checks
//! each one's CRC as it reaches its end: stored and deflated entries, zip64 included.

use super::{ArchiveError, Budget, Damage, Entry, Unsupported};
use crate::limits::Limits;
use std::io::Cursor;
use zip::result::ZipError;
use zip::{ZipArchive, SUPPORTED_COMPRESSION_METHODS};

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
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
