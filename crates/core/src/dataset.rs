//! The bundled framework dataset: code measured at the article's date and today, with the
//! provenance of every figure. Compiled in (no fetch at run time) and checked by the tests, so
//! the page can rely on it.

use crate::estimate::CodeSize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Which state of the code is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Era {
    /// The last commit before 12 April 2017, the article's publication day.
    #[serde(rename = "2017")]
    Article2017,
    /// The newest tree that could be measured.
    #[serde(rename = "latest")]
    Latest,
}

/// A line counter; they disagree by about 15% either way on the same tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Counter {
    /// What Open Hub runs, so what the article's figures came from.
    Ohcount,
    Tokei,
    Cloc,
}

/// Labels, URL keys and lookups for the small enums the page offers as choices.
macro_rules! keyed {
    ($type:ident { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        impl $type {
            pub const ALL: [$type; [$($key),+].len()] = [$($type::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($type::$variant => $key),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($type::$variant => $label),+ }
            }

            pub fn from_key(key: &str) -> Option<$type> {
                $type::ALL.into_iter().find(|value| value.key() == key)
            }
        }
    };
}

keyed!(Era {
    Article2017 => "2017", "April 2017 (the article)";
    Latest => "latest", "Latest measured";
});

keyed!(Counter {
    Ohcount => "ohcount", "ohcount (Open Hub)";
    Tokei => "tokei", "tokei";
    Cloc => "cloc", "cloc";
});

keyed!(OrgKind {
    BigTech => "big_tech", "Big tech";
    University => "university", "University";
    Startup => "startup", "Startup";
    Community => "community", "Community";
    Foundation => "foundation", "Foundation";
});

impl Counter {
    /// The version that produced the bundled counts, as the measurement records name it.
    pub fn version(self) -> &'static str {
        Dataset::bundled().tools.version(self)
    }
}

/// Who stood behind a framework in 2017.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    BigTech,
    University,
    Startup,
    Community,
    Foundation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Domain {
    DeepLearning,
    GradientBoosting,
    ClassicalMl,
}

/// Whether the lost table plausibly listed the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleSet {
    /// Named in the article's text.
    Yes,
    /// A plausible row of the lost table.
    Maybe,
    /// Not public on the article's date.
    No,
}

/// How far a tree's figure can be trusted as the project's own code at that date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TreeStatus {
    Measured,
    /// Another tree that stands in for the project (a fork or a port).
    Proxy,
    /// A package that holds only part of the repository.
    LowerBound,
}

impl TreeStatus {
    pub fn label(self) -> &'static str {
        match self {
            TreeStatus::Measured => "Measured.",
            TreeStatus::Proxy => "A proxy, not the project's own tree.",
            TreeStatus::LowerBound => "A lower bound.",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub measured_on: String,
    pub tools: Tools,
    pub frameworks: Vec<Framework>,
}

/// The version of each counter behind the counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tools {
    pub ohcount: String,
    pub tokei: String,
    pub cloc: String,
}

impl Tools {
    pub fn version(&self, counter: Counter) -> &str {
        match counter {
            Counter::Ohcount => &self.ohcount,
            Counter::Tokei => &self.tokei,
            Counter::Cloc => &self.cloc,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub org_kind: OrgKind,
    pub repo: String,
    /// ISO date of the public release (the first commit where the history starts with it).
    pub open_sourced: String,
    pub primary_language: String,
    pub domain: Domain,
    pub in_article_set: ArticleSet,
    /// Distinct author e-mails in the history up to the article's date.
    pub authors_before_2017: Option<u32>,
    /// Share of those commits from the sponsor's own domains: a lower bound, since many staff
    /// committed from personal addresses.
    pub sponsor_commit_share_2017: Option<f64>,
    pub commits_before_2017: Option<u64>,
    pub top_author_domains_2017: Vec<(String, u64)>,
    pub notes: String,
    pub trees: Trees,
    /// Why a tree is missing when the project did exist.
    pub unmeasured_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trees {
    #[serde(rename = "2017")]
    pub y2017: Option<Tree>,
    pub latest: Option<Tree>,
}

/// One counted state of a repository, and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    /// The repository or package actually counted.
    pub source: String,
    pub commit: Option<String>,
    pub date: String,
    pub status: TreeStatus,
    pub status_note: Option<String>,
    /// Files the snapshot lacked (large data files, in practice); see data/PROVENANCE.md.
    pub missing_blobs: u32,
    pub counts: Counts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub ohcount: CounterCounts,
    pub tokei: CounterCounts,
    pub cloc: CounterCounts,
}

/// Code lines (no comments, no blanks) by one counter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CounterCounts {
    pub code: u64,
    /// Without vendored directories (third_party, vendor, node_modules, …), where known.
    pub code_no_vendor: Option<u64>,
    /// Open Hub's logic / markup / build split of `code`.
    pub split: CodeSize,
    /// Code lines per language; bundled for tokei only (see data/PROVENANCE.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_language: BTreeMap<String, u64>,
}

/// A dataset file that does not parse, with the parser's account of where and why.
#[derive(Debug)]
pub struct DatasetError(serde_json::Error);

impl std::fmt::Display for DatasetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the dataset is not valid: {}", self.0)
    }
}

