//! The URL is the single source of truth for every view: state is read from the query on each
//! navigation and written back with history *replace*, so sliders do not flood the back button
//! and a copied link reproduces the view.

use crate::router::Location;
use headstart_core::query::{check_theme, Problem, QueryReader, QueryWriter};
use leptos::prelude::*;

/// A view state that lives in the query string.
pub trait QueryState: Clone + PartialEq + Send + Sync + 'static {
    fn read(query: &mut QueryReader) -> Self;
    fn write(&self, query: &mut QueryWriter);
}

/// The page's state, the parameters it could not use, and a setter that rewrites the URL.
pub struct UrlState<T: QueryState> {
    pub state: Memo<T>,
    pub problems: Memo<Vec<Problem>>,
    set: Callback<T>,
}

impl<T: QueryState> Clone for UrlState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: QueryState> Copy for UrlState<T> {}

impl<T: QueryState> UrlState<T> {
    pub fn get(&self) -> T {
        self.state.get()
    }

    /// Applies a change to the current state and writes it to the URL.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.set.run(next);
    }
}

pub fn use_url_state<T: QueryState>() -> UrlState<T> {
    let location = Location::current();
    let parsed = Memo::new(move |_| {
        let mut reader = QueryReader::parse(&location.search.get());
        check_theme(&mut reader);
        let state = T::read(&mut reader);
        (state, reader.finish())
    });
    let state = Memo::new(move |_| parsed.with(|(state, _)| state.clone()));
    let problems = Memo::new(move |_| parsed.with(|(_, problems)| problems.clone()));
    let set = Callback::new(move |next: T| {
        let mut writer = QueryWriter::default();
        next.write(&mut writer);
        let query = writer.finish();
        let path = location.path.get_untracked();
        let url = if query.is_empty() { path } else { format!("{path}?{query}") };
        location.navigate(&url, true);
    });
    UrlState { state, problems, set }
}
