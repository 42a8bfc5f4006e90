//! The vocabulary of Headstart's links. Every key a link of the app may carry is a [`Key`], and
//! every page is a [`View`] with the keys it reads, listed by the same types that read and write
//! them, so the reader, the writer, the tests and anything generated from the lists agree.
//!
//! The rule for a link's keys, as it comes from the wild:
//! - a key no view reads (`utm_source`, `fbclid`, `gclid`, `ref`, a typo such as `salery`) is not
//!   a Headstart key. It is dropped where the query is parsed, without a word, and no link the
//!   app writes carries it on;
//! - a key the page reads, with a value it cannot use (`salary=lots`, `era=1999`), falls back to
//!   the default and is named in the page's notice;
//! - a Headstart key that this page does not read (a talent parameter on the ledger, `sf` while
//!   the model is basic COCOMO) is set aside just as quietly, whatever its value: nothing on this
//!   page would show differently for it. The pages that read it check it, and links carry each
//!   page only the keys it reads, as the essay's links pass the ledger's keys to the ledger.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use crate::assumptions::Constant;
use crate::ledger::LedgerView;
use crate::story::StoryView;
use crate::talent::{ParamKey, TalentView};
use crate::yours::YourCodeView;

/// A key of a Headstart link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// light, dark or auto: every page's, applied by index.html before the app starts.
    Theme,
    // The estimation choices every page shares (crate::assumptions).
    Preset,
    Model,
    Mode,
    /// a, b, c or d of the effort model.
    Constant(Constant),
    Eaf,
    ScaleFactors,
    EffortMultipliers,
    Salary,
    Overhead,
    Dollars,
    // The ledger's table and charts.
    Era,
    Counter,
    Sort,
    Descending,
    Chart,
    Selection,
    // The ledger's uncertainty band.
    LinesLow,
    LinesHigh,
    PayLow,
    PayHigh,
    ErrorFactor,
    Seed,
    Draws,
    // The ledger's reuse inputs (crate::estimate::REUSE_INPUTS).
    DesignModified,
    CodeModified,
    Integration,
    Understanding,
    Unfamiliarity,
    Assessment,
    Automated,
    // Pool or spread: the model's parameters, their Monte Carlo ranges and the heat map's axes.
    Param(ParamKey),
    Low(ParamKey),
    High(ParamKey),
    MapX,
    MapY,
    // Your code.
    Code,
}

impl Key {
    /// As a link spells it.
    pub fn name(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Key::Theme => "theme",
            Key::Preset => "preset",
            Key::Model => "model",
            Key::Mode => "mode",
            Key::Constant(constant) => constant.key(),
            Key::Eaf => "eaf",
            Key::ScaleFactors => "sf",
            Key::EffortMultipliers => "em",
            Key::Salary => "salary",
            Key::Overhead => "overhead",
            Key::Dollars => "usd",
            Key::Era => "era",
            Key::Counter => "counter",
            Key::Sort => "sort",
            Key::Descending => "desc",
            Key::Chart => "chart",
            Key::Selection => "sel",
            Key::LinesLow => "lines_lo",
            Key::LinesHigh => "lines_hi",
            Key::PayLow => "pay_lo",
            Key::PayHigh => "pay_hi",
            Key::ErrorFactor => "error",
            Key::Seed => "seed",
            Key::Draws => "draws",
            Key::DesignModified => "dm",
            Key::CodeModified => "cm",
            Key::Integration => "im",
            Key::Understanding => "su",
            Key::Unfamiliarity => "unfm",
            Key::Assessment => "aa",
            Key::Automated => "at",
            Key::Param(key) => key.name(),
            Key::Low(key) => return Cow::Owned(format!("{key}_lo")),
            Key::High(key) => return Cow::Owned(format!("{key}_hi")),
            Key::MapX => "map_x",
            Key::MapY => "map_y",
            Key::Code => "code",
        })
    }

    /// The Headstart key a link's key names; `None` for keys from elsewhere.
    pub fn parse(name: &str) -> Option<Key> {
        Key::all().iter().copied().find(|key| key.name() == name)
    }

    /// The Headstart keys: every key some view reads, and the theme.
    pub fn all() -> &'static [Key] {
        static ALL: OnceLock<Vec<Key>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut all = vec![Key::Theme];
            for key in View::ALL.iter().flat_map(|view| view.keys()) {
                if !all.contains(key) {
                    all.push(*key);
                }
            }
            all
        })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The essay at the root.
    Story,
    Ledger,
    /// Pool or spread.
    Talent,
    YourCode,
    /// Text only: it reads no state.
    Method,
}

