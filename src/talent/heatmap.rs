//! c* over two parameters the reader picks, computed in the background worker and drawn as its
//! rows arrive.

use crate::background::Background;
use crate::chart_frame::ChartFrame;
use crate::controls::Choice;
use crate::job_progress::JobProgress;
use crate::url_state::UrlState;
use headstart_charts::{render, HeatmapChart, Rendered, ValueUnit, PUBLICATION_WIDTH};
use headstart_core::jobs::Reply;
use headstart_core::talent::{map_axes, HeatmapGrid, HeatmapRow, MapAxis, TalentView};
use leptos::prelude::*;

fn c_star(row: &HeatmapRow) -> &[f64] {
    &row.c_star
}

/// "ρ (relevance of the open-source stock)"
fn axis_title(axis: MapAxis) -> String {
    let m = axis.key().meta();
    format!("{} ({})", m.symbol, m.label)
}

#[component]
pub fn HeatmapPanel(url: UrlState<TalentView>) -> impl IntoView {
    let background = Background::new();
    let grid = RwSignal::new(HeatmapGrid::default());
    let axes = Memo::new(move |_| url.state.with(|v| (v.study.map_x, v.study.map_y)));
    Effect::new(move |_| {
        let view = url.get();
        let fresh = std::cell::Cell::new(true);
        background.submit(view.study.heatmap_request(&view.params), move |reply| {
            if let Reply::HeatmapRows { x_values, y_values, rows, .. } = reply {
                // The last map stays up until the first row of the new one arrives.
                if fresh.replace(false) {
                    grid.set(HeatmapGrid::new(x_values, y_values));
                }
                grid.update(|grid| rows.into_iter().for_each(|row| grid.insert(row)));
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
        let marker = Some((params.get(x.key()), params.get(y.key())));
        grid.with(|grid| {
            if grid.x_values.is_empty() {
                let waiting = "The map is being computed in the background…";
                return Rendered {
                    placeholder: format!(r#"<p class="chart-placeholder">{waiting}</p>"#),
                    summary: waiting.to_owned(),
                    ..Rendered::default()
                };
            }
            render(&HeatmapChart {
                title: format!("Best share pooled, c*, over {} and {}", axis_title(x), axis_title(y)),
                x_label: axis_title(x),
                y_label: axis_title(y),
                x_values: grid.x_values.clone(),
                y_values: grid.y_values.clone(),
                cells: grid.cells(c_star),
                value_label: "c*".into(),
                unit: ValueUnit::Share,
                // The map's own span, so its structure shows; the key states it.
                domain: grid.extremes(c_star).map_or((0.0, 1.0), |(low, high)| (low.value, high.value)),
                marker,
                width: PUBLICATION_WIDTH,
            })
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
            <JobProgress background id="heatmap-status" />
            <div id="heatmap" class:stale=move || !grid.with(HeatmapGrid::is_complete) data-complete=move || grid.with(HeatmapGrid::is_complete).to_string()>
                <ChartFrame id="heatmap-chart" chart />
            </div>
        </section>
    }
}
