//! The charts another site can embed, by identity: each one's name in `/embed/<name>` and the page
//! that shows it in full. How each is drawn is the charts crate's business
//! (crates/charts/src/figures); here is what links, snippets and tests need to know of them.

use crate::keys::View;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed {
    LedgerCosts,
    EffortSize,
    Growth,
    LanguageMix,
    TalentValue,
    TalentCoverage,
    TalentEffort,
    TornadoCStar,
    TornadoGain,
    WhoWrote,
    StoryClaim,
    StoryAlternatives,
    StoryGrowth,
    StoryValue,
}

impl Embed {
    pub const ALL: [Embed; 14] = [
        Embed::LedgerCosts,
        Embed::EffortSize,
        Embed::Growth,
        Embed::LanguageMix,
        Embed::TalentValue,
        Embed::TalentCoverage,
        Embed::TalentEffort,
        Embed::TornadoCStar,
        Embed::TornadoGain,
        Embed::WhoWrote,
        Embed::StoryClaim,
        Embed::StoryAlternatives,
        Embed::StoryGrowth,
        Embed::StoryValue,
    ];

    /// Its name in `/embed/<name>`, which published snippets carry: never rename one.
    pub fn slug(self) -> &'static str {
        match self {
            Embed::LedgerCosts => "ledger-costs",
            Embed::EffortSize => "effort-size",
            Embed::Growth => "growth",
            Embed::LanguageMix => "language-mix",
            Embed::TalentValue => "talent-value",
            Embed::TalentCoverage => "talent-coverage",
            Embed::TalentEffort => "talent-effort",
            Embed::TornadoCStar => "tornado-c-star",
            Embed::TornadoGain => "tornado-gain",
            Embed::WhoWrote => "who-wrote",
            Embed::StoryClaim => "story-claim",
            Embed::StoryAlternatives => "story-alternatives",
            Embed::StoryGrowth => "story-growth",
            Embed::StoryValue => "story-value",
        }
    }

    /// Where the embeds live below the base the app is hosted under.
    pub const PREFIX: &'static str = "/embed/";

    pub fn from_slug(slug: &str) -> Option<Embed> {
        Embed::ALL.into_iter().find(|embed| embed.slug() == slug)
    }

    /// The page that shows the chart in full: its state is the one the chart reads (who-wrote
    /// reads none), and its link back goes there.
    pub fn page(self) -> View {
        match self {
            Embed::LedgerCosts | Embed::EffortSize | Embed::Growth | Embed::LanguageMix => View::Ledger,
            Embed::TalentValue
            | Embed::TalentCoverage
            | Embed::TalentEffort
            | Embed::TornadoCStar
            | Embed::TornadoGain
            | Embed::WhoWrote => View::Talent,
            Embed::StoryClaim | Embed::StoryAlternatives | Embed::StoryGrowth | Embed::StoryValue => {
                View::Story
            }
        }
    }

    /// Below the base the app is hosted under, without a query.
    pub fn path(self) -> String {
        format!("{}{}", Embed::PREFIX, self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_parse_back() {
        for embed in Embed::ALL {
            assert_eq!(Embed::from_slug(embed.slug()), Some(embed));
            assert!(embed.slug().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{embed:?}");
        }
        assert_eq!(Embed::from_slug("nope"), None);
        assert_eq!(Embed::StoryValue.path(), "/embed/story-value");
    }

    #[test]
    fn an_embeds_links_carry_its_pages_keys_only() {
        let query = "utm_medium=blog&salary=150000&open=0.3&theme=dark";
        assert_eq!(Embed::LedgerCosts.page().link_query(query), "salary=150000&theme=dark");
        assert_eq!(Embed::StoryValue.page().link_query(query), "salary=150000&open=0.3&theme=dark");
    }
}
