//! Dollars of one year in dollars of another, by the US consumer price index. The presets'
//! salaries are in their own years' dollars (SLOCCount's and scc's are from 2000), so a cost is
//! only comparable with today's money after this adjustment.

use std::fmt;
use std::sync::OnceLock;

/// Where the index comes from, for the page and the Method text.
pub const CPI_SOURCE: &str = "US Bureau of Labor Statistics, CPI-U (series CUUR0000SA0), annual averages";
pub const CPI_URL: &str = "https://data.bls.gov/timeseries/CUUR0000SA0";

/// What is wrong with a price table; the lines hold the text at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceIndexError {
    NotYearValue(String),
    BadYear(String),
    BadValue(String),
    /// A year that does not follow the one before.
    Gap(u16),
    NotPositive(u16),
    Empty,
}

impl fmt::Display for PriceIndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceIndexError::NotYearValue(line) => write!(f, "line {line:?} is not year,value"),
            PriceIndexError::BadYear(line) => write!(f, "bad year in {line:?}"),
            PriceIndexError::BadValue(line) => write!(f, "bad value in {line:?}"),
            PriceIndexError::Gap(year) => write!(f, "year {year} does not follow the one before"),
            PriceIndexError::NotPositive(year) => write!(f, "index for {year} must be positive"),
            PriceIndexError::Empty => f.write_str("no years"),
        }
    }
}

impl std::error::Error for PriceIndexError {}

/// The bundled annual averages, first year to last without gaps.
#[derive(Debug, PartialEq)]
pub struct PriceIndex {
    first_year: u16,
    values: Vec<f64>,
}

impl PriceIndex {
    pub fn bundled() -> &'static PriceIndex {
        static INDEX: OnceLock<PriceIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            PriceIndex::parse(include_str!("../data/cpi-u.csv"))
                .expect("the bundled CPI table is checked by the tests")
        })
    }

    /// `year,value` lines after a header; `#` lines are comments. Years must follow each other.
    pub fn parse(text: &str) -> Result<PriceIndex, PriceIndexError> {
        let mut rows = text.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).skip(1);
        let mut index = PriceIndex { first_year: 0, values: Vec::new() };
        for (n, line) in rows.by_ref().enumerate() {
            let (year, value) =
                line.split_once(',').ok_or_else(|| PriceIndexError::NotYearValue(line.to_owned()))?;
            let year: u16 = year.trim().parse().map_err(|_| PriceIndexError::BadYear(line.to_owned()))?;
            let value: f64 = value.trim().parse().map_err(|_| PriceIndexError::BadValue(line.to_owned()))?;
            if n == 0 {
                index.first_year = year;
            } else if usize::from(year) != usize::from(index.first_year) + n {
                return Err(PriceIndexError::Gap(year));
            }
            if !(value.is_finite() && value > 0.0) {
                return Err(PriceIndexError::NotPositive(year));
            }
            index.values.push(value);
        }
        if index.values.is_empty() {
            return Err(PriceIndexError::Empty);
        }
        Ok(index)
    }

    /// The newest year in the table: what the app calls "today's dollars".
    pub fn last_year(&self) -> u16 {
        self.first_year + (self.values.len() - 1) as u16
    }

    pub fn first_year(&self) -> u16 {
        self.first_year
    }

    pub fn value(&self, year: u16) -> Option<f64> {
        self.values.get(usize::from(year.checked_sub(self.first_year)?)).copied()
    }

    /// How many dollars of `to` buy what one dollar bought in `from`; `None` outside the table.
    pub fn factor(&self, from: u16, to: u16) -> Option<f64> {
        Some(self.value(to)? / self.value(from)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_covers_every_preset_year() {
        let index = PriceIndex::bundled();
        assert_eq!(index.first_year(), 1981);
        assert!(index.last_year() >= 2024);
        for preset in crate::estimate::Preset::ALL {
            assert!(index.value(preset.salary_year()).is_some());
        }
        // A dollar of 2000 bought what 1.82 dollars bought in 2024.
        assert!((index.factor(2000, 2024).unwrap() - 313.689 / 172.2).abs() < 1e-12);
        assert_eq!(index.factor(2017, 2017), Some(1.0));
        assert_eq!(index.factor(1970, 2017), None);
    }

    #[test]
    fn malformed_tables_are_refused() {
        let refused = |text| PriceIndex::parse(text).unwrap_err().to_string();
        assert_eq!(refused("year,cpi\n2000,1\n2002,2"), "year 2002 does not follow the one before");
        assert_eq!(refused("year,cpi\n2000,-1"), "index for 2000 must be positive");
        assert_eq!(refused("year,cpi\n"), "no years");
        assert_eq!(refused("year,cpi\nabc,1"), "bad year in \"abc,1\"");
        assert_eq!(refused("year,cpi\n2000"), "line \"2000\" is not year,value");
        assert_eq!(refused("year,cpi\n2000,x"), "bad value in \"2000,x\"");
    }
}
