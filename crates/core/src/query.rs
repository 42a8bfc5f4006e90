//! Query-string state: every view reads its state from the URL and writes it back, so a copied
//! link reproduces exactly what its sender saw. Bad values never fail a page; they fall back to
//! defaults and are reported, so the page can tell the reader which ones it ignored. Which keys
//! count, and what happens to the others, is set out in [`crate::keys`].

use std::fmt;

use crate::keys::Key;

/// One value the page could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: Key,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}={}”: {}", self.key, self.value, self.reason)
    }
}

/// Hands out typed values from the query's pairs and remembers the values it could not use.
#[derive(Debug)]
pub struct QueryReader {
    /// The pairs with a Headstart key; the others are dropped as the query is parsed.
    pairs: Vec<(Key, String)>,
    problems: Vec<Problem>,
    /// Every key a reader asked for, so the tests can hold the views to their key lists.
    #[cfg(test)]
    asked: Vec<Key>,
}

impl QueryReader {
    /// Reads a query string, with or without its leading '?'.
    pub fn parse(query: &str) -> Self {
        let pairs = raw_pairs(query)
            .filter_map(|(key, value)| Some((Key::parse(&decode(key))?, decode(value))))
            .collect();
        QueryReader {
            pairs,
            problems: Vec::new(),
            #[cfg(test)]
            asked: Vec::new(),
        }
    }

    /// The value of `key` (the last one, if repeated) through `parse`; `None` when absent or
    /// unusable, in which case the caller keeps its default and the problem is recorded, with the
    /// error's Display as its reason.
    pub fn take<T, E: fmt::Display>(&mut self, key: Key, parse: impl Fn(&str) -> Result<T, E>) -> Option<T> {
        #[cfg(test)]
        self.asked.push(key);
        let (_, value) = self.pairs.iter().rev().find(|(k, _)| *k == key)?;
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(reason) => {
                let reason = reason.to_string();
                self.problems.push(Problem { key, value: value.clone(), reason });
                None
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn asked(&self) -> &[Key] {
        &self.asked
    }

    /// The values the page read and could not use. Pairs it did not read are no problem: see
    /// [`crate::keys`] for why.
    pub fn finish(self) -> Vec<Problem> {
        self.problems
    }
}

/// The `key=value` parts of a query, still encoded.
fn raw_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|part| !part.is_empty()).map(|part| part.split_once('=').unwrap_or((part, "")))
}

/// Collects a view's parameters in a stable order; views write only what differs from their
/// defaults, so links stay short and a default view has a clean URL.
#[derive(Debug, Default)]
pub struct QueryWriter {
    pairs: Vec<(Key, String)>,
}

impl QueryWriter {
    pub fn put(&mut self, key: Key, value: impl fmt::Display) {
        self.pairs.push((key, value.to_string()));
    }

    /// `key=value`, or nothing when the value is the default.
    pub fn put_unless_default<T: PartialEq + fmt::Display>(&mut self, key: Key, value: T, default: T) {
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
    let _ =
        query.take(Key::Theme, |value| if THEMES.contains(&value) { Ok(()) } else { Err(one_of(THEMES)) });
}

/// A Monte Carlo seed: any whole number.
pub fn seed(text: &str) -> Result<u64, ValueError> {
    text.parse().map_err(|_| ValueError::NotWholeNumber)
}

/// The error for a value that is not one of a choice's names.
pub fn one_of<const N: usize>(names: [&'static str; N]) -> ValueError {
    ValueError::NotOneOf(names.to_vec())
}

/// The pairs of `query` whose key is one of `keys`, in their order and as they were written: what
/// a link to another page carries so that page opens with the same shared choices.
pub fn keep_keys(query: &str, keys: &[Key]) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            Key::parse(&decode(name)).is_some_and(|key| keys.contains(&key))
        })
        .collect();
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
        assert_eq!(reader.finish()[0].to_string(), "“theme=pink”: expected one of light, dark, auto");
    }

    #[test]
    fn encoding_round_trips() {
        for text in ["plain", "a b&c=d", "100%", "ünïcode €", "tensorflow,keras"] {
            assert_eq!(decode(&encode(text)), text);
        }
        assert_eq!(decode("a+b%2"), "a b%2");
    }

    #[test]
    fn reader_takes_the_last_of_a_key_and_reports_values_it_cannot_use() {
        let mut reader = QueryReader::parse("?era=latest&salary=abc&era=2017");
        assert_eq!(reader.take(Key::Era, |v| Ok::<_, ValueError>(v.to_owned())), Some("2017".into()));
        assert_eq!(reader.take(Key::Salary, |v| v.parse::<f64>()), None);
        assert_eq!(reader.take(Key::Sort, |v| Ok::<_, ValueError>(v.to_owned())), None);
        let problems = reader.finish();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].to_string(), "“salary=abc”: invalid float literal");
    }

    #[test]
    fn keys_from_elsewhere_are_no_problem() {
        let wild =
            "utm_source=newsletter&utm_medium=blog&fbclid=abc&gclid=x&ref=hn&zoom=3&salery=9&salary=lots";
        let mut reader = QueryReader::parse(wild);
        assert_eq!(reader.take(Key::Salary, number(crate::assumptions::SALARY_BOUNDS)), None);
        let problems = reader.finish();
        let named: Vec<Key> = problems.iter().map(|p| p.key).collect();
        assert_eq!(named, [Key::Salary], "only the Headstart key with a bad value");
        assert_eq!(QueryReader::parse("?ref=hn&utm_campaign=spring").finish(), []);
    }

    #[test]
    fn a_headstart_key_the_page_does_not_read_is_set_aside_quietly() {
        let mut reader = QueryReader::parse("open=lots&map_x=nope&salary=150000");
        assert_eq!(reader.take(Key::Salary, number(crate::assumptions::SALARY_BOUNDS)), Some(150_000.0));
        assert_eq!(reader.finish(), []);
    }

    #[test]
    fn writer_leaves_defaults_out() {
        let mut writer = QueryWriter::default();
        writer.put_unless_default(Key::Era, "2017", "2017");
        writer.put_unless_default(Key::Salary, 150_000.0, 123_000.0);
        writer.put(Key::Selection, "a,b c");
        writer.put(Key::Low(crate::talent::ParamKey::Relevance), 0.01);
        assert_eq!(writer.finish(), "salary=150000&sel=a,b%20c&rho_lo=0.01");
    }

    #[test]
    fn keeps_only_the_keys_asked_for_as_they_were_written() {
        assert_eq!(
            keep_keys("?preset=scc&open=0.3&salary=9000&sel=a,b&utm_source=x", &[Key::Preset, Key::Salary]),
            "preset=scc&salary=9000"
        );
        assert_eq!(keep_keys("", &[Key::Preset]), "");
        assert_eq!(keep_keys("presets=1&salary", &[Key::Preset, Key::Salary]), "salary");
        assert_eq!(keep_keys("sel=a%2Cb", &[Key::Selection]), "sel=a%2Cb");
    }
}
