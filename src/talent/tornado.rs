//! Which assumption matters most: each uncertain parameter moved to the ends of its range, the
//! others held where the reader set them. A dozen optimum searches, so it runs on the page.

use crate::chart_frame::ChartFrame;
use crate::url_state::UrlState;
use headstart_charts::figures::{sensitivity_chart, Outcome};
use headstart_charts::render;
use headstart_core::embeds::Embed;
use headstart_core::talent::{tornado, TalentView};
use leptos::prelude::*;

#[component]
pub fn TornadoPanel(url: UrlState<TalentView>) -> impl IntoView {
    // Keyed on exactly what the sensitivities depend on: moving the heat map's axes redraws nothing here.
    let inputs = Memo::new(move |_| url.state.with(|view| (view.params, view.study.ranges.clone())));
    let result = Memo::new(move |_| inputs.with(|(params, ranges)| tornado(params, ranges)));
    let failed = Memo::new(move |_| result.with(|r| r.as_ref().err().map(ToString::to_string)));
    let chart = move |id: &'static str, embed: Embed, outcome: Outcome| {
        let rendered = Memo::new(move |_| {
            result.with(|r| r.as_ref().map(|t| render(&sensitivity_chart(t, outcome))).unwrap_or_default())
        });
        move || {
            match failed.get() {
            None => view! { <ChartFrame id chart=rendered embed /> }.into_any(),
            Some(message) => view! { <p id=id class="field-error">"The sensitivities could not be computed: " {message}</p> }.into_any(),
        }
        }
    };
    view! {
        <section class="chart-panel" aria-labelledby="tornado-title">
            <h2 id="tornado-title">"Which assumption matters most"</h2>
            <p class="table-hint">
                "Each bar moves one parameter to the low or the high end of its Monte Carlo range, the others held "
                "where you set them; the widest swing is on top."
            </p>
            {chart("c-star-tornado", Embed::TornadoCStar, Outcome::CStar)}
            {chart("gain-tornado", Embed::TornadoGain, Outcome::Gain)}
        </section>
    }
}
