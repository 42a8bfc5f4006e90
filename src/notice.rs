//! Tells the reader which link parameters were ignored, instead of failing or silently
//! showing something other than what the sender saw.

use headstart_core::query::Problem;
use leptos::prelude::*;

#[component]
pub fn QueryNotice(problems: Memo<Vec<Problem>>) -> impl IntoView {
    let dismissed = RwSignal::new(Vec::<Problem>::new());
    let visible = move || {
        let problems = problems.get();
        (!problems.is_empty() && problems != dismissed.get()).then_some(problems)
    };
    move || {
        visible().map(|problems| {
            view! {
                <div class="notice" role="status" id="query-notice">
                    <p>"Some settings in this link could not be used, so their defaults are shown:"</p>
                    <ul>
                        {problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="notice-dismiss" on:click=move |_| dismissed.set(problems.clone())>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