impl View {
    pub const ALL: [View; 5] = [View::Story, View::Ledger, View::Talent, View::YourCode, View::Method];

    /// Below the base the app is hosted under.
    pub fn path(self) -> &'static str {
        match self {
            View::Story => "/",
            View::Ledger => "/ledger",
            View::Talent => "/pool-or-spread",
            View::YourCode => "/your-code",
            View::Method => "/method",
        }
    }

    /// The page at a path below the base, with or without a trailing slash.
    pub fn at(path: &str) -> Option<View> {
        let path = path.trim_end_matches('/');
        View::ALL.into_iter().find(|view| view.path().trim_end_matches('/') == path)
    }

    /// The keys the page's state is read from, in the order its reader takes them. The theme is
    /// no view's state: every page accepts it, and it changes no markup.
    pub fn keys(self) -> &'static [Key] {
        static KEYS: [OnceLock<Vec<Key>>; View::ALL.len()] = [const { OnceLock::new() }; View::ALL.len()];
        KEYS[self as usize].get_or_init(|| match self {
            View::Story => StoryView::keys(),
            View::Ledger => LedgerView::keys(),
            View::Talent => TalentView::keys(),
            View::YourCode => YourCodeView::keys(),
            View::Method => Vec::new(),
        })
    }

    /// What a link to this page carries from `query`: the pairs of the keys it reads and the
    /// theme, in their order; keys from elsewhere and other pages' keys stay behind.
    pub fn link_query(self, query: &str) -> String {
        let keys: Vec<Key> = self.keys().iter().copied().chain([Key::Theme]).collect();
        crate::query::keep_keys(query, &keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::query::{QueryReader, QueryWriter};

    /// Runs the view's own reader, as the page does.
    fn read(view: View, query: &mut QueryReader) {
        let dataset = Dataset::bundled();
        match view {
            View::Story => drop(StoryView::read(query, dataset)),
            View::Ledger => drop(LedgerView::read(query, dataset)),
            View::Talent => drop(TalentView::read(query)),
            View::YourCode => drop(YourCodeView::read(query)),
            View::Method => {}
        }
    }

    #[test]
    fn each_view_reads_exactly_the_keys_it_lists() {
        for view in View::ALL {
            let mut asked = Vec::new();
            // The basic model reads its mode and EAF, COCOMO II its ratings: between them, every key.
            for query in ["", "model=cocomo2"] {
                let mut reader = QueryReader::parse(query);
                read(view, &mut reader);
                asked.extend(reader.asked().iter().copied());
            }
            for key in &asked {
                assert!(view.keys().contains(key), "{view:?} reads {key}, which it does not list");
            }
            for key in view.keys() {
                assert!(asked.contains(key), "{view:?} lists {key} but never reads it");
            }
        }
    }

    /// Each view's state with every part moved from its default, written out.
    fn written(view: View) -> String {
        let dataset = Dataset::bundled();
        let rich = "preset=scc&salary=90000&overhead=2&usd=today&a=3&b=1.1&c=2&d=0.4&eaf=1.2&era=latest\
            &counter=cloc&sort=name&desc=1&chart=person-years&sel=jax,keras&lines_lo=0.8&lines_hi=1.3\
            &pay_lo=0.5&pay_hi=2&error=3&seed=5&draws=500&dm=10&cm=20&im=40&su=20&unfm=0.2&aa=2&at=5\
            &open=0.3&rho=0.01&team=8&engineers=900&labs=4&years=2&q=2&platform=80&aam=0.3&depth=400\
            &beta=30&open_lo=0.3&open_hi=0.7&rho_lo=0.01&rho_hi=0.04&q_lo=1.1&q_hi=2&platform_lo=30\
            &platform_hi=150&depth_lo=150&depth_hi=900&beta_lo=8&beta_hi=90&map_x=beta&map_y=q\
            &code=Rust:1200,Python:80";
        let mut reader = QueryReader::parse(rich);
        let mut writer = QueryWriter::default();
        match view {
            View::Story => StoryView::read(&mut reader, dataset).write(&mut writer),
            View::Ledger => LedgerView::read(&mut reader, dataset).write(&mut writer),
            View::Talent => TalentView::read(&mut reader).write(&mut writer),
            View::YourCode => YourCodeView::read(&mut reader).write(&mut writer),
            View::Method => {}
        }
        assert_eq!(reader.finish(), [], "{view:?}");
        writer.finish()
    }

    #[test]
    fn each_view_writes_only_the_keys_it_lists() {
        for view in View::ALL {
            let query = written(view);
            let mut keys = Vec::new();
            for pair in query.split('&').filter(|pair| !pair.is_empty()) {
                let name = pair.split('=').next().unwrap_or_default();
                let key =
                    Key::parse(name).unwrap_or_else(|| panic!("{view:?} writes {name}, no Headstart key"));
                assert!(view.keys().contains(&key), "{view:?} writes {key}, which it does not list");
                keys.push(key);
            }
            // What a basic COCOMO state at scc's semi-detached a cannot write; all the rest is written.
            let unwritten: Vec<Key> = view.keys().iter().copied().filter(|key| !keys.contains(key)).collect();
            let expected =
                [Key::Model, Key::Constant(Constant::A), Key::ScaleFactors, Key::EffortMultipliers];
            let expected = if view == View::Method { &[][..] } else { &expected[..] };
            assert_eq!(unwritten, expected, "{view:?}: {query}");
        }
    }

    #[test]
    fn names_parse_back_and_no_two_keys_share_one() {
        for key in Key::all() {
            assert_eq!(Key::parse(&key.name()), Some(*key), "{key}");
            assert_eq!(Key::all().iter().filter(|other| other.name() == key.name()).count(), 1, "{key}");
        }
        for foreign in ["utm_source", "utm_medium", "fbclid", "gclid", "ref", "zoom", "salery", "a_lo", ""] {
            assert_eq!(Key::parse(foreign), None, "{foreign}");
        }
        assert_eq!(Key::parse("open_lo"), Some(Key::Low(ParamKey::OpenShare)));
        assert_eq!(Key::parse("a"), Some(Key::Constant(Constant::A)), "a is the ledger's constant");
    }

    #[test]
    fn the_headstart_keys_are_the_union_of_the_views_and_the_theme() {
        let all = Key::all();
        assert_eq!(all[0], Key::Theme);
        for view in View::ALL {
            assert!(view.keys().iter().all(|key| all.contains(key)), "{view:?}");
        }
        assert!(all[1..].iter().all(|key| View::ALL.iter().any(|view| view.keys().contains(key))));
        // The views share the estimation choices, and the ledger's band and the talent model's
        // Monte Carlo both have a seed and draws.
        assert!(View::Talent.keys().contains(&Key::Seed) && View::Ledger.keys().contains(&Key::Seed));
        assert!(View::Method.keys().is_empty());
    }

    #[test]
    fn another_pages_keys_are_set_aside_whatever_their_value() {
        let mut reader =
            QueryReader::parse("open=lots&map_x=nope&rho_lo=-1&code=x&salary=150000&utm_source=y");
        let view = LedgerView::read(&mut reader, Dataset::bundled());
        assert_eq!(view.assumptions.salary, 150_000.0);
        assert_eq!(reader.finish(), [], "the ledger reads none of them");
        let mut reader = QueryReader::parse("open=lots&salary=150000&utm_source=y");
        TalentView::read(&mut reader);
        let problems = reader.finish();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "“open=lots”: “lots” is not a number. Enter a number from 0 to 0.95."
        );
    }

    #[test]
    fn paths_name_their_views() {
        for view in View::ALL {
            assert_eq!(View::at(view.path()), Some(view));
        }
        assert_eq!(View::at(""), Some(View::Story));
        assert_eq!(View::at("/ledger/"), Some(View::Ledger));
        assert_eq!(View::at("/embed/growth"), None);
    }

    #[test]
    fn a_link_carries_what_its_page_reads_and_the_theme() {
        let query = "?utm_source=news&salary=150000&open=0.3&fbclid=x&theme=dark&sort=name";
        assert_eq!(View::Ledger.link_query(query), "salary=150000&theme=dark&sort=name");
        assert_eq!(View::Talent.link_query(query), "salary=150000&open=0.3&theme=dark");
        assert_eq!(View::Story.link_query(query), "salary=150000&open=0.3&theme=dark&sort=name");
        assert_eq!(View::Method.link_query(query), "theme=dark");
    }
}
