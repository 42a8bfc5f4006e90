//! data/frameworks.toml: what each framework is and which measured trees stand for it. This is
//! the editorial half of the dataset, the part no counter measures; its kinds are the app's own
//! enums, so a misspelt kind fails to load.

use crate::error::Error;
use headstart_core::dataset::{ArticleSet, Domain, Era, OrgKind, TreeStatus};
use serde::Deserialize;
use std::path::Path;

pub const TABLE: &str = "data/frameworks.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub framework: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub org_kind: OrgKind,
    /// The upstream repository, with its 2017 name where that differed.
    pub repo: String,
    pub open_sourced: String,
    pub domain: Domain,
    pub in_article_set: ArticleSet,
    /// Only for a framework with no counted tree: otherwise it follows from tokei's counts.
    pub primary_language: Option<String>,
    pub notes: String,
    /// Why a tree the project had is missing.
    pub unmeasured: Option<String>,
    #[serde(default)]
    pub trees: Trees,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trees {
    #[serde(rename = "2017")]
    pub y2017: Option<Choice>,
    pub latest: Option<Choice>,
}

impl Trees {
    pub fn get(&self, era: Era) -> Option<&Choice> {
        match era {
            Era::Article2017 => self.y2017.as_ref(),
            Era::Latest => self.latest.as_ref(),
        }
    }
}

/// The counted tree that stands for a framework in one era, and how far it can be trusted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// A tree label of data/measurements.jsonl.
    pub record: String,
    #[serde(default = "measured")]
    pub status: TreeStatus,
    pub note: Option<String>,
}

fn measured() -> TreeStatus {
    TreeStatus::Measured
}

impl Table {
    pub fn read(path: &Path) -> Result<Table, Error> {
        let text = std::fs::read_to_string(path).map_err(Error::file(path))?;
        Table::parse(&text).map_err(|message| Error::Malformed {
            path: path.to_owned(),
            line: line_of(&text, &message),
            message: message.message().to_owned(),
        })
    }

    fn parse(text: &str) -> Result<Table, toml::de::Error> {
        toml::from_str(text)
    }
}

/// The line an error's span starts on, counted from 1.
fn line_of(text: &str, error: &toml::de::Error) -> usize {
    let start = error.span().map_or(0, |span| span.start);
    text[..start.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        let table = Table::read(&crate::root().join(TABLE)).unwrap();
        assert_eq!(table.framework.len(), 26);
        let pytorch = table.framework.iter().find(|entry| entry.id == "pytorch").unwrap();
        assert_eq!(pytorch.trees.get(Era::Latest).unwrap().status, TreeStatus::Proxy);
        assert_eq!(pytorch.trees.get(Era::Article2017).unwrap().status, TreeStatus::Measured);
    }

    #[test]
    fn a_misspelt_kind_or_field_is_an_error_on_its_line() {
        let good = "[[framework]]\nid = \"x\"\nname = \"X\"\norganization = \"O\"\norg_kind = \"startup\"\n\
                    repo = \"o/x\"\nopen_sourced = \"2016-01-01\"\ndomain = \"deep-learning\"\n\
                    in_article_set = \"no\"\nnotes = \"\"\n";
        assert!(Table::parse(good).is_ok());
        for (typo, line) in [
            (good.replace("startup", "start-up"), 5),
            (good.replace("notes", "note"), 10),
            (good.to_owned() + "[framework.trees.2018]\nrecord = \"x@2018\"\n", 11),
        ] {
            let error = Table::parse(&typo).unwrap_err();
            assert_eq!(line_of(&typo, &error), line, "{}", error.message());
        }
    }
}
