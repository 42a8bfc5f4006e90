//! A command's words split into positional arguments, `--name value` options and `--flag`s,
//! refusing any option the command does not take, so a typo is an error rather than ignored.

use crate::error::Error;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    values: BTreeMap<&'static str, String>,
    flags: BTreeSet<&'static str>,
}

impl Args {
    /// `options` take a value (`--name value` or `--name=value`); `flags` do not.
    pub fn parse(words: &[String], options: &[&'static str], flags: &[&'static str]) -> Result<Args, Error> {
        let mut args = Args::default();
        let mut words = words.iter();
        while let Some(word) = words.next() {
            let Some(option) = word.strip_prefix("--") else {
                args.positional.push(word.clone());
                continue;
            };
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (option, None),
            };
            if let Some(&name) = options.iter().find(|&&known| known == name) {
                let value = inline
                    .or_else(|| words.next().cloned())
                    .ok_or_else(|| Error::Usage(format!("--{name} needs a value")))?;
                if args.values.insert(name, value).is_some() {
                    return Err(Error::Usage(format!("--{name} is given twice")));
                }
            } else if let Some(&name) = flags.iter().find(|&&known| known == name) {
                if inline.is_some() {
                    return Err(Error::Usage(format!("--{name} takes no value")));
                }
                args.flags.insert(name);
            } else {
                return Err(Error::Usage(format!("this command has no option --{name}")));
            }
        }
        Ok(args)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn required(&self, name: &str) -> Result<&str, Error> {
        self.value(name).ok_or_else(|| Error::Usage(format!("--{name} is required")))
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(name)
    }

    /// Exactly `count` positional arguments, named in the message when they are not there.
    pub fn positional(&self, names: &[&str]) -> Result<&[String], Error> {
        if self.positional.len() == names.len() {
            Ok(&self.positional)
        } else {
            let wanted = if names.is_empty() { "no arguments".to_owned() } else { names.join(" and ") };
            Err(Error::Usage(format!("expected {wanted}, got “{}”", self.positional.join(" "))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn options_flags_and_positionals_are_told_apart() {
        let args = Args::parse(
            &words("repo HEAD --tree x@2017 --counters=tokei --write"),
            &["tree", "counters"],
            &["write"],
        )
        .unwrap();
        assert_eq!(args.positional(&["checkout", "revision"]).unwrap(), ["repo", "HEAD"]);
        assert_eq!(args.value("tree"), Some("x@2017"));
        assert_eq!(args.value("counters"), Some("tokei"));
        assert!(args.flag("write") && !args.flag("check"));
    }

    #[test]
    fn a_misspelt_or_incomplete_option_is_refused() {
        for (line, expected) in [
            ("--chek", "no option --chek"),
            ("--tree", "--tree needs a value"),
            ("--tree a --tree b", "given twice"),
            ("--write=yes", "takes no value"),
        ] {
            let error = Args::parse(&words(line), &["tree"], &["write"]).unwrap_err();
            assert!(error.to_string().contains(expected), "{line}: {error}");
        }
    }

    #[test]
    fn missing_arguments_are_named() {
        let args = Args::parse(&words("repo"), &["tree"], &[]).unwrap();
        let error = args.positional(&["a git checkout", "a revision"]).unwrap_err();
        assert!(error.to_string().contains("a git checkout and a revision"), "{error}");
        assert!(args.required("tree").unwrap_err().to_string().contains("--tree is required"));
    }
}
