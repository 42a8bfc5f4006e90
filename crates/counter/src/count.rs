//! Code, comment and blank lines per language, by tokei's parser and language definitions, for
//! files that arrive as bytes: nothing here touches a file system, so it runs in a Web Worker.

use crate::limits::Limits;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use tokei::{Config, LanguageType};

/// Directory names the dataset's no-vendor figures leave out (data/PROVENANCE.md), compared
/// without regard to case.
pub const VENDORED: [&str; 10] = [
    "third_party",
    "third-party",
    "thirdparty",
    "3rdparty",
    "3rd_party",
    "3rd-party",
    "external",
    "vendor",
    "node_modules",
    "bower_components",
];

const VERSION_CONTROL: [&str; 3] = [".git", ".hg", ".svn"];

/// Bytes examined for a NUL when deciding that a file is binary, as git does.
pub const BINARY_PROBE: usize = 8_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub skip_vendored: bool,
    pub honour_gitignore: bool,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options { skip_vendored: true, honour_gitignore: true, limits: Limits::default() }
    }
}

/// Why a file was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Skip {
    /// Version-control metadata (.git, .hg, .svn): a repository's history, not its code.
    VersionControl,
    Vendored,
    Ignored,
    Binary,
    TooLarge,
    NotCode,
}

impl Skip {
    pub fn label(self) -> &'static str {
        match self {
            Skip::VersionControl => "version-control metadata",
            Skip::Vendored => "in vendored directories",
            Skip::Ignored => "excluded by .gitignore",
            Skip::Binary => "binary",
            Skip::TooLarge => "too large to be source",
            Skip::NotCode => "in no language tokei knows",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageCount {
    pub language: String,
    pub files: u64,
    /// The language's own code lines, tokei's per-language figure.
    pub code: u64,
    /// Code of other languages inside these files (a Markdown file's Rust blocks, an HTML
    /// page's script), which tokei's total includes and its per-language rows list apart.
    pub embedded: u64,
    pub comments: u64,
    pub blanks: u64,
}

/// The result of a count: what the page shows and the estimate is made from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Most code first.
    pub languages: Vec<LanguageCount>,
    pub bytes_read: u64,
    pub skipped: Vec<(Skip, u64)>,
}

impl LanguageCount {
    /// Code lines including embedded code: what tokei's total counts, and the dataset's figures.
    pub fn all_code(&self) -> u64 {
        self.code + self.embedded
    }
}

impl Report {
    pub fn total(&self) -> LanguageCount {
        self.languages.iter().fold(
            LanguageCount { language: "Total".into(), ..LanguageCount::default() },
            |mut sum, l| {
                sum.files += l.files;
                sum.code += l.code;
                sum.embedded += l.embedded;
                sum.comments += l.comments;
                sum.blanks += l.blanks;
                sum
            },
        )
    }
}

pub struct Counter {
    config: Config,
    options: Options,
    gitignore: Option<Gitignore>,
    by_language: BTreeMap<LanguageType, LanguageCount>,
    skipped: BTreeMap<Skip, u64>,
    bytes_read: u64,
}

impl Counter {
    /// `gitignores` are (directory, contents) of every .gitignore in the tree, so the rules are
    /// known before the first file is looked at.
    pub fn new(options: Options, gitignores: &[(String, String)]) -> Counter {
        let gitignore = (options.honour_gitignore && !gitignores.is_empty()).then(|| {
            let mut builder = GitignoreBuilder::new("/");
            for (dir, text) in gitignores {
                for line in text.lines() {
                    // A rule relative to its own directory; unusable lines are ignored, as git does.
                    let _ = builder.add_line(None, &anchored(dir, line));
                }
            }
            builder.build().unwrap_or_else(|_| Gitignore::empty())
        });
        Counter {
            config: Config::default(),
            options,
            gitignore,
            by_language: BTreeMap::new(),
            skipped: BTreeMap::new(),
            bytes_read: 0,
        }
    }

