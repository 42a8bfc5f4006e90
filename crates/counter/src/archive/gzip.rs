//! The gzip wrapper around a tar archive: its header skipped, its deflate stream inflated within
//! the limits.

use super::ArchiveError;
use crate::limits::Limits;

const FEXTRA: u8 = 4;
const FNAME: u8 = 8;
const FCOMMENT: u8 = 16;
const FHCRC: u8 = 2;

fn skip_zero_terminated(bytes: &[u8], at: usize) -> Result<usize, ArchiveError> {
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == 0))
        .map(|n| at + n + 1)
        .ok_or_else(|| ArchiveError::Corrupt("the gzip header is cut short".into()))
}

pub fn decompress(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, ArchiveError> {
    if bytes.len() < 18 || bytes[2] != 8 {
        return Err(ArchiveError::Corrupt("not a deflate-compressed gzip file".into()));
    }
    let flags = bytes[3];
    let mut at = 10;
    if flags & FEXTRA != 0 {
        at += 2 + u16::from_le_bytes([bytes[10], bytes[11]]) as usize;
    }
    if flags & FNAME != 0 {
        at = skip_zero_terminated(bytes, at)?;
    }
    if flags & FCOMMENT != 0 {
        at = skip_zero_terminated(bytes, at)?;
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    let stream =
        bytes.get(at..).ok_or_else(|| ArchiveError::Corrupt("the gzip header is cut short".into()))?;
    let cap = usize::try_from(limits.max_total_bytes).unwrap_or(usize::MAX);
    miniz_oxide::inflate::decompress_to_vec_with_limit(stream, cap).map_err(|error| match error.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ArchiveError::TooLarge(limits.describe_total()),
        _ => ArchiveError::Corrupt("the compressed data is damaged or cut short".into()),
    })
}
