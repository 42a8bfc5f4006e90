//! Where the ledger's numbers come from.

use headstart_core::article;
use headstart_core::dataset::{Counter, Dataset};
use leptos::prelude::*;

#[component]
pub fn Sources() -> impl IntoView {
    let dataset = Dataset::bundled();
    let counters = Counter::ALL.map(|c| format!("{} {}", c.label(), c.version())).join(", ");
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources"</h2>
            <p>
                "The claim: " <a href=article::URL>{article::TITLE}</a> ", " {article::AUTHOR} ", " {article::PUBLICATION}
                ", " {article::DATE} "."
            </p>
            <p>
                {format!(
                    "The code: every framework's repository was checked out at its last commit before 12 April 2017 and at \
                     its latest measured commit, and counted with {counters} on {}. Code lines exclude comments and blanks. \
                     Each row's “source” names the repository and commit counted, and says where a figure is an estimate.",
                    dataset.measured_on
                )}
            </p>
            <p>
                "The arithmetic: basic COCOMO (Boehm, 1981) as Open Hub, SLOCCount and scc apply it. "
                "Open Hub estimates logic, markup and build lines as three projects and adds them; the others estimate all lines at once."
            </p>
        </section>
    }
}
