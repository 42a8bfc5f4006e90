//! Every model parameter as a labelled field with its unit, default, meaning and source.

use crate::controls::NumberField;
use crate::url_state::UrlState;
use headstart_core::input::{group, Bounds};
use headstart_core::talent::{TalentView, PARAMS};
use leptos::prelude::*;

#[component]
pub fn Parameters(url: UrlState<TalentView>) -> impl IntoView {
    let fields = PARAMS
        .iter()
        .map(|meta| {
            let value = Signal::derive(move || meta.of(&url.get().params));
            view! {
                <div class="parameter">
                    <NumberField
                        id=meta.key
                        label=meta.label
                        unit=meta.unit
                        bounds=Bounds::new(meta.min, meta.max)
                        value
                        on_valid=move |value| url.update(|view| {
                            // The field accepted it within the same bounds, so the model does too.
                            let _ = view.params.set(meta.key, value);
                        })
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
                <button type="button" id="reset-parameters" class="button" on:click=move |_| url.update(|view| *view = TalentView::default())>
                    "Reset to defaults"
                </button>
            </div>
            <div class="parameter-grid">{fields}</div>
        </section>
    }
}