    /// Whether a file should be read at all, from its path and size alone.
    pub fn wants(&self, path: &str, size: u64) -> Result<(), Skip> {
        let dirs = || path.split('/').rev().skip(1);
        // Hidden files are code like any other (the dataset counted with tokei --hidden); a
        // folder picked from disk may hold its repository's history, which is not.
        if dirs().any(|d| VERSION_CONTROL.contains(&d)) {
            return Err(Skip::VersionControl);
        }
        if self.options.skip_vendored && dirs().any(|d| VENDORED.iter().any(|v| d.eq_ignore_ascii_case(v))) {
            return Err(Skip::Vendored);
        }
        if let Some(rules) = &self.gitignore {
            if rules.matched_path_or_any_parents(Path::new("/").join(path), false).is_ignore() {
                return Err(Skip::Ignored);
            }
        }
        if size > self.options.limits.max_file_bytes {
            return Err(Skip::TooLarge);
        }
        Ok(())
    }

    pub fn skip(&mut self, why: Skip) {
        *self.skipped.entry(why).or_default() += 1;
    }

    /// Counts one file that `wants` accepted.
    pub fn count(&mut self, path: &str, data: &[u8]) {
        self.bytes_read += data.len() as u64;
        if data[..data.len().min(BINARY_PROBE)].contains(&0) {
            return self.skip(Skip::Binary);
        }
        let Some(language) = language_of(path, data, &self.config) else { return self.skip(Skip::NotCode) };
        let stats = language.parse_from_slice(data, &self.config);
        let entry = self.by_language.entry(language).or_insert_with(|| LanguageCount {
            language: language.name().to_owned(),
            ..LanguageCount::default()
        });
        entry.files += 1;
        entry.code += stats.code as u64;
        entry.embedded += embedded_code(&stats) as u64;
        entry.comments += stats.comments as u64;
        entry.blanks += stats.blanks as u64;
    }

    pub fn report(&self) -> Report {
        let mut languages: Vec<LanguageCount> = self.by_language.values().cloned().collect();
        languages.sort_by(|a, b| b.code.cmp(&a.code).then_with(|| a.language.cmp(&b.language)));
        Report {
            languages,
            bytes_read: self.bytes_read,
            skipped: self.skipped.iter().map(|(k, v)| (*k, *v)).collect(),
        }
    }
}

/// Code lines of the languages embedded in a file, at any depth.
fn embedded_code(stats: &tokei::CodeStats) -> usize {
    stats.blobs.values().map(|blob| blob.code + embedded_code(blob)).sum()
}

/// A .gitignore line from directory `dir` as a rule for the whole tree.
fn anchored(dir: &str, line: &str) -> String {
    let line = line.trim_end();
    if dir.is_empty() || line.is_empty() || line.starts_with('#') {
        return line.to_owned();
    }
    let (negation, rule) = line.strip_prefix('!').map_or(("", line), |rest| ("!", rest));
    // A pattern with a slash before its end is relative to its directory; one without matches at any depth below it.
    let inner = rule.trim_end_matches('/');
    if inner.contains('/') {
        format!("{negation}/{dir}/{}", rule.trim_start_matches('/'))
    } else {
        format!("{negation}/{dir}/**/{rule}")
    }
}

/// tokei's language for a path, from its file name or extension, else from a `#!` line.
fn language_of(path: &str, data: &[u8], config: &Config) -> Option<LanguageType> {
    let name = path.rsplit('/').next().unwrap_or(path);
    // Under a root that does not exist, so tokei's fallback of opening the file to read its
    // shebang finds nothing; the shebang is read from the bytes below instead.
    LanguageType::from_path(Path::new("\u{1}").join(name), config).or_else(|| shebang(data))
}

/// The language of a script from its `#!` line, as tokei reads it from a file.
fn shebang(data: &[u8]) -> Option<LanguageType> {
    if !data.starts_with(b"#!") {
        return None;
    }
    let line = String::from_utf8_lossy(&data[..data.iter().position(|&b| b == b'\n').unwrap_or(data.len())])
        .into_owned();
    let mut words = line.trim_start_matches("#!").split_whitespace();
    let program = words.next()?.rsplit('/').next()?;
    let program = if program == "env" { words.find(|w| !w.starts_with('-'))? } else { program };
    let program = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    match program {
        "python" => Some(LanguageType::Python),
        "bash" => Some(LanguageType::Bash),
        "sh" | "dash" | "ksh" => Some(LanguageType::Sh),
        "zsh" => Some(LanguageType::Zsh),
        "perl" => Some(LanguageType::Perl),
        "ruby" => Some(LanguageType::Ruby),
        "node" | "nodejs" => Some(LanguageType::JavaScript),
        "Rscript" => Some(LanguageType::R),
        "lua" => Some(LanguageType::Lua),
        "php" => Some(LanguageType::Php),
        _ => None,
    }
}
