//! The evidence beside the model: who wrote the frameworks of 2017, from their git history.

use crate::chart_frame::ChartFrame;
use headstart_charts::figures::{evidence_chart, evidence_frameworks};
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::format::{grouped, percent};
use leptos::prelude::*;

#[component]
pub fn WhoWroteThem() -> impl IntoView {
    let frameworks = evidence_frameworks();
    let chart = Signal::stored(render(&evidence_chart()));
    let rows = frameworks
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.name.clone()}</th>
                    <td>{f.organization.clone()}</td>
                    <td class="numeric">{f.sponsor_commit_share_2017.map_or_else(|| "no sponsor".to_owned(), percent)}</td>
                    <td class="numeric">{f.commits_before_2017.map_or_else(|| "–".to_owned(), |n| grouped(n as f64))}</td>
                    <td class="numeric">{f.authors_before_2017.map_or_else(|| "–".to_owned(), |n| grouped(n as f64))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart-panel" aria-labelledby="evidence-title">
            <h2 id="evidence-title">"Who wrote the frameworks"</h2>
            <p class="table-hint">
                "Commits before 12 April 2017 whose author e-mail is on the sponsor's own domains, against everyone else's. "
                "Many staff committed from personal addresses, so these shares understate the sponsor's part: Keras's author, "
                "a Google employee, made 46% of its commits from a personal address."
            </p>
            <ChartFrame id="evidence-chart" chart embed=Embed::WhoWrote />
            <details class="data-table">
                <summary>"Commits and authors per framework"</summary>
                <div class="table-scroll">
                    <table id="evidence-table">
                        <thead>
                            <tr>
                                <th scope="col">"Framework"</th><th scope="col">"Sponsor"</th>
                                <th scope="col" class="numeric">"Sponsor's share"</th>
                                <th scope="col" class="numeric">"Commits"</th><th scope="col" class="numeric">"Author e-mails"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
