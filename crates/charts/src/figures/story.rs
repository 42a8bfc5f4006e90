//! The essay's own chart: the reader's figure beside the other counters' and models'.

use crate::{Bar, BarChart, PUBLICATION_WIDTH};
use headstart_core::format::ValueUnit;
use headstart_core::story::Story;

/// The reader's person-years beside every alternative's; the page and the embed draw it from here.
pub fn alternatives_chart(story: &Story) -> BarChart {
    let mine = Bar { label: "Your settings".into(), value: Some(story.claim.person_years), range: None };
    let others = story.alternatives.iter().map(|a| Bar {
        label: a.label.clone(),
        value: Some(a.person_years),
        range: None,
    });
    BarChart {
        title: "The same code under other counters and models".into(),
        value_label: "Person-years".into(),
        unit: ValueUnit::PersonYears,
        bars: std::iter::once(mine).chain(others).collect(),
        width: PUBLICATION_WIDTH,
    }
}

/// The smallest and largest of some figures.
pub fn span(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::MAX, f64::MIN), |(low, high), v| (low.min(v), high.max(v)))
}
