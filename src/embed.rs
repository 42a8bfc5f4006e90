//! `/embed/<chart>?<state>`: one chart alone, for an iframe in someone else's page. It shows the
//! chart's title, the chart, a one-line source and a link back to the full view with the same
//! state; index.html posts its height to the parent page (see docs/embedding.md).

use crate::chart_frame::{ChartBox, SOURCE};
use crate::router::{app_href, Location};
use headstart_charts::figures::embed_chart;
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::query::{check_theme, Problem, QueryReader};
use leptos::prelude::*;

#[component]
pub fn EmbedPage(name: String) -> impl IntoView {
    let location = Location::current();
    let embed = Embed::from_slug(&name);
    let result = Memo::new(move |_| {
        let search = location.search.get();
        let mut reader = QueryReader::parse(&search);
        check_theme(&mut reader);
        let found = embed.and_then(|embed| embed_chart(embed, &mut reader)).map(|chart| render(&chart));
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
