//! Which assumption matters most: each uncertain parameter moved to the ends of its range, the
//! others held where the reader set them. A dozen optimum searches, so it runs on the page.

use crate::chart_frame::ChartFrame;
use crate::url_state::UrlState;
use headstart_charts::{render, TornadoChart, TornadoRow, ValueUnit, PUBLICATION_WIDTH};
use headstart_core::embeds::Embed;
use headstart_core::format::significant;
use headstart_core::talent::{tornado, TalentView, Tornado, TornadoBar};
use leptos::prelude::*;

fn rows(bars: &[TornadoBar]) -> Vec<TornadoRow> {
    bars.iter()
        .map(|bar| TornadoRow {
            label: format!("{} ({})", bar.key.meta().symbol, bar.key.meta().label),
            low_label: significant(bar.low),
            high_label: significant(bar.high),
            at_low: bar.at_low,
            at_high: bar.at_high,
        })
        .collect()
}

/// Which outcome a tornado explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    CStar,
    Gain,
}

/// The tornado of one outcome; the page and the embed draw it from here.
pub fn sensitivity_chart(t: &Tornado, outcome: Outcome) -> TornadoChart {
    let (title, value_label, unit, base, bars) = match outcome {
        Outcome::CStar => {
            ("What moves c*", "Best share pooled, c*", ValueUnit::Share, t.base.c_star, &t.c_star)
        }
        Outcome::Gain => (
            "What moves the gain",
            "Gain over the better pure choice",
            ValueUnit::Multiple,
            t.base.gain,
            &t.gain,
        ),
    };
    TornadoChart {
        title: title.into(),
        value_label: value_label.into(),
        unit,
        base,
        rows: rows(bars),
        width: PUBLICATION_WIDTH,
    }
}

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
