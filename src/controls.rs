//! Form controls that never lose what the reader typed: a value the core rejects stays in the
//! field with the core's message beside it, and the page keeps its last good result.

use headstart_core::input::{group, parse_number, Bounds};
use leptos::prelude::*;

/// A labelled `<select>` over a fixed set of choices identified by URL keys.
#[component]
pub fn Choice(
    id: &'static str,
    label: &'static str,
    /// (key, label) of every option.
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] selected: Signal<&'static str>,
    /// A callback, not a generic closure, so the many pickers share one compiled component.
    #[prop(into)]
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="control" for=id>
            <span class="control-label">{label}</span>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key selected=move || selected.get() == key>{text}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A labelled number field. Edits apply as the reader types, once they parse within bounds.
#[component]
pub fn NumberField(
    /// Owned, so a table of fields can compose ids such as `rho_lo`.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// Shown after the field, e.g. "USD per person-year".
    unit: &'static str,
    bounds: Bounds,
    #[prop(into)] value: Signal<f64>,
    #[prop(into)] on_valid: Callback<f64>,
) -> impl IntoView {
    let text = RwSignal::new(group(value.get_untracked()));
    let error = RwSignal::new(None::<String>);
    // Follow outside changes (a preset, the back button) unless the reader's text already means it.
    Effect::new(move |_| {
        let current = value.get();
        if parse_number(&text.get_untracked(), bounds).ok() != Some(current) {
            text.set(group(current));
            error.set(None);
        }
    });
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    view! {
        <label class="control" for=id.clone()>
            <span class="control-label">{label}</span>
            <span class="number-input">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || text.get()
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=move || error.get().map(|_| described_by.clone())
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        text.set(typed.clone());
                        match parse_number(&typed, bounds) {
                            Ok(number) => {
                                error.set(None);
                                on_valid.run(number);
                            }
                            Err(message) => error.set(Some(message.to_string())),
                        }
                    }
                />
                <span class="unit">{unit}</span>
            </span>
            {move || error.get().map(|message| view! { <span class="field-error" id=error_id.clone() role="alert">{message}</span> })}
        </label>
    }
}
