//! Turning what a reader types into numbers, with a message they can act on when it is not one.
//! Lives in the core so the page and the URL decoder reject exactly the same things.

use std::fmt;

use crate::format::grouped;

/// The accepted range of a numeric field and how to name it in messages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
}

impl Bounds {
    pub const fn new(min: f64, max: f64) -> Self {
        Bounds { min, max }
    }

    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }
}

/// Seeds of the Monte Carlo runs: whole numbers a double (and so a number field) holds exactly.
pub const SEED_BOUNDS: Bounds = Bounds::new(0.0, 9_007_199_254_740_991.0);

/// Why a field's text is not a number it takes; the Display is what the field shows.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberError {
    Empty(Bounds),
    /// What the reader typed, trimmed.
    NotANumber(String, Bounds),
    OutOfRange(Bounds),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (NumberError::Empty(bounds)
        | NumberError::NotANumber(_, bounds)
        | NumberError::OutOfRange(bounds)) = self;
        match self {
            NumberError::Empty(_) => f.write_str("This field is empty. ")?,
            NumberError::NotANumber(text, _) => write!(f, "“{text}” is not a number. ")?,
            NumberError::OutOfRange(_) => {}
        }
        write!(f, "Enter a number from {} to {}.", group(bounds.min), group(bounds.max))
    }
}

impl std::error::Error for NumberError {}

/// Parses a plain or grouped number ("123000", "123,000", "123 000", "$123,000", "1.5", "2e5")
/// and checks it against the bounds.
pub fn parse_number(text: &str, bounds: Bounds) -> Result<f64, NumberError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty(bounds));
    }
    let value: f64 = cleaned.parse().map_err(|_| NumberError::NotANumber(text.trim().to_owned(), bounds))?;
    if bounds.contains(value) {
        Ok(value)
    } else {
        Err(NumberError::OutOfRange(bounds))
    }
}

/// A number with thousands separators, without needless decimals: 123000 → "123,000", 2.4 → "2.4".
pub fn group(value: f64) -> String {
    if !value.is_finite() {
        return grouped(value);
    }
    let rounded = (value * 1000.0).round() / 1000.0;
    let fraction = format!("{:.3}", rounded.fract().abs());
    let fraction = fraction.trim_start_matches('0').trim_end_matches('0').trim_end_matches('.');
    let sign = if rounded < 0.0 && rounded.trunc() == 0.0 { "-" } else { "" };
    format!("{sign}{}{fraction}", grouped(rounded.trunc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALARY: Bounds = Bounds::new(1_000.0, 10_000_000.0);

    #[test]
    fn accepts_the_ways_people_write_amounts() {
        for text in ["123000", "123,000", " 123 000 ", "$123,000", "123000.0", "1.23e5"] {
            assert_eq!(parse_number(text, SALARY), Ok(123_000.0), "{text}");
        }
    }

    #[test]
    fn explains_every_rejection() {
        for text in ["", "   ", "abc", "12abc", "-5", "0", "1e308", "inf", "NaN", "99999999999"] {
            let message = parse_number(text, SALARY).unwrap_err().to_string();
            assert!(message.contains("1,000 to 10,000,000"), "{text}: {message}");
        }
        let sentence = |text| parse_number(text, SALARY).unwrap_err().to_string();
        assert_eq!(sentence(" "), "This field is empty. Enter a number from 1,000 to 10,000,000.");
        assert_eq!(sentence(" abc "), "“abc” is not a number. Enter a number from 1,000 to 10,000,000.");
        assert_eq!(sentence("-5"), "Enter a number from 1,000 to 10,000,000.");
    }

    #[test]
    fn groups_thousands_and_drops_needless_decimals() {
        assert_eq!(group(123_000.0), "123,000");
        assert_eq!(group(10_000_000.0), "10,000,000");
        assert_eq!(group(2.4), "2.4");
        assert_eq!(group(0.1), "0.1");
        assert_eq!(group(999.0), "999");
        assert_eq!(group(-1234.5), "-1,234.5");
        assert_eq!(group(f64::NAN), "–");
    }
}
