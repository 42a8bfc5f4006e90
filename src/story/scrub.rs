//! A number in a sentence that the reader can change in place: drag it sideways, or focus it and
//! use the arrow keys (Shift, Page Up and Page Down for bigger steps). It is an ARIA slider, and
//! the pencil beside it opens an ordinary field for typing an exact value.

use crate::controls::NumberField;
use headstart_core::input::Bounds;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Pixels of drag per step.
const PIXELS_PER_STEP: f64 = 4.0;

#[component]
pub fn Scrub(
    id: &'static str,
    /// What the number is, for screen readers and the typing field: "salary".
    label: &'static str,
    #[prop(into)] value: Signal<f64>,
    bounds: Bounds,
    step: f64,
    /// The number as the sentence writes it.
    show: fn(f64) -> String,
    #[prop(into)] on_change: Callback<f64>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let drag = StoredValue::new(None::<(f64, f64)>);
    let set = move |next: f64| {
        let next = ((next / step).round() * step).clamp(bounds.min, bounds.max);
        if next != value.get_untracked() {
            on_change.run(next);
        }
    };
    let on_key = move |event: KeyboardEvent| {
        let big = if event.shift_key() { 10.0 } else { 1.0 };
        let current = value.get_untracked();
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowUp" => current + step * big,
            "ArrowLeft" | "ArrowDown" => current - step * big,
            "PageUp" => current + step * 10.0,
            "PageDown" => current - step * 10.0,
            "Home" => bounds.min,
            "End" => bounds.max,
            "Enter" => {
                editing.set(true);
                return;
            }
            _ => return,
        };
        event.prevent_default();
        set(next);
    };
    let on_down = move |event: PointerEvent| {
        drag.set_value(Some((event.client_x() as f64, value.get_untracked())));
        if let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(event.pointer_id());
        }
    };
    let on_move = move |event: PointerEvent| {
        if let Some((start_x, start_value)) = drag.get_value() {
            let steps = ((event.client_x() as f64 - start_x) / PIXELS_PER_STEP).round();
            set(start_value + steps * step);
        }
    };
    let stop = move |_: PointerEvent| drag.set_value(None);
    view! {
        <span class="scrub-group">
            <span
                id=id
                class="scrub"
                role="slider"
                tabindex="0"
                aria-label=label
                aria-valuemin=bounds.min.to_string()
                aria-valuemax=bounds.max.to_string()
                aria-valuenow=move || value.get().to_string()
                aria-valuetext=move || show(value.get())
                title="Drag sideways or use the arrow keys to change; Enter to type a value"
                on:keydown=on_key
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=stop
                on:pointercancel=stop
            >
                {move || show(value.get())}
            </span>
            <button
                type="button"
                class="scrub-edit"
                aria-label=format!("Type the {label}")
                aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|open| *open = !*open)
            >
                "✎"
            </button>
            {move || editing.get().then(|| view! {
                <span class="scrub-field">
                    <NumberField id=format!("{id}-input") label=format!("The {label}") unit="" bounds value on_valid=on_change />
                </span>
            })}
        </span>
    }
}
