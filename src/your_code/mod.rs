//! "Your code": count a folder or an archive in the browser, estimate it with the ledger's model
//! and see where it sits among the frameworks. The files never leave the page; the URL keeps
//! only the code lines per language, so a shared link carries numbers, not names.

mod dropped;
mod worker;

use crate::chart_frame::ChartFrame;
use crate::job_progress::JobProgress;
use crate::ledger::band::use_band;
use crate::notice::QueryNotice;
use crate::router::Location;
use crate::url_state::{use_url_state, QueryState, UrlState};
use headstart_charts::figures::effort_chart;
use headstart_charts::{render, LabelledPoint};
use headstart_core::dataset::Dataset;
use headstart_core::format::{grouped, money, person_years};
use headstart_core::ledger::{Ledger, LedgerView};
use headstart_core::query::{QueryReader, QueryWriter};
use headstart_core::yours::YourCodeView;
use headstart_counter::archive::looks_like_archive;
use headstart_counter::{CountReply, CountRequest, Limits, Options, Report};
use leptos::prelude::*;
use web_sys::{File, FileList, HtmlInputElement};
use worker::{CountFiles, CounterWorker};

impl QueryState for YourCodeView {
    fn read(query: &mut QueryReader) -> Self {
        YourCodeView::read(query)
    }

    fn write(&self, query: &mut QueryWriter) {
        YourCodeView::write(self, query)
    }
}

/// A file list's files with their paths: a folder's carry their path inside it, loose files
/// only their name.
fn with_paths(files: &FileList) -> (Vec<File>, Vec<String>) {
    let files: Vec<File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    let path = |f: &File| {
        let relative = js_sys::Reflect::get(f, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .unwrap_or_default();
        if relative.is_empty() {
            f.name()
        } else {
            relative
        }
    };
    let paths = files.iter().map(path).collect();
    (files, paths)
}

/// The files chosen, as the worker's request and the files beside it.
fn request_for(
    files: Vec<File>,
    paths: Vec<String>,
    options: Options,
) -> Result<(CountRequest, js_sys::Array), String> {
    let array: js_sys::Array = files.iter().collect();
    match files.as_slice() {
        [] => Err("That folder holds no files to count.".into()),
        [one] if looks_like_archive(&one.name()) => {
            options.limits.check_archive(one.size() as u64).map_err(|e| capitalised(e.to_string()))?;
            Ok((CountRequest::Archive { name: one.name(), options }, array))
        }
        _ => Ok((
            CountRequest::Tree { sizes: files.iter().map(|f| f.size() as u64).collect(), paths, options },
            array,
        )),
    }
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect::<String>() + ".")
}

#[component]
pub fn YourCodePage() -> impl IntoView {
    let url = use_url_state::<YourCodeView>();
    let counter = CounterWorker::new();
    let report = RwSignal::new(None::<Report>);
    let skip_vendored = RwSignal::new(true);
    let honour_gitignore = RwSignal::new(true);
    let problem = RwSignal::new(None::<String>);
    let start = move |chosen: Result<(Vec<File>, Vec<String>), String>| {
        let options = Options {
            skip_vendored: skip_vendored.get_untracked(),
            honour_gitignore: honour_gitignore.get_untracked(),
            limits: Limits::default(),
        };
        match chosen.and_then(|(files, paths)| request_for(files, paths, options)) {
            Ok((request, files)) => {
                problem.set(None);
                counter.submit(CountFiles { request, files }, move |reply| {
                    if let CountReply::Done(counted) = reply {
                        report.set(Some(counted));
                    }
                });
            }
            Err(message) => problem.set(Some(message)),
        }
    };
    let from_input = move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        start(
            input.files().map(|files| with_paths(&files)).ok_or_else(|| "No files were chosen.".to_owned()),
        );
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        let Some(items) = event.data_transfer().map(|t| t.items()) else { return };
        let walking = dropped::dropped(&items);
        leptos::task::spawn_local(async move { start(walking.await) });
    };
    // The URL keeps the result's numbers, so the estimate and a shared link follow a count.
    Effect::new(move |_| {
        if let Some(report) = report.get() {
            url.update(|view| {
                view.set_counts(report.languages.iter().map(|l| (l.language.clone(), l.all_code())).collect())
            });
        }
    });
    view! {
        <article class="your-code">
            <h1>"Your code"</h1>
            <p class="lede">
                "What is your own code worth next to the frameworks? Choose a folder or an archive (.zip, .tar, .tar.gz). "
                "It is counted here, in your browser, by tokei's rules; no file leaves this page, and a shared link "
                "carries only the line counts."
            </p>
            <QueryNotice problems=url.problems />
            <section class="settings" aria-label="What to count">
                <label class="control file-control" for="folder-input">
                    <span class="control-label">"A folder"</span>
                    <input id="folder-input" type="file" prop:webkitdirectory=true multiple on:change=from_input />
                </label>
                <label class="control file-control" for="archive-input">
                    <span class="control-label">"An archive"</span>
                    <input id="archive-input" type="file" accept=".zip,.tar,.tgz,.gz" on:change=from_input />
                </label>
                <div class="drop-zone" id="drop-zone" on:dragover=|e: leptos::ev::DragEvent| e.prevent_default() on:drop=on_drop>
                    "…or drop a folder, an archive or files here"
                </div>
                <label class="check"><input type="checkbox" id="skip-vendored" prop:checked=skip_vendored on:change=move |e| skip_vendored.set(event_target_checked(&e)) />
                    " Skip vendored directories (third_party, vendor, node_modules, …), as the frameworks' no-vendor figures do"</label>
                <label class="check"><input type="checkbox" id="honour-gitignore" prop:checked=honour_gitignore on:change=move |e| honour_gitignore.set(event_target_checked(&e)) />
                    " Leave out what the folder's .gitignore files exclude"</label>
                <p class="settings-note">{Limits::default().describe()} " " <a href="method#your-code">"How your code is counted"</a></p>
            </section>
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert" id="count-problem">{message}</p> })}
            <JobProgress client=counter id="count-status" />
            {move || report.get().map(|report| view! { <Counts report /> })}
            <Estimate url />
        </article>
    }
}

