//! Numbers as a careful analyst writes them in prose, and the sentences whose meaning turns on a
//! result. Pure, so each threshold is tested on both sides.

use crate::article;
use crate::dataset::Counter;
use crate::estimate::Preset;
use crate::format::{money, percent};
use crate::ledger::LedgerView;
use crate::stats::Distribution;
use crate::talent::Optimum;

/// Rounded down to two significant figures: "over 650" for 654.4. Whole numbers below 100 stay.
pub fn floor_two_figures(value: f64) -> f64 {
    if !value.is_finite() || value.abs() < 100.0 {
        return value.floor();
    }
    let unit = 10f64.powi(value.abs().log10().floor() as i32 - 1);
    (value / unit).floor() * unit
}

/// "over 650" when rounding down lost something, else just "650".
pub fn over(value: f64) -> String {
    let floor = floor_two_figures(value);
    let text = crate::format::grouped(floor);
    if floor < value {
        format!("over {text}")
    } else {
        text
    }
}

/// Lines in words to two figures: "2.5 million", "380,000", "9,800".
pub fn lines(value: u64) -> String {
    let value = value as f64;
    if value >= 1e6 {
        let millions = round_two_figures(value / 1e6);
        let text = format!("{millions:.2}");
        format!("{} million", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        crate::format::grouped(round_two_figures(value))
    }
}

/// Dollars to two figures: "$80m", "$240m", "$1.2bn", "$9.5k".
pub fn about_money(value: f64) -> String {
    let value = round_two_figures(value);
    let scaled = |divisor: f64, unit: &str| {
        let text = format!("{:.1}", value / divisor);
        format!("${}{unit}", text.trim_end_matches(".0"))
    };
    match value.abs() {
        v if !v.is_finite() => money(value),
        v if v >= 1e9 => scaled(1e9, "bn"),
        v if v >= 1e6 => scaled(1e6, "m"),
        v if v >= 1e3 => scaled(1e3, "k"),
        _ => money(value),
    }
}

fn round_two_figures(value: f64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    let unit = 10f64.powi(value.abs().log10().floor() as i32 - 1);
    (value / unit).round() * unit
}

/// How the view counts and prices the code, and whether that is what the article did.
pub fn method_phrase(view: &LedgerView) -> String {
    let model = view.assumptions.model.name();
    let as_article = view.counter == Counter::Ohcount
        && view.assumptions.preset == Preset::Article2017
        && view.assumptions.model == Preset::Article2017.settings().model;
    let counted = format!("counted by {} and priced with {model}", view.counter.label());
    if as_article {
        format!("{counted}, as the article did through Open Hub")
    } else {
        format!("{counted}; the article used ohcount and Open Hub's basic COCOMO")
    }
}

/// How the recomputed cost compares with the article's $80m.
pub fn claim_verdict(cost: f64) -> String {
    let gap = cost / article::COST - 1.0;
    if gap.abs() < 0.02 {
        "matches the article's $80m to within 2%".to_owned()
    } else if gap.abs() < 0.10 {
        format!("comes within 10% of the article's $80m ({})", signed(gap))
    } else if gap > 0.0 {
        format!("is {} more than the article's $80m", percent(gap))
    } else {
        format!("is {} less than the article's $80m", percent(-gap))
    }
}

/// Where the article's figure falls among the alternatives' (the low and high ends given).
/// Within 2% counts as matching, as in `claim_verdict`.
pub fn among_alternatives(low: f64, high: f64) -> &'static str {
    if article::COST < low * 0.98 {
        "every one of them is above the article's $80m, so its \u{201c}at least\u{201d} holds"
    } else if article::COST > high * 1.02 {
        "every one of them is below the article's $80m, so the article's figure is the generous one"
    } else {
        "the article's $80m sits inside that spread, so its figure is one defensible reading among several"
    }
}

/// The band of the cost in words, and where the article's $80m lies in it.
pub fn band_sentence(cost: &Distribution) -> String {
    let (low, high) = (cost.p10, cost.p90);
    let place = if article::COST < low {
        "below it: the claim is, if anything, modest"
    } else if article::COST > high {
        "above it: the claim looks generous"
    } else {
        "inside it"
    };
    format!(
        "Allowing for the model's published accuracy, the uncertain line counts and salaries, 80% of plausible costs lie between {} and {}; the article's $80m is {place}.",
        about_money(low),
        about_money(high),
    )
}

/// How the same frameworks' code changed since 2017.
pub fn growth_sentence(then: u64, now: u64) -> String {
    if then == 0 {
        return "None of them has a measured 2017 tree to compare with.".to_owned();
    }
    let ratio = now as f64 / then as f64;
    if ratio >= 1.05 {
        format!("They have grown {:.1}-fold since then, to {} lines.", ratio, lines(now))
    } else if ratio > 0.95 {
        format!("They are about the same size as then, {} lines.", lines(now))
    } else {
        format!("They have shrunk since then, to {} lines, as projects retired old code.", lines(now))
    }
}

