//! `cargo xtask history`: who wrote a repository's history up to a commit, from the authors'
//! e-mail addresses, as the records' authorship figures were made. Addresses are not people:
//! no mailmap is applied, and staff who committed from personal addresses count as outsiders,
//! so a sponsor's share is a lower bound.

use crate::args::Args;
use crate::error::Error;
use crate::records::{self, History, HISTORY};
use crate::{clock, measure, tool};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;

/// How many of the commonest author domains a record keeps.
const TOP_DOMAINS: usize = 8;

/// Author dates before this year are clock errors, not history.
const FIRST_PLAUSIBLE_YEAR: &str = "1995";

pub fn command(words: &[String]) -> Result<(), Error> {
    let args = Args::parse(words, &["tree", "source", "sponsor"], &["write"])?;
    let [checkout, revision] = args.positional(&["a git checkout", "a revision"])? else {
        unreachable!("two positionals were checked for")
    };
    let sponsor: Vec<String> = args
        .required("sponsor")?
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .collect();
    let history = of(
        OsStr::new(checkout),
        revision,
        &measure::tree_label(args.required("tree")?)?,
        args.required("source")?,
        sponsor,
    )?;
    if args.flag("write") {
        records::replace(&crate::root().join(HISTORY), std::slice::from_ref(&history), |a, b| {
            a.tree == b.tree
        })?;
        eprintln!("{HISTORY}: {}: {} authors, {} commits", history.tree, history.authors, history.commits);
    } else {
        println!("{}", records::line(&history));
    }
    Ok(())
}

pub fn of(
    checkout: &OsStr,
    revision: &str,
    label: &str,
    source: &str,
    sponsor_domains: Vec<String>,
) -> Result<History, Error> {
    let git = |args: &[&str]| tool::git(checkout, args);
    let commit = git(&["rev-parse", "--verify", &format!("{revision}^{{commit}}")])?;
    let version = tool::version_in(&tool::text("git", ["--version"])?).unwrap_or_default();
    let addresses = |merges: bool| -> Result<Vec<String>, Error> {
        let mut args = vec!["log", "--format=%ae"];
        if !merges {
            args.push("--no-merges");
        }
        args.push(&commit);
        Ok(git(&args)?.lines().map(|line| line.trim().to_lowercase()).collect())
    };
    let all = addresses(true)?;
    let no_merges = addresses(false)?;
    let is_sponsors = |address: &String| {
        let domain = domain_of(address);
        sponsor_domains.iter().any(|s| domain == s || domain.ends_with(&format!(".{s}")))
    };
    let mut root_commit_dates = Vec::new();
    for root in git(&["rev-list", "--max-parents=0", &commit])?.split_whitespace() {
        root_commit_dates.push(git(&["log", "-1", "--format=%aI", root])?);
    }
    root_commit_dates.sort();
    let author_dates = git(&["log", "--format=%aI", &commit])?;
    let earliest_author_date = author_dates
        .split_whitespace()
        .filter(|date| date.get(..4) >= Some(FIRST_PLAUSIBLE_YEAR))
        .min()
        .map(str::to_owned);
    Ok(History {
        tree: label.to_owned(),
        version,
        measured_on: clock::today(),
        source: source.to_owned(),
        commit: commit.clone(),
        commits: all.len() as u64,
        commits_no_merges: no_merges.len() as u64,
        authors: all.iter().collect::<BTreeSet<_>>().len() as u64,
        sponsor_commits: no_merges.iter().filter(|address| is_sponsors(address)).count() as u64,
        sponsor_domains,
        root_commit_dates,
        earliest_author_date,
        top_domains: top_domains(&no_merges),
    })
}

/// What follows the last `@`; an address without one is all domain, as git may record it.
fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or(address, |(_, domain)| domain)
}

/// The commonest domains, most first; ties in alphabetical order.
fn top_domains(addresses: &[String]) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for address in addresses {
        *counts.entry(domain_of(address)).or_default() += 1;
    }
    let mut ranked: Vec<(String, u64)> = counts.into_iter().map(|(d, n)| (d.to_owned(), n)).collect();
    ranked.sort_by_key(|&(_, commits)| std::cmp::Reverse(commits));
    ranked.truncate(TOP_DOMAINS);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Repository;

    #[test]
    fn authorship_counts_addresses_merges_and_the_sponsors_subdomains() {
        let repository = Repository::new("history");
        repository.commit(&[("a", "1")], "Lead@Corp.com", "2015-06-01T10:00:00+02:00");
        repository.commit(&[("b", "2")], "intern@research.corp.com", "2016-01-01T00:00:00Z");
        repository.commit(&[("c", "3")], "fan@gmail.com", "2016-02-01T00:00:00Z");
        repository.commit(&[("d", "4")], "impostor@notcorp.com", "2016-03-01T00:00:00Z");
        repository.merge(&[("e", "5")], "fan@gmail.com", "2016-04-01T00:00:00Z");
        let history =
            of(repository.path().as_os_str(), "main", "demo@2017", "example/demo", vec!["corp.com".into()])
                .unwrap();
        assert_eq!(history.commit, repository.head());
        assert_eq!((history.commits, history.commits_no_merges, history.authors), (6, 5, 4));
        assert_eq!(history.sponsor_commits, 2, "lead and intern, not the look-alike domain");
        assert_eq!(history.sponsor_share(), Some(0.4));
        assert_eq!(history.root_commit_dates, ["2015-06-01T10:00:00+02:00"]);
        assert_eq!(history.earliest_author_date.as_deref(), Some("2015-06-01T10:00:00+02:00"));
        assert_eq!(
            history.top_domains,
            [
                ("gmail.com".to_owned(), 2),
                ("corp.com".to_owned(), 1),
                ("notcorp.com".to_owned(), 1),
                ("research.corp.com".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn without_a_sponsor_there_is_no_share() {
        let repository = Repository::new("history-none");
        repository.commit(&[("a", "1")], "a@example.com", "2016-01-01T00:00:00Z");
        let history =
            of(repository.path().as_os_str(), "HEAD", "demo@2017", "example/demo", Vec::new()).unwrap();
        assert_eq!((history.sponsor_commits, history.sponsor_share()), (0, None));
    }

    #[test]
    fn an_unknown_revision_is_a_git_error() {
        let repository = Repository::new("history-bad");
        repository.commit(&[("a", "1")], "a@example.com", "2016-01-01T00:00:00Z");
        let error =
            of(repository.path().as_os_str(), "v9", "demo@2017", "example/demo", Vec::new()).unwrap_err();
        assert!(error.to_string().starts_with("git: "), "{error}");
    }
}
