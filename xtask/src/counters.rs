//! The three counters run as the records ran them, their output read into code lines per
//! language, and Open Hub's split of those languages into logic, markup and build lines.

use crate::error::Error;
use crate::tool;
use headstart_core::dataset::Counter;
use headstart_core::estimate::CodeSize;
use headstart_counter::VENDORED;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

/// What one counter found in a tree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Count {
    pub code: u64,
    /// Known where the counter reports files, not only languages.
    pub code_no_vendor: Option<u64>,
    pub by_language: BTreeMap<String, u64>,
}

/// Languages Open Hub files as markup and as build code; everything else is logic. Each
/// counter names languages its own way.
struct Categories {
    markup: &'static [&'static str],
    build: &'static [&'static str],
}

const OHCOUNT: Categories = Categories {
    markup: &[
        "html",
        "xml",
        "xmlschema",
        "xslt",
        "css",
        "mxml",
        "haml",
        "rhtml",
        "clearsilverhtml",
        "phphtml",
        "tex",
        "tex_dtx",
        "metapost_with_tex",
    ],
    build: &["make", "automake", "autoconf", "cmake", "ebuild", "exheres", "jam"],
};

const TOKEI: Categories = Categories {
    markup: &[
        "HTML",
        "XML",
        "CSS",
        "Sass",
        "Less",
        "XSL",
        "Markdown",
        "ReStructuredText",
        "SVG",
        "Tex",
        "TeX",
        "AsciiDoc",
        "Org",
    ],
    build: &["Makefile", "CMake", "Autoconf", "Automake", "M4", "Meson", "Bazel", "Starlark"],
};

/// cloc counts data and documentation formats as code, so more of them are markup here.
const CLOC: Categories = Categories {
    markup: &[
        "Markdown",
        "HTML",
        "CSS",
        "SASS",
        "LESS",
        "XML",
        "XSD",
        "XSLT",
        "SVG",
        "reStructuredText",
        "TeX",
        "JSON",
        "YAML",
        "Text",
        "CSV",
        "Jupyter Notebook",
        "AsciiDoc",
        "DTD",
        "INI",
        "TOML",
        "Properties",
        "Velocity Template Language",
    ],
    build: &[
        "make",
        "CMake",
        "Bazel",
        "Starlark",
        "Autoconf",
        "m4",
        "Dockerfile",
        "Meson",
        "Maven",
        "Gradle",
        "Ant",
        "MSBuild script",
    ],
};

fn categories(counter: Counter) -> &'static Categories {
    match counter {
        Counter::Ohcount => &OHCOUNT,
        Counter::Tokei => &TOKEI,
        Counter::Cloc => &CLOC,
    }
}

/// Open Hub's logic / markup / build split of a counter's lines per language.
pub fn split(counter: Counter, by_language: &BTreeMap<String, u64>) -> CodeSize {
    let categories = categories(counter);
    let mut size = CodeSize::default();
    for (language, &lines) in by_language {
        let part = if categories.markup.contains(&language.as_str()) {
            &mut size.markup
        } else if categories.build.contains(&language.as_str()) {
            &mut size.build
        } else {
            &mut size.logic
        };
        *part += lines;
    }
    size
}

/// The counter's version. ohcount cannot say its own, so it is asked of Debian's package
/// database, or taken from `stated`.
pub fn version(counter: Counter, stated: Option<&str>) -> Result<String, Error> {
    if let Some(version) = stated {
        return Ok(version.to_owned());
    }
    let unknown = |line: &str| Error::Tool {
        tool: counter.key().to_owned(),
        message: format!("no version in “{line}”"),
    };
    match counter {
        Counter::Tokei | Counter::Cloc => {
            let line = tool::text(counter.key(), ["--version"])?;
            tool::version_in(&line).ok_or_else(|| unknown(&line))
        }
        Counter::Ohcount => {
            let package =
                tool::text("dpkg-query", ["-W", "-f=${Version}", "ohcount"]).map_err(|_| Error::Tool {
                    tool: "ohcount".into(),
                    message:
                        "has no --version, and no Debian package says which it is; pass --ohcount-version"
                            .into(),
                })?;
            Ok(upstream_version(&package))
        }
    }
}

/// "1:4.0.0-3" → "4.0.0": a Debian version without its epoch and packaging revision.
fn upstream_version(debian: &str) -> String {
    let without_epoch = debian.split_once(':').map_or(debian, |(_, rest)| rest);
    without_epoch.rsplit_once('-').map_or(without_epoch, |(upstream, _)| upstream).to_owned()
}

