//! `cargo xtask data`: the dataset the app embeds (crates/core/data/frameworks.json), rebuilt
//! from data/: the framework table joined with the counted trees and their git histories, then
//! checked with the app's own validation.

use crate::args::Args;
use crate::error::Error;
use crate::records::{self, History, Measurement, HISTORY, MEASUREMENTS};
use crate::table::{Choice, Entry, Table, TABLE};
use headstart_core::dataset::{Counter, CounterCounts, Counts, Dataset, Era, Framework, Tools, Tree, Trees};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

pub const OUTPUT: &str = "crates/core/data/frameworks.json";

/// Per-language figures are bundled for this counter only, the one the language-mix chart
/// shows: the others' would add a sixth to the page's first load for no view.
const LANGUAGES_BUNDLED_FOR: Counter = Counter::Tokei;

pub fn command(words: &[String]) -> Result<(), Error> {
    let args = Args::parse(words, &[], &["check"])?;
    args.positional(&[])?;
    let root = crate::root();
    let dataset = Sources::read(&root)?.dataset()?;
    let text = render(&dataset);
    let path = root.join(OUTPUT);
    if args.flag("check") {
        let committed = std::fs::read_to_string(&path).map_err(Error::file(&path))?;
        if committed != text {
            return Err(Error::Stale(path));
        }
        eprintln!("{OUTPUT} is what data/ gives");
    } else {
        std::fs::write(&path, text).map_err(Error::file(&path))?;
        eprintln!("wrote {OUTPUT}: {} frameworks", dataset.frameworks.len());
    }
    Ok(())
}

/// Everything under data/ that the dataset is made of.
pub struct Sources {
    pub table: Table,
    pub measurements: Vec<Measurement>,
    pub histories: Vec<History>,
}

impl Sources {
    pub fn read(root: &Path) -> Result<Sources, Error> {
        Ok(Sources {
            table: Table::read(&root.join(TABLE))?,
            measurements: records::read(&root.join(MEASUREMENTS))?,
            histories: records::read(&root.join(HISTORY))?,
        })
    }

    pub fn dataset(&self) -> Result<Dataset, Error> {
        let mut counted: HashMap<(&str, Counter), &Measurement> = HashMap::new();
        for record in &self.measurements {
            if counted.insert((record.tree.as_str(), record.counter), record).is_some() {
                return Err(Error::Data(format!(
                    "{MEASUREMENTS} has two {} records of {}",
                    record.counter.key(),
                    record.tree
                )));
            }
        }
        let mut histories: HashMap<&str, &History> = HashMap::new();
        for history in &self.histories {
            if histories.insert(history.tree.as_str(), history).is_some() {
                return Err(Error::Data(format!("{HISTORY} has two records of {}", history.tree)));
            }
        }
        let mut used = Vec::new();
        let mut frameworks = Vec::new();
        for entry in &self.table.framework {
            let mut trees = Trees { y2017: None, latest: None };
            let mut tokei_counts = None;
            for era in Era::ALL {
                let Some(choice) = entry.trees.get(era) else { continue };
                let record = |counter: Counter| {
                    counted.get(&(choice.record.as_str(), counter)).copied().ok_or_else(|| {
                        Error::Data(format!(
                            "{TABLE} gives {} the tree {}, which has no {} record in {MEASUREMENTS}",
                            entry.id,
                            choice.record,
                            counter.key()
                        ))
                    })
                };
                let (ohcount, tokei, cloc) =
                    (record(Counter::Ohcount)?, record(Counter::Tokei)?, record(Counter::Cloc)?);
                let tree = tree(choice, [ohcount, tokei, cloc])?;
                tokei_counts = tokei_counts.or(Some(&tokei.by_language));
                used.extend([ohcount, tokei, cloc]);
                match era {
                    Era::Article2017 => trees.y2017 = Some(tree),
                    Era::Latest => trees.latest = Some(tree),
                }
            }
            let history = entry.trees.y2017.as_ref().and_then(|choice| histories.get(choice.record.as_str()));
            let primary_language = primary_language(entry, tokei_counts)?;
            frameworks.push(framework(entry, trees, history.copied(), primary_language));
        }
        let dataset = Dataset { measured_on: measured_on(&used), tools: tools(&used)?, frameworks };
        let problems = dataset.validate();
        if problems.is_empty() {
            Ok(dataset)
        } else {
            Err(Error::Data(format!("the dataset would not be sound:\n  {}", problems.join("\n  "))))
        }
    }
}

