//! The landing essay: the article's argument in four short parts, every figure in its sentences
//! computed by the core from the bundled data and the reader's assumptions, a few of them
//! adjustable in place, each part with one chart and a link to the page that goes deeper.

mod scrub;

use crate::chart_frame::ChartFrame;
use crate::ledger::band::use_band;
use crate::notice::QueryNotice;
use crate::router::app_href;
use crate::url_state::{use_url_state, QueryState, UrlState};
use headstart_charts::figures::{
    alternatives_chart, curve_chart, framework_bars, growth_chart, span, Curve, POINTS,
};
use headstart_charts::render;
use headstart_core::article;
use headstart_core::dataset::{Dataset, Era};
use headstart_core::embeds::Embed;
use headstart_core::format::grouped;
use headstart_core::input::Bounds;
use headstart_core::ledger::{Ledger, Metric};
use headstart_core::query::{QueryReader, QueryWriter};
use headstart_core::story::phrases::{
    about_money, among_alternatives, band_sentence, claim_verdict, growth_sentence, lines, method_phrase,
    over, pooling_sentence,
};
use headstart_core::story::{Story, StoryView};
use headstart_core::talent::{curve, ParamKey};
use leptos::prelude::*;
use scrub::Scrub;

impl QueryState for StoryView {
    fn read(query: &mut QueryReader) -> Self {
        StoryView::read(query, Dataset::bundled())
    }

    fn write(&self, query: &mut QueryWriter) {
        StoryView::write(self, query)
    }
}

/// The salaries the in-text control offers, in dollars of the preset's year.
const SALARY: Bounds = Bounds::new(20_000.0, 400_000.0);

#[component]
pub fn StoryPage() -> impl IntoView {
    let url = use_url_state::<StoryView>();
    let story = Memo::new(move |_| Story::compute(Dataset::bundled(), &url.get()));
    let ledger = Memo::new(move |_| Ledger::compute(Dataset::bundled(), &url.get().ledger));
    let band_input = Memo::new(move |_| ledger.with(|ledger| ledger.band_input(&url.get().ledger)));
    let (_, band) = use_band(move || Some(band_input.get()));
    view! {
        <article class="story prose">
            <h1>{format!("The {} head start", article::quoted_cost())}</h1>
            <QueryNotice problems=url.problems />
            <Claim url story ledger />
            <HoldsUp url story band />
            <Now url story ledger />
            <PoolOrSpread url story />
            <p class="story-source">
                "The claim examined: " {article::AUTHOR} ", " <a href=article::URL>{format!("“{}”", article::TITLE)}</a> ", "
                {article::PUBLICATION} ", " {article::DATE} ". Line counts: the bundled dataset, measured from each project's "
                "git history, with the source of every number on the ledger. "
                <a href="method">"How every figure is computed"</a>
            </p>
        </article>
    }
}

#[component]
fn Claim(url: UrlState<StoryView>, story: Memo<Story>, ledger: Memo<Ledger<'static>>) -> impl IntoView {
    let claim = move || story.with(|s| s.claim);
    let today = move || url.state.with(|v| v.ledger.era == Era::Latest);
    let salary = Signal::derive(move || url.state.with(|v| v.ledger.assumptions.salary));
    let chart = Memo::new(move |_| render(&ledger.with(|ledger| framework_bars(ledger, Metric::Cost, None))));
    view! {
        <section id="claim" aria-labelledby="claim-title">
            <h2 id="claim-title">"1. The claim"</h2>
            <p class="lede">
                "In April 2017 an article argued that Google, Facebook, Microsoft, IBM, Baidu, Amazon and university labs had "
                "open-sourced at least " <strong id="story-lines" data-value=move || claim().lines.to_string()>{move || lines(claim().lines)}</strong>
                " lines of machine-learning platform code: " <strong id="story-person-years" data-value=move || claim().person_years.to_string()>{move || over(claim().person_years)}</strong>
                " person-years of work, about " <strong id="story-cost" data-value=move || claim().cost.to_string()>{move || about_money(claim().cost)}</strong>
                ", a head start handed to every AI company. The question it ended on is the one this site is built around: "
                "is the ecosystem better off with its best engineers pooled in a few labs that open-source their platforms, or "
                "spread as small teams across many companies?"
            </p>
            <p>
                "Those figures are recomputed here, not copied: " {move || grouped(claim().counted as f64)} " frameworks, "
                <button type="button" id="story-era" class="in-text-toggle" aria-pressed=move || today().to_string()
                    on:click=move |_| url.update(|v| v.ledger.era = if v.ledger.era == Era::Latest { Era::Article2017 } else { Era::Latest })>
                    {move || if today() { "their code today" } else { "their code as it stood on the article's date" }}
                </button>
                ", " {move || url.state.with(|v| method_phrase(&v.ledger))} ", at "
                <Scrub id="story-salary" label="salary per person-year" value=salary bounds=SALARY step=1_000.0 show=|x| format!("${}", grouped(x))
                    on_change=move |x| url.update(|v| v.ledger.assumptions.salary = x) />
                {format!(
                    " a person-year (the article's {} over its {} person-years implies about ${}). The result ",
                    article::quoted_cost(),
                    article::quoted_person_years(),
                    grouped(article::implied_salary()),
                )}
                <span id="story-verdict">{move || claim_verdict(claim().cost)}</span> ". "
                <a href="method#basic-cocomo">"How COCOMO turns lines into person-years"</a>
            </p>
            <ChartFrame id="story-claim-chart" chart embed=Embed::StoryClaim />
            <p class="story-next"><a id="claim-deeper" href=move || app_href("/ledger", &url.get().ledger_query())>"Every framework, with its sources, in the ledger →"</a></p>
        </section>
    }
}

