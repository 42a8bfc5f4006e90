//! The share cards of a built site, made by `cargo xtask dist` once every page is written. For
//! every page and every embed it draws a 1200×630 PNG of the route's headline chart in its default view,
//! from the app's own chart code, into `DIR/share/`, and writes the Open Graph and Twitter tags
//! into the route's HTML file, so a pasted link previews with a picture and a sentence.
//!
//! Crawlers follow only absolute image addresses, so the tags need the site's address (`dist`'s
//! `--origin` and `--public-url`; the deploy sets `HEADSTART_SITE_ORIGIN`). Without one the images
//! are still drawn, and the tags say the title and description but leave the image and the
//! address out.

mod picture;
pub mod tags;

use crate::error::Error;
use crate::site::Route;
use headstart_charts::figures::embed_chart;
use headstart_charts::{AnyChart, Chart};
use headstart_core::query::QueryReader;
use picture::Body;
use std::path::{Path, PathBuf};
use tags::{Absolute, Origin, Preview};

/// The HTML file that serves `route` in the built folder `dist`.
fn html_file(dist: &Path, route: Route) -> PathBuf {
    dist.join(route.file())
}

/// A route's card: what its preview says and what its picture shows.
struct Card {
    route: Route,
    title: String,
    description: String,
    /// What the picture shows, for readers who cannot see it.
    alt: String,
    picture: String,
}

/// The chart an embed draws with no state: its default view.
fn default_chart(embed: headstart_core::embeds::Embed) -> Result<AnyChart, Error> {
    embed_chart(embed, &mut QueryReader::parse("")).ok_or_else(|| Error::Card {
        route: Route::Embed(embed).to_string(),
        message: "its chart cannot be drawn in the default view".to_owned(),
    })
}

fn card(route: Route) -> Result<Card, Error> {
    let (title, description, alt, picture) = match route {
        Route::Page(view) => {
            let heading = view.heading();
            match view.headline() {
                Some(embed) => {
                    let chart = default_chart(embed)?;
                    let body = Body::Chart { chart: &chart, caption: Some(chart.title()) };
                    (view.title(), view.description(), chart.summary(), picture::card_svg(&heading, &body))
                }
                None => {
                    let description = view.description();
                    let picture = picture::card_svg(&heading, &Body::Text(&description));
                    (view.title(), description.clone(), description, picture)
                }
            }
        }
        Route::Embed(embed) => {
            let chart = default_chart(embed)?;
            let title = format!("{} · {}", chart.title(), headstart_core::share::SITE);
            let picture = picture::card_svg(chart.title(), &Body::Chart { chart: &chart, caption: None });
            (title, chart.summary(), chart.summary(), picture)
        }
    };
    Ok(Card { route, title, description, alt, picture })
}

impl Card {
    fn preview(&self, origin: Option<&Origin>) -> Preview {
        Preview {
            title: self.title.clone(),
            description: self.description.clone(),
            absolute: origin.map(|origin| Absolute {
                url: origin.join(self.route.path().trim_start_matches('/')),
                image: origin.join(&format!("share/{}.png", self.route.card_name())),
                image_alt: self.alt.clone(),
            }),
        }
    }
}

