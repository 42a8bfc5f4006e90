//! The charts' first drawing during the take-over, one task per chart.
//!
//! While the live app renders out of sight behind the prerendered snapshot (src/prerender.rs),
//! drawing every chart inside the mount made one long task: on the ledger about a quarter of a
//! second of blocked main thread on a mid-range phone, on Pool or spread more. Nobody sees the
//! live charts before the swap, so each chart box draws its first picture in a task of its own,
//! and input and rendering can run between them. The swap waits until all of them have drawn, so
//! the reader never sees a box without its chart, and no box changes height after the swap.
//! Outside the take-over (development, a chart added later) a chart draws at once.

use std::cell::{Cell, RefCell};

thread_local! {
    /// Whether the take-over is under way: set before the mount, cleared at the swap.
    static DEFERRING: Cell<bool> = const { Cell::new(false) };
    /// First draws queued and not yet run.
    static PENDING: Cell<usize> = const { Cell::new(0) };
    /// The swap, once it waits only for the draws.
    static AFTER: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

/// From now until `after_first_draws` runs its swap, charts draw in tasks of their own.
pub fn defer() {
    DEFERRING.with(|deferring| deferring.set(true));
}

/// Whether a chart box made now should draw later, through `draw_later`.
pub fn deferring() -> bool {
    DEFERRING.with(Cell::get)
}

/// Runs `draw` in a task of its own; the swap waits for it.
pub fn draw_later(draw: impl FnOnce() + 'static) {
    PENDING.with(|pending| pending.set(pending.get() + 1));
    gloo_timers::callback::Timeout::new(0, move || {
        draw();
        let left = PENDING.with(|pending| {
            pending.set(pending.get() - 1);
            pending.get()
        });
        if left == 0 {
            if let Some(after) = AFTER.with(|after| after.borrow_mut().take()) {
                // After this task's microtasks, which apply the drawing.
                leptos::prelude::request_animation_frame(after);
            }
        }
    })
    .forget();
}

/// Runs `swap` once every queued first draw has run (at once if none is waiting), and ends the
/// deferring.
pub fn after_first_draws(swap: impl FnOnce() + 'static) {
    let swap = move || {
        DEFERRING.with(|deferring| deferring.set(false));
        swap();
    };
    if PENDING.with(Cell::get) == 0 {
        swap();
    } else {
        AFTER.with(|after| *after.borrow_mut() = Some(Box::new(swap)));
    }
}
