//! The colours of both themes meet WCAG 2.1 AA: text 4.5:1 against the page and its panels,
//! chart marks 3:1 against the page (non-text contrast). Read from style/main.css itself, so a
//! new colour cannot slip in below the bar.

use std::collections::HashMap;

/// Custom properties of the first rule whose selector starts with `selector`.
fn properties(css: &str, selector: &str) -> HashMap<String, String> {
    let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no rule {selector}"));
    let body = &css[start..start + css[start..].find('}').unwrap()];
    body.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let name = name.trim().rsplit(|c: char| c.is_whitespace() || c == '{').next()?;
            name.starts_with("--").then(|| (name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| {
        let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn both_themes_meet_wcag_aa() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap();
    let light = properties(&css, ":root");
    let dark: HashMap<String, String> =
        light.clone().into_iter().chain(properties(&css, r#":root[data-theme="dark"]"#)).collect();
    for (theme, colours) in [("light", &light), ("dark", &dark)] {
        let get = |name: &str| colours.get(name).unwrap_or_else(|| panic!("{theme}: no {name}")).as_str();
        for text in ["--text", "--muted", "--accent", "--error"] {
            for ground in ["--bg", "--surface"] {
                let ratio = contrast(get(text), get(ground));
                assert!(ratio >= 4.5, "{theme}: {text} on {ground} is {ratio:.2}:1");
            }
        }
        let marks = colours.keys().filter(|k| k.starts_with("--chart-") && *k != "--chart-grid");
        for mark in marks {
            let ratio = contrast(get(mark), get("--bg"));
            assert!(ratio >= 3.0, "{theme}: {mark} on the page is {ratio:.2}:1");
        }
    }
}