/// The origin from the flag, else from the environment's value; `None` when neither gives one.
/// Draws every route's card into `dist/share/` and writes its tags into the route's HTML file;
/// returns how many. Every route's file is read and checked first, so a missing or broken page
/// leaves nothing half written.
pub fn write(dist: &Path, origin: Option<&Origin>) -> Result<usize, Error> {
    let mut pages = Vec::new();
    for route in Route::all() {
        let file = html_file(dist, route);
        if !file.is_file() {
            return Err(Error::MissingPage { route: route.to_string(), file });
        }
        let html = std::fs::read_to_string(&file).map_err(Error::file(&file))?;
        if !html.contains("</head>") {
            let message = format!("{} has no </head> to put its tags before", file.display());
            return Err(Error::Card { route: route.to_string(), message });
        }
        pages.push((route, file, html));
    }
    let share = dist.join("share");
    std::fs::create_dir_all(&share).map_err(Error::file(&share))?;
    for (route, file, html) in &pages {
        let card = card(*route)?;
        let png = picture::png(&card.picture)
            .map_err(|e| Error::Card { route: route.to_string(), message: e.to_string() })?;
        let image = share.join(format!("{}.png", route.card_name()));
        std::fs::write(&image, png).map_err(Error::file(&image))?;
        let html = tags::insert(html, &card.preview(origin)).expect("the page's </head> was checked");
        std::fs::write(file, html).map_err(Error::file(file))?;
    }
    Ok(pages.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use headstart_core::embeds::Embed;
    use headstart_core::keys::View;
    use std::path::PathBuf;

    /// A built folder's layout with a bare page at every route, removed when dropped.
    struct Built(PathBuf);

    impl Built {
        fn new(name: &str) -> Built {
            let dist = std::env::temp_dir().join(format!("headstart-cards-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dist);
            for route in Route::all() {
                let file = html_file(&dist, route);
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(file, "<html>\n  <head>\n    <title>Headstart</title>\n  </head>\n</html>\n")
                    .unwrap();
            }
            Built(dist)
        }
    }

    impl Drop for Built {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn every_page_and_embed_gets_a_card_and_its_tags() {
        let built = Built::new("all");
        let origin = Origin::parse("https://example.org/sub/").unwrap();
        assert_eq!(write(&built.0, Some(&origin)).unwrap(), View::ALL.len() + Embed::ALL.len());
        let routes = View::ALL.into_iter().map(Route::Page).chain(Embed::ALL.into_iter().map(Route::Embed));
        for route in routes {
            let png =
                std::fs::read(built.0.join("share").join(format!("{}.png", route.card_name()))).unwrap();
            assert_eq!(&png[12..16], b"IHDR", "{route}");
            assert_eq!(
                (&png[16..20], &png[20..24]),
                (&1200u32.to_be_bytes()[..], &630u32.to_be_bytes()[..]),
                "{route}"
            );
            let html = std::fs::read_to_string(html_file(&built.0, route)).unwrap();
            let image = format!("content=\"https://example.org/sub/share/{}.png\"", route.card_name());
            assert_eq!(html.matches(&image).count(), 2, "{route}: og:image and twitter:image");
            assert_eq!(html.matches("property=\"og:title\"").count(), 1, "{route}");
            let url = format!(
                "<meta property=\"og:url\" content=\"https://example.org/sub/{}\"",
                route.path().trim_start_matches('/')
            );
            assert!(html.contains(&url), "{route}");
        }
        // Again, without the origin: one set of tags, and no image.
        write(&built.0, None).unwrap();
        let html = std::fs::read_to_string(html_file(&built.0, Route::Page(View::Ledger))).unwrap();
        assert_eq!(html.matches("property=\"og:title\"").count(), 1);
        assert!(!html.contains("og:image"), "{html}");
    }

    #[test]
    fn a_missing_page_is_named_and_nothing_is_written() {
        let built = Built::new("missing");
        let file = html_file(&built.0, Route::Embed(Embed::TornadoGain));
        std::fs::remove_file(&file).unwrap();
        let error = write(&built.0, None).unwrap_err();
        assert!(
            matches!(&error, Error::MissingPage { route, .. } if route == "/embed/tornado-gain"),
            "{error}"
        );
        assert!(error.to_string().contains(&file.display().to_string()), "{error}");
        assert!(!built.0.join("share").exists());
        // A page with no head to put tags in is refused before anything is written, too.
        std::fs::write(&file, "<html><body></body></html>").unwrap();
        let error = write(&built.0, None).unwrap_err();
        assert!(error.to_string().contains("no </head>"), "{error}");
        assert!(!built.0.join("share").exists());
    }

    #[test]
    fn every_card_tells_what_its_route_shows() {
        for route in Route::all() {
            let card = card(route).unwrap();
            assert!(card.title.ends_with(" · Headstart"), "{route}: {}", card.title);
            assert!(!card.description.is_empty() && !card.alt.is_empty(), "{route}");
        }
        let ledger = card(Route::Page(View::Ledger)).unwrap();
        assert_eq!(ledger.title, View::Ledger.title());
        assert!(
            ledger.picture.contains(">Cost per framework</text>"),
            "the page's headline chart, captioned"
        );
    }
}
