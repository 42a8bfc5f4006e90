//! What a link to the site says about itself before anyone opens it: each page's title and
//! description, and the chart its preview card shows. The build writes these into each page's
//! `og:` and `twitter:` tags (xtask `cards`).

use crate::article;
use crate::embeds::Embed;
use crate::keys::View;

/// The site's name, as the header's brand shows it.
pub const SITE: &str = "Headstart";

impl View {
    /// The page's heading, as its `<h1>` says it.
    pub fn heading(self) -> String {
        match self {
            View::Story => format!("The {} head start", article::quoted_cost()),
            View::Ledger => format!("The {} head start, rebuilt", article::quoted_cost()),
            View::Talent => "Pool or spread?".to_owned(),
            View::YourCode => "Your code".to_owned(),
            View::Method => "Method".to_owned(),
        }
    }

    /// The page's title in a preview: its heading, with the site's name.
    pub fn title(self) -> String {
        format!("{} · {SITE}", self.heading())
    }

    /// One or two sentences on what the page shows, for a preview's text.
    pub fn description(self) -> String {
        match self {
            View::Story => format!(
                "The 2017 claim that big labs open-sourced {} of ML platform code, rebuilt from measured code and \
                 recomputed in your browser.",
                article::quoted_cost()
            ),
            View::Ledger => format!(
                "Every framework behind the {} claim, its lines measured from its git history, costed with COCOMO \
                 under the counter, model and salary you choose.",
                article::quoted_cost()
            ),
            View::Talent => "Are AI engineers better pooled in a few labs that open-source their platforms, or spread \
                             as small teams across many firms? A model you can change, with its heat map, Monte Carlo \
                             and tornado."
                .to_owned(),
            View::YourCode => "What is your own code worth next to the frameworks? Counted in your browser by tokei's \
                               rules; no file leaves the page."
                .to_owned(),
            View::Method => "How Headstart turns lines of code into person-years and dollars, with every constant \
                             and its source."
                .to_owned(),
        }
    }

    /// The chart a preview of the page shows: its first chart, in its default view. The pages
    /// without one (your code needs the reader's files; the method is text) preview as text.
    pub fn headline(self) -> Option<Embed> {
        match self {
            View::Story => Some(Embed::StoryClaim),
            View::Ledger => Some(Embed::LedgerCosts),
            View::Talent => Some(Embed::TalentValue),
            View::YourCode | View::Method => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_own_title_and_description() {
        for view in View::ALL {
            assert!(view.title().ends_with(" · Headstart"), "{view:?}");
            assert!(view.description().ends_with('.'), "{view:?}");
            let others = View::ALL.into_iter().filter(|&other| other != view);
            assert!(others.clone().all(|other| other.title() != view.title()), "{view:?}");
            assert!(others.clone().all(|other| other.description() != view.description()), "{view:?}");
        }
    }

    #[test]
    fn a_headline_chart_is_one_its_own_page_shows() {
        for view in View::ALL {
            if let Some(embed) = view.headline() {
                assert_eq!(embed.page(), view);
            }
        }
    }
}
