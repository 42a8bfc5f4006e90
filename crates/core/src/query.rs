//! Query-string state: every view reads its state from the URL and writes it back, so a copied
//! link reproduces exactly what its sender saw. Bad parameters never fail a page; they fall
//! back to defaults and are reported, so the page can tell the reader which ones it ignored.

use std::fmt;

/// One parameter the page could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}={}”: {}", self.key, self.value, self.reason)
    }
}

/// Hands out typed values from the query's pairs and remembers what it could not use.
#[derive(Debug)]
pub struct QueryReader {
    pairs: Vec<(String, String)>,
    taken: Vec<bool>,
    problems: Vec<Problem>,
}

impl QueryReader {
    /// Reads a query string, with or without its leading '?'.
    pub fn parse(query: &str) -> Self {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (key, value) = part.split_once('=').unwrap_or((part, ""));
                (decode(key), decode(value))
            })
            .collect();
        let taken = vec![false; pairs.len()];
        QueryReader { pairs, taken, problems: Vec::new() }
    }

    /// The value of `key` (the last one, if repeated) through `parse`; `None` when absent or
    /// unusable, in which case the caller keeps its default and the problem is recorded, with the
    /// error's Display as its reason.
    pub fn take<T, E: fmt::Display>(&mut self, key: &str, parse: impl Fn(&str) -> Result<T, E>) -> Option<T> {
        let mut found = None;
        for (index, (k, _)) in self.pairs.iter().enumerate() {
            if k == key {
                self.taken[index] = true;
                found = Some(index);
            }
        }
        let value = &self.pairs[found?].1;
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(reason) => {
                let reason = reason.to_string();
                self.problems.push(Problem { key: key.to_owned(), value: value.clone(), reason });
                None
            }
        }
    }

    /// Everything that could not be used, including parameters no view asked for.
    pub fn finish(mut self) -> Vec<Problem> {
        for ((key, value), taken) in self.pairs.iter().zip(&self.taken) {
            if !taken {
                self.problems.push(Problem {
                    key: key.clone(),
                    value: value.clone(),
                    reason: "not a setting of this page".into(),
                });
            }
        }
        self.problems
    }
}

/// Collects a view's parameters in a stable order; views write only what differs from their
/// defaults, so links stay short and a default view has a clean URL.
#[derive(Debug, Default)]
pub struct QueryWriter {
    pairs: Vec<(String, String)>,
}

impl QueryWriter {
    pub fn put(&mut self, key: &str, value: impl fmt::Display) {
        self.pairs.push((key.to_owned(), value.to_string()));
    }

    /// `key=value`, or nothing when the value is the default.
    pub fn put_unless_default<T: PartialEq + fmt::Display>(&mut self, key: &str, value: T, default: T) {
        if value != default {
            self.put(key, value);
        }
    }

    /// The query string without its '?', empty when every value is the default.
    pub fn finish(self) -> String {
        self.pairs.iter().map(|(key, value)| format!("{key}={}", encode(value))).collect::<Vec<_>>().join("&")
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters and the comma (which lists use).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-decodes, reading '+' as a space as forms do; malformed escapes are kept as typed.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (byte, None) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why a value in a link could not be used, where no more particular error says it: the
/// Display is the reason the page's notice gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// Not one of the names a choice has.
    NotOneOf(Vec<&'static str>),
    NotWholeNumber,
    NotFlag,
    NotAnAxis,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::NotOneOf(names) => write!(f, "expected one of {}", names.join(", ")),
            ValueError::NotWholeNumber => f.write_str("expected a whole number"),
            ValueError::NotFlag => f.write_str("expected 1 or 0"),
            ValueError::NotAnAxis => f.write_str("not a parameter the heat map can sweep"),
        }
    }
}

impl std::error::Error for ValueError {}

/// Parses a number for a query value; the page's fields use [`crate::input::parse_number`].
pub fn number(bounds: crate::input::Bounds) -> impl Fn(&str) -> Result<f64, crate::input::NumberError> {
    move |text| crate::input::parse_number(text, bounds)
}

/// The `theme` parameter (light, dark or auto) that any view may carry: index.html applies it
/// before the app starts, so pages only check it, to report a value it cannot use.
pub fn check_theme(query: &mut QueryReader) {
    const THEMES: [&str; 3] = ["light", "dark", "auto"];
    // Only the problem matters: the theme is already applied.
    let _ = query.take("theme", |value| if THEMES.contains(&value) { Ok(()) } else { Err(one_of(THEMES)) });
}

/// A Monte Carlo seed: any whole number.
pub fn seed(text: &str) -> Result<u64, ValueError> {
    text.parse().map_err(|_| ValueError::NotWholeNumber)
}

/// The error for a value that is not one of a choice's names.
pub fn one_of<const N: usize>(names: [&'static str; N]) -> ValueError {
    ValueError::NotOneOf(names.to_vec())
}

/// The pairs of `query` whose key is one of `keys`, in their order: what a link to another page
/// carries so that page opens with the same shared choices.
pub fn keep_keys(query: &str, keys: &[&str]) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let kept: Vec<&str> =
        query.split('&').filter(|pair| keys.contains(&pair.split('=').next().unwrap_or_default())).collect();
    kept.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_view_takes_a_theme_and_names_a_bad_one() {
        let mut reader = QueryReader::parse("theme=dark");
        check_theme(&mut reader);
        assert!(reader.finish().is_empty());
        let mut reader = QueryReader::parse("theme=pink");
        check_theme(&mut reader);
        assert_eq!(reader.finish()[0].key, "theme");
    }

    #[test]
    fn encoding_round_trips() {
        for text in ["plain", "a b&c=d", "100%", "ünïcode €", "tensorflow,keras"] {
            assert_eq!(decode(&encode(text)), text);
        }
        assert_eq!(decode("a+b%2"), "a b%2");
    }

    #[test]
    fn reader_takes_known_keys_and_reports_the_rest() {
        let mut reader = QueryReader::parse("?era=latest&salary=abc&zoom=3&era=2017");
        assert_eq!(reader.take("era", |v| Ok::<_, ValueError>(v.to_owned())), Some("2017".into()));
        assert_eq!(reader.take("salary", |v| v.parse::<f64>()), None);
        assert_eq!(reader.take("missing", |v| Ok::<_, ValueError>(v.to_owned())), None);
        let problems = reader.finish();
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["salary", "zoom"]);
    }

    #[test]
    fn writer_leaves_defaults_out() {
        let mut writer = QueryWriter::default();
        writer.put_unless_default("era", "2017", "2017");
        writer.put_unless_default("salary", 150_000.0, 123_000.0);
        writer.put("sel", "a,b c");
        assert_eq!(writer.finish(), "salary=150000&sel=a,b%20c");
    }

    #[test]
    fn keeps_only_the_shared_keys() {
        assert_eq!(
            keep_keys("?preset=scc&open=0.3&salary=9000&sel=a,b", &["preset", "salary"]),
            "preset=scc&salary=9000"
        );
        assert_eq!(keep_keys("", &["preset"]), "");
        assert_eq!(keep_keys("presets=1", &["preset"]), "");
    }
}
