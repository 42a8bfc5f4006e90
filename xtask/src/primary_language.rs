//! A framework's primary language, as the dataset names it: the programming language with the
//! most tokei code lines in its tree, or "X/Y" when the runner-up is close behind.

use std::collections::BTreeMap;

/// Formats of data, documentation and configuration, which no framework is said to be written in.
const NOT_PROGRAMMING: [&str; 23] = [
    "JSON",
    "YAML",
    "XML",
    "SVG",
    "CSV",
    "Text",
    "Plain Text",
    "TOML",
    "Jupyter Notebooks",
    "INI",
    "ReStructuredText",
    "Markdown",
    "TeX",
    "Tex",
    "HTML",
    "CSS",
    "Sass",
    "Less",
    "Visual Studio Project",
    "Visual Studio Solution",
    "Forge Config",
    "Autoconf",
    "Dockerfile",
];

/// A runner-up with at least this share of the leader's lines is named too.
const CLOSE_BEHIND: f64 = 0.8;

/// From tokei's code lines per language. C headers count for C++ or C, whichever has more
/// lines; tokei cannot tell them apart.
pub fn of(by_language: &BTreeMap<String, u64>) -> Option<String> {
    let lines = |language: &str| by_language.get(language).copied().unwrap_or(0);
    let headers_are = if lines("C++") + lines("C++ Header") >= lines("C") { "C++" } else { "C" };
    let mut programming: BTreeMap<&str, u64> = BTreeMap::new();
    for (language, &count) in by_language {
        let language = match language.as_str() {
            "C Header" => headers_are,
            "C++ Header" => "C++",
            other if NOT_PROGRAMMING.contains(&other) => continue,
            other => other,
        };
        *programming.entry(language).or_default() += count;
    }
    let mut ranked: Vec<(&str, u64)> = programming.into_iter().collect();
    ranked.sort_by_key(|&(_, lines)| std::cmp::Reverse(lines));
    match ranked.as_slice() {
        [] => None,
        [(first, lead), (second, next), ..] if *next as f64 >= CLOSE_BEHIND * *lead as f64 => {
            Some(format!("{first}/{second}"))
        }
        [(first, _), ..] => Some((*first).to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|&(language, lines)| (language.to_owned(), lines)).collect()
    }

    #[test]
    fn data_formats_are_passed_over() {
        assert_eq!(
            of(&counts(&[("JSON", 900), ("Markdown", 500), ("Python", 100)])).as_deref(),
            Some("Python")
        );
    }

    #[test]
    fn a_close_runner_up_is_named_after_the_leader() {
        assert_eq!(of(&counts(&[("C++", 100), ("Python", 80)])).as_deref(), Some("C++/Python"));
        assert_eq!(of(&counts(&[("C++", 100), ("Python", 79)])).as_deref(), Some("C++"));
    }

    #[test]
    fn c_headers_join_the_bigger_of_c_and_cpp() {
        let c_project = counts(&[("C", 50), ("C Header", 60), ("Lua", 90)]);
        assert_eq!(of(&c_project).as_deref(), Some("C/Lua"));
        let cpp_project = counts(&[("C", 50), ("C++", 60), ("C Header", 60), ("Python", 100)]);
        assert_eq!(of(&cpp_project).as_deref(), Some("C++/Python"));
    }

    #[test]
    fn no_programming_language_names_none() {
        assert_eq!(of(&counts(&[("JSON", 10)])), None);
        assert_eq!(of(&BTreeMap::new()), None);
    }
}
