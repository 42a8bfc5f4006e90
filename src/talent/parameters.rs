//! Every model parameter as a labelled field with its unit, default, meaning and source.

use crate::controls::NumberField;
use crate::router::app_href;
use crate::url_state::UrlState;
use headstart_core::input::group;
use headstart_core::query::QueryWriter;
use headstart_core::talent::{ParamKey, TalentView};
use leptos::prelude::*;

#[component]
pub fn Parameters(url: UrlState<TalentView>) -> impl IntoView {
    let fields = ParamKey::own()
        .map(|key| {
            let meta = key.meta();
            let value = Signal::derive(move || url.get().params.get(key));
            view! {
                <div class="parameter">
                    <NumberField
                        id=key.name()
                        label=meta.label
                        unit=meta.unit
                        bounds=meta.bounds()
                        value
                        on_valid=move |value| url.update(|view| view.params.set(key, value))
                    />
                    <p class="parameter-meaning">
                        {meta.meaning} " Default " {group(meta.default_value())} ". "
                        <span class="parameter-source">{meta.source}</span>
                    </p>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="parameters" aria-labelledby="parameters-title">
            <div class="chart-header">
                <h2 id="parameters-title">"Assumptions"</h2>
                <button type="button" id="reset-parameters" class="button" on:click=move |_| url.update(TalentView::reset_params)>
                    "Reset to defaults"
                </button>
            </div>
            <p class="settings-note" id="effort-equation">
                {move || {
                    let view = url.get();
                    format!(
                        "Effort equation, from the ledger's model ({}): PM = {:.3} · KSLOC^{:.4}. ",
                        view.assumptions.model.name(),
                        view.params.effort_a,
                        view.params.effort_b,
                    )
                }}
                <a href=move || ledger_link(&url.get())>"Change the model on the ledger"</a>
            </p>
            <div class="parameter-grid">{fields}</div>
        </section>
    }
}

/// The ledger with this page's estimation choices, where a and b are set.
fn ledger_link(view: &TalentView) -> String {
    let mut query = QueryWriter::default();
    view.assumptions.write(&mut query);
    app_href("/ledger", &query.finish())
}
