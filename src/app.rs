//! The application frame: routes, header and footer.

use crate::chart_hits::Highlight;
use crate::embed::{EmbedPage, EmbedPageProps};
use crate::ledger::LedgerPage;
use crate::method::MethodPage;
use crate::router::{app_href, Location};
use crate::story::StoryPage;
use crate::talent::TalentPage;
use crate::your_code::YourCodePage;
use headstart_core::assumptions::Assumptions;
use headstart_core::query::keep_keys;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let location = Location::provide();
    let highlight = Highlight::provide();
    let embed = Memo::new(move |_| location.path.get().strip_prefix("/embed/").map(str::to_owned));
    let page = move || match location.path.get().trim_end_matches('/') {
        path if path.starts_with("/embed/") => {
            EmbedPage(EmbedPageProps { name: path["/embed/".len()..].to_owned() }).into_any()
        }
        "" => StoryPage().into_any(),
        "/ledger" => LedgerPage().into_any(),
        "/pool-or-spread" => TalentPage().into_any(),
        "/your-code" => YourCodePage().into_any(),
        "/method" => MethodPage().into_any(),
        _ => view! { <p class="not-found">"There is no page at this address."</p> }.into_any(),
    };
    // An embed is the chart alone: no site header or footer inside someone else's page.
    let framed = move || embed.with(Option::is_none);
    view! {
        // Linked highlighting: the framework pointed at, marked in every chart and the table.
        <style id="linked-highlight">{move || highlight.css()}</style>
        <Show when=framed fallback=move || view! { <main id="main" class="embed-main">{page}</main> }>
        <header class="site-header">
            <a class="brand" href=app_href("/", "")>"Headstart"</a>
            <nav class="site-nav" aria-label="Pages">
                <NavLink path="/" label="The story" />
                <NavLink path="/ledger" label="Ledger" />
                <NavLink path="/pool-or-spread" label="Pool or spread" />
                <NavLink path="/your-code" label="Your code" />
                <NavLink path="/method" label="Method" />
            </nav>
        </header>
        <main id="main">{page}</main>
        <footer class="site-footer">
            <p>"Everything is computed in your browser from the bundled dataset; nothing you enter leaves this page."</p>
        </footer>
        </Show>
    }
}

/// A link to one of the app's pages, under the hosting base, marked when it is the current page.
#[component]
fn NavLink(path: &'static str, label: &'static str) -> impl IntoView {
    let location = Location::current();
    // The estimation choices follow the reader from page to page.
    let href = move || app_href(path, &keep_keys(&location.search.get(), &Assumptions::KEYS));
    let current =
        move || (location.path.get().trim_end_matches('/') == path.trim_end_matches('/')).then_some("page");
    view! { <a href=href aria-current=current>{label}</a> }
}
