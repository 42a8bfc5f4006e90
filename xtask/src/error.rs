//! What can stop a command, each with the sentence a maintainer reads.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// The command line was not understood.
    Usage(String),
    /// A file could not be read or written.
    File { path: PathBuf, source: std::io::Error },
    /// A line of a data file is not a record of its kind.
    Malformed { path: PathBuf, line: usize, message: String },
    /// A counter or git could not be run, or failed.
    Tool { tool: String, message: String },
    /// The records do not fit together: a missing or repeated record, disagreeing versions.
    Data(String),
    /// The committed dataset is not what the records give.
    Stale(PathBuf),
    /// A route of the site has no HTML file in the built folder.
    MissingPage { route: String, file: PathBuf },
    /// A route's share card could not be made.
    Card { route: String, message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => write!(f, "{message} (`cargo xtask help` lists the commands)"),
            Error::File { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Malformed { path, line, message } => {
                write!(f, "{}, line {line}: {message}", path.display())
            }
            Error::Tool { tool, message } => write!(f, "{tool}: {message}"),
            Error::Data(message) => f.write_str(message),
            Error::Stale(path) => write!(
                f,
                "{} is not what data/ gives; run `cargo xtask data` and commit the result",
                path.display()
            ),
            Error::MissingPage { route, file } => write!(
                f,
                "the page {route} has no HTML file at {}: build the site into that folder first",
                file.display()
            ),
            Error::Card { route, message } => write!(f, "the share card of {route}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::File { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    pub fn file(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::File { path, source }
    }
}
