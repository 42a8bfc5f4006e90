//! Headstart's maintenance commands, run as `cargo xtask <command>`. The data path, from a
//! counted tree to the dataset the app embeds, is written in the app's language and reads the
//! app's own types, so the two cannot disagree on what a record means.

mod args;
mod cards;
mod clock;
#[cfg(test)]
mod consistency;
mod convert;
mod counters;
mod dist;
mod error;
mod export;
#[cfg(test)]
mod fixture;
mod history;
mod measure;
mod prerender;
mod primary_language;
mod records;
mod site;
mod table;
mod tool;

use error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  data [--check]
      Rebuild crates/core/data/frameworks.json from data/ (frameworks.toml, measurements.jsonl,
      history.jsonl). With --check, only say whether the committed file is what data/ gives.

  measure <git checkout> <revision> --tree <label> --source <owner/name> [--counters <list>] [--write]
  measure --dir <folder> --date <YYYY-MM-DD> --tree <label> --source <description> [...]
      Count the revision's tree (or a folder, such as an unpacked package) with ohcount, tokei
      and cloc, as the records were counted, and print one record line per counter. --counters
      picks some of ohcount,tokei,cloc; --write replaces the tree's lines in data/measurements.jsonl.

  history <git checkout> <revision> --tree <label> --source <owner/name> --sponsor <domains> [--write]
      The authorship of the history up to the revision: commits, authors, the share from the
      sponsor's e-mail domains (comma-separated; empty for none). --write replaces the tree's
      line in data/history.jsonl.

  dist [--dist DIR] [--public-url /sub/path/] [--origin https://example.org]
      The release bundle (scripts/build runs this): one Trunk build per entry of src/bin/, merged
      into DIR (default dist/), each address's page with its default view prerendered in headless
      Chromium, a 1200x630 share card of every page and embed (DIR/share/) with its og: and
      twitter: tags, then the service worker's file list. The origin (or HEADSTART_SITE_ORIGIN;
      the flag wins) with the public URL makes og:image absolute; without one it is left out.

  help
      This text.
";

/// What the first word asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Data,
    Dist,
    Measure,
    History,
    Help,
}

impl Command {
    fn parse(word: &str) -> Option<Command> {
        match word {
            "data" => Some(Command::Data),
            "dist" => Some(Command::Dist),
            "measure" => Some(Command::Measure),
            "history" => Some(Command::History),
            "help" | "--help" | "-h" => Some(Command::Help),
            _ => None,
        }
    }
}

fn main() -> ExitCode {
    let words: Vec<String> = std::env::args().skip(1).collect();
    match run(&words) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(words: &[String]) -> Result<(), Error> {
    let Some((first, rest)) = words.split_first() else {
        print!("{USAGE}");
        return Err(Error::Usage("no command given".to_owned()));
    };
    match Command::parse(first) {
        Some(Command::Data) => convert::command(rest),
        Some(Command::Dist) => dist::command(rest),
        Some(Command::Measure) => measure::command(rest),
        Some(Command::History) => history::command(rest),
        Some(Command::Help) => {
            print!("{USAGE}");
            Ok(())
        }
        None => Err(Error::Usage(format!("there is no command “{first}”"))),
    }
}

/// The repository's root folder, whatever folder the command is run from.
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map_or(manifest.clone(), PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_in_the_usage_parses() {
        for word in ["data", "dist", "measure", "history", "help"] {
            assert!(USAGE.contains(&format!("  {word}")), "{word} is documented");
            assert!(Command::parse(word).is_some(), "{word}");
        }
        assert_eq!(Command::parse("dat"), None);
    }

    #[test]
    fn an_unknown_command_is_a_usage_error() {
        let error = run(&["convert".to_owned()]).unwrap_err();
        assert!(matches!(error, Error::Usage(_)));
        assert!(error.to_string().contains("“convert”"), "{error}");
    }
}
