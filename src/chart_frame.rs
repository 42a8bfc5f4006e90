//! Every chart of the app in one frame: the picture, a one-sentence summary, the numbers as a
//! table, downloads (SVG, PNG, CSV, each naming its source and view) and, for charts that can
//! stand alone, an embed snippet.
//!
//! On screen a chart is drawn for the width its box has (`ChartBox`), at 1:1, so its text is as
//! large on a phone as the chart's size table says. Downloads and the embed snippet keep the
//! chart's own publication rendering, which does not depend on the reader's screen.

use crate::box_width::box_width;
use crate::chart_hits::{hide_on_touch_elsewhere, HitEvents};
use crate::download::{save_png, save_text};
use crate::first_draws;
use crate::router::{app_href, base_path, Location};
use headstart_charts::{drawn_width, view_box, with_credits, Rendered, PUBLICATION_WIDTH, UNMEASURED_WIDTH};
use headstart_core::embeds::Embed;
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Event;

/// Where the numbers come from, written on every download and embed.
pub const SOURCE: &str = "Headstart: the bundled framework dataset and the models on its Method page";

#[component]
pub fn ChartFrame(
    /// The id of the element holding the SVG.
    id: &'static str,
    #[prop(into)] chart: Signal<Rendered>,
    /// The chart as `/embed/<name>` shows it, when it can be embedded.
    #[prop(optional)]
    embed: Option<Embed>,
) -> impl IntoView {
    let location = Location::current();
    let problem = RwSignal::new(None::<String>);
    let embedding = RwSignal::new(false);
    let table_open = RwSignal::new(false);
    let file = move |extension: &str| format!("headstart-{id}.{extension}");
    // Downloads carry the publication rendering, not the one drawn for this screen.
    let credited = move || chart.with(|c| with_credits(&c.svg(), &c.title, SOURCE, &location.share_link()));
    let save = move |result: Result<(), String>| problem.set(result.err());
    let save_svg = move |_| save(save_text(&file("svg"), "image/svg+xml", &credited()));
    let save_csv = move |_| {
        save(chart.with(|c| {
            save_text(&file("csv"), "text/csv", &c.table.to_csv(&c.title, SOURCE, &location.share_link()))
        }))
    };
    let save_image = move |_| {
        let svg = credited();
        let size = view_box(&svg).unwrap_or((PUBLICATION_WIDTH, 400));
        save_png(&file("png"), &svg, size, move |message| problem.set(Some(message)));
    };
    let snippet = move || {
        let origin = window().location().origin().unwrap_or_default();
        // The embed reads its page's state; keys from elsewhere stay out of other people's pages.
        let src = embed.map_or_else(String::new, |embed| {
            let query = embed.page().link_query(&location.search.get());
            format!("{origin}{}", app_href(&embed.path(), &query))
        });
        let (_, height) = chart.with(|c| view_box(&c.svg())).unwrap_or((PUBLICATION_WIDTH, 400));
        format!(
            r#"<iframe src="{src}" title="{}" width="100%" height="{}" style="border:0" loading="lazy"></iframe>
<script src="{origin}{}/embed.js" async></script>"#,
            chart.with(|c| c.title.replace('"', "&quot;")),
            height + 90,
            base_path(),
        )
    };
    view! {
        <figure class="chart-frame">
            <ChartBox id chart />
            <figcaption class="chart-summary" id=format!("{id}-summary")>{move || chart.with(|c| c.summary.clone())}</figcaption>
            <div class="chart-actions" role="group" aria-label="Take this chart away">
                <span>"Download"</span>
                <button type="button" class="link-button" data-download="svg" on:click=save_svg>"SVG"</button>
                <button type="button" class="link-button" data-download="png" on:click=save_image>"PNG"</button>
                <button type="button" class="link-button" data-download="csv" on:click=save_csv>"CSV"</button>
                {embed.map(|_| view! {
                    <button type="button" class="link-button" data-embed=id aria-expanded=move || embedding.get().to_string()
                        on:click=move |_| embedding.update(|open| *open = !*open)>"Embed"</button>
                })}
            </div>
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{format!("Could not save the file: {message}")}</p> })}
            {move || embedding.get().then(|| view! {
                <label class="embed-snippet">
                    <span>"Paste this into your page. The script resizes the frame to the chart; without it the frame keeps its height."</span>
                    <textarea readonly rows="3" id=format!("{id}-embed-code")>{snippet}</textarea>
                </label>
            })}
            // The table is built when first opened: a map's has 1,600 rows, and most readers never look.
            <details class="data-table" on:toggle=move |_| table_open.set(true)>
                <summary>"The numbers"</summary>
                {move || table_open.get().then(|| view! { <DataTableView chart /> })}
            </details>
        </figure>
    }
}

