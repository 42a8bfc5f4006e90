//! Numbers as a careful analyst writes them: rounded to what the estimate can support, with
//! units. Shared by the charts and the page so both say the same thing.

/// How a chart's values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueUnit {
    Money,
    Count,
    PersonYears,
    /// A fraction shown as a percentage.
    Share,
    /// A ratio to a baseline: "1.32×".
    Multiple,
}

impl ValueUnit {
    pub fn format(self, value: f64) -> String {
        match self {
            ValueUnit::Money => money(value),
            ValueUnit::Count => compact(value),
            ValueUnit::PersonYears => person_years(value),
            ValueUnit::Share => percent(value),
            ValueUnit::Multiple => multiple(value),
        }
    }

    /// Axis ticks are round numbers: "$10m", not "$10.0m".
    pub fn format_tick(self, value: f64) -> String {
        match self {
            ValueUnit::Money => money(value).replace(".00", "").replace(".0", ""),
            ValueUnit::Count | ValueUnit::PersonYears => compact(value),
            ValueUnit::Share => format!("{:.0}%", value * 100.0),
            ValueUnit::Multiple => format!("{}×", significant(value)),
        }
    }
}

const MISSING: &str = "–";

/// Dollars with a scale: "$80.5m", "$1.20bn", "$950k", "$640".
pub fn money(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let abs = value.abs();
    let scaled = match abs {
        a if a >= 1e9 => format!("{}bn", three_figures(a / 1e9)),
        a if a >= 1e6 => format!("{}m", three_figures(a / 1e6)),
        a if a >= 1e3 => format!("{}k", three_figures(a / 1e3)),
        a => format!("{a:.0}"),
    };
    format!("{sign}${scaled}")
}

/// A count for an axis: "2.5M", "500k", "40".
pub fn compact(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let trimmed = |v: f64| format!("{v:.1}").trim_end_matches(".0").to_owned();
    match value.abs() {
        a if a >= 1e6 => format!("{}M", trimmed(value / 1e6)),
        a if a >= 1e3 => format!("{}k", trimmed(value / 1e3)),
        _ => trimmed(value),
    }
}

/// A count in words for headlines: "2.50 million", "953,603".
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    if value.abs() >= 1e6 {
        format!("{} million", three_figures(value / 1e6))
    } else {
        grouped(value)
    }
}

/// A whole number with thousands separators: "2,496,116".
pub fn grouped(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let digits = (value.abs().round() as u64).to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value.round() < 0.0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Person-years: whole above 100, one decimal below, where the estimate's precision allows it.
pub fn person_years(value: f64) -> String {
    match value {
        v if !v.is_finite() => MISSING.to_owned(),
        v if v.abs() >= 100.0 => grouped(v),
        v => format!("{v:.1}"),
    }
}

/// "1.32×": how many times a baseline.
pub fn multiple(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}×")
    } else {
        MISSING.to_owned()
    }
}

/// Three significant figures without trailing zeros, for axis ticks of any scale: 0.005, 0.0137,
/// 1.85, 250, 7,000.
pub fn significant(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    if value == 0.0 || value.abs() >= 1_000.0 {
        return grouped(value.round());
    }
    let decimals = (2 - value.abs().log10().floor() as i32).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A fraction as a percentage with the precision a slider can set: 0.12847 → "12.8%".
pub fn percent(value: f64) -> String {
    if value.is_finite() {
        format!("{:.1}%", value * 100.0)
    } else {
        MISSING.to_owned()
    }
}

/// Three significant figures: 80.49 → "80.5", 2.496 → "2.50", 123.4 → "123".
fn three_figures(value: f64) -> String {
    let decimals = match value.abs() {
        a if a >= 99.95 => 0,
        a if a >= 9.995 => 1,
        _ => 2,
    };
    format!("{value:.decimals$}")
}

/// How long something took: "43 ms" under a second, "2.4 s" from there.
pub fn duration(millis: f64) -> String {
    match millis {
        m if !m.is_finite() || m < 0.0 => MISSING.to_owned(),
        m if m < 999.5 => format!("{m:.0} ms"),
        m => format!("{:.1} s", m / 1_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_milliseconds_then_seconds() {
        let said = [0.4, 43.2, 999.4, 999.6, 2_449.0, 61_000.0, f64::NAN].map(duration);
        assert_eq!(said, ["0 ms", "43 ms", "999 ms", "1.0 s", "2.4 s", "61.0 s", MISSING]);
    }

    #[test]
    fn significant_figures_for_ticks_and_multiples() {
        let ticks: Vec<String> = [0.005, 0.013_72, 1.853, 250.0, 7_000.0, 0.0, -0.25].map(significant).into();
        assert_eq!(ticks, ["0.005", "0.0137", "1.85", "250", "7,000", "0", "-0.25"]);
        assert_eq!(
            (multiple(1.3249), ValueUnit::Multiple.format_tick(1.5)),
            ("1.32×".to_owned(), "1.5×".to_owned())
        );
    }

    #[test]
    fn money_scales_and_rounds() {
        assert_eq!(money(80_490_000.0), "$80.5m");
        assert_eq!(money(1_204_000_000.0), "$1.20bn");
        assert_eq!(money(950_000.0), "$950k");
        assert_eq!(money(27_017.28), "$27.0k");
        assert_eq!(money(640.0), "$640");
        assert_eq!(money(0.0), "$0");
        assert_eq!(money(-2_500_000.0), "-$2.50m");
        assert_eq!(money(f64::NAN), "–");
    }

    #[test]
    fn ticks_drop_needless_decimals() {
        assert_eq!(ValueUnit::Money.format_tick(10e6), "$10m");
        assert_eq!(ValueUnit::Money.format_tick(2.5e6), "$2.50m");
        assert_eq!(ValueUnit::PersonYears.format_tick(1500.0), "1.5k");
    }

    #[test]
    fn shares_read_as_percentages() {
        assert_eq!(percent(0.12847), "12.8%");
        assert_eq!(ValueUnit::Share.format_tick(0.25), "25%");
        assert_eq!(percent(f64::NAN), "–");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(2_496_116.0), "2.50 million");
        assert_eq!(count(953_603.0), "953,603");
        assert_eq!(grouped(2_496_116.0), "2,496,116");
        assert_eq!(grouped(-1_234.0), "-1,234");
        assert_eq!(grouped(0.0), "0");
        assert_eq!(compact(2_500_000.0), "2.5M");
        assert_eq!(compact(500_000.0), "500k");
        assert_eq!(compact(40.0), "40");
        assert_eq!(compact(f64::INFINITY), "–");
    }

    #[test]
    fn person_years_keep_the_precision_the_model_has() {
        assert_eq!(person_years(654.43), "654");
        assert_eq!(person_years(1_960.2), "1,960");
        assert_eq!(person_years(4.15), "4.2");
        assert_eq!(person_years(f64::NAN), "–");
    }
}
