//! The application frame: the entry's page, header and footer.

use crate::chart_hits::Highlight;
use crate::embed::no_such_chart;
use crate::router::{app_href, Location};
use headstart_core::assumptions::Assumptions;
use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use headstart_core::query::keep_keys;
use leptos::prelude::*;

/// What an entry shows: the view for a path below the hosting base, or `None` when the path is
/// not one of its pages. A plain function, so an entry's bundle holds only the pages it names.
#[derive(Clone, Copy)]
pub struct Page(pub fn(&str) -> Option<AnyView>);

impl Page {
    /// One page of the site, at its own path only.
    pub fn only(view: View, path: &str, page: impl FnOnce() -> AnyView) -> Option<AnyView> {
        (View::at(path) == Some(view)).then(page)
    }
}

#[component]
pub fn App(page: Page) -> impl IntoView {
    let location = Location::provide();
    let highlight = Highlight::provide();
    let embed = Memo::new(move |_| location.path.get().starts_with(Embed::PREFIX));
    let page = move || {
        (page.0)(&location.path.get()).unwrap_or_else(|| match embed.get() {
            true => no_such_chart(),
            false => view! { <p class="not-found">"There is no page at this address."</p> }.into_any(),
        })
    };
    // An embed is the chart alone: no site header or footer inside someone else's page.
    let framed = move || !embed.get();
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
