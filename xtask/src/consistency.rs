//! Figures that files outside the core's reach state too: the lock file the page's counter is
//! built from, and the static pages a browser or an app store reads before any code runs. They
//! cannot compute a figure, so they are checked against the core's.

use headstart_core::article;
use headstart_core::dataset::Counter;

fn read(path: &str) -> String {
    std::fs::read_to_string(crate::root().join(path)).unwrap()
}

/// The Your code page says it counts with the tokei the frameworks were counted with: the
/// version its counter is built against must be the records'.
#[test]
fn the_page_counts_with_the_tokei_the_frameworks_were_counted_with() {
    let lock = read("Cargo.lock");
    let built = lock
        .split("[[package]]")
        .find(|package| package.contains("\nname = \"tokei\"\n"))
        .and_then(|package| package.lines().find_map(|line| line.strip_prefix("version = ")))
        .map(|version| version.trim_matches('"'));
    assert_eq!(built, Some(Counter::Tokei.version()));
}

#[test]
fn the_static_pages_quote_the_articles_headline_as_the_core_does() {
    let headline = format!("the {} head start", article::quoted_cost());
    for path in ["index.html", "static/manifest.webmanifest"] {
        let text = read(path).to_lowercase();
        assert!(text.contains(&headline), "{path} does not say “{headline}”");
        assert!(
            text.contains(&format!("open-sourced {} of ml platform code", article::quoted_cost())),
            "{path}"
        );
    }
}
