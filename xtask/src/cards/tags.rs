//! The Open Graph and Twitter tags that make a pasted link preview as a card, written into a
//! page's `<head>` between two markers, so running the build again replaces them instead of
//! adding a second set.

use std::fmt;

const START: &str = "<!-- share card (cargo xtask cards) -->";
const END: &str = "<!-- /share card -->";

/// The site's address, where the built folder is served from: absolute, ending in a slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(String);

/// Why an origin was refused.
#[derive(Debug, PartialEq, Eq)]
pub struct BadOrigin(pub String);

impl fmt::Display for BadOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the site origin “{}” is not an absolute http(s) address without a query or fragment, such as \
             https://example.org/sub/",
            self.0
        )
    }
}

impl std::error::Error for BadOrigin {}

impl Origin {
    pub fn parse(text: &str) -> Result<Origin, BadOrigin> {
        let text = text.trim();
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        let host = rest.map(|r| r.split('/').next().unwrap_or(""));
        let clean = !text.contains(['?', '#', ' ', '"', '<', '>']);
        match host {
            Some(host) if !host.is_empty() && clean => {
                Ok(Origin(if text.ends_with('/') { text.to_owned() } else { format!("{text}/") }))
            }
            _ => Err(BadOrigin(text.to_owned())),
        }
    }

    /// The absolute address of `path`, which is relative to the site's base.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path.trim_start_matches('/'))
    }
}

/// What a preview of one address says and shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub title: String,
    pub description: String,
    /// The address itself and its card's, absolute; `None` without an origin, since crawlers
    /// only follow absolute addresses.
    pub absolute: Option<Absolute>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Absolute {
    pub url: String,
    pub image: String,
    pub image_alt: String,
}

/// A card's size in pixels: the large-image size that Open Graph and Twitter consumers crop least.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

