//! `cargo xtask measure`: counts one tree with each counter the way the records were made, and
//! prints (or writes) one record line per counter.

use crate::args::Args;
use crate::error::Error;
use crate::export::{self, Scratch};
use crate::records::{self, Measurement, MEASUREMENTS};
use crate::{clock, counters, tool};
use headstart_core::dataset::{Counter, Era};
use std::path::PathBuf;

pub fn command(words: &[String]) -> Result<(), Error> {
    let args =
        Args::parse(words, &["tree", "source", "counters", "dir", "date", "ohcount-version"], &["write"])?;
    let label = tree_label(args.required("tree")?)?;
    let which = match args.value("counters") {
        Some(list) => list
            .split(',')
            .map(|key| {
                Counter::from_key(key.trim()).ok_or_else(|| {
                    Error::Usage(format!(
                        "there is no counter “{key}”; the counters are ohcount, tokei, cloc"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => Counter::ALL.to_vec(),
    };
    let target = match args.value("dir") {
        Some(dir) => {
            args.positional(&[])?;
            Target::Folder { path: PathBuf::from(dir), date: iso_day(args.required("date")?)? }
        }
        None => {
            let [checkout, revision] = args.positional(&["a git checkout", "a revision"])? else {
                unreachable!("two positionals were checked for")
            };
            Target::Commit { checkout: PathBuf::from(checkout), revision: revision.clone() }
        }
    };
    let fresh = measure(&label, args.required("source")?, &target, &which, args.value("ohcount-version"))?;
    if args.flag("write") {
        let path = crate::root().join(MEASUREMENTS);
        records::replace(&path, &fresh, |a, b| a.tree == b.tree && a.counter == b.counter)?;
        for record in &fresh {
            eprintln!(
                "{MEASUREMENTS}: {} by {} {}: {} code lines",
                record.tree,
                record.counter.key(),
                record.version,
                record.code
            );
        }
    } else {
        for record in &fresh {
            println!("{}", records::line(record));
        }
    }
    Ok(())
}

/// What is counted: a commit of a git checkout, or a plain folder such as an unpacked package.
pub enum Target {
    Commit { checkout: PathBuf, revision: String },
    Folder { path: PathBuf, date: String },
}

pub fn measure(
    label: &str,
    source: &str,
    target: &Target,
    which: &[Counter],
    ohcount_version: Option<&str>,
) -> Result<Vec<Measurement>, Error> {
    let scratch;
    let (root, commit, date, missing_blobs) = match target {
        Target::Folder { path, date } => (path.clone(), None, date.clone(), Vec::new()),
        Target::Commit { checkout, revision } => {
            let checkout = checkout.as_os_str();
            let commit = tool::git(checkout, &["rev-parse", "--verify", &format!("{revision}^{{commit}}")])?;
            let date = tool::git(checkout, &["log", "-1", "--format=%cI", &commit])?;
            scratch = Scratch::new(label)?;
            let missing = export::tree(checkout, &commit, &scratch.path)?;
            (scratch.path.clone(), Some(commit), date, missing)
        }
    };
    let measured_on = clock::today();
    which
        .iter()
        .map(|&counter| {
            let version =
                counters::version(counter, ohcount_version.filter(|_| counter == Counter::Ohcount))?;
            let count = counters::run(counter, &root)?;
            Ok(Measurement {
                tree: label.to_owned(),
                counter,
                version,
                measured_on: measured_on.clone(),
                source: source.to_owned(),
                commit: commit.clone(),
                date: date.clone(),
                missing_blobs: missing_blobs.clone(),
                code: count.code,
                code_no_vendor: count.code_no_vendor,
                split: counters::split(counter, &count.by_language),
                by_language: count.by_language,
            })
        })
        .collect()
}

/// A tree label names its era after the `@`, so the table can tell a 2017 tree from a latest.
pub fn tree_label(label: &str) -> Result<String, Error> {
    match label.split_once('@') {
        Some((name, era)) if !name.is_empty() && Era::from_key(era).is_some() => Ok(label.to_owned()),
        _ => Err(Error::Usage(format!("the tree label “{label}” is not <name>@2017 or <name>@latest"))),
    }
}

fn iso_day(text: &str) -> Result<String, Error> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if well_formed {
        Ok(text.to_owned())
    } else {
        Err(Error::Usage(format!("--date “{text}” is not YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Repository;

    #[test]
    fn labels_name_their_era() {
        assert!(tree_label("keras@2017").is_ok() && tree_label("dl4j-2022@latest").is_ok());
        for bad in ["keras", "keras@2018", "@latest"] {
            assert!(tree_label(bad).unwrap_err().to_string().contains(bad), "{bad}");
        }
        assert!(iso_day("2026-11-23").is_ok() && iso_day("23/11/2026").is_err());
    }

    #[test]
    fn an_unknown_counter_is_refused_before_anything_runs() {
        let words: Vec<String> =
            ["repo", "HEAD", "--tree", "x@latest", "--source", "o/x", "--counters", "tokei,sloccount"]
                .map(str::to_owned)
                .to_vec();
        let error = command(&words).unwrap_err().to_string();
        assert!(error.contains("no counter “sloccount”"), "{error}");
    }

    /// A whole measurement of a small commit. It needs the three counters on the PATH, as a
    /// measuring machine has them: `cargo test -p xtask -- --ignored`.
    #[test]
    #[ignore = "needs ohcount, tokei and cloc on the PATH"]
    fn a_commit_is_exported_and_counted_by_every_counter() {
        let repository = Repository::new("measure");
        repository.commit(
            &[
                ("src/model.py", "def f():\n    \"\"\"Docstring.\"\"\"\n    return 1\n"),
                ("third_party/zlib/zlib.c", "int x;\n"),
                ("Makefile", "all:\n\ttrue\n"),
                ("docs/index.html", "<html>\n<body>x</body>\n</html>\n"),
            ],
            "dev@example.com",
            "2017-04-11T12:00:00+00:00",
        );
        let target = Target::Commit { checkout: repository.path().to_owned(), revision: "HEAD".into() };
        let records = measure("demo@2017", "example/demo", &target, &Counter::ALL, None).unwrap();
        let lines: Vec<(Counter, u64, Option<u64>, [u64; 3])> = records
            .iter()
            .map(|r| (r.counter, r.code, r.code_no_vendor, [r.split.logic, r.split.markup, r.split.build]))
            .collect();
        assert_eq!(
            lines,
            [
                (Counter::Ohcount, 8, Some(7), [3, 3, 2]),
                (Counter::Tokei, 9, Some(8), [4, 3, 2]),
                (Counter::Cloc, 8, None, [3, 3, 2]),
            ]
        );
        for record in &records {
            assert_eq!(record.commit.as_deref(), Some(repository.head().as_str()));
            assert_eq!(record.date, "2017-04-11T12:00:00Z");
            assert!(record.missing_blobs.is_empty() && !record.version.is_empty());
        }
        // The same files as an unpacked package: no commit, the given date, the same counts.
        let exported = Scratch::new("measure-folder").unwrap();
        export::tree(repository.path().as_os_str(), "HEAD", &exported.path).unwrap();
        let folder = Target::Folder { path: exported.path.clone(), date: "2026-11-23".into() };
        let package = measure("demo@latest", "PyPI demo-1.0.tar.gz", &folder, &Counter::ALL, None).unwrap();
        for (from_git, from_folder) in records.iter().zip(&package) {
            assert_eq!((from_folder.commit.as_deref(), from_folder.date.as_str()), (None, "2026-11-23"));
            assert_eq!((from_folder.code, from_folder.split), (from_git.code, from_git.split));
        }
    }
}