/// Counts the tree under `root` as the records were counted.
pub fn run(counter: Counter, root: &Path) -> Result<Count, Error> {
    let malformed = |message: String| Error::Tool { tool: counter.key().to_owned(), message };
    let tree = root.as_os_str();
    let with = |options: &[&'static str]| -> Vec<&OsStr> {
        options.iter().map(|&option| OsStr::new(option)).chain([tree]).collect()
    };
    match counter {
        Counter::Tokei => {
            let out = tool::output("tokei", with(&["--no-ignore", "--hidden", "--streaming", "json"]))?;
            read_tokei(&String::from_utf8_lossy(&out), root).map_err(malformed)
        }
        Counter::Ohcount => {
            let out = tool::output("ohcount", with(&["-i"]))?;
            Ok(read_ohcount(&String::from_utf8_lossy(&out), root))
        }
        Counter::Cloc => {
            let out =
                tool::output("cloc", with(&["--quiet", "--json", "--skip-uniqueness", "--timeout=30"]))?;
            read_cloc(&String::from_utf8_lossy(&out)).map_err(malformed)
        }
    }
}

/// Adds up per-file counts, with and without vendored directories.
#[derive(Default)]
struct Files {
    count: Count,
    no_vendor: u64,
}

impl Files {
    fn add(&mut self, root: &Path, path: &str, language: &str, code: u64) {
        self.count.code += code;
        *self.count.by_language.entry(language.to_owned()).or_default() += code;
        if !is_vendored(root, path) {
            self.no_vendor += code;
        }
    }

    fn finish(mut self) -> Count {
        self.count.code_no_vendor = Some(self.no_vendor);
        self.count
    }
}

/// Whether a file lies under a vendored directory: a folder of its path, relative to the
/// tree, named in [`VENDORED`] in any case.
fn is_vendored(root: &Path, path: &str) -> bool {
    let relative = Path::new(path).strip_prefix(root).unwrap_or(Path::new(path));
    let folders = relative.parent().into_iter().flat_map(Path::components);
    folders.filter_map(|part| part.as_os_str().to_str()).any(|folder| {
        let folder = folder.to_lowercase();
        VENDORED.contains(&folder.as_str())
    })
}

/// One line of `tokei --streaming json`: a file, its language and its lines, with the code
/// embedded in it (Markdown's code blocks, an HTML page's scripts) as blobs.
#[derive(Deserialize)]
struct TokeiLine {
    language: String,
    stats: TokeiReport,
}

#[derive(Deserialize)]
struct TokeiReport {
    name: String,
    stats: TokeiStats,
}

#[derive(Deserialize)]
struct TokeiStats {
    code: u64,
    #[serde(default)]
    blobs: BTreeMap<String, TokeiStats>,
}

impl TokeiStats {
    /// The file's own code and the code embedded in it, as tokei's total counts it.
    fn all_code(&self) -> u64 {
        self.code + self.blobs.values().map(TokeiStats::all_code).sum::<u64>()
    }
}

fn read_tokei(out: &str, root: &Path) -> Result<Count, String> {
    let mut files = Files::default();
    for line in out.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let file: TokeiLine =
            serde_json::from_str(line).map_err(|error| format!("unexpected line “{line}”: {error}"))?;
        files.add(root, &file.stats.name, &file.language, file.stats.stats.all_code());
    }
    Ok(files.finish())
}

/// `ohcount -i` prints a table: language, code, comment, comment %, blank, total, file.
fn read_ohcount(out: &str, root: &Path) -> Count {
    let mut files = Files::default();
    for line in out.lines() {
        let mut rest = line.trim_start();
        let mut fields = Vec::new();
        while fields.len() < 6 {
            let Some((field, after)) = rest.split_once(char::is_whitespace) else { break };
            fields.push(field);
            rest = after.trim_start();
        }
        if let [language, code, comment, ..] = fields.as_slice() {
            let is_count = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            if fields.len() == 6 && is_count(code) && is_count(comment) {
                files.add(root, rest, language, code.parse().unwrap_or(0));
            }
        }
    }
    files.finish()
}

