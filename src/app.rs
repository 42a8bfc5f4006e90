//! The application frame: routes, header and footer.

use crate::ledger::LedgerPage;
use crate::method::MethodPage;
use crate::story::StoryPage;
use crate::talent::TalentPage;
use crate::router::{app_href, Location};
use headstart_core::assumptions;
use headstart_core::query::keep_keys;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let location = Location::provide();
    let page = move || match location.path.get().trim_end_matches('/') {
        "" => StoryPage().into_any(),
        "/ledger" => LedgerPage().into_any(),
        "/pool-or-spread" => TalentPage().into_any(),
        "/method" => MethodPage().into_any(),
        _ => view! { <p class="not-found">"There is no page at this address."</p> }.into_any(),
    };
    view! {
        <header class="site-header">
            <a class="brand" href=app_href("/", "")>"Headstart"</a>
            <nav class="site-nav" aria-label="Pages">
                <NavLink path="/" label="The story" />
                <NavLink path="/ledger" label="Ledger" />
                <NavLink path="/pool-or-spread" label="Pool or spread" />
                <NavLink path="/method" label="Method" />
            </nav>
        </header>
        <main id="main">{page}</main>
        <footer class="site-footer">
            <p>"Everything is computed in your browser from the bundled dataset; nothing you enter leaves this page."</p>
        </footer>
    }
}

/// A link to one of the app's pages, under the hosting base, marked when it is the current page.
#[component]
fn NavLink(path: &'static str, label: &'static str) -> impl IntoView {
    let location = Location::current();
    // The estimation choices follow the reader from page to page.
    let href = move || app_href(path, &keep_keys(&location.search.get(), &assumptions::KEYS));
    let current = move || (location.path.get().trim_end_matches('/') == path.trim_end_matches('/')).then_some("page");
    view! { <a href=href aria-current=current>{label}</a> }
}
