//! A commit's tree written out to a scratch folder, as the records' trees were: every regular
//! file, read straight from git's object store. Symlinks and submodules are left out and
//! `export-ignore` is not applied; a file whose contents the clone lacks (a partial clone, or
//! a mirror that dropped very large files) is listed instead of stopping the export, which
//! `git archive` cannot do.

use crate::error::Error;
use crate::tool;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A scratch folder, removed when dropped.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Result<Scratch, Error> {
        let safe: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        let path = std::env::temp_dir().join(format!("headstart-measure-{}-{safe}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(Error::file(&path))?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The files of a commit's tree, with the object id of each one's contents.
struct Entry {
    object: String,
    path: Vec<u8>,
}

/// Writes the commit's files under `into`; returns the paths whose contents were missing.
pub fn tree(checkout: &OsStr, commit: &str, into: &Path) -> Result<Vec<String>, Error> {
    let listing = tool::git_output(checkout, &["ls-tree", "-r", "-z", "--full-tree", commit])?;
    let entries = files(&listing);
    let mut reader = Command::new("git")
        .arg("-C")
        .arg(checkout)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| Error::Tool { tool: "git".into(), message: error.to_string() })?;
    // Ask for every object from a second thread, so git never blocks on a full pipe.
    let mut ask = reader.stdin.take().expect("piped");
    let objects: Vec<String> = entries.iter().map(|entry| entry.object.clone()).collect();
    let asking = std::thread::spawn(move || -> std::io::Result<()> {
        for object in objects {
            writeln!(ask, "{object}")?;
        }
        Ok(())
    });
    let mut answers = BufReader::new(reader.stdout.take().expect("piped"));
    let mut missing = Vec::new();
    let broken = |message: String| Error::Tool { tool: "git cat-file".into(), message };
    for entry in &entries {
        let mut header = String::new();
        answers.read_line(&mut header).map_err(|error| broken(error.to_string()))?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        match fields.as_slice() {
            [_, "missing"] => missing.push(String::from_utf8_lossy(&entry.path).into_owned()),
            [_, "blob", size] => {
                let size: usize = size.parse().map_err(|_| broken(format!("bad header “{header}”")))?;
                let mut contents = vec![0; size + 1];
                answers.read_exact(&mut contents).map_err(|error| broken(error.to_string()))?;
                contents.pop();
                let file = into.join(path_of(&entry.path));
                if let Some(folder) = file.parent() {
                    std::fs::create_dir_all(folder).map_err(Error::file(folder))?;
                }
                std::fs::write(&file, contents).map_err(Error::file(&file))?;
            }
            _ => return Err(broken(format!("unexpected answer “{}”", header.trim()))),
        }
    }
    asking.join().expect("the asking thread does not panic").map_err(|error| broken(error.to_string()))?;
    reader.wait().map_err(|error| broken(error.to_string()))?;
    Ok(missing)
}

/// The regular files of a `git ls-tree -r -z` listing: no symlinks (mode 120000), no submodules.
fn files(listing: &[u8]) -> Vec<Entry> {
    listing
        .split(|&byte| byte == 0)
        .filter_map(|record| {
            let tab = record.iter().position(|&byte| byte == b'\t')?;
            let meta = std::str::from_utf8(&record[..tab]).ok()?;
            match meta.split(' ').collect::<Vec<_>>().as_slice() {
                [mode, "blob", object] if *mode != "120000" => {
                    Some(Entry { object: (*object).to_owned(), path: record[tab + 1..].to_vec() })
                }
                _ => None,
            }
        })
        .collect()
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Repository;

    #[test]
    fn a_commit_is_written_out_file_for_file_without_links() {
        let repository = Repository::new("export");
        repository.commit(
            &[("src/a.py", "print(1)\n"), ("docs/read me.md", "# A\n")],
            "a@example.com",
            "2017-01-01T00:00:00Z",
        );
        let first = repository.head();
        std::os::unix::fs::symlink("src/a.py", repository.path().join("link.py")).unwrap();
        repository.commit(
            &[("src/a.py", "print(2)\n"), ("empty", "")],
            "a@example.com",
            "2017-02-01T00:00:00Z",
        );
        let out = Scratch::new("export-out").unwrap();
        let missing = tree(repository.path().as_os_str(), &first, &out.path).unwrap();
        assert!(missing.is_empty());
        assert_eq!(std::fs::read_to_string(out.path.join("src/a.py")).unwrap(), "print(1)\n");
        assert_eq!(std::fs::read_to_string(out.path.join("docs/read me.md")).unwrap(), "# A\n");
        assert!(!out.path.join("empty").exists());
        let later = Scratch::new("export-later").unwrap();
        tree(repository.path().as_os_str(), &repository.head(), &later.path).unwrap();
        assert_eq!(std::fs::read(later.path.join("empty")).unwrap(), b"");
        assert!(!later.path.join("link.py").exists(), "links are not followed or written");
    }

    #[test]
    fn only_regular_files_are_listed() {
        let listing: Vec<u8> = [
            "100644 blob aaa\tsrc/a.py",
            "100755 blob bbb\trun.sh",
            "120000 blob ccc\tlink",
            "160000 commit ddd\tthird_party/sub",
            "100644 blob eee\tname with\ttab",
        ]
        .map(|entry| format!("{entry}\0"))
        .concat()
        .into_bytes();
        let entries = files(&listing);
        let names: Vec<String> =
            entries.iter().map(|e| String::from_utf8_lossy(&e.path).into_owned()).collect();
        assert_eq!(names, ["src/a.py", "run.sh", "name with\ttab"]);
        assert_eq!(entries[1].object, "bbb");
    }
}
