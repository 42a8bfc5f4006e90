//! c* over two parameters the reader picks, computed in the background worker and drawn as its
//! rows arrive.

use crate::background::Background;
use crate::chart_frame::ChartFrame;
use crate::controls::Choice;
use crate::job_progress::JobProgress;
use crate::url_state::UrlState;
use crate::worker_client::JobStatus;
use headstart_charts::figures::c_star_map;
use headstart_charts::{render, Rendered};
use headstart_core::jobs::Reply;
use headstart_core::talent::{map_axes, HeatmapGrid, MapAxis, TalentView};
use leptos::prelude::*;

/// How often a map that is still filling in is redrawn.
const REDRAW_EVERY_MS: f64 = 250.0;

#[component]
pub fn HeatmapPanel(url: UrlState<TalentView>) -> impl IntoView {
    let background = Background::new();
    let grid = RwSignal::new(HeatmapGrid::default());
    let axes = Memo::new(move |_| url.state.with(|v| (v.study.map_x, v.study.map_y)));
    // Keyed on the request itself: a change the map does not depend on (a Monte Carlo range,
    // the seed) starts no job.
    let request = Memo::new(move |_| url.state.with(|view| view.study.heatmap_request(&view.params)));
    Effect::new(move |_| {
        // The map being filled, shown when its first rows arrive, then at most every
        // REDRAW_EVERY_MS and when it is complete: every redraw is the whole SVG, on the page's
        // thread, and the worker sends rows every 30 ms.
        let filling = std::cell::RefCell::new(None::<HeatmapGrid>);
        let shown_at = std::cell::Cell::new(0.0);
        background.submit(request.get(), move |reply| {
            let Reply::HeatmapRows { x_values, y_values, rows, progress } = reply else { return };
            // The last map stays up until the first rows of the new one arrive.
            let mut filling = filling.borrow_mut();
            let first = filling.is_none();
            let map = filling.get_or_insert_with(|| HeatmapGrid::new(x_values, y_values));
            rows.into_iter().for_each(|row| map.insert(row));
            let now = js_sys::Date::now();
            if first || progress.is_finished() || now - shown_at.get() >= REDRAW_EVERY_MS {
                shown_at.set(now);
                grid.set(map.clone());
            }
        });
    });
    let options: Vec<(&'static str, &'static str)> =
        map_axes().map(|axis| (axis.key().name(), axis.key().meta().label)).collect();
    let pick = move |across: bool| {
        // The picker offers only parameters the map can sweep, by name; any other name changes nothing.
        Callback::new(move |name: String| {
            if let Some(axis) = MapAxis::parse(&name) {
                url.update(|view| view.study.set_axis(across, axis));
            }
        })
    };
    let chart = Memo::new(move |_| {
        let (x, y) = axes.get();
        let params = url.state.with(|v| v.params);
        grid.with(|grid| {
            if grid.x_values.is_empty() {
                let waiting = match background.status.get() {
                    JobStatus::Running(_) | JobStatus::Stalled(_) => {
                        "The map is being computed in the background…"
                    }
                    _ => "No map to show yet: the line above says why.",
                };
                return Rendered {
                    placeholder: format!(r#"<p class="chart-placeholder">{waiting}</p>"#),
                    summary: waiting.to_owned(),
                    ..Rendered::default()
                };
            }
            let rendered = render(&c_star_map(grid, x, y, &params));
            Rendered { filling: !grid.is_complete(), ..rendered }
        })
    });
    view! {
        <section class="chart-panel" aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">"Where the best mix moves"</h2>
            <p class="table-hint">
                "c* for every pair of values of two parameters, the others held where you set them. Each axis spans the parameter's "
                "Monte Carlo range below (or, for a parameter without one, every value it may take). The ring marks your current values."
            </p>
            <div class="settings">
                <Choice id="map-x" label="Across" options=options.clone() selected=Signal::derive(move || axes.get().0.key().name()) on_pick=pick(true) />
                <Choice id="map-y" label="Up" options selected=Signal::derive(move || axes.get().1.key().name()) on_pick=pick(false) />
            </div>
            <JobProgress client=background id="heatmap-status" />
            <div id="heatmap" class:stale=move || !grid.with(HeatmapGrid::is_complete) data-complete=move || grid.with(HeatmapGrid::is_complete).to_string()>
                <ChartFrame id="heatmap-chart" chart />
            </div>
        </section>
    }
}