/// `cloc --json` reports languages only, so no figure without vendored code.
fn read_cloc(out: &str) -> Result<Count, String> {
    if out.trim().is_empty() {
        return Ok(Count::default());
    }
    #[derive(Deserialize)]
    struct Language {
        code: u64,
    }
    let report: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(out).map_err(|error| format!("unexpected output: {error}"))?;
    let mut count = Count::default();
    for (language, figures) in report.into_iter().filter(|(key, _)| key != "header" && key != "SUM") {
        let figures: Language =
            serde_json::from_value(figures).map_err(|error| format!("{language}: {error}"))?;
        count.code += figures.code;
        count.by_language.insert(language, figures.code);
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|&(language, lines)| (language.to_owned(), lines)).collect()
    }

    /// The tables reproduce the split of every record, so a recount splits as the records did.
    #[test]
    fn the_split_of_every_record_follows_from_its_languages() {
        let path = crate::root().join(crate::records::MEASUREMENTS);
        for record in crate::records::read::<crate::records::Measurement>(&path).unwrap() {
            assert_eq!(
                split(record.counter, &record.by_language),
                record.split,
                "{} {:?}",
                record.tree,
                record.counter
            );
            assert_eq!(record.by_language.values().sum::<u64>(), record.code, "{}", record.tree);
        }
    }

    #[test]
    fn each_counter_names_languages_its_own_way() {
        let tokei =
            split(Counter::Tokei, &languages(&[("Python", 10), ("Markdown", 4), ("CMake", 2), ("JSON", 1)]));
        assert_eq!(tokei, CodeSize { logic: 11, markup: 4, build: 2 });
        let cloc =
            split(Counter::Cloc, &languages(&[("Python", 10), ("Markdown", 4), ("CMake", 2), ("JSON", 1)]));
        assert_eq!(cloc, CodeSize { logic: 10, markup: 5, build: 2 });
        let ohcount = split(Counter::Ohcount, &languages(&[("python", 10), ("html", 4), ("cmake", 2)]));
        assert_eq!(ohcount, CodeSize { logic: 10, markup: 4, build: 2 });
    }

    #[test]
    fn vendored_folders_are_matched_by_name_in_any_case_but_not_files() {
        let root = Path::new("/tmp/tree");
        assert!(is_vendored(root, "/tmp/tree/Third_Party/zlib/inflate.c"));
        assert!(is_vendored(root, "/tmp/tree/web/node_modules/react/index.js"));
        assert!(!is_vendored(root, "/tmp/tree/src/vendor"));
        assert!(!is_vendored(root, "/tmp/tree/src/vendors/a.c"));
        assert!(!is_vendored(Path::new("/tmp/vendor/tree"), "/tmp/vendor/tree/a.c"));
    }

    #[test]
    fn tokei_lines_count_embedded_code_for_the_file_that_holds_it() {
        let out = r#"{"language":"Markdown","stats":{"name":"/t/README.md","stats":{"blanks":1,"code":4,"comments":0,"blobs":{"Python":{"blanks":0,"code":3,"comments":1,"blobs":{}}}}}}
{"language":"Python","stats":{"name":"/t/third_party/x.py","stats":{"blanks":0,"code":2,"comments":0,"blobs":{}}}}
"#;
        let count = read_tokei(out, Path::new("/t")).unwrap();
        assert_eq!(
            count,
            Count {
                code: 9,
                code_no_vendor: Some(7),
                by_language: languages(&[("Markdown", 7), ("Python", 2)])
            }
        );
        assert!(read_tokei("not json", Path::new("/t")).unwrap_err().contains("not json"));
    }

    #[test]
    fn ohcount_rows_are_read_and_its_headings_skipped() {
        let out = "Examining 3 file(s)\n                              Ohloh Line Count\n\
                   Language               Code    Comment  Comment %      Blank      Total  File\n\
                   ----------------  ---------  ---------  ---------  ---------  ---------  ------\n\
                   python                    2          1      33.3%          0          3  /t/src/a.py\n\
                   c                         1          0       0.0%          0          1  /t/3rdparty/b.c\n\
                   html                      3          0       0.0%          0          3  /t/docs/my page.html\n";
        let count = read_ohcount(out, Path::new("/t"));
        assert_eq!(
            count,
            Count {
                code: 6,
                code_no_vendor: Some(5),
                by_language: languages(&[("c", 1), ("html", 3), ("python", 2)])
            }
        );
    }

    #[test]
    fn cloc_languages_are_read_without_its_header_and_sum() {
        let out = r#"{"header":{"cloc_version":"1.96","n_files":2},"Python":{"nFiles":1,"blank":0,"comment":1,"code":2},"make":{"nFiles":1,"blank":0,"comment":0,"code":2},"SUM":{"blank":0,"comment":1,"code":4,"nFiles":2}}"#;
        let count = read_cloc(out).unwrap();
        assert_eq!(
            count,
            Count { code: 4, code_no_vendor: None, by_language: languages(&[("Python", 2), ("make", 2)]) }
        );
        assert_eq!(read_cloc("").unwrap(), Count::default());
    }

    #[test]
    fn debian_versions_lose_their_epoch_and_revision() {
        assert_eq!(upstream_version("4.0.0-3"), "4.0.0");
        assert_eq!(upstream_version("1:4.0.0-3+b1"), "4.0.0");
        assert_eq!(upstream_version("1.96"), "1.96");
    }
}
