//! The measured facts under data/, one JSON line each: a tree counted by one counter
//! (measurements.jsonl), and the authorship of a tree's git history (history.jsonl). `measure`
//! and `history` write them; `data` reads them. A line is kept exactly as serde writes it, so a
//! recount of an unchanged tree changes nothing.

use crate::error::Error;
use headstart_core::dataset::Counter;
use headstart_core::estimate::CodeSize;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const MEASUREMENTS: &str = "data/measurements.jsonl";
pub const HISTORY: &str = "data/history.jsonl";

/// One tree counted by one counter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The tree's label, `<name>@2017` or `<name>@latest`, which data/frameworks.toml refers to.
    pub tree: String,
    pub counter: Counter,
    /// The counter's version.
    pub version: String,
    /// The day of the count, UTC.
    pub measured_on: String,
    /// The repository counted (owner/name), or the package.
    pub source: String,
    /// The commit counted; none for a package.
    pub commit: Option<String>,
    /// The commit's committer date, or the day the package was downloaded.
    pub date: String,
    /// Files of the tree whose contents the clone lacked, so were not counted.
    pub missing_blobs: Vec<String>,
    /// Code lines: no comments, no blanks.
    pub code: u64,
    /// The same without files under vendored directories; where the counter gives files.
    pub code_no_vendor: Option<u64>,
    /// Open Hub's logic / markup / build split of `code`, by language.
    pub split: CodeSize,
    /// Code lines per language, in the counter's own names for them.
    pub by_language: BTreeMap<String, u64>,
}

/// Who wrote the history up to a tree's commit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub tree: String,
    /// git's version.
    pub version: String,
    pub measured_on: String,
    pub source: String,
    pub commit: String,
    /// E-mail domains counted as the sponsor's, each with its subdomains; empty for none.
    pub sponsor_domains: Vec<String>,
    /// Commits reachable from `commit`, merges included.
    pub commits: u64,
    pub commits_no_merges: u64,
    /// Distinct author e-mails (lower-cased, no mailmap) over all reachable commits.
    pub authors: u64,
    /// Non-merge commits whose author's domain is a sponsor's.
    pub sponsor_commits: u64,
    /// Author dates of the history's root commits, earliest first.
    pub root_commit_dates: Vec<String>,
    /// The earliest author date after 1995 (older ones are clock errors).
    pub earliest_author_date: Option<String>,
    /// The commonest author domains of non-merge commits, most first.
    pub top_domains: Vec<(String, u64)>,
}

impl History {
    /// The share of non-merge commits from the sponsor's domains; none without a sponsor.
    pub fn sponsor_share(&self) -> Option<f64> {
        if self.sponsor_domains.is_empty() || self.commits_no_merges == 0 {
            None
        } else {
            Some(self.sponsor_commits as f64 / self.commits_no_merges as f64)
        }
    }
}

/// Every line of a JSON-lines file, each a record of type `T`.
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, Error> {
    let text = std::fs::read_to_string(path).map_err(Error::file(path))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|error| Error::Malformed {
                path: path.to_owned(),
                line: index + 1,
                message: error.to_string(),
            })
        })
        .collect()
}

/// A record as one line of its file.
pub fn line<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).expect("records have string keys and finite numbers")
}

/// Writes `fresh` into the file: each record replaces the line that `same` pairs it with, in
/// place, or is appended. Every other line stays as it was.
pub fn replace<T: Clone + Serialize + DeserializeOwned>(
    path: &Path,
    fresh: &[T],
    same: impl Fn(&T, &T) -> bool,
) -> Result<(), Error> {
    let mut records: Vec<T> = read(path)?;
    for record in fresh {
        match records.iter().position(|old| same(old, record)) {
            Some(index) => records[index] = record.clone(),
            None => records.push(record.clone()),
        }
    }
    let text: String = records.iter().map(|record| line(record) + "\n").collect();
    std::fs::write(path, text).map_err(Error::file(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_canonical<T: Serialize + DeserializeOwned>(file: &str) {
        let path = crate::root().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<String> = read::<T>(&path).unwrap().iter().map(line).collect();
        assert_eq!(lines, text.lines().collect::<Vec<_>>(), "{file}");
    }

    #[test]
    fn the_records_are_read_and_kept_in_the_form_serde_writes() {
        assert_canonical::<Measurement>(MEASUREMENTS);
        assert_canonical::<History>(HISTORY);
    }

    #[test]
    fn a_bad_line_is_named() {
        let dir = std::env::temp_dir().join(format!("xtask-records-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.jsonl");
        std::fs::write(&path, "{\"tree\":\"a@2017\"}\n\n{\n").unwrap();
        let error = read::<History>(&path).unwrap_err().to_string();
        assert!(error.contains("bad.jsonl, line 1") && error.contains("missing field"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn replacing_keeps_order_and_appends_what_is_new() {
        let dir = std::env::temp_dir().join(format!("xtask-replace-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("history.jsonl");
        let mut records = read::<History>(&crate::root().join(HISTORY)).unwrap();
        records.truncate(3);
        std::fs::write(&path, records.iter().map(|r| line(r) + "\n").collect::<String>()).unwrap();
        let mut changed = records[1].clone();
        changed.commits += 1;
        let mut new = records[0].clone();
        new.tree = "new@2017".into();
        replace(&path, &[changed.clone(), new.clone()], |a: &History, b| a.tree == b.tree).unwrap();
        let after = read::<History>(&path).unwrap();
        assert_eq!(after, vec![records[0].clone(), changed, records[2].clone(), new]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