impl std::error::Error for DatasetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl Dataset {
    /// The dataset compiled into the app. The test suite proves it parses and validates.
    pub fn bundled() -> &'static Dataset {
        static BUNDLED: OnceLock<Dataset> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Dataset::parse(include_str!("../data/frameworks.json")).expect("the bundled dataset is tested")
        })
    }

    pub fn parse(json: &str) -> Result<Dataset, DatasetError> {
        serde_json::from_str(json).map_err(DatasetError)
    }

    pub fn get(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|framework| framework.id == id)
    }

    /// Everything wrong with the data, one message each; empty when it is sound.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for framework in &self.frameworks {
            let id = &framework.id;
            if id.is_empty() || !ids.insert(id.as_str()) {
                problems.push(format!("framework id “{id}” is empty or repeated"));
            }
            if !is_iso_date(&framework.open_sourced) {
                problems.push(format!("{id}: open_sourced “{}” is not an ISO date", framework.open_sourced));
            }
            if let Some(share) = framework.sponsor_commit_share_2017 {
                if !(0.0..=1.0).contains(&share) {
                    problems.push(format!("{id}: sponsor share {share} is not between 0 and 1"));
                }
            }
            for (era, tree) in Era::ALL.iter().filter_map(|&era| framework.tree(era).map(|tree| (era, tree)))
            {
                problems.extend(
                    tree.problems().into_iter().map(|problem| format!("{id} ({}): {problem}", era.key())),
                );
            }
        }
        problems
    }
}

impl Framework {
    pub fn tree(&self, era: Era) -> Option<&Tree> {
        match era {
            Era::Article2017 => self.trees.y2017.as_ref(),
            Era::Latest => self.trees.latest.as_ref(),
        }
    }

    /// The article's default selection: deep learning, public with a tree on 2017-04-11.
    pub fn in_article_default(&self) -> bool {
        self.domain == Domain::DeepLearning
            && self.trees.y2017.is_some()
            && self.open_sourced.as_str() <= "2017-04-11"
    }
}

impl Tree {
    pub fn counts(&self, counter: Counter) -> &CounterCounts {
        match counter {
            Counter::Ohcount => &self.counts.ohcount,
            Counter::Tokei => &self.counts.tokei,
            Counter::Cloc => &self.counts.cloc,
        }
    }

    pub fn size(&self, counter: Counter) -> CodeSize {
        self.counts(counter).split
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.source.trim().is_empty() {
            problems.push("no source".to_owned());
        }
        if !is_iso_date(&self.date) {
            problems.push(format!("date “{}” is not an ISO date", self.date));
        }
        for counter in Counter::ALL {
            let counts = self.counts(counter);
            if counts.split.total() != counts.code {
                problems.push(format!(
                    "{} split adds up to {}, not {}",
                    counter.key(),
                    counts.split.total(),
                    counts.code
                ));
            }
            if counts.code_no_vendor.is_some_and(|lines| lines > counts.code) {
                problems
                    .push(format!("{} counts more lines without vendored code than with it", counter.key()));
            }
        }
        problems
    }
}

/// `YYYY-MM-DD`, optionally followed by a time.
fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::Preset;

    #[test]
    fn the_bundled_data_parses_and_is_sound() {
        let dataset = Dataset::bundled();
        assert_eq!(dataset.frameworks.len(), 26);
        assert_eq!(dataset.validate(), Vec::<String>::new());
    }

    #[test]
    fn every_tree_names_its_source_and_git_trees_their_commit() {
        for framework in &Dataset::bundled().frameworks {
            for tree in Era::ALL.iter().filter_map(|&era| framework.tree(era)) {
                let from_a_package = tree.source.starts_with("PyPI");
                assert_eq!(tree.commit.is_some(), !from_a_package, "{}: {}", framework.id, tree.source);
            }
            let has_every_tree = framework.trees.y2017.is_some() && framework.trees.latest.is_some();
            let explained =
                framework.unmeasured_reason.is_some() || framework.open_sourced.as_str() > "2017-04-11";
            assert!(has_every_tree || explained, "{} lacks a tree without saying why", framework.id);
        }
    }

    /// PROVENANCE §7, subset D: what Open Hub's own method gives for the article's frameworks.
    #[test]
    fn the_article_set_costed_the_open_hub_way_matches_the_measurements() {
        let dataset = Dataset::bundled();
        let chosen: Vec<&Framework> = dataset.frameworks.iter().filter(|f| f.in_article_default()).collect();
        assert_eq!(chosen.len(), 15);
        let settings = Preset::OpenHub.settings();
        let sizes: Vec<CodeSize> =
            chosen.iter().map(|f| f.tree(Era::Article2017).unwrap().size(Counter::Ohcount)).collect();
        assert_eq!(sizes.iter().map(CodeSize::total).sum::<u64>(), 2_496_116);
        let person_years: f64 = sizes.iter().map(|size| settings.estimate(size).person_years).sum();
        assert!((person_years - 654.4).abs() < 0.05, "{person_years}");
    }

    #[test]
    fn validation_catches_broken_records() {
        let mut dataset = Dataset::bundled().clone();
        dataset.frameworks[1].id = dataset.frameworks[0].id.clone();
        dataset.frameworks[2].sponsor_commit_share_2017 = Some(-0.5);
        dataset.frameworks[3].trees.y2017.as_mut().unwrap().counts.tokei.split.logic += 1;
        dataset.frameworks[4].open_sourced = "April 2017".into();
        let problems = dataset.validate();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems[0].contains("repeated") && problems[1].contains("-0.5") && problems[2].contains("split")
        );
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        assert!(Dataset::parse("{").unwrap_err().to_string().starts_with("the dataset is not valid: EOF"));
        assert!(Dataset::parse(r#"{"measured_on": "x", "frameworks": [{"id": 3}]}"#).is_err());
    }

    #[test]
    fn keys_round_trip() {
        for era in Era::ALL {
            assert_eq!(Era::from_key(era.key()), Some(era));
        }
        for counter in Counter::ALL {
            assert_eq!(Counter::from_key(counter.key()), Some(counter));
        }
        assert_eq!(Counter::from_key("sloccount"), None);
    }
}
