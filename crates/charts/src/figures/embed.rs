//! Which chart each embed draws for a state: the embed page draws it in an iframe, and the build
//! draws it in its default state for the embed's share card.

use super::{
    alternatives_chart, curve_chart_for, effort_chart, evidence_chart, framework_bars, growth_chart,
    mix_chart, sensitivity_chart, Curve, Outcome,
};
use crate::AnyChart;
use headstart_core::dataset::Dataset;
use headstart_core::embeds::Embed;
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use headstart_core::query::QueryReader;
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, TalentView};

/// The chart `embed` for the state in `query`; `None` when its model cannot draw it.
pub fn embed_chart(embed: Embed, query: &mut QueryReader) -> Option<AnyChart> {
    let dataset = Dataset::bundled();
    let ledger = |query: &mut QueryReader| {
        let view = LedgerView::read(query, dataset);
        (Ledger::compute(dataset, &view), view)
    };
    let talent = |query: &mut QueryReader| TalentView::read(query);
    let story = |query: &mut QueryReader| StoryView::read(query, dataset);
    let tornado_of = |view: TalentView, outcome| {
        tornado(&view.params, &view.study.ranges).ok().map(|t| sensitivity_chart(&t, outcome).into())
    };
    Some(match embed {
        Embed::LedgerCosts => {
            let (l, v) = ledger(query);
            framework_bars(&l, v.metric, None).into()
        }
        Embed::EffortSize => {
            let (l, v) = ledger(query);
            effort_chart(&l, &v).into()
        }
        Embed::Growth => {
            let (l, v) = ledger(query);
            growth_chart(&l, v.counter).into()
        }
        Embed::LanguageMix => {
            let (l, v) = ledger(query);
            mix_chart(&l, &v).into()
        }
        Embed::TalentValue => curve_chart_for(Curve::Value, &talent(query).params).into(),
        Embed::TalentCoverage => curve_chart_for(Curve::Coverage, &talent(query).params).into(),
        Embed::TalentEffort => curve_chart_for(Curve::Effort, &talent(query).params).into(),
        Embed::TornadoCStar => tornado_of(talent(query), Outcome::CStar)?,
        Embed::TornadoGain => tornado_of(talent(query), Outcome::Gain)?,
        Embed::WhoWrote => evidence_chart().into(),
        // Only the alternatives need the essay's own figures; the other charts need its state.
        Embed::StoryClaim => {
            let v = story(query).ledger;
            framework_bars(&Ledger::compute(dataset, &v), Metric::Cost, None).into()
        }
        Embed::StoryAlternatives => alternatives_chart(&Story::compute(dataset, &story(query))).into(),
        Embed::StoryGrowth => {
            let v = story(query).ledger;
            growth_chart(&Ledger::compute(dataset, &v), v.counter).into()
        }
        Embed::StoryValue => curve_chart_for(Curve::Value, &story(query).talent).into(),
    })
}