impl Preview {
    /// The tags, one per line, between the markers.
    pub fn tags(&self) -> String {
        let mut tags = vec![
            ("property", "og:type", "website".to_owned()),
            ("property", "og:site_name", headstart_core::share::SITE.to_owned()),
            ("property", "og:title", self.title.clone()),
            ("property", "og:description", self.description.clone()),
        ];
        if let Some(absolute) = &self.absolute {
            tags.extend([
                ("property", "og:url", absolute.url.clone()),
                ("property", "og:image", absolute.image.clone()),
                ("property", "og:image:type", "image/png".to_owned()),
                ("property", "og:image:width", CARD_WIDTH.to_string()),
                ("property", "og:image:height", CARD_HEIGHT.to_string()),
                ("property", "og:image:alt", absolute.image_alt.clone()),
            ]);
        }
        tags.extend([
            ("name", "twitter:card", "summary_large_image".to_owned()),
            ("name", "twitter:title", self.title.clone()),
            ("name", "twitter:description", self.description.clone()),
        ]);
        if let Some(absolute) = &self.absolute {
            tags.push(("name", "twitter:image", absolute.image.clone()));
        }
        let lines: String = tags
            .iter()
            .map(|(attribute, name, content)| {
                format!("    <meta {attribute}=\"{name}\" content=\"{}\" />\n", escape(content))
            })
            .collect();
        format!("    {START}\n{lines}    {END}\n")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `html` with `preview`'s tags just before `</head>`, in place of any a previous run wrote;
/// `None` when the page has no `</head>`.
pub fn insert(html: &str, preview: &Preview) -> Option<String> {
    let html = with_title(&remove(html), preview);
    let head = html.find("</head>")?;
    Some(match line_start(&html, head) {
        Some(at) => format!("{}{}{}", &html[..at], preview.tags(), &html[at..]),
        None => format!("{}\n{}{}", &html[..head], preview.tags(), &html[head..]),
    })
}

/// The page's own `<title>` and description set to the preview's, so a tab, a bookmark and a
/// search result name the page rather than the whole site.
fn with_title(html: &str, preview: &Preview) -> String {
    let mut html = html.to_owned();
    if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
        html.replace_range(start + "<title>".len()..end, &escape(&preview.title));
    }
    const DESCRIPTION: &str = r#"<meta name="description" content=""#;
    if let Some(start) = html.find(DESCRIPTION).map(|at| at + DESCRIPTION.len()) {
        if let Some(length) = html[start..].find('"') {
            html.replace_range(start..start + length, &escape(&preview.description));
        }
    }
    html
}

/// Where the line holding `index` starts, when only blanks precede it there.
fn line_start(html: &str, index: usize) -> Option<usize> {
    let start = html[..index].rfind('\n').map_or(0, |newline| newline + 1);
    html[start..index].trim().is_empty().then_some(start)
}

/// `html` without the tags a previous run wrote.
fn remove(html: &str) -> String {
    match (html.find(START), html.find(END)) {
        (Some(start), Some(end)) if end > start => {
            let from = line_start(html, start).unwrap_or(start);
            let to = end + END.len();
            let to = if html[to..].starts_with('\n') { to + 1 } else { to };
            format!("{}{}", &html[..from], &html[to..])
        }
        _ => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<!doctype html>\n<html>\n  <head>\n    <title>T</title>\n  </head>\n  <body></body>\n</html>\n";

    fn preview(origin: Option<&Origin>) -> Preview {
        Preview {
            title: "Cost & \"time\" · Headstart".into(),
            description: "A <b> sentence.".into(),
            absolute: origin.map(|origin| Absolute {
                url: origin.join("ledger"),
                image: origin.join("share/ledger.png"),
                image_alt: "Bars.".into(),
            }),
        }
    }

    fn content<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
        let key = format!("=\"{name}\" content=\"");
        html.match_indices(&key)
            .map(|(at, _)| &html[at + key.len()..][..html[at + key.len()..].find('"').unwrap()])
            .collect()
    }

    #[test]
    fn tags_go_into_the_head_once_with_absolute_addresses() {
        let origin = Origin::parse("https://example.org/sub").unwrap();
        let once = insert(PAGE, &preview(Some(&origin))).unwrap();
        let twice = insert(&once, &preview(Some(&origin))).unwrap();
        assert_eq!(once, twice, "a second run changes nothing");
        let head = &once[..once.find("</head>").unwrap()];
        assert_eq!(content(head, "og:image"), ["https://example.org/sub/share/ledger.png"]);
        assert_eq!(content(head, "og:url"), ["https://example.org/sub/ledger"]);
        assert_eq!(content(head, "og:image:width"), ["1200"]);
        assert_eq!(content(head, "og:image:height"), ["630"]);
        assert_eq!(content(head, "twitter:card"), ["summary_large_image"]);
        assert_eq!(content(head, "og:title"), ["Cost &amp; &quot;time&quot; · Headstart"]);
        assert_eq!(content(head, "twitter:description"), ["A &lt;b&gt; sentence."]);
        assert!(once.ends_with("  </head>\n  <body></body>\n</html>\n"), "{once}");
        // Every og:image an origin gives is absolute.
        for image in content(&once, "og:image").into_iter().chain(content(&once, "twitter:image")) {
            assert!(image.starts_with("https://"), "{image}");
        }
    }

    #[test]
    fn without_an_origin_there_is_no_image_or_address() {
        let html = insert(PAGE, &preview(None)).unwrap();
        assert!(
            !html.contains("og:image") && !html.contains("og:url") && !html.contains("twitter:image"),
            "{html}"
        );
        assert_eq!(content(&html, "og:description"), ["A &lt;b&gt; sentence."]);
        assert_eq!(content(&html, "twitter:card"), ["summary_large_image"]);
        // A later run with an origin replaces the set instead of adding one.
        let origin = Origin::parse("http://localhost:8080/").unwrap();
        let with = insert(&html, &preview(Some(&origin))).unwrap();
        assert_eq!(content(&with, "og:title").len(), 1);
        assert_eq!(content(&with, "og:image"), ["http://localhost:8080/share/ledger.png"]);
        assert_eq!(insert(&with, &preview(None)).unwrap(), html);
    }

    #[test]
    fn the_page_is_titled_and_described_as_its_preview() {
        let page = "<head><title>Site</title><meta name=\"description\" content=\"The site.\" />\n</head>";
        let html = insert(page, &preview(None)).unwrap();
        assert!(html.contains(&format!("<title>{}</title>", escape(&preview(None).title))), "{html}");
        assert!(html.contains(&format!("content=\"{}\" />", escape(&preview(None).description))), "{html}");
        assert!(!html.contains("The site."), "{html}");
    }

    #[test]
    fn a_page_without_a_head_end_is_refused() {
        assert_eq!(insert("<html><body></body></html>", &preview(None)), None);
        let inline = insert("<html><head><title>T</title></head></html>", &preview(None)).unwrap();
        assert_eq!(insert(&inline, &preview(None)).unwrap(), inline);
        assert!(inline.contains("<!-- /share card -->\n</head>"), "{inline}");
    }

    #[test]
    fn origins_are_absolute_and_end_in_a_slash() {
        assert_eq!(
            Origin::parse("https://example.org/sub").unwrap().join("/embed/growth"),
            "https://example.org/sub/embed/growth"
        );
        assert_eq!(Origin::parse("https://example.org/").unwrap().join(""), "https://example.org/");
        for bad in ["example.org", "/sub/", "https://", "ftp://example.org", "https://example.org/?a=1", ""] {
            assert!(Origin::parse(bad).is_err(), "{bad}");
        }
    }
}
