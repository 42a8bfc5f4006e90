//! Tar archives (ustar, with GNU long names and pax paths): regular files only.

use super::{ArchiveError, Budget, Entry};
use crate::limits::Limits;

const BLOCK: usize = 512;

/// A header's octal number field; GNU's base-256 form only appears for sizes over 8 GB.
fn octal(field: &[u8]) -> Result<u64, ArchiveError> {
    let text: String = field.iter().take_while(|&&b| b != 0).map(|&b| b as char).collect();
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    u64::from_str_radix(text, 8)
        .map_err(|_| ArchiveError::Corrupt(format!("a header's number “{text}” is not octal")))
}

fn text(field: &[u8]) -> String {
    String::from_utf8_lossy(field.split(|&b| b == 0).next().unwrap_or_default()).into_owned()
}

/// The `path=` record of a pax extended header, if it has one.
fn pax_path(data: &[u8]) -> Option<String> {
    String::from_utf8_lossy(data)
        .lines()
        .find_map(|line| line.split_once(' ')?.1.strip_prefix("path=").map(str::to_owned))
}

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, ArchiveError> {
    let mut budget = Budget::new(limits);
    let mut entries = Vec::new();
    let mut at = 0;
    let mut long_name = None::<String>;
    while at + BLOCK <= bytes.len() {
        let header = &bytes[at..at + BLOCK];
        if header.iter().all(|&b| b == 0) {
            return Ok(entries); // the end marker
        }
        let size = octal(&header[124..136])?;
        let start = at + BLOCK;
        let end = start
            .checked_add(size as usize)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| ArchiveError::Corrupt("the last file is cut short".into()))?;
        let data = &bytes[start..end];
        at = start + (size as usize).div_ceil(BLOCK) * BLOCK;
        let name = match &header[257..262] {
            b"ustar" if header[345] != 0 => format!("{}/{}", text(&header[345..500]), text(&header[..100])),
            _ => text(&header[..100]),
        };
        match header[156] {
            b'L' => long_name = Some(text(data)),
            b'x' => long_name = pax_path(data).or(long_name),
            b'0' | 0 => {
                let path = long_name.take().unwrap_or(name);
                let entry = if size > limits.max_file_bytes {
                    Entry { path, data: Vec::new(), size }
                } else {
                    Entry { path, data: data.to_vec(), size }
                };
                budget.take(size)?;
                entries.push(entry);
            }
            _ => long_name = None, // directories, links, devices: nothing to count
        }
    }
    Err(ArchiveError::Corrupt("the archive ends without its end marker".into()))
}
