//! The cost ledger page: the article's table rebuilt and recomputed live.

mod adoption;
pub(crate) mod band;
pub(crate) mod chart;
pub(crate) mod compare;
mod headline;
mod model;
mod settings;
mod sources;
mod table;

use crate::job_progress::JobProgress;
use crate::notice::QueryNotice;
use crate::url_state::{use_url_state, QueryState};
use headstart_core::article;
use headstart_core::dataset::Dataset;
use headstart_core::ledger::{Ledger, LedgerView};
use headstart_core::query::{QueryReader, QueryWriter};
use leptos::prelude::*;

impl QueryState for LedgerView {
    fn read(query: &mut QueryReader) -> Self {
        LedgerView::read(query, Dataset::bundled())
    }

    fn write(&self, query: &mut QueryWriter) {
        LedgerView::write(self, query)
    }
}

#[component]
pub fn LedgerPage() -> impl IntoView {
    let url = use_url_state::<LedgerView>();
    let ledger = Memo::new(move |_| Ledger::compute(Dataset::bundled(), &url.get()));
    let band_input = Memo::new(move |_| ledger.with(|ledger| ledger.band_input(&url.get())));
    let (background, band) = band::use_band(move || Some(band_input.get()));
    let exponent = Signal::derive(move || url.get().assumptions.model.power_law().1);
    let dollars_year = Signal::derive(move || url.get().assumptions.dollars_year());
    view! {
        <article class="ledger">
            <h1>{format!("The {} head start, rebuilt", article::quoted_cost())}</h1>
            <p class="lede">
                "In April 2017 an article argued that Google, Facebook, Microsoft, IBM, Baidu, Amazon and university labs had "
                {format!(
                    "open-sourced at least {} lines of machine-learning platform code: over {} person-years, about {} ",
                    article::quoted_lines(),
                    article::quoted_person_years(),
                    article::quoted_cost(),
                )}
                "of work handed to every AI company. Its table was lost; here it is rebuilt from measured code, with every "
                "assumption open to change."
            </p>
            <QueryNotice problems=url.problems />
            <settings::Settings url />
            <model::ModelSettings url />
            <band::BandSettings url />
            <headline::Headline ledger band exponent dollars_year />
            <JobProgress client=background id="job-status" />
            <chart::LedgerChart ledger url band />
            <table::LedgerTable ledger url />
            <adoption::Adoption ledger url />
            <compare::CompareCharts ledger url />
            <sources::Sources />
        </article>
    }
}