#[component]
fn HoldsUp(
    url: UrlState<StoryView>,
    story: Memo<Story>,
    band: RwSignal<Option<headstart_core::ledger::Band>>,
) -> impl IntoView {
    let spread = move || {
        story.with(|s| {
            (span(s.alternatives.iter().map(|a| a.person_years)), span(s.alternatives.iter().map(|a| a.cost)))
        })
    };
    let sentence = move || {
        let ((years_low, years_high), (cost_low, cost_high)) = spread();
        format!(
            "Line counters disagree by about 15% on the same code, and cost models by more. Applied to the same frameworks at the \
             same salary, the other counters and models give {} to {} person-years, {} to {}: {}.",
            grouped(years_low.round()),
            grouped(years_high.round()),
            about_money(cost_low),
            about_money(cost_high),
            among_alternatives(cost_low, cost_high),
        )
    };
    let chart = Memo::new(move |_| story.with(|s| render(&alternatives_chart(s))));
    view! {
        <section id="holds-up" aria-labelledby="holds-up-title">
            <h2 id="holds-up-title">"2. Does it hold up?"</h2>
            <p id="story-alternatives">{sentence} " " <a href="method#presets">"What each tool does"</a></p>
            <p id="story-band" data-ready=move || band.with(Option::is_some).to_string()>
                {move || band.with(|b| b.as_ref().map_or_else(|| "Computing how uncertain the figure is…".to_owned(), |b| band_sentence(&b.cost)))}
                " " <a href="method#uncertainty">"How the band is drawn"</a>
            </p>
            <ChartFrame id="story-alternatives-chart" chart embed=Embed::StoryAlternatives />
            <p class="story-next">
                <a id="holds-up-deeper" href=move || format!("{}#model-settings", app_href("/ledger", &url.get().ledger_query()))>"Change the counter, the model and its constants in the ledger →"</a>
            </p>
        </section>
    }
}

#[component]
fn Now(url: UrlState<StoryView>, story: Memo<Story>, ledger: Memo<Ledger<'static>>) -> impl IntoView {
    let counter = move || url.state.with(|v| v.ledger.counter);
    let chart = Memo::new(move |_| render(&ledger.with(|ledger| growth_chart(ledger, counter()))));
    let text = move || {
        story.with(|s| {
            let names = match s.newcomer_names.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [first @ .., last] => format!("{} and {last}", first.join(", ")),
            };
            format!(
                "{} Written from scratch today, at {} prices, they would take {} person-years, about {}. The {} frameworks published \
                 since the article ({names}) add {} lines and about {} more.",
                growth_sentence(s.lines_2017, s.now.lines),
                s.dollars_today,
                over(s.now.person_years),
                about_money(s.now.cost),
                s.newcomers.counted,
                lines(s.newcomers.lines),
                about_money(s.newcomers.cost),
            )
        })
    };
    view! {
        <section id="now" aria-labelledby="now-title">
            <h2 id="now-title">"3. What it is worth now"</h2>
            <p id="story-now">{text} " " <a href="method#dollars">"Which year's dollars"</a></p>
            <ChartFrame id="story-growth-chart" chart embed=Embed::StoryGrowth />
            <p class="story-next"><a id="now-deeper" href=move || app_href("/ledger", &url.get().ledger_query_in(Era::Latest))>"Today's code, framework by framework, in the ledger →"</a></p>
        </section>
    }
}

#[component]
fn PoolOrSpread(url: UrlState<StoryView>, story: Memo<Story>) -> impl IntoView {
    let open = ParamKey::OpenShare.meta();
    let share = Signal::derive(move || url.state.with(|v| v.talent.open_share));
    let chart = Memo::new(move |_| {
        let params = url.state.with(|v| v.talent);
        story.with(|s| render(&curve_chart(Curve::Value, &curve(&params, POINTS), &s.pooling)))
    });
    view! {
        <section id="pool-or-spread" aria-labelledby="pool-title">
            <h2 id="pool-title">"4. Pool or spread?"</h2>
            <p>
                "A model makes the article's question computable. Engineers either work in a few labs, which spend part of their "
                "effort on platforms they open-source, or in small teams at firms, which must build or adopt a platform before "
                "they can work on their own problem. If the labs open-source "
                <Scrub id="story-open" label="share of lab effort open-sourced" value=share bounds=Bounds::new(open.min, open.max) step=0.05
                    show=|x| format!("{:.0}%", x * 100.0) on_change=move |x| url.update(|v| v.talent.set(ParamKey::OpenShare, x)) />
                " of their work: " <span id="story-pooling" data-c-star=move || story.with(|s| s.pooling.c_star.to_string())>
                    {move || story.with(|s| pooling_sentence(&s.pooling))}
                </span>
                " This is a stylised argument, not a forecast: every assumption behind it is on the model's page. "
                <a href="method#talent-model">"The model's equations and sources"</a>
            </p>
            <ChartFrame id="story-value-chart" chart embed=Embed::StoryValue />
            <p class="story-next"><a id="pool-deeper" href=move || app_href("/pool-or-spread", &url.get().talent_query())>"Every assumption, the heat map, the Monte Carlo and the tornado →"</a></p>
        </section>
    }
}
