//! Writing small archives, for the tests and benchmarks that feed the readers (and the page) real
//! zip, tar and tar.gz files. They are written by the same crates that read them, so every one
//! carries true CRCs and passes `unzip -t` and `gzip -t`.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A zip of `files` (path, contents), each stored or deflated. Contents shared between entries
/// are compressed once and copied, so a test can build a bomb of many large files quickly.
pub fn zip(files: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let method = if deflate { CompressionMethod::Deflated } else { CompressionMethod::Stored };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let mut written: Vec<(&[u8], &str)> = Vec::new();
    for &(path, contents) in files {
        let same = |(earlier, _): &&(&[u8], &str)| std::ptr::eq(*earlier, contents);
        match written.iter().find(same) {
            Some((_, earlier)) => writer.deep_copy_file(earlier, path).expect("an entry copied"),
            None => {
                writer.start_file(path, options).expect("an entry started");
                writer.write_all(contents).expect("an entry written");
                written.push((contents, path));
            }
        }
    }
    writer.finish().expect("a zip finished").into_inner()
}

/// A tar archive of `files`, in the ustar format.
pub fn tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for &(path, contents) in files {
        let mut header = tar::Header::new_ustar();
        header.set_size(contents.len() as u64);
        header.set_mode(0o644);
        builder.append_data(&mut header, path, contents).expect("an entry written");
    }
    builder.into_inner().expect("a tar finished")
}

/// `bytes` compressed by gzip.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("bytes compressed");
    encoder.finish().expect("a gzip finished")
}