/// Stated in the table only where no tree was counted; otherwise it follows from tokei's counts
/// of the earliest tree.
fn primary_language(entry: &Entry, tokei_counts: Option<&BTreeMap<String, u64>>) -> Result<String, Error> {
    match (&entry.primary_language, tokei_counts) {
        (None, Some(counts)) => Ok(crate::primary_language::of(counts).unwrap_or_default()),
        (Some(stated), None) => Ok(stated.clone()),
        (Some(_), Some(_)) => Err(Error::Data(format!(
            "{TABLE}: {} states a primary language, which its tokei counts give",
            entry.id
        ))),
        (None, None) => Err(Error::Data(format!(
            "{TABLE}: {} has no counted tree, so it needs a primary_language",
            entry.id
        ))),
    }
}

/// One tree from its three counters' records, which must have counted the same thing.
fn tree(choice: &Choice, [ohcount, tokei, cloc]: [&Measurement; 3]) -> Result<Tree, Error> {
    for other in [ohcount, cloc] {
        let same_tree = (&other.source, &other.commit, &other.date, &other.missing_blobs)
            == (&tokei.source, &tokei.commit, &tokei.date, &tokei.missing_blobs);
        if !same_tree {
            return Err(Error::Data(format!(
                "the {} and tokei records of {} did not count the same tree (source, commit, date or \
                 missing files differ); recount them together",
                other.counter.key(),
                tokei.tree
            )));
        }
    }
    let counts = |record: &Measurement| CounterCounts {
        code: record.code,
        code_no_vendor: record.code_no_vendor,
        split: record.split,
        by_language: if record.counter == LANGUAGES_BUNDLED_FOR {
            record.by_language.iter().filter(|(_, &lines)| lines > 0).map(|(k, &v)| (k.clone(), v)).collect()
        } else {
            Default::default()
        },
    };
    Ok(Tree {
        source: tokei.source.clone(),
        commit: tokei.commit.clone(),
        date: tokei.date.clone(),
        status: choice.status,
        status_note: choice.note.clone(),
        missing_blobs: tokei.missing_blobs.len() as u32,
        counts: Counts { ohcount: counts(ohcount), tokei: counts(tokei), cloc: counts(cloc) },
    })
}

fn framework(entry: &Entry, trees: Trees, history: Option<&History>, primary_language: String) -> Framework {
    let mut top_domains = history.map(|h| h.top_domains.clone()).unwrap_or_default();
    top_domains.sort_by_key(|&(_, commits)| std::cmp::Reverse(commits));
    Framework {
        id: entry.id.clone(),
        name: entry.name.clone(),
        organization: entry.organization.clone(),
        org_kind: entry.org_kind,
        repo: entry.repo.clone(),
        open_sourced: entry.open_sourced.clone(),
        primary_language,
        domain: entry.domain,
        in_article_set: entry.in_article_set,
        authors_before_2017: history.map(|h| h.authors as u32),
        sponsor_commit_share_2017: history.and_then(History::sponsor_share).map(to_three_places),
        commits_before_2017: history.map(|h| h.commits_no_merges),
        top_author_domains_2017: top_domains,
        notes: entry.notes.clone(),
        trees,
        unmeasured_reason: entry.unmeasured.clone(),
    }
}

/// A share as the dataset states it, to a tenth of a percent.
fn to_three_places(share: f64) -> f64 {
    format!("{share:.3}").parse().expect("a formatted number parses")
}

/// The day of the newest count the dataset uses.
fn measured_on(used: &[&Measurement]) -> String {
    used.iter().map(|record| record.measured_on.clone()).max().unwrap_or_default()
}

/// The one version of each counter behind the counts: the page names a single one.
fn tools(used: &[&Measurement]) -> Result<Tools, Error> {
    let [ohcount, tokei, cloc] = Counter::ALL.map(|counter| {
        let versions: BTreeSet<&str> =
            used.iter().filter(|r| r.counter == counter).map(|r| r.version.as_str()).collect();
        match versions.into_iter().collect::<Vec<_>>().as_slice() {
            [one] => Ok((*one).to_owned()),
            several => Err(Error::Data(format!(
                "the trees used were counted with {} versions {}; recount them with one",
                counter.key(),
                several.join(" and ")
            ))),
        }
    });
    Ok(Tools { ohcount: ohcount?, tokei: tokei?, cloc: cloc? })
}

