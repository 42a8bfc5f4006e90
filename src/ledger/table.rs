//! The ledger table: every framework, with the selection, the sort and each row's provenance.

use crate::chart_hits::Highlight;
use crate::url_state::UrlState;
use headstart_core::dataset::{Counter, Dataset, Era, Framework, TreeStatus};
use headstart_core::estimate::ProjectEstimate;
use headstart_core::format::{grouped, money, person_years};
use headstart_core::ledger::{Ledger, LedgerView, SortKey};
use leptos::prelude::*;

const COLUMNS: [(SortKey, &str); 7] = [
    (SortKey::Name, "Framework"),
    (SortKey::Sponsor, "Sponsor"),
    (SortKey::Kind, "Kind"),
    (SortKey::Opened, "Open-sourced"),
    (SortKey::Lines, "Code lines"),
    (SortKey::PersonYears, "Person-years"),
    (SortKey::Cost, "Cost"),
];

#[component]
pub fn LedgerTable(ledger: Memo<Ledger<'static>>, url: UrlState<LedgerView>) -> impl IntoView {
    let header = COLUMNS.map(|(key, title)| {
        let sorted = move || {
            let view = url.get();
            match (view.sort == key, view.descending) {
                (false, _) => "none",
                (true, true) => "descending",
                (true, false) => "ascending",
            }
        };
        let numeric = matches!(key, SortKey::Lines | SortKey::PersonYears | SortKey::Cost);
        view! {
            <th scope="col" aria-sort=sorted class:numeric=numeric>
                <button type="button" data-sort=key.key() on:click=move |_| url.update(|v| v.sort_by(key))>
                    {title}
                    <span class="sort-arrow" aria-hidden="true">
                        {move || match sorted() { "descending" => "▼", "ascending" => "▲", _ => "↕" }}
                    </span>
                </button>
            </th>
        }
    });
    // Rows keyed by framework: a sort moves them, and a change of salary or selection rewrites
    // only the cells whose figures changed instead of rebuilding the table.
    let order = Memo::new(move |_| {
        ledger.with(|ledger| ledger.rows.iter().map(|row| row.framework).collect::<Vec<&'static Framework>>())
    });
    view! {
        <section class="table-panel" aria-labelledby="ledger-table-title">
            <h2 id="ledger-table-title">"The frameworks"</h2>
            <p class="table-hint">
                "Tick a framework to include it in the totals and the chart. Column headings sort the table; "
                "each framework's “source” says how its figure was measured."
            </p>
            <div class="table-scroll">
                <table id="ledger-table">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">"Included"</span></th>
                            {header.into_iter().collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || order.get() key=|framework| framework.id.clone() let:framework>
                            <TableRow framework ledger url />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One framework's row; its figures follow the ledger, its identity never changes.
#[component]
fn TableRow(
    framework: &'static Framework,
    ledger: Memo<Ledger<'static>>,
    url: UrlState<LedgerView>,
) -> impl IntoView {
    let figures = Memo::new(move |_| {
        ledger.with(|ledger| {
            ledger
                .rows
                .iter()
                .find(|row| row.framework.id == framework.id)
                .map(|row| (row.selected, row.estimate))
        })
    });
    let selected = move || figures.get().is_some_and(|(selected, _)| selected);
    let source = Memo::new(move |_| url.state.with(|view| (view.era, view.counter)));
    let cell = move |show: fn(&ProjectEstimate) -> String| {
        move || match figures.get().and_then(|(_, estimate)| estimate) {
            Some(estimate) => view! { <span>{show(&estimate)}</span> }.into_any(),
            None => view! { <span class="no-figure">"no figure"</span> }.into_any(),
        }
    };
    let id = framework.id.as_str();
    let highlight = Highlight::current();
    view! {
        <tr data-id=id data-key=framework.name.as_str() class:excluded=move || !selected()
            on:pointerenter=move |_| highlight.set(Some(framework.name.clone()))
            on:pointerleave=move |_| highlight.set(None)>
            <td>
                <input
                    type="checkbox"
                    id=format!("include-{id}")
                    aria-label=format!("Include {} in the totals", framework.name)
                    prop:checked=selected
                    on:change=move |_| url.update(|v| v.toggle(Dataset::bundled(), id))
                />
            </td>
            <th scope="row" class="framework-name">
                {framework.name.as_str()}
                <details class="provenance">
                    <summary>"source"</summary>
                    <p>{move || source.with(|(era, counter)| provenance(framework, *era, *counter))}</p>
                    <p>{framework.notes.as_str()}</p>
                </details>
            </th>
            <td>{framework.organization.as_str()}</td>
            <td>{framework.org_kind.label()}</td>
            <td>{framework.open_sourced.as_str()}</td>
            <td class="numeric">{cell(|e| grouped(e.lines as f64))}</td>
            <td class="numeric">{cell(|e| person_years(e.person_years))}</td>
            <td class="numeric">{cell(|e| money(e.cost))}</td>
        </tr>
    }
}

/// Where a row's figure comes from, in one sentence a reader can check.
fn provenance(framework: &Framework, era: Era, counter: Counter) -> String {
    let Some(tree) = framework.tree(era) else {
        let reason =
            framework.unmeasured_reason.clone().unwrap_or_else(|| "it was not public then".to_owned());
        return format!("No {} figure: {reason}", era.label());
    };
    let at = tree
        .commit
        .as_deref()
        .map(|commit| format!(" at commit {}", &commit[..commit.len().min(10)]))
        .unwrap_or_default();
    let status = match (&tree.status, &tree.status_note) {
        (TreeStatus::Measured, None) => String::new(),
        (status, note) => {
            format!(" {}{}", status.label(), note.as_deref().map(|n| format!(": {n}")).unwrap_or_default())
        }
    };
    format!(
        "Counted with {} {} in {}{at}, dated {}.{status}",
        counter.label(),
        counter.version(),
        tree.source,
        tree.date.get(..10).unwrap_or(&tree.date),
    )
}
