//! What a reader can do with a chart's marks: point at one, tap it or reach it from the keyboard
//! to read its exact values in a tooltip, and see the same framework light up in every chart on
//! the page and in the ledger's table.
//!
//! The marks' transparent twins (the `.hit` layer, written by `headstart_charts`) carry the text;
//! one listener per chart box handles every twin (event delegation), because the chart's SVG is
//! replaced wholesale whenever it is redrawn.
//!
//! The layer is drawn lazily: a box shows the plain chart until the reader first reaches for it
//! (a pointer or finger on it, or the keyboard's focus), and from then on the chart with its
//! layer. A value curve has hundreds of targets and a complete heat map 1,600; built as text and
//! parsed into the page on the main thread at load, they added to the load's blocking time (and
//! the page's element count) for readers who mostly never point at a chart. Until its layer
//! exists the box itself is the chart's tab stop, so the keyboard reaches it as before.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, MouseEvent, PointerEvent, SvgElement};

/// The framework pointed at or focused anywhere on the page, shared by every chart and the
/// ledger's table: the one piece of state linked highlighting needs.
#[derive(Clone, Copy)]
pub struct Highlight(pub RwSignal<Option<String>>);

impl Highlight {
    /// The page-wide highlight, for the app's root.
    pub fn provide() -> Highlight {
        let highlight = Highlight(RwSignal::new(None));
        provide_context(highlight);
        highlight
    }

    /// The page's highlight, or one of its own for a chart shown alone.
    pub fn current() -> Highlight {
        use_context::<Highlight>().unwrap_or_else(|| Highlight(RwSignal::new(None)))
    }

    /// Lights up `key` (or nothing), telling the page only when that changes: a pointer crossing
    /// one framework's marks must not rewrite the style rule at every mark.
    pub fn set(self, key: Option<String>) {
        if self.0.with_untracked(|current| *current != key) {
            self.0.set(key);
        }
    }

    /// The style rule that marks `key`'s hits and table row: CSS over the hit layer, so no chart is
    /// drawn again when the highlight moves.
    pub fn css(self) -> String {
        self.0.with(|key| {
            key.as_deref().map_or_else(String::new, |key| {
                let key = key.replace('\\', "\\\\").replace('"', "\\\"");
                format!(
                    r#".hit[data-key="{key}"] {{ stroke: var(--accent); stroke-width: 3px; fill: color-mix(in srgb, var(--accent) 18%, transparent); }} tr[data-key="{key}"] {{ background: var(--surface); box-shadow: inset 3px 0 0 var(--accent); }}"#
                )
            })
        })
    }
}

/// The tooltip's text and where it points, relative to the chart box.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// The hit target an event happened on, if any.
fn hit_of(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()?.closest(".hit").ok()?
}

/// The hit under the point `(x, y)` of the viewport, if it is one of the box's.
fn hit_at(node: NodeRef<Div>, (x, y): (f64, f64)) -> Option<Element> {
    let chart = node.get_untracked()?;
    let hit = document().element_from_point(x as f32, y as f32)?.closest(".hit").ok()??;
    chart.contains(Some(&hit)).then_some(hit)
}

