//! The data behind the ledger's comparison charts: effort against size beside the model's
//! curve, 2017's code against today's, and each framework's language mix.

use super::{Ledger, LedgerView};
use crate::dataset::{Counter, Era};
use crate::estimate::CostSettings;

/// (framework name, lines, person-months) of every selected framework with a figure.
pub fn effort_points(ledger: &Ledger) -> Vec<(String, f64, f64)> {
    ledger
        .rows
        .iter()
        .filter(|row| row.selected)
        .filter_map(|row| {
            row.estimate.map(|e| (row.framework.name.clone(), e.lines as f64, e.person_years * 12.0))
        })
        .collect()
}

/// The model's effort for undivided code from `low` to `high` lines, evenly spaced in log size.
pub fn effort_curve(settings: &CostSettings, low: f64, high: f64, points: usize) -> Vec<(f64, f64)> {
    if !(low > 0.0 && high > low && points >= 2) {
        return Vec::new();
    }
    let step = (high / low).ln() / (points - 1) as f64;
    (0..points)
        .map(|i| {
            let lines = low * (step * i as f64).exp();
            (lines, settings.model.effort_pm(lines.round() as u64))
        })
        .collect()
}

/// (framework name, lines in April 2017, lines in the latest tree) for the selected frameworks
/// that have both, counted by `counter`.
pub fn growth(ledger: &Ledger, counter: Counter) -> Vec<(String, f64, f64)> {
    ledger
        .rows
        .iter()
        .filter(|row| row.selected)
        .filter_map(|row| {
            let lines = |era| row.framework.tree(era).map(|tree| tree.size(counter).total() as f64);
            Some((row.framework.name.clone(), lines(Era::Article2017)?, lines(Era::Latest)?))
        })
        .collect()
}

/// (framework name, [(language, lines)]) for the selected frameworks in the view's era. Only
/// tokei's per-language counts are bundled, so the mix is tokei's whatever the counter.
pub fn language_mix(ledger: &Ledger, view: &LedgerView) -> Vec<(String, Vec<(String, f64)>)> {
    ledger
        .rows
        .iter()
        .filter(|row| row.selected)
        .filter_map(|row| {
            let tree = row.framework.tree(view.era)?;
            let parts: Vec<(String, f64)> = tree
                .counts
                .tokei
                .by_language
                .iter()
                .map(|(language, &lines)| (language.clone(), lines as f64))
                .collect();
            (!parts.is_empty()).then(|| (row.framework.name.clone(), parts))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn the_comparisons_cover_the_selection() {
        let view = LedgerView::default();
        let ledger = Ledger::compute(Dataset::bundled(), &view);
        let points = effort_points(&ledger);
        assert_eq!(points.len(), 15);
        let months: f64 = points.iter().map(|p| p.2).sum();
        assert!((months / 12.0 - ledger.totals.person_years).abs() < 1e-9);
        let growth = growth(&ledger, Counter::Ohcount);
        assert!(!growth.is_empty() && growth.len() <= 15);
        assert!(language_mix(&ledger, &view)
            .iter()
            .all(|(_, parts)| parts.iter().all(|(_, lines)| *lines >= 0.0)));
    }

    #[test]
    fn the_curve_is_the_models_effort_on_a_log_grid() {
        let settings = LedgerView::default().settings();
        let curve = effort_curve(&settings, 1_000.0, 1_000_000.0, 4);
        assert_eq!(curve.len(), 4);
        assert!((curve[0].1 - 2.4).abs() < 1e-9 && (curve[3].0 - 1_000_000.0).abs() < 1e-6);
        assert!(effort_curve(&settings, 0.0, 10.0, 5).is_empty());
    }
}
