//! `/embed/<chart>?<state>`: one chart alone, for an iframe in someone else's page. It shows the
//! chart's title, the chart, a one-line source and a link back to the full view with the same
//! state; index.html posts its height to the parent page (see docs/embedding.md).

use crate::chart_frame::{ChartBox, SOURCE};
use crate::router::{app_href, Location};
use headstart_charts::figures::EmbedCharts;
use headstart_charts::AnyChart;
use headstart_core::embeds::Embed;
use headstart_core::query::{check_theme, Problem, QueryReader};
use leptos::prelude::*;

/// What an address below [`Embed::PREFIX`] that names no chart shows: from the embeds' bundles,
/// and from the 404 page a static host serves for it.
pub fn no_such_chart() -> AnyView {
    view! { <p class="embed-missing">"There is no Headstart chart at this address."</p> }.into_any()
}

/// The embed page at `path`, drawn by `charts` (one family's, so the bundle holds only those),
/// or `None` when the path is not below [`Embed::PREFIX`].
pub fn embed_at(path: &str, charts: EmbedCharts) -> Option<AnyView> {
    let name = path.strip_prefix(Embed::PREFIX)?.trim_end_matches('/').to_owned();
    Some(EmbedPage(EmbedPageProps { name, charts }).into_any())
}

#[component]
fn EmbedPage(name: String, charts: EmbedCharts) -> impl IntoView {
    let location = Location::current();
    let embed = Embed::from_slug(&name);
    let result = Memo::new(move |_| {
        let search = location.search.get();
        let mut reader = QueryReader::parse(&search);
        check_theme(&mut reader);
        let found = embed.and_then(|embed| charts(embed, &mut reader)).map(AnyChart::rendered);
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