/// The hits of the box, in keyboard order.
fn hits_in(node: NodeRef<Div>) -> Vec<Element> {
    let Some(list) = node.get_untracked().and_then(|box_| box_.query_selector_all(".hit").ok()) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The tooltip for `hit`, centred above it and kept over the box sideways, in the coordinates of
/// the box's positioned ancestor, which the tooltip (the box's sibling) shares.
fn tip_for(hit: &Element, node: NodeRef<Div>) -> Option<Tip> {
    let chart = node.get_untracked()?;
    let origin = chart.offset_parent()?.get_bounding_client_rect();
    let outer = chart.get_bounding_client_rect();
    let mark = hit.get_bounding_client_rect();
    let x = (mark.left() + mark.width() / 2.0).clamp(outer.left(), outer.right()) - origin.left();
    Some(Tip { text: hit.get_attribute("aria-label")?, x, y: mark.top() - origin.top() })
}

/// A finger leaves no pointer behind to leave the box, so a tapped tooltip stays up; a touch
/// anywhere else on the page puts it away, and clears the highlight unless the touch is on
/// another framework.
pub fn hide_on_touch_elsewhere(node: NodeRef<Div>, tip: RwSignal<Option<Tip>>) {
    let highlight = Highlight::current();
    let handle = window_event_listener(ev::pointerdown, move |event| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let inside = match (node.get_untracked(), &target) {
            (Some(chart), Some(target)) => chart.contains(Some(target)),
            _ => false,
        };
        if inside || tip.with_untracked(Option::is_none) {
            return;
        }
        tip.set(None);
        let keyed = target.and_then(|t| t.closest("[data-key]").ok().flatten()).is_some();
        if !keyed {
            highlight.set(None);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The listeners of one chart box: draw the hit layer when the reader first reaches for the
/// chart, show the tooltip for the hit pointed at, tapped or focused, light up its framework, and
/// move the roving focus with the arrow keys, Home and End.
#[derive(Clone)]
pub struct HitEvents {
    pub tip: RwSignal<Option<Tip>>,
    /// Whether the box draws its hit layer: not until the reader first reaches for the chart.
    pub layered: RwSignal<bool>,
    /// Where the pointer that asked for the layer is, while the layer is on its way, so the mark
    /// under it shows its values without the reader moving again.
    pending: StoredValue<Option<(f64, f64)>>,
    node: NodeRef<Div>,
    highlight: Highlight,
    tip_id: String,
}

impl HitEvents {
    pub fn new(node: NodeRef<Div>, tip_id: String) -> HitEvents {
        let highlight = Highlight::current();
        let layered = RwSignal::new(false);
        // A framework lit up anywhere on the page (another chart, the ledger's table) lights up
        // in this chart's layer, so the page's layers are drawn the first time that happens.
        Effect::new(move |_| {
            if highlight.0.with(Option::is_some) && !layered.get_untracked() {
                layered.set(true);
            }
        });
        HitEvents {
            tip: RwSignal::new(None),
            layered,
            pending: StoredValue::new(None),
            node,
            highlight,
            tip_id,
        }
    }

    /// Draws the layer if it is not drawn yet, and then, once the page holds it, runs `then`.
    /// Returns whether the layer was asked for now.
    fn reach(&self, then: impl FnOnce(&HitEvents) + 'static) -> bool {
        if self.layered.get_untracked() {
            return false;
        }
        self.layered.set(true);
        let events = self.clone();
        // The box writes the new drawing in the reactive system's next turn, before the frame.
        request_animation_frame(move || then(&events));
        true
    }

    fn show(&self, hit: &Element) {
        self.tip.set(tip_for(hit, self.node));
        self.highlight.set(hit.get_attribute("data-key"));
    }

    fn hide(&self) {
        self.tip.set(None);
        self.highlight.set(None);
    }

    /// A pointer came over something in the box: the first time, the layer is drawn and the mark
    /// under the pointer then shows; after that a hit shows its values, anything else hides them.
    pub fn pointer_over(&self, event: &Event) {
        let point = event.dyn_ref::<MouseEvent>().map(|e| (f64::from(e.client_x()), f64::from(e.client_y())));
        let first = self.reach(|events| {
            if let Some(hit) =
                events.pending.try_update_value(Option::take).flatten().and_then(|at| hit_at(events.node, at))
            {
                events.show(&hit);
            }
        });
        if first || self.pending.with_value(Option::is_some) {
            self.pending.set_value(point);
            return;
        }
        match hit_of(event) {
            Some(hit) => self.show(&hit),
            None => self.hide(),
        }
    }

    /// The pointer left the box. A finger leaves as it lifts, so a tapped tooltip stays until the
    /// next tap.
    pub fn leave(&self, event: &PointerEvent) {
        if event.pointer_type() != "touch" {
            self.pending.set_value(None);
            self.hide();
        }
    }

    /// Focus reached a hit (by Tab or the arrow keys): show it and describe it by the tooltip.
    /// Focus on the box itself comes before the layer exists: the layer is drawn and the focus
    /// handed to the mark that holds the chart's tab stop.
    pub fn focus_in(&self, event: &Event) {
        let Some(hit) = hit_of(event) else {
            self.reach(|events| {
                let stop = hits_in(events.node)
                    .into_iter()
                    .find(|hit| hit.get_attribute("tabindex").as_deref() == Some("0"));
                if let Some(target) = stop.as_ref().and_then(|hit| hit.dyn_ref::<SvgElement>()) {
                    let _ = target.focus();
                }
            });
            return;
        };
        for other in hits_in(self.node) {
            let _ = other.set_attribute("tabindex", if other == hit { "0" } else { "-1" });
        }
        let _ = hit.set_attribute("aria-describedby", &self.tip_id);
        self.show(&hit);
    }

    pub fn focus_out(&self, event: &Event) {
        if let Some(hit) = hit_of(event) {
            let _ = hit.remove_attribute("aria-describedby");
            self.hide();
        }
    }

    /// Arrow keys step through the marks, Home and End jump to the ends, Escape hides the tooltip.
    pub fn key_down(&self, event: &KeyboardEvent) {
        let Some(hit) = hit_of(event) else { return };
        if event.key() == "Escape" {
            self.tip.set(None);
            return;
        }
        let hits = hits_in(self.node);
        let Some(at) = hits.iter().position(|h| *h == hit) else { return };
        let last = hits.len() - 1;
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1).min(last),
            "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        event.prevent_default();
        if let Some(target) = hits[next].dyn_ref::<SvgElement>() {
            let _ = target.focus();
        }
    }
}
