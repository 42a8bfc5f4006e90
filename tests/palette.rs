//! The colours of both themes meet WCAG 2.1 AA: text 4.5:1 against the page and its panels,
//! chart marks 3:1 against the page (non-text contrast). Read from style/main.css itself, so a
//! new colour cannot slip in below the bar. The charts' series palette, shared by both themes,
//! also keeps neighbouring series apart for colour-blind readers, and the charts' text uses the
//! page's font stack.

use headstart_charts::{FONT, PALETTE};
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

fn rgb(hex: &str) -> [u8; 3] {
    let hex = hex.trim_start_matches('#');
    [0, 2, 4].map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
}

/// An sRGB channel (0–255) in linear light.
fn linear(channel: u8) -> f64 {
    let c = channel as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance([r, g, b]: [u8; 3]) -> f64 {
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap()
}

/// Each theme's custom properties, the dark theme's on top of the light one's.
fn themes() -> [(&'static str, HashMap<String, String>); 2] {
    let css = stylesheet();
    let light = properties(&css, ":root");
    let dark = light.clone().into_iter().chain(properties(&css, r#":root[data-theme="dark"]"#)).collect();
    [("light", light), ("dark", dark)]
}

#[test]
fn both_themes_meet_wcag_aa() {
    for (theme, colours) in themes() {
        let get = |name: &str| rgb(colours.get(name).unwrap_or_else(|| panic!("{theme}: no {name}")));
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
        for (i, &(r, g, b)) in PALETTE.iter().enumerate() {
            let ratio = contrast([r, g, b], get("--bg"));
            assert!(ratio >= 3.0, "{theme}: series colour {} on the page is {ratio:.2}:1", i + 1);
        }
    }
}

#[test]
fn charts_use_the_pages_font_stack() {
    for (theme, colours) in themes() {
        assert_eq!(colours.get("--font").map(String::as_str), Some(FONT), "{theme}");
    }
}

/// Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color
/// vision deficiency", severity 1.0: matrices on linear RGB.
const DEUTERANOPIA: [[f64; 3]; 3] =
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const PROTANOPIA: [[f64; 3]; 3] =
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

/// CIELAB (D65) of an sRGB colour as a reader with the given vision sees it.
fn lab([r, g, b]: [u8; 3], vision: &[[f64; 3]; 3]) -> [f64; 3] {
    let v = [linear(r), linear(g), linear(b)];
    let [r, g, b] = vision.map(|row| (row[0] * v[0] + row[1] * v[1] + row[2] * v[2]).clamp(0.0, 1.0));
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    let f = |t: f64| {
        if t > (6.0f64 / 29.0).powi(3) {
            t.cbrt()
        } else {
            t / (3.0 * (6.0f64 / 29.0).powi(2)) + 4.0 / 29.0
        }
    };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

/// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
fn ciede2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let (deg, rad) = (180.0 / PI, PI / 180.0);
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
    let hue = |b: f64, a: f64| if a == 0.0 && b == 0.0 { 0.0 } else { (b.atan2(a) * deg).rem_euclid(360.0) };
    let (h1, h2) = (hue(b1, a1), hue(b2, a2));
    let dh = match (c1 * c2 == 0.0, h2 - h1) {
        (true, _) => 0.0,
        (_, d) if d > 180.0 => d - 360.0,
        (_, d) if d < -180.0 => d + 360.0,
        (_, d) => d,
    };
    let (dl, dc, dh_big) = (l2 - l1, c2 - c1, 2.0 * (c1 * c2).sqrt() * (dh / 2.0 * rad).sin());
    let (l_bar, c_bar) = ((l1 + l2) / 2.0, (c1 + c2) / 2.0);
    let h_bar = match (c1 * c2 == 0.0, (h1 - h2).abs() <= 180.0) {
        (true, _) => h1 + h2,
        (_, true) => (h1 + h2) / 2.0,
        _ if h1 + h2 < 360.0 => (h1 + h2 + 360.0) / 2.0,
        _ => (h1 + h2 - 360.0) / 2.0,
    };
    let t = 1.0 - 0.17 * ((h_bar - 30.0) * rad).cos()
        + 0.24 * (2.0 * h_bar * rad).cos()
        + 0.32 * ((3.0 * h_bar + 6.0) * rad).cos()
        - 0.20 * ((4.0 * h_bar - 63.0) * rad).cos();
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let (s_c, s_h) = (1.0 + 0.045 * c_bar, 1.0 + 0.015 * c_bar * t);
    let r_t = -(2.0 * d_theta * rad).sin() * r_c;
    let (l, c, h) = (dl / s_l, dc / s_c, dh_big / s_h);
    (l * l + c * c + h * h + r_t * c * h).sqrt()
}

#[test]
fn ciede2000_matches_sharmas_test_data() {
    // Pairs 1, 7, 17, 25 and 34 of Sharma, Wu and Dalal's published table.
    let pairs = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644),
        ([22.7233, 20.0904, -46.6940], [23.0331, 14.9730, -42.5619], 2.0373),
    ];
    for (a, b, expected) in pairs {
        assert!((ciede2000(a, b) - expected).abs() < 5e-5, "{a:?} {b:?}: {}", ciede2000(a, b));
        assert!((ciede2000(b, a) - expected).abs() < 5e-5, "symmetric");
    }
    // The simulations leave greys grey: each matrix's rows sum to one.
    for vision in [DEUTERANOPIA, PROTANOPIA] {
        assert!(vision.iter().all(|row| (row.iter().sum::<f64>() - 1.0).abs() < 1e-3));
    }
}

#[test]
fn neighbouring_series_stay_apart_for_colour_blind_readers() {
    for pair in PALETTE.windows(2) {
        let [(r1, g1, b1), (r2, g2, b2)] = [pair[0], pair[1]];
        for (vision, matrix) in
            [("normal", NORMAL), ("deuteranopia", DEUTERANOPIA), ("protanopia", PROTANOPIA)]
        {
            let difference = ciede2000(lab([r1, g1, b1], &matrix), lab([r2, g2, b2], &matrix));
            assert!(
                difference >= 20.0,
                "{vision}: #{r1:02x}{g1:02x}{b1:02x} beside #{r2:02x}{g2:02x}{b2:02x} is ΔE00 {difference:.1}"
            );
        }
    }
}
