//! The site's addresses as the build lays them out: every page and every embed, the HTML file
//! that serves each one in the built folder, and the name of its share card.

use headstart_core::embeds::Embed;
use headstart_core::keys::View;
use std::path::{Path, PathBuf};

/// An address of the site that a link can point at and a crawler can preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Page(View),
    Embed(Embed),
}

impl Route {
    /// Every page, then every embed.
    pub fn all() -> Vec<Route> {
        View::ALL.into_iter().map(Route::Page).chain(Embed::ALL.into_iter().map(Route::Embed)).collect()
    }

    /// Below the base the site is hosted under, without the leading slash: "" for the essay,
    /// "ledger", "embed/growth".
    pub fn path(self) -> String {
        match self {
            Route::Page(view) => view.path().trim_start_matches('/').to_owned(),
            Route::Embed(embed) => embed.path().trim_start_matches('/').to_owned(),
        }
    }

    /// The card's file name in `share/`, without the extension: "index", "ledger", "embed-growth".
    pub fn card_name(self) -> String {
        match self {
            Route::Page(View::Story) => "index".to_owned(),
            Route::Page(_) => self.path(),
            Route::Embed(embed) => format!("embed-{}", embed.slug()),
        }
    }
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}", self.path())
    }
}

/// The HTML file that serves `route` in the built folder `dist`: `/` is `index.html`, a page
/// `/ledger` is `ledger.html`, an embed `/embed/<slug>` is `embed/<slug>.html`. The one place the
/// build's file layout is stated.
pub fn html_file(dist: &Path, route: Route) -> PathBuf {
    match route {
        Route::Page(View::Story) => dist.join("index.html"),
        Route::Page(_) => dist.join(format!("{}.html", route.path())),
        Route::Embed(embed) => dist.join("embed").join(format!("{}.html", embed.slug())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_its_own_file_and_card() {
        let dist = Path::new("/d");
        let routes = Route::all();
        assert_eq!(routes.len(), View::ALL.len() + Embed::ALL.len());
        for (i, a) in routes.iter().enumerate() {
            for b in &routes[i + 1..] {
                assert_ne!(html_file(dist, *a), html_file(dist, *b));
                assert_ne!(a.card_name(), b.card_name());
            }
        }
        assert_eq!(html_file(dist, Route::Page(View::Story)), Path::new("/d/index.html"));
        assert_eq!(html_file(dist, Route::Page(View::Talent)), Path::new("/d/pool-or-spread.html"));
        assert_eq!(html_file(dist, Route::Page(View::YourCode)), Path::new("/d/your-code.html"));
        assert_eq!(html_file(dist, Route::Embed(Embed::Growth)), Path::new("/d/embed/growth.html"));
        assert_eq!(Route::Embed(Embed::Growth).to_string(), "/embed/growth");
        assert_eq!(Route::Page(View::Story).to_string(), "/");
    }
}
