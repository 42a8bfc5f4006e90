//! The published site's map: which entry bundle serves which address, and which file holds each
//! address's page. One table, read by the build (`dist`), the prerender and the share cards, so
//! an address and its file cannot disagree.

use headstart_core::embeds::Embed;
use headstart_core::keys::{Key, View};
use std::path::PathBuf;

/// An address of the site (below the hosting base) that has a page of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Page(View),
    Embed(Embed),
}

impl Route {
    /// Every page, then every embed.
    pub fn all() -> impl Iterator<Item = Route> {
        View::ALL.into_iter().map(Route::Page).chain(Embed::ALL.into_iter().map(Route::Embed))
    }

    /// As a link spells it below the base: "/", "/ledger", "/embed/growth".
    pub fn path(self) -> String {
        match self {
            Route::Page(view) => view.path().to_owned(),
            Route::Embed(embed) => embed.path(),
        }
    }

    /// The file that answers the address, relative to the bundle's root. "/ledger" is
    /// `ledger.html`, which GitHub Pages, Netlify and Cloudflare Pages all serve at /ledger.
    pub fn file(self) -> PathBuf {
        match self.path().trim_matches('/') {
            "" => PathBuf::from("index.html"),
            path => PathBuf::from(format!("{path}.html")),
        }
    }

    /// Its share card's file name in `share/`, without the extension: "index", "ledger",
    /// "embed-growth".
    pub fn card_name(self) -> String {
        match self {
            Route::Page(View::Story) => "index".to_owned(),
            Route::Page(view) => view.path().trim_start_matches('/').to_owned(),
            Route::Embed(embed) => format!("embed-{}", embed.slug()),
        }
    }

    /// The bundle whose code shows it.
    pub fn entry(self) -> Entry {
        match self {
            Route::Page(View::Story) => Entry::Story,
            Route::Page(View::Ledger) => Entry::Ledger,
            Route::Page(View::Talent) => Entry::PoolOrSpread,
            Route::Page(View::YourCode) => Entry::YourCode,
            Route::Page(View::Method) => Entry::Method,
            Route::Embed(embed) => match embed.page() {
                View::Ledger => Entry::LedgerEmbeds,
                View::Talent => Entry::TalentEmbeds,
                _ => Entry::StoryEmbeds,
            },
        }
    }

    /// The query keys that change what the page shows: a link with any of them must not show the
    /// prerendered default. An embed shows its page's state.
    pub fn view_keys(self) -> Vec<String> {
        let view = match self {
            Route::Page(view) => view,
            Route::Embed(embed) => embed.page(),
        };
        view.keys().iter().map(|key: &Key| key.name().into_owned()).collect()
    }
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path())
    }
}

/// One `trunk build`: a binary in src/bin/ and the pages it serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Story,
    Ledger,
    PoolOrSpread,
    YourCode,
    Method,
    /// The embeds, one bundle per page they come from: an embed of the ledger's costs needs
    /// none of Pool or spread's model.
    LedgerEmbeds,
    TalentEmbeds,
    StoryEmbeds,
    /// The two web workers, built once for every page that starts them.
    Workers,
}

impl Entry {
    pub const ALL: [Entry; 9] = [
        Entry::Story,
        Entry::Ledger,
        Entry::PoolOrSpread,
        Entry::YourCode,
        Entry::Method,
        Entry::LedgerEmbeds,
        Entry::TalentEmbeds,
        Entry::StoryEmbeds,
        Entry::Workers,
    ];

    /// The binary's name (src/bin/<name>.rs); `None` for the workers, which are two binaries.
    pub fn bin(self) -> Option<&'static str> {
        Some(match self {
            Entry::Story => "entry_story",
            Entry::Ledger => "entry_ledger",
            Entry::PoolOrSpread => "entry_pool_or_spread",
            Entry::YourCode => "entry_your_code",
            Entry::Method => "entry_method",
            Entry::LedgerEmbeds => "entry_embeds_ledger",
            Entry::TalentEmbeds => "entry_embeds_talent",
            Entry::StoryEmbeds => "entry_embeds_story",
            Entry::Workers => return None,
        })
    }

    /// A name for its build folder and in messages.
    pub fn name(self) -> &'static str {
        self.bin().unwrap_or("workers")
    }

    pub fn routes(self) -> Vec<Route> {
        Route::all().filter(|route| route.entry() == self).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_its_own_file_and_an_entry_with_a_binary() {
        let files: Vec<PathBuf> = Route::all().map(Route::file).collect();
        let cards: Vec<String> = Route::all().map(Route::card_name).collect();
        for i in 0..files.len() {
            assert!(!files[..i].contains(&files[i]), "{:?} twice", files[i]);
            assert!(!cards[..i].contains(&cards[i]), "{} twice", cards[i]);
        }
        assert_eq!(Route::Embed(Embed::Growth).to_string(), "/embed/growth");
        assert_eq!(Route::Page(View::Story).file(), PathBuf::from("index.html"));
        assert_eq!(Route::Page(View::Talent).file(), PathBuf::from("pool-or-spread.html"));
        assert_eq!(Route::Embed(Embed::Growth).file(), PathBuf::from("embed/growth.html"));
        for route in Route::all() {
            let bin = route.entry().bin().expect("a page's entry is a binary");
            let source = crate::root().join("src/bin").join(format!("{bin}.rs"));
            assert!(source.is_file(), "{route:?}: {} is missing", source.display());
        }
    }

    #[test]
    fn view_keys_are_the_cores_and_never_the_theme() {
        let keys = Route::Page(View::Ledger).view_keys();
        assert!(keys.iter().any(|key| key == "salary"), "{keys:?}");
        assert!(!keys.iter().any(|key| key == "theme"), "{keys:?}");
        assert_eq!(Route::Embed(Embed::LedgerCosts).view_keys(), keys);
        assert!(Route::Page(View::Method).view_keys().is_empty());
    }
}