/// The count per language, and what was left out.
#[component]
fn Counts(report: Report) -> impl IntoView {
    let total = report.total();
    let skipped: Vec<String> =
        report.skipped.iter().map(|(why, n)| format!("{} {}", grouped(*n as f64), why.label())).collect();
    let rows = report
        .languages
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.language.clone()}</th>
                    <td class="numeric">{grouped(l.files as f64)}</td>
                    <td class="numeric">{grouped(l.code as f64)}</td>
                    <td class="numeric">{grouped(l.embedded as f64)}</td>
                    <td class="numeric">{grouped(l.comments as f64)}</td>
                    <td class="numeric">{grouped(l.blanks as f64)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart-panel" aria-labelledby="counts-title">
            <h2 id="counts-title">"What was counted"</h2>
            <p id="count-summary" data-code=total.all_code().to_string() data-files=total.files.to_string()>
                {format!(
                    "{} lines of code in {} files and {} languages ({} of them code embedded in other files, such as Markdown's code \
                     blocks, counted as tokei and the frameworks' figures count them), besides {} comment and {} blank lines.",
                    grouped(total.all_code() as f64),
                    grouped(total.files as f64),
                    report.languages.len(),
                    grouped(total.embedded as f64),
                    grouped(total.comments as f64),
                    grouped(total.blanks as f64)
                )}
                {(!skipped.is_empty()).then(|| format!(" Not counted: {}.", skipped.join(", ")))}
            </p>
            <div class="table-scroll">
                <table id="count-table">
                    <thead>
                        <tr>
                            <th scope="col">"Language"</th><th scope="col" class="numeric">"Files"</th><th scope="col" class="numeric">"Code"</th><th scope="col" class="numeric">"Embedded code"</th>
                            <th scope="col" class="numeric">"Comments"</th><th scope="col" class="numeric">"Blanks"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The estimate of the counted (or shared) lines, its band, and the frameworks around it.
#[component]
fn Estimate(url: UrlState<YourCodeView>) -> impl IntoView {
    let estimate = Memo::new(move |_| url.state.with(YourCodeView::estimate));
    let band_input = Memo::new(move |_| url.state.with(YourCodeView::band_input));
    let (_, band) = use_band(move || band_input.get());
    let chart = Memo::new(move |_| {
        let view = url.get();
        let ledger_view = LedgerView { assumptions: view.assumptions.clone(), ..LedgerView::default() };
        let ledger = Ledger::compute(Dataset::bundled(), &ledger_view);
        let mut chart = effort_chart(&ledger, &ledger_view);
        chart.title = "Your code among the frameworks: effort against size".into();
        if let Some(e) = view.estimate() {
            chart.points.push(LabelledPoint {
                label: "Your code".into(),
                x: e.lines as f64,
                y: e.person_years * 12.0,
            });
            chart.highlight = Some("Your code".into());
        }
        render(&chart)
    });
    move || {
        estimate.get().map(|e| {
            let view = url.get();
            view! {
                <section class="chart-panel" aria-labelledby="estimate-title">
                    <h2 id="estimate-title">"What it would cost to write"</h2>
                    <p id="your-estimate" data-person-years=e.person_years.to_string() data-cost=e.cost.to_string()>
                        {format!(
                            "{} lines of code would take {} person-years, about {}, under {} at the ledger's salary ({} dollars).",
                            grouped(e.lines as f64),
                            person_years(e.person_years),
                            money(e.cost),
                            view.assumptions.model.name(),
                            view.assumptions.dollars_year()
                        )}
                        {move || band.get().map(|b| format!(" 80% of plausible costs lie between {} and {}.", money(b.cost.p10), money(b.cost.p90)))}
                    </p>
                    <ChartFrame id="your-code-chart" chart />
                    <p class="settings-note">
                        "Share this result: the link holds only the line counts per language. "
                        <input id="share-link" class="share-link" readonly aria-label="Link to this result" prop:value=move || Location::current().share_link() />
                    </p>
                </section>
            }
        })
    }
}