/// The box a chart is drawn in, on a page or in an embed: the chart is drawn again for the box's
/// width whenever the width or the chart changes. The box's height is the drawn chart's, which
/// the chart's size table fixes from the width class (and the row count of a chart of rows), so
/// redrawing different numbers at the same width never moves what is below the box.
#[component]
pub fn ChartBox(
    /// The id of the element holding the SVG.
    id: &'static str,
    #[prop(into)] chart: Signal<Rendered>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let width = box_width(node, UNMEASURED_WIDTH);
    let tip_id = format!("{id}-tip");
    let events = Rc::new(HitEvents::new(node, tip_id.clone()));
    let (tip, layered) = (events.tip, events.layered);
    // The plain chart until the reader reaches for it, then the page's rendering with its hit
    // layer (chart_hits.rs says why it waits). Downloads use `Rendered::svg`, which has none.
    // During the take-over the first picture is drawn in a task of its own (first_draws.rs).
    let drawn = RwSignal::new(!first_draws::deferring());
    if !drawn.get_untracked() {
        first_draws::draw_later(move || {
            drawn.try_set(true);
        });
    }
    let svg = Memo::new(move |_| {
        if !drawn.get() {
            return String::new();
        }
        let width = drawn_width(width.get());
        chart.with(|c| if layered.get() { c.svg_with_hits_at(width) } else { c.svg_at(width) })
    });
    // A placeholder without a viewBox (a sentence while a job runs) takes the height it needs.
    let height = move || svg.with(|svg| view_box(svg)).map(|(_, height)| format!("{height}px"));
    // Until the layer exists the box is the chart's one tab stop; focus on it draws the layer and
    // moves on to the first mark.
    let waiting = move || !layered.get();
    let label = move || {
        waiting().then(|| chart.with(|c| format!("{}; press an arrow key to read its values", c.title)))
    };
    hide_on_touch_elsewhere(node, tip);
    fn on<E: JsCast>(events: &Rc<HitEvents>, handle: fn(&HitEvents, &Event)) -> impl Fn(E) + 'static {
        let events = Rc::clone(events);
        move |event: E| handle(&events, event.unchecked_ref())
    }
    let keys = Rc::clone(&events);
    let leave = Rc::clone(&events);
    // The tooltip is the box's sibling, so the frame's own layout (`#id ~ .chart-actions`) holds.
    view! {
        <div id=id class="chart" node_ref=node style:height=height inner_html=move || svg.get()
            tabindex=move || waiting().then_some("0") role=move || waiting().then_some("group") aria-label=label
            on:pointerover=on(&events, HitEvents::pointer_over)
            on:pointerdown=on(&events, HitEvents::pointer_over)
            on:focusin=on(&events, HitEvents::focus_in)
            on:focusout=on(&events, HitEvents::focus_out)
            on:pointerleave=move |event| leave.leave(&event)
            on:keydown=move |event| keys.key_down(&event)></div>
        <div role="tooltip" id=tip_id class="chart-tooltip" hidden=move || tip.with(Option::is_none)
            style:left=move || tip.with(|t| t.as_ref().map(|t| format!("{:.0}px", t.x)))
            style:top=move || tip.with(|t| t.as_ref().map(|t| format!("{:.0}px", t.y)))>
            {move || tip.with(|t| t.as_ref().map(|t| t.text.clone()))}
        </div>
    }
}

#[component]
fn DataTableView(chart: Signal<Rendered>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table>
                <caption class="visually-hidden">{move || chart.with(|c| c.title.clone())}</caption>
                <thead>
                    <tr>{move || chart.with(|c| c.table.columns.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr>
                </thead>
                <tbody>
                    {move || chart.with(|c| {
                        c.table.rows.iter().map(|row| view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> }).collect_view()
                    })}
                </tbody>
            </table>
        </div>
    }
}
