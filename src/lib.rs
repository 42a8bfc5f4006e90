//! Headstart in the browser: a thin Leptos shell over `headstart-core` and `headstart-charts`.
//! Components read state from the URL, call the core, and show the result.
//!
//! Each page and the embeds are their own entry (`src/bin/entry_*.rs`), so a
//! reader downloads the code of the page they opened and not the other four; `src/main.rs` holds
//! every page in one bundle for `scripts/serve`. The entries differ only in the page they pass to
//! [`start`].

mod app;
mod background;
mod box_width;
mod chart_frame;
mod chart_hits;
mod controls;
mod download;
mod embed;
mod first_draws;
mod job_progress;
mod ledger;
mod method;
mod notice;
mod prerender;
mod router;
mod story;
mod talent;
mod url_state;
mod worker_client;
mod your_code;

pub use app::Page;

/// Starts the app on one page: it replaces the page's prerendered first screen, if it has one.
pub fn start(page: Page) {
    console_error_panic_hook::set_once();
    prerender::take_over(move || app::App(app::AppProps { page }));
}

/// The entries' pages. Each is a function of its own, so a bundle links only the pages its entry
/// names.
pub mod pages {
    use crate::app::Page;
    use headstart_core::keys::View;
    use leptos::prelude::*;

    pub fn story() -> Page {
        Page(|path| Page::only(View::Story, path, || crate::story::StoryPage().into_any()))
    }

    pub fn ledger() -> Page {
        Page(|path| Page::only(View::Ledger, path, || crate::ledger::LedgerPage().into_any()))
    }

    pub fn pool_or_spread() -> Page {
        Page(|path| Page::only(View::Talent, path, || crate::talent::TalentPage().into_any()))
    }

    pub fn your_code() -> Page {
        Page(|path| Page::only(View::YourCode, path, || crate::your_code::YourCodePage().into_any()))
    }

    pub fn method() -> Page {
        Page(|path| Page::only(View::Method, path, || crate::method::MethodPage().into_any()))
    }

    /// The ledger's charts alone, under /embed/<chart>.
    pub fn ledger_embeds() -> Page {
        Page(|path| crate::embed::embed_at(path, headstart_charts::figures::ledger_embeds))
    }

    /// Pool or spread's charts alone.
    pub fn talent_embeds() -> Page {
        Page(|path| crate::embed::embed_at(path, headstart_charts::figures::talent_embeds))
    }

    /// The essay's charts alone.
    pub fn story_embeds() -> Page {
        Page(|path| crate::embed::embed_at(path, headstart_charts::figures::story_embeds))
    }

    /// Every page and the embeds in one bundle, for development (`scripts/serve`).
    pub fn every() -> Page {
        Page(|path| {
            [story(), ledger(), pool_or_spread(), your_code(), method()]
                .into_iter()
                .find_map(|page| (page.0)(path))
                .or_else(|| crate::embed::embed_at(path, headstart_charts::figures::embed_chart))
        })
    }
}
