//! Which assumption matters most: each uncertain parameter moved to the ends of its range, the
//! others held where the reader set them. A dozen optimum searches, so it runs on the page.

use crate::url_state::UrlState;
use headstart_charts::{tornado_chart, TornadoChart, TornadoRow, ValueUnit};
use headstart_core::format::significant;
use headstart_core::talent::{meta, tornado, TalentView, Tornado, TornadoBar};
use leptos::prelude::*;

fn rows(bars: &[TornadoBar]) -> Vec<TornadoRow> {
    bars.iter()
        .map(|bar| TornadoRow {
            label: meta(&bar.key).map_or_else(|| bar.key.clone(), |m| format!("{} ({})", m.symbol, m.label)),
            low_label: significant(bar.low),
            high_label: significant(bar.high),
            at_low: bar.at_low,
            at_high: bar.at_high,
        })
        .collect()
}

#[component]
pub fn TornadoPanel(url: UrlState<TalentView>) -> impl IntoView {
    let result = Memo::new(move |_| url.state.with(|view| tornado(&view.params, &view.study.ranges)));
    let chart = move |id: &'static str, title: &'static str, value_label: &'static str, unit: ValueUnit, pick: fn(&Tornado) -> (f64, &[TornadoBar])| {
        move || match result.get() {
            Ok(t) => {
                let (base, bars) = pick(&t);
                let svg = tornado_chart(&TornadoChart { title: title.into(), value_label: value_label.into(), unit, base, rows: rows(bars), width: 640 });
                view! { <div id=id class="chart" inner_html=svg></div> }.into_any()
            }
            Err(message) => view! { <p id=id class="field-error">"The sensitivities could not be computed: " {message}</p> }.into_any(),
        }
    };
    let widest = move || {
        result.with(|result| {
            let t = result.as_ref().ok()?;
            let top = t.c_star.first()?;
            let m = meta(&top.key)?;
            Some(format!(
                "{} ({}) matters most: across its range, {} to {}, c* moves from {} to {}.",
                m.symbol,
                m.label,
                significant(top.low),
                significant(top.high),
                ValueUnit::Share.format(top.at_low),
                ValueUnit::Share.format(top.at_high),
            ))
        })
    };
    view! {
        <section class="chart-panel" aria-labelledby="tornado-title">
            <h2 id="tornado-title">"Which assumption matters most"</h2>
            <p class="table-hint">
                "Each bar moves one parameter to the low or the high end of its Monte Carlo range, the others held "
                "where you set them; the widest swing is on top."
            </p>
            <p id="tornado-summary" class="chart-summary">{widest}</p>
            {chart("c-star-tornado", "What moves c*", "Best share pooled, c*", ValueUnit::Share, |t| (t.base.c_star, &t.c_star))}
            {chart("gain-tornado", "What moves the gain", "Gain over the better pure choice", ValueUnit::Multiple, |t| (t.base.gain, &t.gain))}
        </section>
    }
}
