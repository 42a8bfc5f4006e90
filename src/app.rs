//! The application frame: routes, header and footer.

use crate::ledger::LedgerPage;
use crate::method::MethodPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=base_path()>
            <header class="site-header">
                <a class="brand" href=format!("{}/", base_path())>"Headstart"</a>
                <nav class="site-nav" aria-label="Pages">
                    <NavLink path="/" label="Ledger" />
                    <NavLink path="/method" label="Method" />
                </nav>
            </header>
            <main id="main">
                <Routes fallback=|| view! { <p class="not-found">"There is no page at this address."</p> }>
                    <Route path=path!("/") view=LedgerPage />
                    <Route path=path!("/method") view=MethodPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Everything is computed in your browser from the bundled dataset; nothing you enter leaves this page."
                </p>
            </footer>
        </Router>
    }
}

/// A link to one of the app's pages, under the hosting base, marked when it is the current page.
#[component]
fn NavLink(path: &'static str, label: &'static str) -> impl IntoView {
    let location = use_location();
    let href = format!("{}{path}", base_path());
    let target = href.clone();
    let current = move || (location.pathname.get().trim_end_matches('/') == target.trim_end_matches('/')).then_some("page");
    view! { <a href=href aria-current=current>{label}</a> }
}

/// The path the bundle is served under ("" at a domain's root, "/headstart" under a sub-path),
/// read from the `<base>` element Trunk writes, so one build works wherever it is hosted.
fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = base.splitn(4, '/').nth(3).unwrap_or_default();
    let path = path.trim_end_matches('/');
    if path.is_empty() { String::new() } else { format!("/{path}") }
}
