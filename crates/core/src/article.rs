//! The 2017 article this app examines: its citation, its headline claims, and how a view's
//! totals compare with them.

use crate::ledger::Totals;

pub const TITLE: &str =
    "Google, Facebook, Microsoft, IBM, Baidu and others just invested $80m into every AI company";
pub const AUTHOR: &str = "Ben Blume";
pub const PUBLICATION: &str = "Startup Grind (Medium)";
pub const DATE: &str = "2017-04-12";
pub const URL: &str =
    "https://medium.com/startup-grind/google-facebook-microsoft-ibm-baidu-and-others-just-invested-80m-into-every-ai-company-95dfcbe1ce11";

/// "at least 2.5 million lines of machine learning platform code"
pub const LINES: f64 = 2_500_000.0;
/// "over 650 man years"
pub const PERSON_YEARS: f64 = 650.0;
/// "or $80m in development costs"
pub const COST: f64 = 80_000_000.0;

/// The salary the headline implies, its cost over its person-years, rounded to the thousand as
/// the article's own figures are round: 123,000 USD.
pub fn implied_salary() -> f64 {
    (COST / PERSON_YEARS / 1_000.0).round() * 1_000.0
}

/// The headline's lines as the article wrote them, for sentences that quote it: "2.5 million".
pub fn quoted_lines() -> String {
    format!("{} million", LINES / 1e6)
}

/// "650".
pub fn quoted_person_years() -> String {
    format!("{PERSON_YEARS}")
}

/// "$80m".
pub fn quoted_cost() -> String {
    format!("${}m", COST / 1e6)
}

/// Relative differences of a view's totals from the article's (0.01 = 1% above).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub lines: f64,
    pub person_years: f64,
    pub cost: f64,
}

impl Comparison {
    pub fn of(totals: &Totals) -> Self {
        Comparison {
            lines: totals.lines as f64 / LINES - 1.0,
            person_years: totals.person_years / PERSON_YEARS - 1.0,
            cost: totals.cost / COST - 1.0,
        }
    }

    /// One sentence on how close the view comes to the article, for under the headline.
    pub fn sentence(&self) -> String {
        let worst = self.lines.abs().max(self.person_years.abs()).max(self.cost.abs());
        let closeness = if worst < 0.02 {
            "This view reproduces the article's figures to within 2%"
        } else if worst < 0.10 {
            "This view comes within 10% of the article's figures"
        } else {
            "This view differs from the article's figures"
        };
        format!(
            "{closeness} (lines {}, person-years {}, cost {} against its {}, {} and {}).",
            signed_percent(self.lines),
            signed_percent(self.person_years),
            signed_percent(self.cost),
            quoted_lines(),
            quoted_person_years(),
            quoted_cost()
        )
    }
}

/// Why no view can match the article exactly; shown beside the comparison.
pub const WHY_NOT_EXACT: &str =
    "It cannot be exact: the article's table was an image that is now lost, so which \
    frameworks it listed, and the day Open Hub last counted them, are inferred from its totals.";

fn signed_percent(ratio: f64) -> String {
    let percent = (ratio * 1000.0).round() / 10.0;
    if percent == 0.0 {
        "±0%".to_owned()
    } else {
        format!("{percent:+.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(lines: u64, person_years: f64, cost: f64) -> Totals {
        Totals { lines, person_years, cost, counted: 15, ..Totals::default() }
    }

    #[test]
    fn the_sentence_follows_the_size_of_the_gap() {
        let close = Comparison::of(&totals(2_496_116, 654.4, 80.49e6)).sentence();
        assert!(close.starts_with("This view reproduces the article's figures to within 2%"), "{close}");
        assert!(
            close.contains("lines -0.2%")
                && close.contains("person-years +0.7%")
                && close.contains("cost +0.6%"),
            "{close}"
        );
        let near = Comparison::of(&totals(2_300_000, 640.0, 78e6)).sentence();
        assert!(near.starts_with("This view comes within 10%"), "{near}");
        let far = Comparison::of(&totals(6_900_000, 1960.0, 241e6)).sentence();
        assert!(far.starts_with("This view differs"), "{far}");
        assert!(far.contains("+176.0%"), "{far}");
    }

    #[test]
    fn the_headline_is_quoted_as_written_and_implies_its_salary() {
        assert_eq!(
            (quoted_lines(), quoted_person_years(), quoted_cost()),
            ("2.5 million".into(), "650".into(), "$80m".into())
        );
        assert_eq!(implied_salary(), 123_000.0);
        let far = Comparison::of(&totals(2_500_000, 650.0, 80e6)).sentence();
        assert!(far.ends_with("against its 2.5 million, 650 and $80m)."), "{far}");
    }

    #[test]
    fn exact_figures_read_as_no_difference() {
        let exact = Comparison::of(&totals(2_500_000, 650.0, 80e6)).sentence();
        assert!(exact.contains("lines ±0%"), "{exact}");
    }
}