/// The dataset as committed: one framework a line, small in the bundle and readable in a diff.
pub fn render(dataset: &Dataset) -> String {
    let empty = Dataset { frameworks: Vec::new(), ..dataset.clone() };
    let head = serde_json::to_string(&empty).expect("the dataset serialises");
    let head = head.strip_suffix("[]}").expect("the frameworks are the dataset's last field");
    let rows: Vec<String> = dataset
        .frameworks
        .iter()
        .map(|framework| serde_json::to_string(framework).expect("a framework serialises"))
        .collect();
    format!("{head}[\n{}\n]}}\n", rows.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources {
        Sources::read(&crate::root()).unwrap()
    }

    /// The committed dataset is exactly what the records in data/ give, so a clone can rebuild
    /// and re-check every figure the app shows.
    #[test]
    fn the_records_rebuild_the_committed_dataset_byte_for_byte() {
        let rebuilt = render(&sources().dataset().unwrap());
        let committed = std::fs::read_to_string(crate::root().join(OUTPUT)).unwrap();
        assert!(rebuilt == committed, "run `cargo xtask data`: the committed dataset is stale");
        assert_eq!(Dataset::parse(&rebuilt).unwrap(), *Dataset::bundled());
    }

    #[test]
    fn every_record_and_history_is_of_a_tree_the_table_can_name() {
        let sources = sources();
        let histories: BTreeSet<&str> = sources.histories.iter().map(|h| h.tree.as_str()).collect();
        let with_history: BTreeSet<&str> = sources
            .table
            .framework
            .iter()
            .filter_map(|e| e.trees.y2017.as_ref())
            .map(|c| c.record.as_str())
            .collect();
        assert_eq!(histories, with_history, "each 2017 tree has its authorship, and only those");
        for record in &sources.measurements {
            let (_, era) = record.tree.split_once('@').unwrap();
            assert!(Era::from_key(era).is_some(), "{}", record.tree);
        }
    }

    #[test]
    fn a_missing_record_is_named() {
        let mut sources = sources();
        sources.measurements.retain(|r| !(r.tree == "keras@2017" && r.counter == Counter::Cloc));
        let error = sources.dataset().unwrap_err().to_string();
        assert!(error.contains("keras the tree keras@2017, which has no cloc record"), "{error}");
    }

    #[test]
    fn counters_of_one_tree_must_have_counted_the_same_commit() {
        let mut sources = sources();
        let record = sources.measurements.iter_mut().find(|r| r.tree == "caffe@latest").unwrap();
        record.commit = Some("0".repeat(40));
        let error = sources.dataset().unwrap_err().to_string();
        assert!(error.contains("records of caffe@latest did not count the same tree"), "{error}");
    }

    #[test]
    fn one_version_per_counter() {
        let mut sources = sources();
        let record = sources.measurements.iter_mut().find(|r| r.counter == Counter::Tokei).unwrap();
        record.version = "14.0.0".into();
        let error = sources.dataset().unwrap_err().to_string();
        assert!(error.contains("tokei versions 14.0.0 and 15.0.0"), "{error}");
    }

    #[test]
    fn unsound_counts_are_refused_with_the_apps_own_checks() {
        let mut sources = sources();
        let record = sources.measurements.iter_mut().find(|r| r.tree == "theano@2017").unwrap();
        record.split.logic += 1;
        let error = sources.dataset().unwrap_err().to_string();
        assert!(error.contains("theano (2017)") && error.contains("split adds up to"), "{error}");
    }

    #[test]
    fn the_primary_language_is_stated_only_where_nothing_was_counted() {
        let mut sources = sources();
        let keras = sources.table.framework.iter_mut().find(|e| e.id == "keras").unwrap();
        keras.primary_language = Some("Lua".into());
        assert!(sources.dataset().unwrap_err().to_string().contains("keras states a primary language"));
        let mut sources = self::sources();
        let vllm = sources.table.framework.iter_mut().find(|e| e.id == "vllm").unwrap();
        vllm.primary_language = None;
        assert!(sources.dataset().unwrap_err().to_string().contains("vllm has no counted tree"));
    }

    #[test]
    fn shares_are_stated_to_three_places() {
        assert_eq!(to_three_places(5.0 / 3763.0), 0.001);
        assert_eq!(to_three_places(1.0), 1.0);
        assert_eq!(to_three_places(0.12949), 0.129);
    }
}