/// The talent model's answer under the current assumptions.
pub fn pooling_sentence(best: &Optimum) -> String {
    let better_pure = if best.all_distributed >= best.all_pooled {
        "spreading everyone across firms"
    } else {
        "pooling everyone in the labs"
    };
    if best.c_star < 0.005 {
        "Under these assumptions spreading every engineer across firms beats any pooling: the labs' open-source head start is not worth the engineers it takes.".to_owned()
    } else if best.c_star > 0.995 {
        "Under these assumptions pooling every engineer in the labs wins: firms gain more from the open platforms than from their own teams.".to_owned()
    } else {
        format!(
            "Under these assumptions neither extreme is best: pooling about {} of engineers in the labs gives {:.1} times the value of the better pure choice, {better_pure}.",
            percent_rounded(best.c_star),
            best.gain,
        )
    }
}

/// "13%", or "0.4%" below one per cent.
fn percent_rounded(share: f64) -> String {
    if share < 0.01 {
        format!("{:.1}%", share * 100.0)
    } else {
        format!("{:.0}%", share * 100.0)
    }
}

fn signed(ratio: f64) -> String {
    format!("{}{:.1}%", if ratio >= 0.0 { "+" } else { "−" }, ratio.abs() * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::talent::{optimum, Params};

    #[test]
    fn figures_read_as_the_article_wrote_them() {
        assert_eq!(over(654.4), "over 650");
        assert_eq!(over(650.0), "650");
        assert_eq!(over(1_961.2), "over 1,900");
        assert_eq!(over(87.6), "over 87");
        assert_eq!(lines(2_496_116), "2.5 million");
        assert_eq!(lines(12_960_000), "13 million");
        assert_eq!(lines(378_400), "380,000");
        assert_eq!(about_money(80_490_000.0), "$80m");
        assert_eq!(about_money(241_300_000.0), "$240m");
        assert_eq!(about_money(1_234_000_000.0), "$1.2bn");
    }

    #[test]
    fn the_method_is_named_and_compared_with_the_articles() {
        let mut view = LedgerView::default();
        assert!(
            method_phrase(&view).ends_with("as the article did through Open Hub"),
            "{}",
            method_phrase(&view)
        );
        view.counter = Counter::Tokei;
        assert!(
            method_phrase(&view).contains("counted by tokei")
                && method_phrase(&view).contains("the article used ohcount")
        );
        let scc = LedgerView::with_preset(Preset::Scc);
        assert!(method_phrase(&scc).contains("the article used"));
    }

    #[test]
    fn the_verdict_turns_at_two_and_ten_per_cent() {
        assert!(claim_verdict(80.49e6).starts_with("matches"));
        assert!(claim_verdict(84e6).starts_with("comes within 10%") && claim_verdict(84e6).contains("+5.0%"));
        assert!(claim_verdict(76e6).contains("−5.0%"));
        assert!(claim_verdict(120e6).starts_with("is 50.0% more"));
        assert!(claim_verdict(40e6).starts_with("is 50.0% less"));
    }

    #[test]
    fn the_article_is_placed_among_the_alternatives() {
        assert!(among_alternatives(90e6, 200e6).contains("holds"));
        assert!(among_alternatives(40e6, 70e6).contains("generous"));
        assert!(among_alternatives(60e6, 200e6).contains("inside"));
        assert!(
            among_alternatives(80.49e6, 200e6).contains("inside"),
            "the article's own arithmetic matches it"
        );
    }

    fn band(p10: f64, p90: f64) -> Distribution {
        Distribution { p10, p50: (p10 + p90) / 2.0, p90, ..Distribution::of(&[p10, p90], 2).unwrap() }
    }

    #[test]
    fn the_band_sentence_says_where_80m_falls() {
        assert!(band_sentence(&band(30e6, 200e6)).ends_with("is inside it."));
        assert!(band_sentence(&band(90e6, 200e6)).contains("below it"));
        assert!(band_sentence(&band(20e6, 70e6)).contains("above it"));
        assert!(band_sentence(&band(30e6, 200e6)).contains("between $30m and $200m"));
    }

    #[test]
    fn growth_reads_both_ways() {
        assert_eq!(
            growth_sentence(2_500_000, 7_500_000),
            "They have grown 3.0-fold since then, to 7.5 million lines."
        );
        assert!(growth_sentence(2_500_000, 2_450_000).starts_with("They are about the same size"));
        assert!(growth_sentence(2_500_000, 1_000_000).starts_with("They have shrunk"));
        assert!(growth_sentence(0, 10).starts_with("None"));
    }

    #[test]
    fn the_pooling_sentence_flips_with_c_star() {
        let interior = pooling_sentence(&optimum(&Params::default()));
        assert!(
            interior.contains("neither extreme is best")
                && interior.contains("about 13%")
                && interior.contains("3.7 times"),
            "{interior}"
        );
        assert!(
            interior.ends_with("spreading everyone across firms."),
            "V(0) > V(1) at the defaults: {interior}"
        );
        let base = optimum(&Params::default());
        let spread = Optimum { c_star: 0.0, ..base };
        assert!(pooling_sentence(&spread).contains("spreading every engineer across firms beats any pooling"));
        let pooled = Optimum { c_star: 1.0, ..base };
        assert!(pooling_sentence(&pooled).contains("pooling every engineer in the labs wins"));
        let tiny = Optimum { c_star: 0.006, all_pooled: base.all_distributed * 2.0, ..base };
        assert!(
            pooling_sentence(&tiny).contains("about 0.6%")
                && pooling_sentence(&tiny).ends_with("pooling everyone in the labs.")
        );
    }
}
