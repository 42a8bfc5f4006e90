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
use headstart_core::ledger::{Ledger, LedgerView, Metric};
use headstart_core::query::{check_theme, Problem, QueryReader};
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{tornado, TalentView};
use leptos::prelude::*;

/// The chart `embed` for the state in `query`; `None` when its model cannot draw it.
fn chart(embed: Embed, query: &mut QueryReader) -> Option<Rendered> {
    let dataset = Dataset::bundled();
    let ledger = |query: &mut QueryReader| {
        let view = LedgerView::read(query, dataset);
        (Ledger::compute(dataset, &view), view)
    };
    let talent = |query: &mut QueryReader| TalentView::read(query);
    let story = |query: &mut QueryReader| StoryView::read(query, dataset);
    let tornado_of = |view: TalentView, outcome| {
        tornado(&view.params, &view.study.ranges).ok().map(|t| render(&sensitivity_chart(&t, outcome)))
    };
    Some(match embed {
        Embed::LedgerCosts => {
            let (l, v) = ledger(query);
            render(&framework_bars(&l, v.metric, None))
        }
        Embed::EffortSize => {
            let (l, v) = ledger(query);
            render(&effort_chart(&l, &v))
        }
        Embed::Growth => {
            let (l, v) = ledger(query);
            render(&growth_chart(&l, v.counter))
        }
        Embed::LanguageMix => {
            let (l, v) = ledger(query);
            render(&mix_chart(&l, &v))
        }
        Embed::TalentValue => render(&curve_chart_for(Curve::Value, &talent(query).params)),
        Embed::TalentCoverage => render(&curve_chart_for(Curve::Coverage, &talent(query).params)),
        Embed::TalentEffort => render(&curve_chart_for(Curve::Effort, &talent(query).params)),
        Embed::TornadoCStar => tornado_of(talent(query), Outcome::CStar)?,
        Embed::TornadoGain => tornado_of(talent(query), Outcome::Gain)?,
        Embed::WhoWrote => render(&evidence_chart()),
        // Only the alternatives need the essay's own figures; the other charts need its state.
        Embed::StoryClaim => {
            let v = story(query).ledger;
            render(&framework_bars(&Ledger::compute(dataset, &v), Metric::Cost, None))
        }
        Embed::StoryAlternatives => render(&alternatives_chart(&Story::compute(dataset, &story(query)))),
        Embed::StoryGrowth => {
            let v = story(query).ledger;
            render(&growth_chart(&Ledger::compute(dataset, &v), v.counter))
        }
        Embed::StoryValue => render(&curve_chart_for(Curve::Value, &story(query).talent)),
    })
}

#[component]
pub fn EmbedPage(name: String) -> impl IntoView {
    let location = Location::current();
    let embed = Embed::from_slug(&name);
    let result = Memo::new(move |_| {
        let search = location.search.get();
        let mut reader = QueryReader::parse(&search);
        check_theme(&mut reader);
        let found = embed.and_then(|embed| chart(embed, &mut reader));
        let problems: Vec<Problem> = reader.finish();
        (found, problems)
    });
    move || {
        let (found, problems) = result.get();
        let (Some(embed), Some(chart)) = (embed, found) else {
            return view! { <p class="embed-missing">"There is no Headstart chart at this address."</p> }
                .into_any();
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
