//! `/embed/<chart>?<state>`: one chart alone, for an iframe in someone else's page. It shows the
//! chart's title, the chart, a one-line source and a link back to the full view with the same
//! state; index.html posts its height to the parent page (see docs/embedding.md).

use crate::chart_frame::{ChartBox, SOURCE};
use crate::ledger::chart::framework_bars;
use crate::ledger::compare::{effort_chart, growth_chart, mix_chart};
use crate::router::{app_href, Location};
use crate::story::alternatives_chart;
use crate::talent::charts::{curve_chart_for, Curve};
use crate::talent::evidence::evidence_chart;
use crate::talent::tornado::{sensitivity_chart, Outcome};
use headstart_charts::{render, Rendered};
use headstart_core::dataset::Dataset;
use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use headstart_core::query::{check_theme, Problem, QueryReader};
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, TalentView};
use leptos::prelude::*;

/// Draws one embed's chart for the state in `query`; `None` when its model cannot draw it (or the
/// chart is not one of the family's). One function per family of embeds, so each family's bundle
/// holds only its own models and charts.
pub type Charts = fn(Embed, &mut QueryReader) -> Option<Rendered>;

/// The ledger's charts (Embed::page is the ledger).
pub fn ledger_charts(embed: Embed, query: &mut QueryReader) -> Option<Rendered> {
    let dataset = Dataset::bundled();
    let view = LedgerView::read(query, dataset);
    let ledger = Ledger::compute(dataset, &view);
    Some(match embed {
        Embed::LedgerCosts => render(&framework_bars(&ledger, view.metric, None)),
        Embed::EffortSize => render(&effort_chart(&ledger, &view)),
        Embed::Growth => render(&growth_chart(&ledger, view.counter)),
        Embed::LanguageMix => render(&mix_chart(&ledger, &view)),
        _ => return None,
    })
}

/// Pool or spread's charts.
pub fn talent_charts(embed: Embed, query: &mut QueryReader) -> Option<Rendered> {
    let view = TalentView::read(query);
    let tornado_of = |outcome| {
        tornado(&view.params, &view.study.ranges).ok().map(|t| render(&sensitivity_chart(&t, outcome)))
    };
    Some(match embed {
        Embed::TalentValue => render(&curve_chart_for(Curve::Value, &view.params)),
        Embed::TalentCoverage => render(&curve_chart_for(Curve::Coverage, &view.params)),
        Embed::TalentEffort => render(&curve_chart_for(Curve::Effort, &view.params)),
        Embed::TornadoCStar => tornado_of(Outcome::CStar)?,
        Embed::TornadoGain => tornado_of(Outcome::Gain)?,
        Embed::WhoWrote => render(&evidence_chart()),
        _ => return None,
    })
}

/// The essay's charts.
pub fn story_charts(embed: Embed, query: &mut QueryReader) -> Option<Rendered> {
    let dataset = Dataset::bundled();
    let view = StoryView::read(query, dataset);
    Some(match embed {
        // Only the alternatives need the essay's own figures; the other charts need its state.
        Embed::StoryClaim => {
            render(&framework_bars(&Ledger::compute(dataset, &view.ledger), Metric::Cost, None))
        }
        Embed::StoryAlternatives => render(&alternatives_chart(&Story::compute(dataset, &view))),
        Embed::StoryGrowth => {
            render(&growth_chart(&Ledger::compute(dataset, &view.ledger), view.ledger.counter))
        }
        Embed::StoryValue => render(&curve_chart_for(Curve::Value, &view.talent)),
        _ => return None,
    })
}

/// Every family's charts, for the development bundle.
pub fn every_chart(embed: Embed, query: &mut QueryReader) -> Option<Rendered> {
    let charts: Charts = match embed.page() {
        View::Ledger => ledger_charts,
        View::Talent => talent_charts,
        _ => story_charts,
    };
    charts(embed, query)
}

/// Where the embeds live below the hosting base.
pub const EMBED_PREFIX: &str = "/embed/";

/// What an address below [`EMBED_PREFIX`] that names no chart shows: from the embeds' bundles,
/// and from the 404 page a static host serves for it.
pub fn no_such_chart() -> AnyView {
    view! { <p class="embed-missing">"There is no Headstart chart at this address."</p> }.into_any()
}

/// The embed page at `path`, drawn by `charts`, or `None` when the path is not below
/// [`EMBED_PREFIX`].
pub fn embed_at(path: &str, charts: Charts) -> Option<AnyView> {
    let name = path.strip_prefix(EMBED_PREFIX)?.trim_end_matches('/').to_owned();
    Some(EmbedPage(EmbedPageProps { name, charts }).into_any())
}

#[component]
fn EmbedPage(name: String, charts: Charts) -> impl IntoView {
    let location = Location::current();
    let embed = Embed::from_slug(&name);
    let result = Memo::new(move |_| {
        let search = location.search.get();
        let mut reader = QueryReader::parse(&search);
        check_theme(&mut reader);
        let found = embed.and_then(|embed| charts(embed, &mut reader));
        let problems: Vec<Problem> = reader.finish();
        (found, problems)
    });
    move || {
        let (found, problems) = result.get();
        let (Some(embed), Some(chart)) = (embed, found) else {
            return no_such_chart();
        };
        // The full view gets the state it reads and the embed's theme, so it opens looking as the
        // reader saw it; keys the embed picked up elsewhere stay behind.
        let page = embed.page();
        let full_view = app_href(page.path(), &page.link_query(&location.search.get_untracked()));
        view! {
            <figure class="embed">
                <h1 class="embed-title">{chart.title.clone()}</h1>
                <ChartBox id="embed-chart" chart=Signal::stored(chart.clone()) />
                <figcaption class="visually-hidden">{chart.summary}</figcaption>
                {(!problems.is_empty()).then(|| view! {
                    <p class="embed-problems">{format!("Ignored: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))}</p>
                })}
                <p class="embed-source">
                    {format!("Source: {SOURCE}. ")}
                    <a id="embed-full-view" href=full_view target="_blank" rel="noopener">"Open the interactive view"</a>
                </p>
            </figure>
        }
        .into_any()
    }
}
