//! Which chart each embed draws for a state: the embed page draws it in an iframe, and the build
//! draws it in its default state for the embed's share card.
//!
//! One function per page the embeds come from ([`Embed::page`]): each family of embeds is its
//! own bundle (src/bin/entry_embeds_*.rs), which then holds only its own models and charts.

use super::{
    alternatives_chart, curve_chart_for, effort_chart, evidence_chart, framework_bars, growth_chart,
    mix_chart, sensitivity_chart, Curve, Outcome,
};
use crate::AnyChart;
use headstart_core::dataset::Dataset;
use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use headstart_core::query::QueryReader;
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, TalentView};

/// Draws an embed's chart for the state in `query`: `None` when its model cannot draw it, or
/// when the embed is another family's.
pub type EmbedCharts = fn(Embed, &mut QueryReader) -> Option<AnyChart>;

/// The chart `embed` for the state in `query`, whichever family it is; `None` when its model
/// cannot draw it.
pub fn embed_chart(embed: Embed, query: &mut QueryReader) -> Option<AnyChart> {
    let charts: EmbedCharts = match embed.page() {
        View::Ledger => ledger_embeds,
        View::Talent => talent_embeds,
        View::Story | View::YourCode | View::Method => story_embeds,
    };
    charts(embed, query)
}

/// The ledger's charts.
pub fn ledger_embeds(embed: Embed, query: &mut QueryReader) -> Option<AnyChart> {
    let dataset = Dataset::bundled();
    let view = LedgerView::read(query, dataset);
    let ledger = Ledger::compute(dataset, &view);
    Some(match embed {
        Embed::LedgerCosts => AnyChart::new(framework_bars(&ledger, view.metric, None)),
        Embed::EffortSize => AnyChart::new(effort_chart(&ledger, &view)),
        Embed::Growth => AnyChart::new(growth_chart(&ledger, view.counter)),
        Embed::LanguageMix => AnyChart::new(mix_chart(&ledger, &view)),
        _ => return None,
    })
}

/// Pool or spread's charts.
pub fn talent_embeds(embed: Embed, query: &mut QueryReader) -> Option<AnyChart> {
    let view = TalentView::read(query);
    let tornado_of = |outcome| {
        tornado(&view.params, &view.study.ranges).ok().map(|t| AnyChart::new(sensitivity_chart(&t, outcome)))
    };
    Some(match embed {
        Embed::TalentValue => AnyChart::new(curve_chart_for(Curve::Value, &view.params)),
        Embed::TalentCoverage => AnyChart::new(curve_chart_for(Curve::Coverage, &view.params)),
        Embed::TalentEffort => AnyChart::new(curve_chart_for(Curve::Effort, &view.params)),
        Embed::TornadoCStar => tornado_of(Outcome::CStar)?,
        Embed::TornadoGain => tornado_of(Outcome::Gain)?,
        Embed::WhoWrote => AnyChart::new(evidence_chart()),
        _ => return None,
    })
}

/// The essay's charts.
pub fn story_embeds(embed: Embed, query: &mut QueryReader) -> Option<AnyChart> {
    let dataset = Dataset::bundled();
    let view = StoryView::read(query, dataset);
    Some(match embed {
        // Only the alternatives need the essay's own figures; the other charts need its state.
        Embed::StoryClaim => {
            AnyChart::new(framework_bars(&Ledger::compute(dataset, &view.ledger), Metric::Cost, None))
        }
        Embed::StoryAlternatives => AnyChart::new(alternatives_chart(&Story::compute(dataset, &view))),
        Embed::StoryGrowth => {
            AnyChart::new(growth_chart(&Ledger::compute(dataset, &view.ledger), view.ledger.counter))
        }
        Embed::StoryValue => AnyChart::new(curve_chart_for(Curve::Value, &view.talent)),
        _ => return None,
    })
}
