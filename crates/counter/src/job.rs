//! A count as a job a Web Worker runs in slices: the files of a folder or an archive, read one
//! at a time, with progress in files and bytes, stopping whenever the page stops asking.

use crate::archive::{self, ArchiveError};
use crate::count::{Counter, Options, Report};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountProgress {
    pub files_done: u64,
    pub files_total: u64,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// What the page asks the counting worker; the files themselves travel beside it, in the same
/// order as `paths`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CountRequest {
    /// A folder's files, with their paths inside it and sizes.
    Tree { paths: Vec<String>, sizes: Vec<u64>, options: Options },
    /// One archive file.
    Archive { name: String, options: Options },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CountReply {
    /// The worker is listening, and speaks `protocol` (`headstart_core::jobs::PROTOCOL`).
    Ready {
        protocol: u32,
    },
    Progress(CountProgress),
    Done(Report),
    Failed(String),
}

/// Why a count stopped, in the words the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountError {
    /// The request lists a different number of sizes than of paths.
    SizesMissing,
    TooManyFiles {
        files: usize,
        max: usize,
    },
    /// A file the browser (or the file system) would not read, with its reason.
    Unreadable {
        path: String,
        why: String,
    },
    Archive(ArchiveError),
}

impl fmt::Display for CountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CountError::SizesMissing => write!(f, "every file needs a size"),
            CountError::TooManyFiles { files, max } => {
                write!(f, "this folder has {files} files; the page reads at most {max}")
            }
            CountError::Unreadable { path, why } => write!(f, "could not read {path}: {why}"),
            CountError::Archive(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for CountError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CountError::Archive(error) => Some(error),
            _ => None,
        }
    }
}

impl From<ArchiveError> for CountError {
    fn from(error: ArchiveError) -> Self {
        CountError::Archive(error)
    }
}

/// Files waiting to be counted: (index in the source, path, size).
pub struct CountJob {
    counter: Counter,
    queue: Vec<(usize, String, u64)>,
    next: usize,
    progress: CountProgress,
}

impl CountJob {
    /// A folder: `read_gitignore` gives the text of the file at an index, for the .gitignore
    /// files among `paths`, which must be known before anything else is filtered.
    pub fn tree(
        paths: &[String],
        sizes: &[u64],
        options: Options,
        read_gitignore: impl FnMut(usize) -> Option<String>,
    ) -> Result<CountJob, CountError> {
        if paths.len() != sizes.len() {
            return Err(CountError::SizesMissing);
        }
        if paths.len() > options.limits.max_files {
            return Err(CountError::TooManyFiles { files: paths.len(), max: options.limits.max_files });
        }
        let gitignores = gitignores(paths, options, read_gitignore);
        let counter = Counter::new(options, &gitignores);
        Ok(CountJob::queue(
            counter,
            paths
                .iter()
                .cloned()
                .zip(sizes.iter().copied())
                .enumerate()
                .map(|(i, (p, s))| (i, p, s))
                .collect(),
        ))
    }

    /// An archive's entries, already unpacked within the limits.
    pub fn archive(entries: &[archive::Entry], options: Options) -> CountJob {
        let paths: Vec<String> = entries.iter().map(|e| e.path.clone()).collect();
        let gitignores =
            gitignores(&paths, options, |i| Some(String::from_utf8_lossy(&entries[i].data).into_owned()));
        let counter = Counter::new(options, &gitignores);
        CountJob::queue(
            counter,
            entries.iter().enumerate().map(|(i, e)| (i, e.path.clone(), e.size)).collect(),
        )
    }

    fn queue(mut counter: Counter, all: Vec<(usize, String, u64)>) -> CountJob {
        let mut queue = Vec::with_capacity(all.len());
        for (index, path, size) in all {
            match counter.wants(&path, size) {
                Ok(()) => queue.push((index, path, size)),
                Err(why) => counter.skip(why),
            }
        }
        let progress = CountProgress {
            files_total: queue.len() as u64,
            bytes_total: queue.iter().map(|q| q.2).sum(),
            ..CountProgress::default()
        };
        CountJob { counter, queue, next: 0, progress }
    }

    /// Reads and counts files until about `bytes` have been read or none are left. `read` gives
    /// the file at an index, or why it cannot.
    pub fn step(
        &mut self,
        bytes: u64,
        mut read: impl FnMut(usize) -> Result<Vec<u8>, String>,
    ) -> Result<CountProgress, CountError> {
        let stop_at = self.progress.bytes_done + bytes;
        while self.progress.bytes_done < stop_at {
            let Some((index, path, size)) = self.queue.get(self.next) else { break };
            let data = read(*index).map_err(|why| CountError::Unreadable { path: path.clone(), why })?;
            self.counter.count(path, &data);
            self.progress.files_done += 1;
            self.progress.bytes_done += size;
            self.next += 1;
        }
        Ok(self.progress)
    }

    pub fn is_finished(&self) -> bool {
        self.next >= self.queue.len()
    }

    pub fn report(&self) -> Report {
        self.counter.report()
    }
}

/// (directory, text) of each .gitignore among `paths`.
fn gitignores(
    paths: &[String],
    options: Options,
    mut read: impl FnMut(usize) -> Option<String>,
) -> Vec<(String, String)> {
    if !options.honour_gitignore {
        return Vec::new();
    }
    paths
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rsplit('/').next() == Some(".gitignore"))
        .filter_map(|(i, p)| Some((p.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned(), read(i)?)))
        .collect()
}

/// Unpacks an archive for `CountJob::archive`, within the options' limits.
pub fn unpack(bytes: &[u8], options: &Options) -> Result<Vec<archive::Entry>, CountError> {
    Ok(archive::read(bytes, &options.limits)?)
}
