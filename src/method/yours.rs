//! The Method page's account of "Your code": how a reader's files are counted, what is left out,
//! and the limits that keep hostile archives harmless, read from the counter so they cannot drift.

use headstart_core::dataset::Counter;
use headstart_core::format::grouped;
use headstart_counter::{Limits, BINARY_PROBE, VENDORED};
use leptos::prelude::*;

#[component]
pub fn YourCodeSection() -> impl IntoView {
    view! {
        <section id="your-code">
            <h2>"Counting your code"</h2>
            <p>
                {format!(
                    "The Your code page counts with tokei {}, the counter and version the bundled frameworks were measured ",
                    Counter::Tokei.version()
                )}
                "with, compiled into a background worker that only that page loads. Files are read in your browser and never "
                "sent anywhere; archives (zip, tar, tar.gz) are unpacked in memory. On 100 MB of crates.io sources it gives "
                "exactly tokei's counts, per language and in total."
            </p>
            <ul>
                <li>"Code lines exclude comments and blank lines; Python docstrings count as code, as tokei counts them."</li>
                <li>"Code embedded in other files (Markdown's code blocks, an HTML page's scripts) is counted, as tokei's total and the frameworks' figures count it, and shown in its own column."</li>
                <li>"Hidden files count, as in the dataset; version-control metadata (.git, .hg, .svn) does not."</li>
                <li>{format!("Binary files (a NUL byte in the first {} bytes) and files in no language tokei knows are skipped.", grouped(BINARY_PROBE as f64))}</li>
                <li>{format!("Optionally, vendored directories are skipped, as in the dataset's no-vendor figures: {}.", VENDORED.join(", "))}</li>
                <li>"Optionally, the folder's .gitignore files are honoured."</li>
                <li>{Limits::default().describe()}</li>
            </ul>
            <p>
                "The estimate treats the count as one project under the ledger's model. A count has no split into logic, markup "
                "and build files, so Open Hub's per-category arithmetic applies the model to the whole."
            </p>
        </section>
    }
}
