//! "Your code": a reader's own line counts, estimated with the ledger's model and placed among the
//! frameworks. Only numbers travel in the URL (code lines per language), never a file name.

use crate::assumptions::Assumptions;
use crate::estimate::{CodeSize, CostSettings, ProjectEstimate};
use crate::keys::Key;
use crate::ledger::{BandInput, Ranges};
use crate::query::{QueryReader, QueryWriter};
use std::fmt;

/// The most languages a shared link lists; the rest are summed as "Other".
const SHARED_LANGUAGES: usize = 12;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct YourCodeView {
    pub assumptions: Assumptions,
    /// Code lines per language, most first; empty until something is counted or shared.
    pub languages: Vec<(String, u64)>,
}

impl YourCodeView {
    /// The estimation choices and the counts.
    pub fn keys() -> Vec<Key> {
        Assumptions::KEYS.into_iter().chain([Key::Code]).collect()
    }

    pub fn read(query: &mut QueryReader) -> YourCodeView {
        let assumptions = Assumptions::read(query);
        let languages = query.take(Key::Code, parse_languages).unwrap_or_default();
        YourCodeView { assumptions, languages }
    }

    pub fn write(&self, query: &mut QueryWriter) {
        self.assumptions.write(query);
        if !self.languages.is_empty() {
            query.put(
                Key::Code,
                self.languages.iter().map(|(l, n)| format!("{l}:{n}")).collect::<Vec<_>>().join(","),
            );
        }
    }

    /// Keeps a count's per-language code lines, the largest first, the tail as "Other".
    pub fn set_counts(&mut self, mut languages: Vec<(String, u64)>) {
        languages.retain(|(_, n)| *n > 0);
        languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if languages.len() > SHARED_LANGUAGES {
            let other: u64 = languages.drain(SHARED_LANGUAGES - 1..).map(|(_, n)| n).sum();
            languages.push(("Other".to_owned(), other));
        }
        self.languages = languages;
    }

    pub fn code_lines(&self) -> u64 {
        self.languages.iter().map(|(_, n)| n).sum()
    }

    /// The ledger's settings for the whole count. A count has no logic/markup/build split, so
    /// Open Hub's per-category arithmetic applies the model to the whole.
    fn settings(&self) -> CostSettings {
        CostSettings { split_by_category: false, ..self.assumptions.settings() }
    }

    /// The estimate for all the code as one project.
    pub fn estimate(&self) -> Option<ProjectEstimate> {
        let lines = self.code_lines();
        (lines > 0).then(|| self.settings().estimate(&CodeSize::undivided(lines)))
    }

    /// The Monte Carlo for this one project, with the ledger's default ranges.
    pub fn band_input(&self) -> Option<BandInput> {
        let estimate = self.estimate()?;
        let settings = self.settings();
        let ranges = Ranges::default();
        Some(BandInput {
            efforts: vec![estimate.person_years * 12.0],
            exponent: settings.model.power_law().1,
            cost_per_month: settings.cost_of(1.0),
            sigma: ranges.sigma(&settings.model),
            ranges,
        })
    }
}

/// Why a link's counts are unusable, as the notice says it; each holds the text at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountsError {
    NotLanguageLines(String),
    NotWholeLines(String),
    NotLanguageName(String),
    TooMany,
}

impl fmt::Display for CountsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CountsError::NotLanguageLines(pair) => write!(f, "“{pair}” is not language:lines"),
            CountsError::NotWholeLines(lines) => write!(f, "“{lines}” is not a whole number of lines"),
            CountsError::NotLanguageName(name) => write!(f, "“{name}” is not a language name"),
            CountsError::TooMany => f.write_str("more languages or lines than any count gives"),
        }
    }
}

impl std::error::Error for CountsError {}

/// "Rust:1200,Python:80": language names as tokei writes them, then whole numbers.
fn parse_languages(text: &str) -> Result<Vec<(String, u64)>, CountsError> {
    let pairs = text.split(',').map(|pair| {
        let (name, lines) =
            pair.rsplit_once(':').ok_or_else(|| CountsError::NotLanguageLines(pair.to_owned()))?;
        let lines: u64 = lines.trim().parse().map_err(|_| CountsError::NotWholeLines(lines.to_owned()))?;
        let name = name.trim();
        if name.is_empty() || name.len() > 40 {
            return Err(CountsError::NotLanguageName(name.to_owned()));
        }
        Ok((name.to_owned(), lines))
    });
    let languages = pairs.collect::<Result<Vec<_>, CountsError>>()?;
    if languages.len() > SHARED_LANGUAGES || languages.iter().map(|l| l.1).sum::<u64>() > 10_000_000_000 {
        return Err(CountsError::TooMany);
    }
    Ok(languages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_round_trip_as_numbers_only_with_a_tail_of_other() {
        let mut view = YourCodeView::default();
        let many: Vec<(String, u64)> =
            (0..15).map(|i| (format!("L{i:02}"), 100 + i)).chain([("Empty".to_owned(), 0)]).collect();
        view.set_counts(many);
        assert_eq!(view.languages.len(), 12);
        assert_eq!(view.languages[0], ("L14".to_owned(), 114));
        assert_eq!(view.languages[11], ("Other".to_owned(), 100 + 101 + 102 + 103));
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        let query = writer.finish();
        assert!(query.starts_with("code=L14%3A114,L13%3A113,"), "{query}");
        let back = YourCodeView::read(&mut QueryReader::parse(&query));
        assert_eq!(back, view);
        assert_eq!(back.code_lines(), (100..115).sum::<u64>());
    }

    #[test]
    fn the_estimate_uses_the_ledgers_model_on_the_whole_count() {
        let mut view = YourCodeView::read(&mut QueryReader::parse("code=Rust:100000"));
        let estimate = view.estimate().unwrap();
        assert!((estimate.person_years - 2.4 * 100f64.powf(1.05) / 12.0).abs() < 1e-9);
        view.languages.clear();
        assert_eq!(view.estimate(), None);
    }

    #[test]
    fn bad_counts_are_refused_readably() {
        for (bad, reason) in [
            ("code=Rust", "“Rust” is not language:lines"),
            ("code=Rust:many", "“many” is not a whole number of lines"),
            ("code=:5", "“” is not a language name"),
            ("code=Rust:-3", "“-3” is not a whole number of lines"),
        ] {
            let mut reader = QueryReader::parse(bad);
            assert!(YourCodeView::read(&mut reader).languages.is_empty());
            let problems = reader.finish();
            assert_eq!(problems.len(), 1, "{bad}");
            assert_eq!(problems[0].reason, reason);
        }
        let many = (0..13).map(|i| format!("L{i}:1")).collect::<Vec<_>>().join(",");
        assert_eq!(parse_languages(&many), Err(CountsError::TooMany));
    }
}
